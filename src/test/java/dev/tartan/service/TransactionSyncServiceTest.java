package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidApiException;
import dev.tartan.api.PlaidJson;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.Latency;
import dev.tartan.model.CallRecord;
import dev.tartan.model.HistoryEntry;
import dev.tartan.model.Profile;
import dev.tartan.model.ProgressSink;
import dev.tartan.model.TransactionRow;
import dev.tartan.model.TransactionSource;
import dev.tartan.model.TransactionSyncResult.Method;
import dev.tartan.model.TransactionSyncResult;
import dev.tartan.model.TransactionSyncState;
import dev.tartan.testing.EmulatorServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Transactions from the built-in emulator, over loopback, into an encrypted vault. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionSyncServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private EmulatorServices services;
    private TransactionSyncService transactions;

    @BeforeAll
    void start() throws Exception {
        services = new EmulatorServices(Files.createDirectories(dir.resolve("vault")));
        transactions = service(services, TransactionSyncService.PAGE_SIZE);
    }

    @AfterAll
    void stop() {
        services.close();
    }

    private static TransactionSyncService service(EmulatorServices on, int pageSize) {
        return new TransactionSyncService(on.gateway, on.vault, on.io, Clock.systemUTC(), pageSize);
    }

    private static TransactionSource itemSource(JsonNode exchanged) {
        return TransactionSource.item(exchanged.path("access_token").asText(), exchanged.path("item_id").asText());
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Every transaction of an Item as /transactions/get gives it, made into rows here, independently of the service. */
    private List<TransactionRow> expectedRows(EmulatorServices on, String accessToken) {
        List<TransactionRow> rows = new ArrayList<>();
        long total = Long.MAX_VALUE;
        for (int offset = 0; offset < total; offset += 500) {
            ObjectNode body = PlaidJson.mapper().createObjectNode().put("access_token", accessToken)
                    .put("start_date", "2000-01-01").put("end_date", LocalDate.now(ZoneOffset.UTC).plusYears(1).toString());
            body.putObject("options").put("count", 500).put("offset", offset);
            JsonNode page = on.call("/transactions/get", body);
            total = page.path("total_transactions").asLong();
            page.path("transactions").forEach(t -> rows.add(expected(t)));
        }
        rows.sort(TransactionRow.NEWEST_FIRST);
        return rows;
    }

    private static TransactionRow expected(JsonNode t) {
        return new TransactionRow(t.path("transaction_id").asText(), t.path("account_id").asText(),
                LocalDate.parse(t.path("date").asText()),
                t.path("authorized_date").isNull() ? null : LocalDate.parse(t.path("authorized_date").asText()),
                t.path("name").textValue(), t.path("merchant_name").textValue(), t.path("amount").doubleValue(),
                t.path("iso_currency_code").textValue(), t.path("unofficial_currency_code").textValue(),
                t.path("pending").booleanValue(), t.path("pending_transaction_id").textValue(),
                t.path("personal_finance_category").path("primary").textValue(),
                t.path("personal_finance_category").path("detailed").textValue(), t.path("payment_channel").textValue());
    }

    private List<TransactionRow> stored(TransactionSource source) throws Exception {
        return await(transactions.transactions(services.profile, source));
    }

    private void refresh(EmulatorServices on, TransactionSource source) {
        on.call("/transactions/refresh", PlaidJson.mapper().createObjectNode().put("access_token", source.token()));
    }

    /** The id of the newest request history entry so far (0 if none). */
    private static long lastHistoryId(EmulatorServices on) throws InterruptedException {
        return calls(on, null, 0).stream().mapToLong(HistoryEntry::id).max().orElse(0);
    }

    /**
     * The history entries after {@code afterId} of calls to {@code path} (any when null), oldest
     * first, once the gateway has written them all (it writes them in the background).
     */
    private static List<HistoryEntry> calls(EmulatorServices on, String path, long afterId) throws InterruptedException {
        List<HistoryEntry> entries = List.of();
        for (int settled = 0; settled < 3; ) {
            TimeUnit.MILLISECONDS.sleep(100);
            List<HistoryEntry> now = on.vault.history().recent(10_000).stream()
                    .filter(e -> e.id() > afterId && (path == null || e.operation().equals(path)))
                    .sorted(java.util.Comparator.comparingLong(HistoryEntry::id)).toList();
            settled = now.size() == entries.size() ? settled + 1 : 0;
            entries = now;
        }
        return entries;
    }

    /** Runs {@code action} once, the first time a progress message matches. */
    private static ProgressSink once(Predicate<String> when, Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        return (count, total, message) -> {
            if (when.test(message) && done.compareAndSet(false, true)) {
                action.run();
            }
        };
    }

    @Test
    void aSmallItemLoadsInOneSyncPageWithEveryFieldKept() throws Exception {
        TransactionSource source = itemSource(services.newItem("user_good"));

        TransactionSyncResult result = await(transactions.sync(services.profile, source, ProgressSink.NONE));

        assertThat(result.method()).isEqualTo(Method.SYNC);
        assertThat(result.pages()).isEqualTo(1);
        assertThat(result.added()).isEqualTo(180);
        assertThat(result.updateStatus()).isEqualTo("HISTORICAL_UPDATE_COMPLETE");
        assertThat(result.state().transactions()).isEqualTo(180);
        assertThat(result.state().cursor()).isNotBlank();
        List<TransactionRow> rows = stored(source);
        assertThat(rows).isEqualTo(expectedRows(services, source.token()));
        assertThat(rows).anySatisfy(row -> assertThat(row.pending()).isTrue());
        assertThat(rows).anySatisfy(row -> assertThat(row.categoryPrimary()).isEqualTo("INCOME"));
        assertThat(await(transactions.lastSync(services.profile, source))).contains(result.state());
    }

    @Test
    void aLargeItemsFirstLoadReadsTheHistoryAndEndsWhereAPlainSyncEnds() throws Exception {
        TransactionSource source = itemSource(services.newItem("user_transactions_3000"));
        Profile other = new Profile("Other", services.profile.environment(), services.profile.credentials());
        List<Long> totals = new ArrayList<>();

        TransactionSyncResult history = await(transactions.sync(services.profile, source,
                (done, total, message) -> totals.add(total)));
        TransactionSyncResult plain = await(transactions.sync(other, source, TransactionSyncService.Mode.SYNC_ONLY, ProgressSink.NONE));

        assertThat(history.method()).isEqualTo(Method.HISTORY);
        assertThat(history.pages()).as("first sync page, 6 get pages, the changes since \"now\"").isEqualTo(8);
        assertThat(history.added()).isEqualTo(3000);
        assertThat(totals).as("the total is known once the first get page is in").contains(3000L);
        assertThat(plain.method()).isEqualTo(Method.SYNC);
        assertThat(plain.pages()).isEqualTo(6);
        List<TransactionRow> rows = stored(source);
        assertThat(rows).hasSize(3000).isEqualTo(await(transactions.transactions(other, source)));
        assertThat(rows).isEqualTo(expectedRows(services, source.token()));

        TransactionSyncResult next = await(transactions.sync(services.profile, source, ProgressSink.NONE));
        assertThat(next.method()).isEqualTo(Method.SYNC);
        assertThat(next.added() + next.modified() + next.removed()).isZero();
    }

    @Test
    void laterSyncsApplyWhatWasAddedModifiedAndRemoved() throws Exception {
        TransactionSource source = itemSource(services.newItem("user_transactions_dynamic"));
        await(transactions.sync(services.profile, source, ProgressSink.NONE));
        Set<String> pending = new HashSet<>();
        stored(source).stream().filter(TransactionRow::pending).forEach(row -> pending.add(row.transactionId()));
        assertThat(pending).isNotEmpty();

        refresh(services, source);
        TransactionSyncResult afterRefresh = await(transactions.sync(services.profile, source, ProgressSink.NONE));

        assertThat(afterRefresh.method()).isEqualTo(Method.SYNC);
        assertThat(afterRefresh.removed()).isEqualTo(pending.size());
        assertThat(afterRefresh.modified()).isEqualTo(1);
        assertThat(afterRefresh.added()).isGreaterThan(pending.size());
        List<TransactionRow> rows = stored(source);
        assertThat(rows).isEqualTo(expectedRows(services, source.token()));
        assertThat(rows).extracting(TransactionRow::transactionId).doesNotContainAnyElementsOf(pending);
        assertThat(rows).extracting(TransactionRow::pendingTransactionId).containsAll(pending);
        assertThat(rows).anySatisfy(row -> assertThat(row.name()).endsWith(" ADJ"));

        ObjectNode create = PlaidJson.mapper().createObjectNode().put("access_token", source.token());
        ArrayNode added = create.putArray("transactions");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        added.addObject().put("date_transacted", today).put("date_posted", today).put("amount", 12.34)
                .put("description", "=HYPERLINK(\"evil\"), a \"quoted\" shop");
        added.addObject().put("date_transacted", today).put("date_posted", today).put("amount", -100)
                .put("description", "Refund");
        services.call("/sandbox/transactions/create", create);
        TransactionSyncResult afterCreate = await(transactions.sync(services.profile, source, ProgressSink.NONE));

        assertThat(afterCreate.added()).isEqualTo(2);
        assertThat(stored(source)).isEqualTo(expectedRows(services, source.token()))
                .anySatisfy(row -> assertThat(row.name()).isEqualTo("=HYPERLINK(\"evil\"), a \"quoted\" shop"));
    }

    @Test
    void dataChangingWhilePagingRestartsTheFirstSyncFromTheStart() throws Exception {
        TransactionSource source = itemSource(services.newItem("user_good"));
        TransactionSyncService smallPages = service(services, 50);

        TransactionSyncResult result = await(smallPages.sync(services.profile, source, TransactionSyncService.Mode.SYNC_ONLY,
                once(message -> message.startsWith("Sync page 1:"), () -> refresh(services, source))));

        assertThat(result.restarts()).isEqualTo(1);
        assertThat(stored(source)).isEqualTo(expectedRows(services, source.token()));
        TransactionSyncResult next = await(smallPages.sync(services.profile, source, ProgressSink.NONE));
        assertThat(next.added() + next.modified() + next.removed()).isZero();
    }

    @Test
    void everyCallOfASyncIsReportedToTheCallLogIncludingTheRestartedPage() throws Exception {
        TransactionSource source = itemSource(services.newItem("user_good"));
        TransactionSyncService smallPages = service(services, 50);
        List<CallRecord> log = new java.util.concurrent.CopyOnWriteArrayList<>();

        TransactionSyncResult result = await(smallPages.sync(services.profile, source, TransactionSyncService.Mode.SYNC_ONLY,
                once(message -> message.startsWith("Sync page 1:"), () -> refresh(services, source)), log::add));

        assertThat(log).hasSize(result.pages() + 1);
        assertThat(log).extracting(CallRecord::operation).containsOnly("/transactions/sync");
        assertThat(log).filteredOn(call -> call.httpStatus() == 400).singleElement()
                .satisfies(call -> assertThat(call.reply().path("error_code").asText()).isEqualTo("TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION"));
        assertThat(log).filteredOn(call -> call.httpStatus() == 200)
                .allSatisfy(call -> assertThat(call.reply().path("added").isArray()).isTrue());
    }

    @Test
    void dataChangingInTheMiddleOfAnUpdateRestartsItFromTheStoredCursor() throws Exception {
        TransactionSource source = itemSource(services.newItem("user_transactions_dynamic"));
        TransactionSyncService tinyPages = service(services, 2);
        await(tinyPages.sync(services.profile, source, ProgressSink.NONE));
        refresh(services, source);

        TransactionSyncResult result = await(tinyPages.sync(services.profile, source, TransactionSyncService.Mode.AUTOMATIC,
                once(message -> message.startsWith("Sync page 1:"), () -> refresh(services, source))));

        assertThat(result.restarts()).isEqualTo(1);
        assertThat(result.pages()).isGreaterThan(2);
        assertThat(result.added()).as("only the two refreshes' changes, not the history again").isLessThan(25);
        assertThat(stored(source)).isEqualTo(expectedRows(services, source.token()));
    }

    @Test
    void aHistoryLoadThatSeesTheDataChangeLoadsAgain() throws Exception {
        TransactionSource source = itemSource(services.newItem("user_transactions_1000"));
        TransactionSyncService smallPages = service(services, 50);

        TransactionSyncResult result = await(smallPages.sync(services.profile, source,
                once(message -> message.startsWith("Loading the history"), () -> refresh(services, source))));

        assertThat(result.method()).isEqualTo(Method.HISTORY);
        assertThat(result.restarts()).isEqualTo(1);
        assertThat(stored(source)).isEqualTo(expectedRows(services, source.token()));
    }

    @Test
    void historyLoadsThatKeepSeeingChangesFallBackToSyncPages() throws Exception {
        TransactionSource source = itemSource(services.newItem("user_transactions_1000"));
        TransactionSyncService smallPages = service(services, 100);
        AtomicInteger refreshes = new AtomicInteger();
        Set<Integer> attemptsSeen = new HashSet<>();
        AtomicInteger attempt = new AtomicInteger();

        TransactionSyncResult result = await(smallPages.sync(services.profile, source, (done, total, message) -> {
            if (message.startsWith("Loading the history") && attemptsSeen.add(attempt.get())) {
                refreshes.incrementAndGet();
                refresh(services, source);
            } else if (message.startsWith("The history changed while it loaded")) {
                attempt.incrementAndGet();
            }
        }));

        assertThat(refreshes.get()).isEqualTo(TransactionSyncService.HISTORY_ATTEMPTS);
        assertThat(result.method()).isEqualTo(Method.SYNC);
        assertThat(result.restarts()).isEqualTo(TransactionSyncService.HISTORY_ATTEMPTS);
        assertThat(stored(source)).isEqualTo(expectedRows(services, source.token()));
    }

    @Test
    void aHistoryWhoseDateRangeMissesTransactionsFallsBackToSyncPages() throws Exception {
        String config = """
                {"override_accounts": [{"type": "depository", "subtype": "checking", "transactions": [
                  {"date_transacted": "1999-12-30", "date_posted": "1999-12-31", "amount": 1999, "description": "Before the range"},
                  {"date_transacted": "2024-03-01", "date_posted": "2024-03-01", "amount": 1, "description": "One"},
                  {"date_transacted": "2024-03-02", "date_posted": "2024-03-02", "amount": 2, "description": "Two"},
                  {"date_transacted": "2024-03-03", "date_posted": "2024-03-03", "amount": 3, "description": "Three"},
                  {"date_transacted": "2024-03-04", "date_posted": "2024-03-04", "amount": 4, "description": "Four"}]}]}
                """;
        TransactionSource source = itemSource(services.newItem("user_custom", config));

        TransactionSyncResult result = await(service(services, 2).sync(services.profile, source, ProgressSink.NONE));

        assertThat(result.method()).isEqualTo(Method.SYNC);
        assertThat(result.restarts()).isEqualTo(TransactionSyncService.HISTORY_ATTEMPTS);
        assertThat(stored(source)).extracting(TransactionRow::name).containsExactly("Four", "Three", "Two", "One", "Before the range");
    }

    @Test
    void aProcessorTokenSyncsItsOneAccountWithSyncPages() throws Exception {
        JsonNode item = services.newItem("user_good");
        String accessToken = item.path("access_token").asText();
        String accountId = services.call("/accounts/get", PlaidJson.mapper().createObjectNode().put("access_token", accessToken))
                .path("accounts").get(0).path("account_id").asText();
        String processorToken = services.call("/processor/token/create", PlaidJson.mapper().createObjectNode()
                .put("access_token", accessToken).put("account_id", accountId).put("processor", "dwolla")).path("processor_token").asText();
        TransactionSource source = TransactionSource.processor(processorToken);
        long before = lastHistoryId(services);

        TransactionSyncResult result = await(transactions.sync(services.profile, source, ProgressSink.NONE));

        assertThat(result.method()).isEqualTo(Method.SYNC);
        assertThat(calls(services, null, before)).extracting(HistoryEntry::operation).containsExactly("/processor/transactions/sync");
        List<TransactionRow> rows = stored(source);
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.accountId()).isEqualTo(accountId));
        assertThat(rows).isEqualTo(expectedRows(services, accessToken).stream().filter(r -> r.accountId().equals(accountId)).toList());
        assertThat(await(transactions.sync(services.profile, source, ProgressSink.NONE)).added()).isZero();
    }

    @Test
    void anItemWithAHundredThousandTransactionsSyncsAndReadsBack() throws Exception {
        TransactionSource source = itemSource(services.newItem("user_transactions_100000"));
        long before = lastHistoryId(services);

        TransactionSyncResult result = await(transactions.sync(services.profile, source, ProgressSink.NONE));

        assertThat(result.method()).isEqualTo(Method.HISTORY);
        assertThat(result.state().transactions()).isEqualTo(100_000);
        List<TransactionRow> rows = stored(source);
        assertThat(rows).hasSize(100_000);
        assertThat(rows.stream().map(TransactionRow::transactionId).distinct().count()).isEqualTo(100_000);
        assertThat(rows.get(0).date()).isAfterOrEqualTo(rows.get(rows.size() - 1).date());
        assertThat(calls(services, "/transactions/get", before)).hasSize(200).allSatisfy(entry -> {
            assertThat(entry.replyBody()).hasSizeLessThan(PlaidGateway.HISTORY_WHOLE_REPLY_BYTES).contains("more not kept in the history");
        });
    }

    @Test
    void cancellingStopsThePagingAndTheCallUnderWay() throws Exception {
        try (EmulatorServices slow = new EmulatorServices(EmulatorConfig.builder().latency(new Latency(300, 300)).build(),
                Files.createDirectories(dir.resolve("slow-sync")), 4)) {
            TransactionSource source = itemSource(slow.newItem("user_transactions_20000"));
            TransactionSyncService service = service(slow, TransactionSyncService.PAGE_SIZE);
            CountDownLatch twoPages = new CountDownLatch(2);

            CompletableFuture<TransactionSyncResult> sync = service.sync(slow.profile, source, TransactionSyncService.Mode.SYNC_ONLY,
                    (done, total, message) -> twoPages.countDown());
            assertThat(twoPages.await(30, TimeUnit.SECONDS)).isTrue();
            TimeUnit.MILLISECONDS.sleep(100);
            assertThat(sync.cancel(true)).isTrue();

            assertThatThrownBy(sync::join).isInstanceOf(CancellationException.class);
            List<HistoryEntry> calls = calls(slow, "/transactions/sync", 0);
            assertThat(calls).hasSize(3);
            HistoryEntry cut = calls.get(2);
            assertThat(cut.httpStatus()).as("the third call was cut, not answered").isZero();
            assertThat(cut.duration()).isLessThan(Duration.ofMillis(300));
            assertThat(slow.vault.transactions().state(slow.profile.name(), source.key())).isEmpty();
        }
    }

    @Test
    void cancellingAHistoryLoadCutsEveryPageInFlight() throws Exception {
        try (EmulatorServices slow = new EmulatorServices(EmulatorConfig.builder().latency(new Latency(300, 300)).build(),
                Files.createDirectories(dir.resolve("slow-history")), 4)) {
            TransactionSource source = itemSource(slow.newItem("user_transactions_20000"));
            TransactionSyncService service = service(slow, TransactionSyncService.PAGE_SIZE);
            CountDownLatch firstGetPage = new CountDownLatch(1);

            CompletableFuture<TransactionSyncResult> sync = service.sync(slow.profile, source, once(
                    message -> message.startsWith("Loading the history"), firstGetPage::countDown));
            assertThat(firstGetPage.await(30, TimeUnit.SECONDS)).isTrue();
            TimeUnit.MILLISECONDS.sleep(100);
            assertThat(sync.cancel(true)).isTrue();

            List<HistoryEntry> gets = calls(slow, "/transactions/get", 0);
            assertThat(gets).hasSizeLessThanOrEqualTo(1 + TransactionSyncService.PARALLEL_PAGES);
            assertThat(gets.stream().filter(e -> e.httpStatus() == 0).count()).isEqualTo(gets.size() - 1);
            assertThat(slow.vault.transactions().state(slow.profile.name(), source.key())).isEmpty();
        }
    }

    @Test
    void aSecondSyncOfTheSameSourceWhileOneRunsJoinsIt() throws Exception {
        try (EmulatorServices slow = new EmulatorServices(EmulatorConfig.builder().latency(new Latency(200, 200)).build(),
                Files.createDirectories(dir.resolve("slow-join")), 4)) {
            TransactionSource source = itemSource(slow.newItem("user_good"));
            TransactionSyncService service = service(slow, TransactionSyncService.PAGE_SIZE);

            CompletableFuture<TransactionSyncResult> first = service.sync(slow.profile, source, ProgressSink.NONE);
            CompletableFuture<TransactionSyncResult> second = service.sync(slow.profile, source, ProgressSink.NONE);

            assertThat(second).isSameAs(first);
            await(first);
            CompletableFuture<TransactionSyncResult> third = service.sync(slow.profile, source, ProgressSink.NONE);
            assertThat(third).isNotSameAs(first);
            assertThat(await(third).added()).isZero();
        }
    }

    @Test
    void aFailedSyncReportsPlaidsErrorAndStoresNothing() {
        TransactionSource source = TransactionSource.item("access-sandbox-00000000-0000-0000-0000-000000000000", "item-gone");

        assertThatThrownBy(() -> await(transactions.sync(services.profile, source, ProgressSink.NONE)))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(PlaidApiException.class)
                .satisfies(e -> assertThat(((PlaidApiException) e).error().errorCode()).isEqualTo("INVALID_ACCESS_TOKEN"));
        assertThat(services.vault.transactions().state(services.profile.name(), source.key())).isEmpty();
    }

    @Test
    void forgettingASourceMakesTheNextSyncLoadEverythingAgain() throws Exception {
        TransactionSource source = itemSource(services.newItem("user_good"));
        await(transactions.sync(services.profile, source, ProgressSink.NONE));

        assertThat(await(transactions.forget(services.profile, source))).isTrue();
        assertThat(await(transactions.lastSync(services.profile, source))).isEmpty();
        assertThat(stored(source)).isEmpty();

        assertThat(await(transactions.sync(services.profile, source, ProgressSink.NONE)).added()).isEqualTo(180);
    }

    @Test
    void anExportWritesTheRowsAndIsAudited() throws Exception {
        TransactionSource source = itemSource(services.newItem("user_good"));
        await(transactions.sync(services.profile, source, ProgressSink.NONE));
        List<TransactionRow> rows = stored(source);
        Path file = dir.resolve("export.csv");

        assertThat(await(transactions.exportCsv(rows, file))).isEqualTo(180);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(181);
        assertThat(lines.get(0)).startsWith("date,authorized_date,name,merchant_name,amount,");
        assertThat(lines.get(1)).startsWith(rows.get(0).date().toString() + ",");
        TransactionSyncState state = await(transactions.lastSync(services.profile, source)).orElseThrow();
        assertThat(state.transactions()).isEqualTo(180);
        assertThat(services.vault.audit().recent(5)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("export transactions (CSV)");
            assertThat(entry.outcome()).isEqualTo("ok (180 transactions)");
        });
    }
}
