package dev.tartan.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.model.Operation;
import dev.tartan.model.SchemaProblem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleRequestsTest {

    static OperationCatalog catalog;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void load() {
        catalog = OperationCatalog.loadBundled();
    }

    @Test
    void everyExampleRequestValidatesAgainstItsSchema() {
        List<String> failures = new ArrayList<>();
        for (Operation op : catalog.operations()) {
            ObjectNode example = catalog.exampleRequest(op);
            List<SchemaProblem> problems = catalog.validateRequest(op, example);
            if (!problems.isEmpty()) {
                failures.add(op.path() + " " + example + " -> " + problems);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void examplesCarryNoCredentialsAndPlaceholderTokens() {
        for (Operation op : catalog.operations()) {
            JsonNode example = catalog.exampleRequest(op);
            assertThat(example.has("client_id") || example.has("secret")).as(op.path()).isFalse();
        }
        JsonNode accounts = catalog.exampleRequest(catalog.find("/accounts/get").orElseThrow());
        assertThat(accounts.path("access_token").asText()).startsWith("access-sandbox-");
        JsonNode processor = catalog.exampleRequest(catalog.find("/processor/auth/get").orElseThrow());
        assertThat(processor.path("processor_token").asText()).startsWith("processor-sandbox-");
    }

    @Test
    void examplesAreFreshCopies() {
        Operation op = catalog.find("/accounts/get").orElseThrow();
        catalog.exampleRequest(op).put("access_token", "changed");
        assertThat(catalog.exampleRequest(op).path("access_token").asText()).isNotEqualTo("changed");
    }

    @Test
    void validationNamesTheFieldThatIsWrong() throws Exception {
        Operation sync = catalog.find("/transactions/sync").orElseThrow();
        assertThat(catalog.validateRequest(sync, (ObjectNode) JSON.readTree("{}")))
                .anySatisfy(p -> assertThat(p.message()).contains("access_token"));
        assertThat(catalog.validateRequest(sync, (ObjectNode) JSON.readTree("{\"access_token\":\"a\",\"count\":\"ten\"}")))
                .anySatisfy(p -> {
                    assertThat(p.field()).isEqualTo("count");
                    assertThat(p.message()).contains("integer");
                });
        assertThat(catalog.validateRequest(sync, (ObjectNode) JSON.readTree("{\"access_token\":\"a\",\"colour\":\"red\"}")))
                .containsExactly(new SchemaProblem("colour", "is not a field of this request; Plaid rejects unknown fields"));
        assertThat(catalog.validateRequest(sync, (ObjectNode) JSON.readTree("{\"access_token\":\"a\",\"options\":{\"include_originl_description\":true}}")))
                .extracting(SchemaProblem::field).containsExactly("options.include_originl_description");
        assertThat(catalog.validateRequest(sync, (ObjectNode) JSON.readTree("{\"access_token\":\"a\",\"client_id\":\"c\",\"secret\":\"s\"}")))
                .isEmpty();
    }
}
