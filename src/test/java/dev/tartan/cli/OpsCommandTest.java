package dev.tartan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpsCommandTest {

    @Test
    void listsEveryOperationWithoutAFilter() {
        CliRun run = CliRun.run(Map.of(), "ops");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("/accounts/get", "/processor/signal/prepare", "333 operations");
    }

    @Test
    void filtersByEveryWordAndShowsBadges() {
        CliRun run = CliRun.run(Map.of(), "ops", "item", "remove");
        assertThat(run.out()).contains("/item/remove", "[destructive]").doesNotContain("/accounts/get");
    }

    @Test
    void printsJsonForScripts() throws Exception {
        CliRun run = CliRun.run(Map.of(), "ops", "--json", "transfer", "create");
        JsonNode list = new ObjectMapper().readTree(run.out());
        assertThat(list.isArray()).isTrue();
        assertThat(list.findValuesAsText("path")).contains("/transfer/create");
        JsonNode create = null;
        for (JsonNode op : list) {
            if (op.path("path").asText().equals("/transfer/create")) {
                create = op;
            }
        }
        assertThat(create.path("flags").toString()).contains("moves money");
    }

    @Test
    void exitsNonZeroWhenNothingMatches() {
        CliRun run = CliRun.run(Map.of(), "ops", "no-such-operation-anywhere");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("0 operations");
    }
}
