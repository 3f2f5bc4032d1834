package dev.tartan.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Transactions: sync cursors and paging, updates from refresh, get, recurring streams, scale and determinism. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionsTest {
    private static final String FAR_PAST = "2000-01-01";

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

    private static String farFuture() {
        return LocalDate.now().plusYears(1).toString();
    }

    /** Everything a full sync run reports. */
    private record SyncRun(Map<String, JsonNode> added, List<JsonNode> modified, List<String> removed, String cursor, int pages) {
    }

    private SyncRun syncAll(String accessToken, String cursor, int count) {
        Map<String, JsonNode> added = new HashMap<>();
        List<JsonNode> modified = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        String next = cursor;
        int pages = 0;
        boolean more = true;
        while (more) {
            ObjectNode request = body().put("access_token", accessToken).put("count", count);
            if (next != null) {
                request.put("cursor", next);
            }
            JsonNode page = client.ok("/transactions/sync", request);
            pages++;
            page.path("added").forEach(t -> assertThat(added.put(t.path("transaction_id").asText(), t)).as("duplicate").isNull());
            page.path("modified").forEach(modified::add);
            page.path("removed").forEach(t -> removed.add(t.path("transaction_id").asText()));
            next = page.path("next_cursor").asText();
            more = page.path("has_more").asBoolean();
        }
        return new SyncRun(added, modified, removed, next, pages);
    }

    private long total(String accessToken) {
        return client.ok("/transactions/get", body().put("access_token", accessToken).put("start_date", FAR_PAST)
                .put("end_date", farFuture())).path("total_transactions").asLong();
    }

    @Test
    void firstSyncPagesThroughTheWholeHistoryInDateOrder() {
        String accessToken = client.newItem("user_good", "pass_good");
        SyncRun run = syncAll(accessToken, null, 25);
        assertThat(run.added()).hasSize((int) total(accessToken));
        assertThat(run.added().size()).isEqualTo(180);
        assertThat(run.pages()).isEqualTo(8);
        List<String> dates = new ArrayList<>();
        String lastDate = "";
        JsonNode page = client.ok("/transactions/sync", body().put("access_token", accessToken).put("count", 500));
        for (JsonNode transaction : page.path("added")) {
            assertThat(transaction.path("date").asText()).isGreaterThanOrEqualTo(lastDate);
            lastDate = transaction.path("date").asText();
            dates.add(lastDate);
        }
        assertThat(dates).isNotEmpty();
        JsonNode upToDate = client.ok("/transactions/sync", body().put("access_token", accessToken).put("cursor", run.cursor()));
        assertThat(upToDate.path("added")).isEmpty();
        assertThat(upToDate.path("has_more").asBoolean()).isFalse();
        assertThat(upToDate.path("next_cursor").asText()).isEqualTo(run.cursor());
    }

    @Test
    void refreshPostsPendingTransactionsAndAddsNewOnes() {
        String accessToken = client.newItem("user_transactions_dynamic", "any");
        SyncRun first = syncAll(accessToken, null, 100);
        Set<String> pending = new HashSet<>();
        first.added().values().stream().filter(t -> t.path("pending").asBoolean())
                .forEach(t -> pending.add(t.path("transaction_id").asText()));

        assertThat(pending).as("the dynamic user starts with pending transactions").isNotEmpty();

        client.ok("/transactions/refresh", body().put("access_token", accessToken));
        SyncRun update = syncAll(accessToken, first.cursor(), 100);
        assertThat(update.added()).isNotEmpty();
        assertThat(update.modified()).hasSize(1);
        assertThat(new HashSet<>(update.removed())).isEqualTo(pending);
        for (String removedId : update.removed()) {
            assertThat(update.added().values()).anySatisfy(t -> {
                assertThat(t.path("pending_transaction_id").asText()).isEqualTo(removedId);
                assertThat(t.path("pending").asBoolean()).isFalse();
            });
        }
        String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertThat(update.added().values()).anySatisfy(t -> assertThat(t.path("date").asText()).isEqualTo(today));
        assertThat(total(accessToken)).isEqualTo(first.added().size() + update.added().size() - update.removed().size());

        SyncRun fresh = syncAll(accessToken, null, 100);
        assertThat(fresh.added().keySet()).doesNotContainAnyElementsOf(update.removed());
        JsonNode modified = update.modified().get(0);
        assertThat(fresh.added().get(modified.path("transaction_id").asText()).path("amount").asDouble())
                .isEqualTo(modified.path("amount").asDouble());
    }

    @Test
    void changingDataWhilePagingIsAnError() {
        String accessToken = client.newItem("user_good", "pass_good");
        JsonNode first = client.ok("/transactions/sync", body().put("access_token", accessToken).put("count", 10));
        assertThat(first.path("has_more").asBoolean()).isTrue();
        client.ok("/transactions/refresh", body().put("access_token", accessToken));
        EmulatorClient.Answer next = client.post("/transactions/sync", body().put("access_token", accessToken)
                .put("cursor", first.path("next_cursor").asText()).put("count", 10));
        assertThat(next.status()).isEqualTo(400);
        assertThat(next.json().path("error_type").asText()).isEqualTo("TRANSACTIONS_ERROR");
        assertThat(next.errorCode()).isEqualTo("TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION");
        // Restarting from the cursor held before the run (none) succeeds.
        assertThat(syncAll(accessToken, null, 100).added()).hasSize((int) total(accessToken));
    }

    @Test
    void cursorNowSkipsTheHistoryAndReportsOnlyLaterChanges() {
        String accessToken = client.newItem("user_transactions_dynamic", "any");
        String afterFullSync = syncAll(accessToken, null, 100).cursor();
        JsonNode now = client.ok("/transactions/sync", body().put("access_token", accessToken).put("cursor", "now"));
        assertThat(now.path("added")).isEmpty();
        assertThat(now.path("modified")).isEmpty();
        assertThat(now.path("removed")).isEmpty();
        assertThat(now.path("has_more").asBoolean()).isFalse();
        String fromNow = now.path("next_cursor").asText();
        assertThat(fromNow).isNotEmpty().isNotEqualTo("now");
        assertThat(syncAll(accessToken, fromNow, 100).added()).isEmpty();

        client.ok("/transactions/refresh", body().put("access_token", accessToken));
        SyncRun sinceNow = syncAll(accessToken, fromNow, 100);
        SyncRun sinceFullSync = syncAll(accessToken, afterFullSync, 100);
        assertThat(sinceNow.added()).isNotEmpty();
        assertThat(sinceNow.added().keySet()).isEqualTo(sinceFullSync.added().keySet());
        assertThat(sinceNow.removed()).isNotEmpty().isEqualTo(sinceFullSync.removed());
        assertThat(sinceNow.modified()).hasSameSizeAs(sinceFullSync.modified());
    }

    @Test
    void cursorNowIsOnlyForItems() {
        String accessToken = client.newItem("user_good", "pass_good");
        String accountId = client.ok("/accounts/get", body().put("access_token", accessToken))
                .path("accounts").get(0).path("account_id").asText();
        String processorToken = client.ok("/processor/token/create", body().put("access_token", accessToken)
                .put("account_id", accountId).put("processor", "dwolla")).path("processor_token").asText();
        EmulatorClient.Answer answer = client.post("/processor/transactions/sync",
                body().put("processor_token", processorToken).put("cursor", "now"));
        assertThat(answer.errorCode()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void cursorsBelongToTheirItem() {
        String one = client.newItem("user_good", "pass_good");
        String other = client.newItem("user_good", "pass_good");
        String cursor = client.ok("/transactions/sync", body().put("access_token", one)).path("next_cursor").asText();
        EmulatorClient.Answer answer = client.post("/transactions/sync", body().put("access_token", other).put("cursor", cursor));
        assertThat(answer.errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(client.post("/transactions/sync", body().put("access_token", one).put("cursor", "garbage!")).errorCode())
                .isEqualTo("INVALID_FIELD");
    }

    @Test
    void getPagesNewestFirstAndFiltersByAccount() {
        String accessToken = client.newItem("user_good", "pass_good");
        ObjectNode request = body().put("access_token", accessToken).put("start_date", FAR_PAST).put("end_date", farFuture());
        request.putObject("options").put("count", 50).put("offset", 0);
        JsonNode first = client.ok("/transactions/get", request);
        assertThat(first.path("transactions")).hasSize(50);
        String previous = "9999";
        for (JsonNode transaction : first.path("transactions")) {
            assertThat(transaction.path("date").asText()).isLessThanOrEqualTo(previous);
            previous = transaction.path("date").asText();
        }
        ((ObjectNode) request.get("options")).put("offset", 50);
        JsonNode second = client.ok("/transactions/get", request);
        assertThat(second.path("transactions").get(0).path("transaction_id").asText())
                .isNotEqualTo(first.path("transactions").get(0).path("transaction_id").asText());

        String card = null;
        for (JsonNode account : first.path("accounts")) {
            if (account.path("subtype").asText().equals("credit card")) {
                card = account.path("account_id").asText();
            }
        }
        ObjectNode filtered = body().put("access_token", accessToken).put("start_date", FAR_PAST).put("end_date", farFuture());
        filtered.putObject("options").put("count", 500).putArray("account_ids").add(card);
        JsonNode cardOnly = client.ok("/transactions/get", filtered);
        assertThat(cardOnly.path("total_transactions").asInt()).isBetween(1, 179);
        String cardId = card;
        cardOnly.path("transactions").forEach(t -> assertThat(t.path("account_id").asText()).isEqualTo(cardId));
        assertThat(cardOnly.path("transactions")).hasSize(cardOnly.path("total_transactions").asInt());

        ObjectNode lastWeek = body().put("access_token", accessToken)
                .put("start_date", LocalDate.now().minusDays(6).toString()).put("end_date", LocalDate.now().toString());
        JsonNode recent = client.ok("/transactions/get", lastWeek);
        recent.path("transactions").forEach(t -> assertThat(t.path("date").asText())
                .isGreaterThanOrEqualTo(LocalDate.now().minusDays(6).toString()));
        assertThat(recent.path("total_transactions").asInt()).isBetween(7, 30);
    }

    @Test
    void recurringStreamsComeFromTheHistory() {
        String accessToken = client.newItem("user_good", "pass_good");
        JsonNode recurring = client.ok("/transactions/recurring/get", body().put("access_token", accessToken));
        JsonNode payroll = null;
        for (JsonNode stream : recurring.path("inflow_streams")) {
            if (stream.path("frequency").asText().equals("SEMI_MONTHLY")) {
                payroll = stream;
            }
        }
        assertThat(payroll).as("a semi-monthly payroll stream").isNotNull();
        assertThat(payroll.path("status").asText()).isEqualTo("MATURE");
        assertThat(payroll.path("transaction_ids").size()).isGreaterThanOrEqualTo(5);
        assertThat(payroll.path("average_amount").path("amount").asDouble()).isNegative();
        assertThat(recurring.path("outflow_streams").size()).isGreaterThanOrEqualTo(3);
        Map<String, JsonNode> all = syncAll(accessToken, null, 500).added();
        payroll.path("transaction_ids").forEach(id -> assertThat(all).containsKey(id.asText()));
    }

    @Test
    void customTransactionsFromUserCustomAndSandboxCreate() {
        String config = """
                {"override_accounts": [{"type": "depository", "subtype": "checking",
                  "transactions": [{"date_transacted": "2024-03-01", "date_posted": "2024-03-02", "amount": 19.99,
                                    "description": "Loom subscription", "currency": "USD"}]}]}
                """;
        String accessToken = client.newItem("user_custom", config, "transactions");
        SyncRun run = syncAll(accessToken, null, 100);
        assertThat(run.added()).hasSize(1);
        JsonNode only = run.added().values().iterator().next();
        assertThat(only.path("name").asText()).isEqualTo("Loom subscription");
        assertThat(only.path("date").asText()).isEqualTo("2024-03-02");
        assertThat(only.path("authorized_date").asText()).isEqualTo("2024-03-01");

        ObjectNode create = body().put("access_token", accessToken);
        create.putArray("transactions").addObject().put("date_transacted", LocalDate.now().toString())
                .put("date_posted", LocalDate.now().plusDays(2).toString()).put("amount", 5.0).put("description", "Future pending");
        client.ok("/sandbox/transactions/create", create);
        SyncRun update = syncAll(accessToken, run.cursor(), 100);
        assertThat(update.added()).hasSize(1);
        assertThat(update.added().values().iterator().next().path("pending").asBoolean()).isTrue();
    }

    @Test
    void aMillionTransactionItemIsServedFromItsSeed() {
        String accessToken = client.newItem("user_transactions_1000000", "any", "transactions");
        assertThat(total(accessToken)).isEqualTo(1_000_000L);
        ObjectNode oldest = body().put("access_token", accessToken).put("start_date", FAR_PAST).put("end_date", farFuture());
        oldest.putObject("options").put("count", 100).put("offset", 999_950);
        JsonNode tail = client.ok("/transactions/get", oldest);
        assertThat(tail.path("transactions")).hasSize(50);
        assertThat(tail.path("total_transactions").asLong()).isEqualTo(1_000_000L);
        JsonNode firstPage = client.ok("/transactions/sync", body().put("access_token", accessToken).put("count", 500));
        assertThat(firstPage.path("added")).hasSize(500);
        assertThat(firstPage.path("has_more").asBoolean()).isTrue();
        assertThat(firstPage.path("added").get(0).path("date").asText())
                .isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC).minusDays(89).toString());
    }

    @Test
    void twentyThousandTransactionsPageThroughSyncWithoutGapsOrRepeats() {
        String accessToken = client.newItem("user_transactions_20000", "any", "transactions");
        SyncRun run = syncAll(accessToken, null, 500);
        assertThat(run.added()).hasSize(20_000);
        assertThat(run.pages()).isEqualTo(40);
    }

    @Test
    void theSameSeedGivesTheSameData() {
        List<String> first = fingerprint(42);
        List<String> second = fingerprint(42);
        assertThat(first).isNotEmpty();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherSeedGivesOtherData() {
        assertThat(fingerprint(43)).isNotEqualTo(fingerprint(42));
    }

    /** Balances, and amounts, names and dates of transactions, of a fresh emulator's first Item (ids are random, data is seeded). */
    private static List<String> fingerprint(long seed) {
        try (PlaidEmulator fresh = PlaidEmulator.start(EmulatorConfig.builder().seed(seed).build())) {
            EmulatorClient own = new EmulatorClient(fresh);
            String accessToken = own.newItem("user_good", "pass_good");
            List<String> values = new ArrayList<>();
            own.ok("/accounts/get", body().put("access_token", accessToken)).path("accounts")
                    .forEach(a -> values.add(a.path("name").asText() + " " + a.path("balances")));
            own.ok("/transactions/sync", body().put("access_token", accessToken).put("count", 500)).path("added")
                    .forEach(t -> values.add(t.path("date").asText() + " " + t.path("name").asText() + " " + t.path("amount").asText()));
            return values;
        }
    }
}
