package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Transfers from authorization to their last status: creation, cancel, every simulated transition, and the test amounts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferLifecycleTest {
    private static final List<String> EVENT_TYPES = List.of("posted", "settled", "funds_available", "failed", "returned");
    /** How to reach each status from pending with /sandbox/transfer/simulate. */
    private static final Map<String, List<String>> PATHS = Map.of(
            "pending", List.of(),
            "posted", List.of("posted"),
            "settled", List.of("posted", "settled"),
            "funds_available", List.of("posted", "settled", "funds_available"),
            "failed", List.of("failed"),
            "returned", List.of("posted", "returned"));

    private PlaidEmulator emulator;
    private TransferClient client;
    private TransferClient.Account checking;
    /** First Platypus Bank's checking account, which real-time payments reach. */
    private TransferClient.Account instantPayable;

    @BeforeAll
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new TransferClient(emulator);
        checking = client.checkingWithAvailable("900");
        instantPayable = client.checking();
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private String pendingTransfer(String type) {
        return client.transfer(checking, type, "10.00").path("id").asText();
    }

    @Test
    void anApprovedAuthorizationCreatesOnePendingTransferHoweverOftenItIsSent() {
        JsonNode authorization = client.authorize(checking, "debit", "25.00");
        ObjectNode request = checking.named().put("authorization_id", authorization.path("id").asText())
                .put("description", "invoice").put("amount", "20.00");
        request.putObject("metadata").put("order", "A-17");
        JsonNode transfer = client.ok("/transfer/create", request).path("transfer");
        assertThat(transfer.path("status").asText()).isEqualTo("pending");
        assertThat(transfer.path("amount").asText()).isEqualTo("20.00");
        assertThat(transfer.path("cancellable").asBoolean()).isTrue();
        assertThat(transfer.path("metadata").path("order").asText()).isEqualTo("A-17");
        assertThat(transfer.path("sweep_status").asText()).isEqualTo("unswept");
        assertThat(transfer.path("expected_funds_available_date").asText()).isNotEmpty();

        JsonNode again = client.ok("/transfer/create", request).path("transfer");
        assertThat(again.path("id").asText()).isEqualTo(transfer.path("id").asText());
        assertThat(client.eventTypes(transfer.path("id").asText())).containsExactly("pending");
        JsonNode byAuthorization = client.ok("/transfer/get", body().put("authorization_id", authorization.path("id").asText()));
        assertThat(byAuthorization.path("transfer").path("id").asText()).isEqualTo(transfer.path("id").asText());
    }

    @Test
    void onlyAnApprovedUnexpiredAuthorizationForTheSameAccountMakesATransfer() {
        String declined = client.authorize(checking, "debit", "950.00").path("id").asText();
        assertCreateRefused(checking.named().put("authorization_id", declined), "INVALID_FIELD", "authorization_id");

        String approved = client.authorize(checking, "debit", "30.00").path("id").asText();
        assertCreateRefused(checking.named().put("authorization_id", approved).put("amount", "30.01"), "INVALID_FIELD", "amount");
        assertCreateRefused(checking.named().put("authorization_id", approved).put("type", "credit"), "INVALID_FIELD", "type");
        assertCreateRefused(checking.named().put("authorization_id", approved).put("description", "much too long"), "INVALID_FIELD",
                "description");
        TransferClient.Account other = client.checking();
        assertCreateRefused(other.named().put("authorization_id", approved), "INVALID_FIELD", "access_token");
        assertCreateRefused(checking.named().put("authorization_id", "00000000-0000-4000-8000-000000000000"), "NOT_FOUND", "authorization_id");

        String clock = client.ok("/sandbox/transfer/test_clock/create", body().put("virtual_time", "2030-01-07T15:00:00Z"))
                .path("test_clock").path("test_clock_id").asText();
        ObjectNode onClock = TransferClient.authorization(checking, "debit", "10.00").put("test_clock_id", clock);
        JsonNode authorization = client.ok("/transfer/authorization/create", onClock).path("authorization");
        assertThat(authorization.path("created").asText()).isEqualTo("2030-01-07T15:00:00Z");
        client.ok("/sandbox/transfer/test_clock/advance", body().put("test_clock_id", clock).put("new_virtual_time", "2030-01-07T16:00:01Z"));
        EmulatorClient.Answer expired = assertCreateRefused(checking.named().put("authorization_id", authorization.path("id").asText()),
                "INVALID_FIELD", "authorization_id");
        assertThat(expired.json().path("error_message").asText()).contains("expired");
    }

    private EmulatorClient.Answer assertCreateRefused(ObjectNode request, String code, String field) {
        if (!request.has("description")) {
            request.put("description", "payment");
        }
        EmulatorClient.Answer answer = client.refused("/transfer/create", request, code.equals("NOT_FOUND") ? 404 : 400, code);
        assertThat(answer.json().path("error_message").asText()).startsWith(field);
        return answer;
    }

    /** Every simulated event from every status of an ACH debit: the allowed ones move it, the others answer Plaid's error and change nothing. */
    @Test
    void everySimulatedTransitionOfAnAchDebitIsAllowedOrRefusedAsPlaidDoes() {
        Map<String, Set<String>> allowed = Map.of(
                "pending", Set.of("posted", "failed"),
                "posted", Set.of("settled", "returned"),
                "settled", Set.of("funds_available", "returned"),
                "funds_available", Set.of("returned"),
                "failed", Set.of(),
                "returned", Set.of());
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, List<String>> from : PATHS.entrySet()) {
            for (String event : EVENT_TYPES) {
                String id = pendingTransfer("debit");
                from.getValue().forEach(step -> client.simulate(id, step));
                boolean mayMove = allowed.get(from.getKey()).contains(event);
                assertTransition(id, from.getKey(), event, mayMove);
                checked.add(from.getKey() + "->" + event);
            }
        }
        assertThat(checked).hasSize(30);
    }

    @Test
    void aCancelledTransferMovesNoFurther() {
        String id = pendingTransfer("debit");
        client.ok("/transfer/cancel", body().put("transfer_id", id));
        assertThat(client.get(id).path("cancellable").asBoolean()).isFalse();
        for (String event : EVENT_TYPES) {
            assertTransition(id, "cancelled", event, false);
        }
    }

    @ParameterizedTest(name = "a credit over {0} may not reach {1}")
    @CsvSource({"ach, funds_available", "rtp, returned"})
    void creditsNeverHaveFundsMadeAvailableAndRealTimeOnesAreNeverReturned(String network, String event) {
        ObjectNode request = TransferClient.authorization(instantPayable, "credit", "5.00").put("network", network);
        if (network.equals("rtp")) {
            request.remove("ach_class");
        }
        String authorizationId = client.ok("/transfer/authorization/create", request).path("authorization").path("id").asText();
        String id = client.create(instantPayable, authorizationId).path("id").asText();
        client.simulate(id, "posted");
        client.simulate(id, "settled");
        assertTransition(id, "settled", event, false);
    }

    private void assertTransition(String transferId, String from, String event, boolean allowed) {
        List<String> before = client.eventTypes(transferId);
        ObjectNode request = body().put("transfer_id", transferId).put("event_type", event);
        if (allowed) {
            client.ok("/sandbox/transfer/simulate", request);
            assertThat(client.status(transferId)).as("%s -> %s", from, event).isEqualTo(event);
            assertThat(client.eventTypes(transferId)).as("%s -> %s", from, event).endsWith(event).hasSize(before.size() + 1);
        } else {
            EmulatorClient.Answer answer = client.refused("/sandbox/transfer/simulate", request, 400, "SANDBOX_TRANSFER_EVENT_TRANSITION_INVALID");
            assertThat(answer.json().path("error_type").asText()).isEqualTo("SANDBOX_ERROR");
            assertThat(client.status(transferId)).as("%s -> %s refused", from, event).isEqualTo(from);
            assertThat(client.eventTypes(transferId)).as("%s -> %s refused", from, event).isEqualTo(before);
        }
    }

    @Test
    void aSimulatedReturnCarriesItsCodeAndAnUnknownCodeIsRefused() {
        String id = pendingTransfer("debit");
        client.simulate(id, "posted");
        ObjectNode unknown = body().put("transfer_id", id).put("event_type", "returned");
        unknown.putObject("failure_reason").put("ach_return_code", "R99");
        EmulatorClient.Answer refused = client.refused("/sandbox/transfer/simulate", unknown, 400, "INVALID_FIELD");
        assertThat(refused.json().path("error_message").asText()).startsWith("failure_reason.ach_return_code");
        ObjectNode returned = body().put("transfer_id", id).put("event_type", "returned");
        returned.putObject("failure_reason").put("ach_return_code", "R10");
        client.ok("/sandbox/transfer/simulate", returned);
        JsonNode failure = client.get(id).path("failure_reason");
        assertThat(failure.path("ach_return_code").asText()).isEqualTo("R10");
        assertThat(failure.path("description").asText()).isEqualTo("Customer advises not authorized");
        client.refused("/sandbox/transfer/simulate", body().put("transfer_id", id).put("event_type", "cancelled"), 400, "INVALID_FIELD");
    }

    @Test
    void onlyAPendingNonRealTimeTransferCanBeCancelled() {
        String posted = pendingTransfer("debit");
        client.simulate(posted, "posted");
        client.refused("/transfer/cancel", body().put("transfer_id", posted), 400, "TRANSFER_NOT_CANCELLABLE");
        assertThat(client.status(posted)).isEqualTo("posted");

        ObjectNode instant = TransferClient.authorization(instantPayable, "credit", "5.00").put("network", "rtp");
        instant.remove("ach_class");
        String authorizationId = client.ok("/transfer/authorization/create", instant).path("authorization").path("id").asText();
        JsonNode rtp = client.create(instantPayable, authorizationId);
        assertThat(rtp.path("cancellable").asBoolean()).isFalse();
        client.refused("/transfer/cancel", body().put("transfer_id", rtp.path("id").asText()), 400, "TRANSFER_NOT_CANCELLABLE");

        String pending = pendingTransfer("debit");
        client.ok("/transfer/cancel", body().put("transfer_id", pending));
        assertThat(client.eventTypes(pending)).containsExactly("pending", "cancelled");
        assertThat(client.get(pending).path("sweep_status").isNull()).isTrue();
        client.refused("/transfer/cancel", body().put("transfer_id", "00000000-0000-4000-8000-000000000000"), 404, "NOT_FOUND");
    }

    /** Sandbox's test amounts run their documented path by themselves as the transfer is created. */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "debit  | 11.11 | pending posted settled funds_available |",
            "credit | 11.11 | pending posted settled |",
            "debit  | 22.22 | pending failed |",
            "debit  | 33.33 | pending posted settled funds_available returned | R01",
            "credit | 33.33 | pending posted settled returned | R01",
            "debit  | 44.44 | pending posted settled funds_available returned | R02",
            "debit  | 55.55 | pending posted settled funds_available returned | R16",
            "debit  | 66.66 | pending posted settled returned | R01",
            "debit  | 12.34 | pending |"})
    void testAmountsRunTheirPathByThemselves(String type, String amount, String path, String returnCode) {
        TransferClient.Account account = client.checkingWithAvailable("900");
        JsonNode transfer = client.transfer(account, type, amount);
        String id = transfer.path("id").asText();
        List<String> expected = List.of(path.split(" "));
        assertThat(transfer.path("status").asText()).isEqualTo(expected.get(expected.size() - 1));
        assertThat(client.eventTypes(id)).containsExactlyElementsOf(expected);
        assertThat(client.get(id).path("failure_reason").path("ach_return_code").asText(null)).isEqualTo(returnCode);
    }

    @Test
    void anAccountWhoseTransferCameBackClosedIsBlocked() {
        TransferClient.Account account = client.checkingWithAvailable("900");
        client.transfer(account, "debit", "44.44");
        EmulatorClient.Answer blocked = client.refused("/transfer/authorization/create",
                TransferClient.authorization(account, "debit", "10.00"), 400, "TRANSFER_ACCOUNT_BLOCKED");
        assertThat(blocked.json().path("error_type").asText()).isEqualTo("TRANSFER_ERROR");
    }

    @Test
    void listPagesNewestFirstWithinDatesAndFilters() {
        String clock = client.ok("/sandbox/transfer/test_clock/create", body().put("virtual_time", "2031-03-03T15:00:00Z"))
                .path("test_clock").path("test_clock_id").asText();
        List<String> ids = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            client.ok("/sandbox/transfer/test_clock/advance", body().put("test_clock_id", clock)
                    .put("new_virtual_time", "2031-03-0" + (4 + day) + "T15:00:00Z"));
            ObjectNode request = TransferClient.authorization(checking, "debit", "1.00").put("test_clock_id", clock)
                    .put("origination_account_id", "origination-" + (day % 2));
            String authorizationId = client.ok("/transfer/authorization/create", request).path("authorization").path("id").asText();
            ids.add(client.create(checking, authorizationId).path("id").asText());
        }
        ObjectNode window = body().put("start_date", "2031-03-04T00:00:00Z").put("end_date", "2031-03-08T23:59:59Z");
        assertThat(listIds(window.deepCopy().put("count", 2))).containsExactly(ids.get(4), ids.get(3));
        assertThat(listIds(window.deepCopy().put("count", 2).put("offset", 2))).containsExactly(ids.get(2), ids.get(1));
        assertThat(listIds(window.deepCopy().put("start_date", "2031-03-06T00:00:00Z"))).containsExactly(ids.get(4), ids.get(3), ids.get(2));
        assertThat(listIds(window.deepCopy().put("origination_account_id", "origination-1"))).containsExactly(ids.get(3), ids.get(1));
        String funding = fundingAccountOfDefaultLedger();
        assertThat(listIds(window.deepCopy().put("funding_account_id", funding))).hasSize(5);
        assertThat(listIds(window.deepCopy().put("funding_account_id", "elsewhere"))).isEmpty();
        assertThat(listIds(window.deepCopy().put("originator_client_id", "someone-else"))).isEmpty();
    }

    /** The API shows a ledger's funding account on its sweeps: a small deposit names it. */
    private String fundingAccountOfDefaultLedger() {
        JsonNode sweep = client.ok("/transfer/ledger/deposit", body().put("amount", "1.00").put("network", "ach")
                .put("idempotency_key", TransferClient.key())).path("sweep");
        return sweep.path("funding_account_id").asText();
    }

    private List<String> listIds(ObjectNode request) {
        List<String> ids = new ArrayList<>();
        client.ok("/transfer/list", request).path("transfers").forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    @Test
    void getNeedsExactlyOneId() {
        client.refused("/transfer/get", body(), 400, "INVALID_FIELD");
        String id = pendingTransfer("debit");
        String authorizationId = client.get(id).path("authorization_id").asText();
        client.refused("/transfer/get", body().put("transfer_id", id).put("authorization_id", authorizationId), 400, "INVALID_FIELD");
        String unused = client.authorize(checking, "debit", "1.00").path("id").asText();
        client.refused("/transfer/get", body().put("authorization_id", unused), 404, "NOT_FOUND");
    }
}
