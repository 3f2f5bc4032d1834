package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidApiException;
import dev.tartan.api.PlaidJson;
import dev.tartan.api.PlaidUnexpectedResponseException;
import dev.tartan.concurrent.Futures;
import dev.tartan.concurrent.OneRunPerKey;
import dev.tartan.model.CallRecord;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.model.ProgressSink;
import dev.tartan.model.SharedValues;
import dev.tartan.model.TransactionRow;
import dev.tartan.model.TransactionSource;
import dev.tartan.model.TransactionSyncResult.Method;
import dev.tartan.model.TransactionSyncResult;
import dev.tartan.model.TransactionSyncState;
import dev.tartan.store.TransactionStore.Changes;
import dev.tartan.store.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Transactions of Items and processor tokens: fetched from Plaid into the vault, read back for the
 * panes, exported. Every call goes through {@link PlaidCalls} (request history included);
 * the work runs on the executor given; cancelling a returned future stops the paging and the HTTP
 * calls under way.
 */
public final class TransactionSyncService {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionSyncService.class);

    /** Transactions per call: Plaid's maximum for sync and get. */
    static final int PAGE_SIZE = 500;
    /** /transactions/get pages in flight at once while loading an Item's history. */
    static final int PARALLEL_PAGES = 8;
    /** Restarts after TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION before the sync gives up. */
    static final int MAX_RESTARTS = 10;
    /** History loads that saw the data change under them before falling back to plain sync. */
    static final int HISTORY_ATTEMPTS = 3;
    /** Earlier than any transaction Plaid holds: it keeps at most 24 months, and started in 2013. */
    static final LocalDate HISTORY_START = LocalDate.of(2000, 1, 1);
    /**
     * Days past today (UTC) the history reads. A get page only holds its date range while a sync
     * holds everything, so the range reaches well past anything dated ahead: institutions east of
     * UTC, pending transactions configured with a future posting date (Sandbox user_custom).
     */
    static final int HISTORY_DAYS_AHEAD = 366;

    static final String MUTATION_DURING_PAGINATION = "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION";
    static final String HISTORICAL_UPDATE_COMPLETE = "HISTORICAL_UPDATE_COMPLETE";

    /** How a sync may fetch the transactions. */
    public enum Mode {
        /**
         * An Item's first load reads its history with parallel /transactions/get pages (see
         * {@link Method#HISTORY}); everything else pages /transactions/sync from the stored cursor.
         */
        AUTOMATIC,
        /** Only /transactions/sync pages, as Plaid's own sample code does. */
        SYNC_ONLY
    }

    private final PlaidCalls plaid;
    private final Vault vault;
    private final Executor executor;
    private final Clock clock;
    private final int pageSize;
    private final OneRunPerKey<TransactionSyncResult> running;

    public TransactionSyncService(PlaidCalls plaid, Vault vault, Executor executor, Clock clock) {
        this(plaid, vault, executor, clock, PAGE_SIZE);
    }

    /** With smaller pages, so that tests reach multi-page updates with few transactions. */
    TransactionSyncService(PlaidCalls plaid, Vault vault, Executor executor, Clock clock, int pageSize) {
        this.plaid = plaid;
        this.vault = vault;
        this.executor = executor;
        this.clock = clock;
        this.pageSize = pageSize;
        this.running = new OneRunPerKey<>(executor);
    }

    /** {@link #sync(Profile, TransactionSource, Mode, ProgressSink)} in {@link Mode#AUTOMATIC}. */
    public CompletableFuture<TransactionSyncResult> sync(Profile profile, TransactionSource source, ProgressSink progress) {
        return sync(profile, source, Mode.AUTOMATIC, progress);
    }

    /**
     * Brings the vault's transactions of {@code source} up to date with Plaid: every page of the
     * update from the stored cursor (from the start the first time), stored with the new cursor in
     * one vault transaction once the update is complete. When Plaid reports that the data changed
     * while paging, the update starts over from the cursor it started from, as Plaid prescribes;
     * nothing of the abandoned pages was stored, so nothing is applied twice.
     *
     * <p>While a sync of the same profile and source is running, that sync's future is returned
     * (its progress goes to the first caller's sink).
     *
     * @param progress gets the transactions received so far; the total once it is known
     */
    public CompletableFuture<TransactionSyncResult> sync(Profile profile, TransactionSource source, Mode mode,
                                                         ProgressSink progress) {
        return sync(profile, source, mode, progress, call -> { });
    }

    /**
     * {@link #sync(Profile, TransactionSource, Mode, ProgressSink)}, reporting each call it makes
     * (on any thread) to {@code log}, as the panes' "Raw JSON" tabs list them.
     */
    public CompletableFuture<TransactionSyncResult> sync(Profile profile, TransactionSource source, Mode mode,
                                                         ProgressSink progress, Consumer<CallRecord> log) {
        return running.start(profile.name() + '\n' + source.key(),
                () -> new SyncRun(profile, source, mode, progress == null ? ProgressSink.NONE : progress, log), SyncRun::start);
    }

    /** Every stored transaction of {@code source}, newest first (none before its first sync). */
    public CompletableFuture<List<TransactionRow>> transactions(Profile profile, TransactionSource source) {
        return CompletableFuture.supplyAsync(() -> vault.transactions().rows(profile.name(), source.key()), executor);
    }

    /** Where the stored transactions of {@code source} stand; empty before its first sync. */
    public CompletableFuture<Optional<TransactionSyncState>> lastSync(Profile profile, TransactionSource source) {
        return CompletableFuture.supplyAsync(() -> vault.transactions().state(profile.name(), source.key()), executor);
    }

    /** Forgets the stored transactions of {@code source} and its cursor: the next sync loads everything again. */
    public CompletableFuture<Boolean> forget(Profile profile, TransactionSource source) {
        return CompletableFuture.supplyAsync(() -> vault.transactions().forget(profile.name(), source.key()), executor);
    }

    /**
     * Writes {@code rows} to {@code file} as CSV (see {@link TransactionCsv}), replacing it whole or
     * not at all, and notes the export in the audit log. Completes with the number of rows written.
     */
    public CompletableFuture<Integer> exportCsv(List<TransactionRow> rows, Path file) {
        List<TransactionRow> snapshot = List.copyOf(rows);
        return CompletableFuture.supplyAsync(() -> {
            TransactionCsv.write(snapshot, file);
            vault.audit().append("export transactions (CSV)", List.of("file=" + file.toAbsolutePath()),
                    "ok (" + snapshot.size() + " transactions)", null);
            return snapshot.size();
        }, executor);
    }

    /** One sync of one source: its calls, what they returned so far, and its outcome. */
    private final class SyncRun extends CompletableFuture<TransactionSyncResult> {
        private final Profile profile;
        private final TransactionSource source;
        private final Mode mode;
        private final ProgressSink progress;
        private final Consumer<CallRecord> log;
        private final long startedNanos = System.nanoTime();
        private final Set<CompletableFuture<PlaidResponse>> calls = ConcurrentHashMap.newKeySet();
        private final AtomicInteger pages = new AtomicInteger();
        private final AtomicInteger restarts = new AtomicInteger();

        SyncRun(Profile profile, TransactionSource source, Mode mode, ProgressSink progress, Consumer<CallRecord> log) {
            this.profile = profile;
            this.source = source;
            this.mode = mode;
            this.progress = progress;
            this.log = log;
        }

        void start() {
            step(() -> {
                String cursor = vault.transactions().state(profile.name(), source.key())
                        .map(TransactionSyncState::cursor).orElse(null);
                boolean firstLoadOfItem = cursor == null && mode == Mode.AUTOMATIC && source.kind() == TransactionSource.Kind.ITEM;
                nextSyncPage(new Update(cursor, firstLoadOfItem), cursor, this::store);
            });
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            calls.forEach(call -> call.cancel(true));
            return cancelled;
        }

        // ---- sync pages ------------------------------------------------------------------------

        /** Pages of sync from {@code start} to the end of the update; then hands the whole update to {@code done}. */
        private void syncPages(String start, Consumer<Update> done) {
            nextSyncPage(new Update(start, false), start, done);
        }

        private void nextSyncPage(Update update, String cursor, Consumer<Update> done) {
            String path = source.kind() == TransactionSource.Kind.ITEM ? "/transactions/sync" : "/processor/transactions/sync";
            ObjectNode body = tokenBody();
            if (cursor != null) {
                body.put("cursor", cursor);
            }
            body.put("count", pageSize);
            call(path, body, response -> {
                JsonNode page = response.json();
                read(response, path, () -> update.add(page));
                pages.incrementAndGet();
                progress.report(update.received(), -1, String.format(Locale.ROOT, "Sync page %d: %,d changes so far",
                        update.pages, update.received()));
                String next = page.path("next_cursor").asText("");
                boolean more = page.path("has_more").asBoolean(false);
                String status = page.path("transactions_update_status").asText(null);
                if (!more) {
                    update.end(next, status);
                    done.accept(update);
                } else if (update.mayLoadHistory && HISTORICAL_UPDATE_COMPLETE.equals(status)) {
                    // A large Item whose history Plaid holds in full: faster read with get pages.
                    loadHistory(1, Set.copyOf(update.upserted.keySet()));
                } else if (next.isEmpty()) {
                    throw unexpected(response, path, "has_more is true but next_cursor is empty");
                } else {
                    nextSyncPage(update, next, done);
                }
            }, error -> {
                if (isMutationDuringPagination(error) && restarts.get() < MAX_RESTARTS) {
                    restarts.incrementAndGet();
                    LOG.info("Transactions of {} changed while paging; restarting the update", source);
                    progress.report(0, -1, "The transactions changed while paging; starting the update over");
                    nextSyncPage(new Update(update.start, update.mayLoadHistory), update.start, done);
                    return true;
                }
                return false;
            });
        }

        /** Stores a complete update on top of what the vault holds, with its cursor. */
        private void store(Update update) {
            progress.report(update.received(), update.received(), "Saving the changes in the vault");
            TransactionSyncState state = vault.transactions().apply(profile.name(), source.key(),
                    Changes.update(update.upserted.values(), update.removed, update.cursor, update.status));
            finish(Method.SYNC, update.added, update.modified, update.removedCount, update.status, state);
        }

        // ---- an Item's history -----------------------------------------------------------------

        /**
         * An Item's first load, fast: sequential sync pages cost one round trip each (200 pages for
         * 100,000 transactions), while /transactions/get pages can be fetched side by side. Used
         * when a page of an Item's first sync shows more to come and Plaid holds the whole history
         * (a small Item is done in one sync call).
         *
         * <p>Why the order loses nothing: the cursor for "now" is taken first, so every change Plaid
         * makes after it is reported by the sync from that cursor, which runs after the last get page.
         * Whatever happened before the cursor is already in the data the get pages read. Replaying
         * the changes on top of the pages (stored rows replaced, removed ones dropped) is therefore
         * complete, and harmless for a change the pages had already seen. One thing replaying cannot
         * mend: get pages are offsets, so a transaction added or removed while they are read shifts
         * the ones after it, and a row may fall between two pages. So the load is kept only when
         * nothing changed at all (no changes since "now", the same total_transactions on every page,
         * as many distinct transactions as that total); otherwise it starts over, and after
         * {@value #HISTORY_ATTEMPTS} attempts falls back to plain sync pages. The transactions the
         * first sync page brought ({@code seen}) must be among the pages too: get reads a date range,
         * sync everything, so this shows that the range holds the history.
         */
        private void loadHistory(int attempt, Set<String> seen) {
            ObjectNode body = tokenBody().put("cursor", "now");
            call("/transactions/sync", body, response -> {
                JsonNode now = response.json();
                String cursor = now.path("next_cursor").asText("");
                if (cursor.isEmpty() || !HISTORICAL_UPDATE_COMPLETE.equals(now.path("transactions_update_status").asText())) {
                    // Plaid is pulling the history again: sync pages report it as it arrives.
                    syncPages(null, this::store);
                } else {
                    new HistoryLoad(cursor, attempt, seen).launch(null);
                }
            }, error -> {
                if (error instanceof PlaidApiException api && "INVALID_REQUEST".equals(api.error().errorType())) {
                    LOG.info("This Plaid does not take the cursor \"now\" ({}); loading with sync pages", api.error().errorCode());
                    syncPages(null, this::store);
                    return true;
                }
                return false;
            });
        }

        /**
         * The get pages of one history load: the first alone (it tells the total), then the rest
         * {@value #PARALLEL_PAGES} at a time. Plaid limits /transactions/get per Item (30 a minute
         * in Production), so no page is sent that the total does not call for.
         */
        private final class HistoryLoad {
            private final String nowCursor;
            private final int attempt;
            private final Set<String> seen;
            private final Map<String, TransactionRow> rows = new ConcurrentHashMap<>();
            private final LocalDate end = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(HISTORY_DAYS_AHEAD);
            // Guarded by this:
            private long nextOffset;
            private long total = -1;
            private int inFlight;
            private boolean totalChanged;

            HistoryLoad(String nowCursor, int attempt, Set<String> seen) {
                this.nowCursor = nowCursor;
                this.attempt = attempt;
                this.seen = seen;
            }

            /** Counts in the page just read ({@code total_transactions}, or null at the start) and sends the next pages. */
            void launch(Long pageTotal) {
                boolean allRead;
                synchronized (this) {
                    if (pageTotal != null) {
                        inFlight--;
                        if (total < 0) {
                            total = pageTotal;
                        } else if (total != pageTotal) {
                            totalChanged = true;
                        }
                    }
                    long limit = total < 0 ? 1 : total;
                    while (inFlight < (total < 0 ? 1 : PARALLEL_PAGES) && nextOffset < limit && !isDone()) {
                        long offset = nextOffset;
                        nextOffset += pageSize;
                        inFlight++;
                        page(offset);
                    }
                    allRead = inFlight == 0 && total >= 0;
                }
                if (allRead) {
                    syncPages(nowCursor, this::verify);
                }
            }

            private void page(long offset) {
                ObjectNode body = tokenBody().put("start_date", HISTORY_START.toString()).put("end_date", end.toString());
                body.putObject("options").put("count", pageSize).put("offset", offset);
                String path = "/transactions/get";
                call(path, body, response -> {
                    JsonNode page = response.json();
                    JsonNode pageTotal = page.get("total_transactions");
                    if (pageTotal == null || !pageTotal.canConvertToLong()) {
                        throw unexpected(response, path, "the reply has no total_transactions");
                    }
                    SharedValues shared = new SharedValues();
                    read(response, path, () -> page.path("transactions").forEach(t -> {
                        TransactionRow row = TransactionRows.fromJson(t, shared);
                        rows.put(row.transactionId(), row);
                    }));
                    pages.incrementAndGet();
                    progress.report(rows.size(), pageTotal.asLong(), String.format(Locale.ROOT,
                            "Loading the history: %,d of %,d transactions", rows.size(), pageTotal.asLong()));
                    launch(pageTotal.asLong());
                }, error -> false);
            }

            /** After the get pages: the changes since "now" tell whether the pages are one consistent picture. */
            private void verify(Update sinceNow) {
                boolean consistent;
                synchronized (this) {
                    consistent = sinceNow.received() == 0 && !totalChanged && rows.size() == total
                            && rows.keySet().containsAll(seen);
                }
                if (consistent) {
                    progress.report(rows.size(), rows.size(), String.format(Locale.ROOT,
                            "Saving %,d transactions in the vault", rows.size()));
                    TransactionSyncState state = vault.transactions().apply(profile.name(), source.key(),
                            Changes.replacement(rows.values(), sinceNow.cursor, sinceNow.status));
                    finish(Method.HISTORY, rows.size(), 0, 0, sinceNow.status, state);
                } else if (attempt < HISTORY_ATTEMPTS) {
                    restarts.incrementAndGet();
                    LOG.info("The history of {} did not add up (attempt {}): changed while it loaded; loading again", source, attempt);
                    progress.report(0, -1, "The history changed while it loaded; loading again");
                    loadHistory(attempt + 1, seen);
                } else {
                    restarts.incrementAndGet();
                    LOG.info("The history of {} did not add up {} times; loading it with sync pages", source, attempt);
                    syncPages(null, SyncRun.this::store);
                }
            }
        }

        // ---- plumbing --------------------------------------------------------------------------

        private ObjectNode tokenBody() {
            ObjectNode body = PlaidJson.mapper().createObjectNode();
            body.put(source.kind() == TransactionSource.Kind.ITEM ? "access_token" : "processor_token", source.token());
            return body;
        }

        /**
         * Sends a call unless the run is over, and handles its outcome on the executor: the reply
         * with {@code onReply}, a failure with {@code onError} (true if it coped), else the run fails.
         */
        private void call(String path, ObjectNode body, Consumer<PlaidResponse> onReply, ErrorHandler onError) {
            if (isDone()) {
                return;
            }
            Instant started = clock.instant();
            CompletableFuture<PlaidResponse> call = plaid.post(profile, path, body);
            calls.add(call);
            if (isDone()) {
                call.cancel(true);
            }
            call.whenCompleteAsync((response, failure) -> {
                calls.remove(call);
                log.accept(CallRecords.of(path, started, response, failure, clock));
                step(() -> {
                    if (failure == null) {
                        onReply.accept(response);
                    } else if (!onError.handled(Futures.unwrap(failure))) {
                        fail(failure);
                    }
                });
            }, executor);
        }

        /** Runs one step of the run unless it is over; a step that throws fails the run. */
        private void step(Runnable body) {
            if (isDone()) {
                return;
            }
            try {
                body.run();
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        private void fail(Throwable error) {
            completeExceptionally(Futures.unwrap(error));
            calls.forEach(call -> call.cancel(true));
        }

        private void finish(Method method, int added, int modified, int removed, String status, TransactionSyncState state) {
            Duration duration = Duration.ofNanos(System.nanoTime() - startedNanos);
            progress.report(state.transactions(), state.transactions(), String.format(Locale.ROOT,
                    "Done: %,d transactions stored", state.transactions()));
            LOG.info("Synced transactions of {}: {} added, {} modified, {} removed, {} pages, {} restarts, {} ms ({})",
                    source, added, modified, removed, pages.get(), restarts.get(), duration.toMillis(), method);
            complete(new TransactionSyncResult(method, added, modified, removed, pages.get(), restarts.get(), duration,
                    status, state));
        }
    }

    @FunctionalInterface
    private interface ErrorHandler {
        /** True if the failure was dealt with (the run goes on another way). */
        boolean handled(Throwable failure);
    }

    /** Reads transactions out of a reply; a transaction Tartan cannot read fails the run with the reason. */
    private static void read(PlaidResponse response, String path, Runnable reading) {
        try {
            reading.run();
        } catch (IllegalArgumentException e) {
            throw unexpected(response, path, e.getMessage());
        }
    }

    private static PlaidUnexpectedResponseException unexpected(PlaidResponse response, String path, String what) {
        return new PlaidUnexpectedResponseException("POST", path, response.httpStatus(), response.contentType(), what, "");
    }

    private static boolean isMutationDuringPagination(Throwable error) {
        return error instanceof PlaidApiException api && MUTATION_DURING_PAGINATION.equals(api.error().errorCode());
    }

    /**
     * The pages of one sync update, kept in memory until the update is complete. A transaction's
     * last mention wins: added then removed within the update is removed, and the other way round.
     */
    private static final class Update {
        final String start;
        /** Whether this is an Item's first update, which may switch to a history load after its first page. */
        final boolean mayLoadHistory;
        final Map<String, TransactionRow> upserted = new LinkedHashMap<>();
        final Set<String> removed = new LinkedHashSet<>();
        final SharedValues shared = new SharedValues();
        int added;
        int modified;
        int removedCount;
        int pages;
        String cursor;
        String status;

        Update(String start, boolean mayLoadHistory) {
            this.start = start;
            this.mayLoadHistory = mayLoadHistory;
        }

        void add(JsonNode page) {
            pages++;
            for (JsonNode json : page.path("added")) {
                upsert(TransactionRows.fromJson(json, shared));
                added++;
            }
            for (JsonNode json : page.path("modified")) {
                upsert(TransactionRows.fromJson(json, shared));
                modified++;
            }
            for (JsonNode json : page.path("removed")) {
                String id = TransactionRows.removedId(json);
                upserted.remove(id);
                removed.add(id);
                removedCount++;
            }
        }

        private void upsert(TransactionRow row) {
            removed.remove(row.transactionId());
            upserted.put(row.transactionId(), row);
        }

        int received() {
            return added + modified + removedCount;
        }

        void end(String nextCursor, String updateStatus) {
            cursor = nextCursor;
            status = updateStatus;
        }
    }
}
