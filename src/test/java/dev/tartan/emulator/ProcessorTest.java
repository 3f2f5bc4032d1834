package dev.tartan.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor partner endpoints answer from the one account behind the token, with the same data the
 * Item's own endpoints give for that account, and never from the Item's other accounts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessorTest {
    private static final String FAR_PAST = "2000-01-01";

    private PlaidEmulator emulator;
    private EmulatorClient client;
    private String accessToken;
    private String checkingId;
    private String checkingToken;
    private String creditId;
    private String creditToken;
    private String savingsToken;

    @BeforeAll
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new EmulatorClient(emulator);
        accessToken = client.newItem("user_good", "pass_good", "transactions", "auth", "identity", "liabilities");
        JsonNode accounts = client.ok("/accounts/get", item()).path("accounts");
        assertThat(accounts.size()).isGreaterThan(1);
        for (JsonNode account : accounts) {
            String subtype = account.path("subtype").asText();
            if (subtype.equals("checking")) {
                checkingId = account.path("account_id").asText();
            } else if (subtype.equals("credit card")) {
                creditId = account.path("account_id").asText();
            } else if (subtype.equals("savings")) {
                savingsToken = processorToken(account.path("account_id").asText());
            }
        }
        checkingToken = processorToken(checkingId);
        creditToken = processorToken(creditId);
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private ObjectNode item() {
        return body().put("access_token", accessToken);
    }

    private String processorToken(String accountId) {
        return client.ok("/processor/token/create", item().put("account_id", accountId).put("processor", "dwolla"))
                .path("processor_token").asText();
    }

    private static ObjectNode processor(String processorToken) {
        return body().put("processor_token", processorToken);
    }

    /** The entry of {@code array} whose account_id is {@code accountId}. */
    private static JsonNode byAccount(JsonNode array, String accountId) {
        for (JsonNode entry : array) {
            if (entry.path("account_id").asText().equals(accountId)) {
                return entry;
            }
        }
        throw new AssertionError("no entry for account " + accountId + " in " + array);
    }

    private static List<JsonNode> onAccount(JsonNode array, String accountId) {
        List<JsonNode> entries = new ArrayList<>();
        array.forEach(entry -> {
            if (entry.path("account_id").asText().equals(accountId)) {
                entries.add(entry);
            }
        });
        return entries;
    }

    private static Set<String> accountIdsOf(JsonNode array) {
        Set<String> ids = new HashSet<>();
        array.forEach(entry -> ids.add(entry.path("account_id").asText()));
        return ids;
    }

    @Test
    void accountGetIsTheItemsViewOfThatAccount() {
        JsonNode answer = client.ok("/processor/account/get", processor(checkingToken));
        assertThat(answer.path("account")).isEqualTo(byAccount(client.ok("/accounts/get", item()).path("accounts"), checkingId));
    }

    @Test
    void balanceGetHasThatAccountsBalances() {
        JsonNode account = client.ok("/processor/balance/get", processor(checkingToken)).path("account");
        assertThat(account.path("account_id").asText()).isEqualTo(checkingId);
        ObjectNode balances = account.path("balances").deepCopy();
        assertThat(balances.remove("last_updated_datetime")).as("a fetched balance is stamped").isNotNull();
        JsonNode itemBalances = byAccount(client.ok("/accounts/get", item()).path("accounts"), checkingId).path("balances");
        assertThat(balances).isEqualTo(itemBalances);
    }

    @Test
    void authGetHasThatAccountsNumbersOnly() {
        JsonNode answer = client.ok("/processor/auth/get", processor(checkingToken));
        assertThat(answer.path("account").path("account_id").asText()).isEqualTo(checkingId);
        JsonNode itemNumbers = client.ok("/auth/get", item()).path("numbers");
        assertThat(answer.path("numbers").path("ach")).isEqualTo(byAccount(itemNumbers.path("ach"), checkingId));
        answer.path("numbers").forEach(scheme -> assertThat(scheme.path("account_id").asText()).isEqualTo(checkingId));
    }

    @Test
    void authGetShowsNoNumbersForAnAccountAwaitingMicroDeposits() {
        String pending = client.newItemAt("ins_109512", "user_good", "microdeposits_good", "auth");
        String accountId = client.ok("/accounts/get", body().put("access_token", pending)).path("accounts").get(0).path("account_id").asText();
        String token = client.ok("/processor/token/create", body().put("access_token", pending).put("account_id", accountId)
                .put("processor", "dwolla")).path("processor_token").asText();

        JsonNode before = client.ok("/processor/auth/get", processor(token));
        assertThat(before.path("account").path("verification_status").asText()).isEqualTo("pending_automatic_verification");
        assertThat(before.path("numbers").isEmpty()).as("no numbers before verification").isTrue();

        client.ok("/sandbox/item/set_verification_status", body().put("access_token", pending).put("account_id", accountId)
                .put("verification_status", "automatically_verified"));
        JsonNode after = client.ok("/processor/auth/get", processor(token));
        assertThat(after.path("numbers").path("ach").path("account_id").asText()).isEqualTo(accountId);
    }

    @Test
    void identityGetHasThatAccountsOwners() {
        JsonNode account = client.ok("/processor/identity/get", processor(checkingToken)).path("account");
        assertThat(account.path("account_id").asText()).isEqualTo(checkingId);
        JsonNode itemAccount = byAccount(client.ok("/identity/get", item()).path("accounts"), checkingId);
        assertThat(account.path("owners")).isEqualTo(itemAccount.path("owners"));
    }

    @Test
    void transactionsSyncReportsThatAccountsTransactionsOnly() {
        List<JsonNode> added = new ArrayList<>();
        String cursor = "";
        boolean more = true;
        while (more) {
            JsonNode page = client.ok("/processor/transactions/sync", processor(checkingToken).put("cursor", cursor).put("count", 100));
            assertThat(page.path("account").path("account_id").asText()).isEqualTo(checkingId);
            page.path("added").forEach(added::add);
            cursor = page.path("next_cursor").asText();
            more = page.path("has_more").asBoolean();
        }
        assertThat(added).isNotEmpty().allSatisfy(t -> assertThat(t.path("account_id").asText()).isEqualTo(checkingId));
        JsonNode itemSync = client.ok("/transactions/sync", item().put("count", 500));
        assertThat(itemSync.path("has_more").asBoolean()).isFalse();
        assertThat(accountIdsOf(itemSync.path("added"))).as("the Item has transactions elsewhere too").hasSizeGreaterThan(1);
        assertThat(added).containsExactlyInAnyOrderElementsOf(onAccount(itemSync.path("added"), checkingId));
    }

    @Test
    void transactionsGetReportsThatAccountsTransactionsOnly() {
        ObjectNode request = processor(checkingToken).put("start_date", FAR_PAST).put("end_date", LocalDate.now().plusDays(1).toString());
        request.putObject("options").put("count", 500);
        JsonNode answer = client.ok("/processor/transactions/get", request);
        assertThat(answer.path("account").path("account_id").asText()).isEqualTo(checkingId);
        assertThat(answer.path("transactions")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.path("account_id").asText()).isEqualTo(checkingId));
        ObjectNode itemRequest = item().put("start_date", FAR_PAST).put("end_date", LocalDate.now().plusDays(1).toString());
        itemRequest.putObject("options").put("count", 500);
        JsonNode itemAnswer = client.ok("/transactions/get", itemRequest);
        List<JsonNode> expected = onAccount(itemAnswer.path("transactions"), checkingId);
        assertThat(answer.path("total_transactions").asInt()).isEqualTo(expected.size())
                .isLessThan(itemAnswer.path("total_transactions").asInt());
        assertThat(answer.path("transactions")).containsExactlyElementsOf(expected);
    }

    @Test
    void recurringGetHasThatAccountsStreamsOnly() {
        JsonNode answer = client.ok("/processor/transactions/recurring/get", processor(checkingToken));
        JsonNode itemAnswer = client.ok("/transactions/recurring/get", item());
        for (String direction : List.of("inflow_streams", "outflow_streams")) {
            assertThat(answer.path(direction)).allSatisfy(s -> assertThat(s.path("account_id").asText()).isEqualTo(checkingId));
            assertThat(answer.path(direction)).containsExactlyElementsOf(onAccount(itemAnswer.path(direction), checkingId));
        }
        assertThat(answer.path("inflow_streams")).as("payroll lands on checking").isNotEmpty();
        assertThat(accountIdsOf(itemAnswer.path("outflow_streams"))).as("the Item has streams elsewhere too")
                .contains(creditId);
    }

    @Test
    void liabilitiesGetHasThatAccountsLiabilityOnly() {
        JsonNode answer = client.ok("/processor/liabilities/get", processor(creditToken));
        assertThat(answer.path("account").path("account_id").asText()).isEqualTo(creditId);
        JsonNode liabilities = answer.path("liabilities");
        assertThat(liabilities.path("credit")).hasSize(1);
        assertThat(liabilities.path("credit").get(0)).isEqualTo(byAccount(
                client.ok("/liabilities/get", item()).path("liabilities").path("credit"), creditId));
        assertThat(liabilities.path("student").isNull()).isTrue();
        assertThat(liabilities.path("mortgage").isNull()).isTrue();
    }

    @Test
    void aDepositoryAccountHasNoLiabilities() {
        EmulatorClient.Answer answer = client.post("/processor/liabilities/get", processor(checkingToken));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("NO_LIABILITY_ACCOUNTS");
    }

    private EmulatorClient.Answer evaluate(String processorToken, String clientTransactionId) {
        return client.post("/processor/signal/evaluate", processor(processorToken)
                .put("client_transaction_id", clientTransactionId).put("amount", 25.0));
    }

    private EmulatorClient.Answer reportDecision(String processorToken, String clientTransactionId) {
        return client.post("/processor/signal/decision/report", processor(processorToken)
                .put("client_transaction_id", clientTransactionId).put("initiated", true));
    }

    private EmulatorClient.Answer reportReturn(String processorToken, String clientTransactionId) {
        return client.post("/processor/signal/return/report", processor(processorToken)
                .put("client_transaction_id", clientTransactionId).put("return_code", "R01"));
    }

    /** Plaid's answer to a report on a transaction the caller never evaluated: INVALID_FIELD naming the field. */
    private static void assertNotEvaluated(EmulatorClient.Answer answer) {
        assertThat(answer.status()).as("%s", answer.json()).isEqualTo(400);
        assertThat(answer.json().path("error_type").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(answer.errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(answer.json().path("error_message").asText()).contains("client_transaction_id");
    }

    @Test
    void signalReportsNameTransactionsEvaluatedThroughTheSameAccount() {
        assertThat(evaluate(checkingToken, "own-1").status()).isEqualTo(200);
        assertThat(reportDecision(checkingToken, "own-1").status()).isEqualTo(200);
        assertThat(reportReturn(checkingToken, "own-1").status()).isEqualTo(200);
    }

    @Test
    void signalReportsRefuseAnUnknownTransaction() {
        assertNotEvaluated(reportDecision(checkingToken, "never-evaluated"));
        assertNotEvaluated(reportReturn(checkingToken, "never-evaluated"));
    }

    @Test
    void signalReportsRefuseATransactionOfAnotherAccount() {
        assertThat(evaluate(savingsToken, "savings-1").status()).isEqualTo(200);
        assertNotEvaluated(reportDecision(checkingToken, "savings-1"));
        assertNotEvaluated(reportReturn(checkingToken, "savings-1"));
        assertThat(reportDecision(savingsToken, "savings-1").status()).as("its own token still may").isEqualTo(200);
    }

    @Test
    void processorsAndTheClientReportOnlyWhatTheyEvaluated() {
        client.ok("/signal/evaluate", item().put("account_id", checkingId).put("client_transaction_id", "client-1").put("amount", 25.0));
        assertNotEvaluated(reportDecision(checkingToken, "client-1"));
        assertNotEvaluated(reportReturn(checkingToken, "client-1"));

        assertThat(evaluate(checkingToken, "processor-1").status()).isEqualTo(200);
        assertNotEvaluated(client.post("/signal/decision/report", body().put("client_transaction_id", "processor-1").put("initiated", true)));
        assertNotEvaluated(client.post("/signal/return/report", body().put("client_transaction_id", "processor-1").put("return_code", "R01")));
    }
}
