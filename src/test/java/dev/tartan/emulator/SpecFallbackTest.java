package dev.tartan.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.testing.SpecSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Operations without state answer the spec's example, with new ids and a new request_id on every call. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpecFallbackTest {
    /** No module makes asset reports stateful: /asset_report/create answers from its example. */
    private static final String EXAMPLE_OPERATION = "/asset_report/create";

    private PlaidEmulator emulator;
    private EmulatorClient client;

    @BeforeAll
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new EmulatorClient(emulator);
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    @Test
    void eachCallGetsFreshIdsAndRequestId() {
        ObjectNode request = body().put("days_requested", 30);
        request.putArray("access_tokens").add(client.newItem("user_good", "pass_good"));
        JsonNode first = client.ok(EXAMPLE_OPERATION, request);
        JsonNode second = client.ok(EXAMPLE_OPERATION, request);
        for (JsonNode answer : List.of(first, second)) {
            assertThat(SpecSchemas.responseProblems(EXAMPLE_OPERATION, answer)).isEmpty();
        }
        for (String field : List.of("asset_report_id", "asset_report_token", "request_id")) {
            assertThat(first.path(field).asText()).as(field).isNotBlank().isNotEqualTo(second.path(field).asText());
        }
    }

    @Test
    void everyTokenOfAnAccessTokensArrayMustBeOneTheEmulatorIssued() {
        ObjectNode request = body().put("days_requested", 30);
        request.putArray("access_tokens").add(client.newItem("user_good", "pass_good"))
                .add("access-sandbox-00000000-0000-4000-8000-000000000000");
        EmulatorClient.Answer answer = client.post(EXAMPLE_OPERATION, request);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("INVALID_ACCESS_TOKEN");
    }
}
