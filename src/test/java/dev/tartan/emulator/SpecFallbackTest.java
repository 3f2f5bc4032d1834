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
    /** No module makes Plaid Check audit copy tokens stateful: /credit/audit_copy_token/create answers from its example. */
    private static final String EXAMPLE_OPERATION = "/credit/audit_copy_token/create";
    /** An operation without state that takes an access_tokens array. */
    private static final String MULTI_ITEM_OPERATION = "/credit/payroll_income/precheck";

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
        ObjectNode request = body();
        request.putArray("report_tokens").add("assets-sandbox-00000000-0000-4000-8000-000000000000");
        JsonNode first = client.ok(EXAMPLE_OPERATION, request);
        JsonNode second = client.ok(EXAMPLE_OPERATION, request);
        for (JsonNode answer : List.of(first, second)) {
            assertThat(SpecSchemas.responseProblems(EXAMPLE_OPERATION, answer)).isEmpty();
        }
        for (String field : List.of("audit_copy_token", "request_id")) {
            assertThat(first.path(field).asText()).as(field).isNotBlank().isNotEqualTo(second.path(field).asText());
        }
    }

    @Test
    void everyTokenOfAnAccessTokensArrayMustBeOneTheEmulatorIssued() {
        ObjectNode request = body();
        request.putArray("access_tokens").add(client.newItem("user_good", "pass_good"))
                .add("access-sandbox-00000000-0000-4000-8000-000000000000");
        assertThat(client.post(MULTI_ITEM_OPERATION, body().set("access_tokens", body().arrayNode()
                .add(request.get("access_tokens").get(0)))).status()).as("known tokens are answered").isEqualTo(200);
        EmulatorClient.Answer answer = client.post(MULTI_ITEM_OPERATION, request);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("INVALID_ACCESS_TOKEN");
    }
}
