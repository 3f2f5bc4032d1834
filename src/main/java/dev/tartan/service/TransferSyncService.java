package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.api.PlaidUnexpectedResponseException;
import dev.tartan.concurrent.Futures;
import dev.tartan.concurrent.OneRunPerKey;
import dev.tartan.model.CallRecord;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.model.ProgressSink;
import dev.tartan.model.TransferRow;
import dev.tartan.model.TransferSyncResult;
import dev.tartan.model.TransferSyncState;
import dev.tartan.store.TransferStore;
import dev.tartan.store.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A profile's transfers and refunds, kept in the vault and current with /transfer/event/sync from
 * the cursor stored with them (never by listing everything again): each event changes the status
 * of the row it names, and a row the events have just made gets the details events leave out
 * (network, description, user) from /transfer/list pages afterwards. Every call goes through
 * {@link PlaidCalls} (request history); work runs on the executor given; cancelling a returned
 * future stops the paging and the HTTP calls under way.
 */
public final class TransferSyncService {

    private static final Logger LOG = LoggerFactory.getLogger(TransferSyncService.class);

    static final String EVENT_SYNC = "/transfer/event/sync";
    static final String LIST = "/transfer/list";
    /** Events per /transfer/event/sync page: Plaid's maximum. */
    static final int PAGE_SIZE = 500;
    /** Transfers per /transfer/list page: Plaid's maximum. */
    static final int LIST_PAGE_SIZE = 25;
    /** A catch-up stores what it has (with its cursor) every so many pages, so a long one cut short keeps most of its work. */
    static final int STORE_EVERY_PAGES = 40;
    /** /transfer/list pages in flight at once while details are read. */
    static final int PARALLEL_LIST_PAGES = 4;
    /** Rows stored per vault transaction once details are read. */
    private static final int STORE_CHUNK = 5_000;

    private final PlaidCalls plaid;
    private final Vault vault;
    private final Executor executor;
    private final Clock clock;
    private final int pageSize;
    private final OneRunPerKey<TransferSyncResult> running;

    public TransferSyncService(PlaidCalls plaid, Vault vault, Executor executor, Clock clock) {
        this(plaid, vault, executor, clock, PAGE_SIZE);
    }

    /** With smaller pages, so that tests reach multi-page catch-ups with few events. */
    TransferSyncService(PlaidCalls plaid, Vault vault, Executor executor, Clock clock, int pageSize) {
        this.plaid = plaid;
        this.vault = vault;
        this.executor = executor;
        this.clock = clock;
        this.pageSize = pageSize;
        this.running = new OneRunPerKey<>(executor);
    }

    private TransferStore store() {
        return vault.transfers();
    }

    // ---- reading what the vault holds ----------------------------------------------------------

    /** Every transfer and refund the vault holds for the profile, newest first. */
    public CompletableFuture<List<TransferRow>> rows(Profile profile) {
        return CompletableFuture.supplyAsync(() -> store().rows(profile.name()), executor);
    }

    /** The newest {@code limit} transfers the vault holds: the first screen, before the rest is read. */
    public CompletableFuture<List<TransferRow>> newest(Profile profile, int limit) {
        return CompletableFuture.supplyAsync(() -> store().newest(profile.name(), TransferRow.Kind.TRANSFER, limit), executor);
    }

    /** Where the vault's copy stands; empty before the first sync. */
    public CompletableFuture<Optional<TransferSyncState>> state(Profile profile) {
        return CompletableFuture.supplyAsync(() -> store().state(profile.name()), executor);
    }

    /** The rows of these ids the vault holds. */
    public CompletableFuture<Map<String, TransferRow>> find(Profile profile, Set<String> ids) {
        return CompletableFuture.supplyAsync(() -> store().find(profile.name(), ids), executor);
    }

    /** Forgets the profile's copy and cursor: the next sync reads every event again. */
    public CompletableFuture<Boolean> forget(Profile profile) {
        return CompletableFuture.supplyAsync(() -> store().forget(profile.name()), executor);
    }

    /**
     * The newest transfers from /transfer/list (one page), kept in the vault: what a profile's first
     * screen shows while its first catch-up of events runs.
     */
    public CompletableFuture<List<TransferRow>> firstPage(Profile profile, Consumer<CallRecord> log) {
        ObjectNode body = PlaidJson.mapper().createObjectNode().put("count", LIST_PAGE_SIZE);
        Instant started = clock.instant();
        CompletableFuture<PlaidResponse> call = plaid.post(profile, LIST, body);
        call.whenComplete((response, failure) -> log.accept(CallRecords.of(LIST, started, response, failure, clock)));
        return Futures.flatMap(call, response -> CompletableFuture.supplyAsync(() -> {
            List<TransferRow> rows = new ArrayList<>();
            response.json().path("transfers").forEach(transfer -> rows.addAll(TransferRows.withRefunds(transfer)));
            store().apply(profile.name(), merged(profile, rows), null);
            return rows.stream().filter(row -> !row.isRefund()).toList();
        }, executor));
    }

    /**
     * Keeps a transfer object read whole (/transfer/get, /transfer/create) and its refunds in the
     * vault, over what the events said of them. Returns the transfer's row as stored.
     */
    public CompletableFuture<TransferRow> remember(Profile profile, JsonNode transfer) {
        return CompletableFuture.supplyAsync(() -> {
            List<TransferRow> rows = merged(profile, TransferRows.withRefunds(transfer));
            store().apply(profile.name(), rows, null);
            return rows.get(0);
        }, executor);
    }

    /** {@code read} rows over the vault's rows of the same ids (their event ids and sweeps kept). */
    private List<TransferRow> merged(Profile profile, List<TransferRow> read) {
        Map<String, TransferRow> held = store().find(profile.name(), read.stream().map(TransferRow::id).toList());
        return read.stream().map(row -> held.containsKey(row.id()) ? held.get(row.id()).withDetailsOf(row) : row).toList();
    }

    /**
     * Writes {@code rows} to {@code file} as CSV (see {@link TransferCsv}), replacing it whole or not
     * at all, and notes the export in the audit log. Completes with the number of rows written.
     */
    public CompletableFuture<Integer> exportCsv(List<TransferRow> rows, Path file) {
        List<TransferRow> snapshot = List.copyOf(rows);
        return CompletableFuture.supplyAsync(() -> {
            TransferCsv.write(snapshot, file);
            vault.audit().append("export transfers (CSV)", List.of("file=" + file.toAbsolutePath()),
                    "ok (" + snapshot.size() + " rows)", null);
            return snapshot.size();
        }, executor);
    }

    // ---- the catch-up -----------------------------------------------------------------------------

    /**
     * Brings the vault's copy up to date: every /transfer/event/sync page after the stored cursor
     * (from the first event the first time), folded onto the rows, stored with the cursor they
     * reach every {@value #STORE_EVERY_PAGES} pages and at the end. While a sync of the same profile
     * runs, that sync's future is returned.
     *
     * @param progress hears of the events applied so far
     * @param log      hears of each call (on any thread)
     */
    public CompletableFuture<TransferSyncResult> sync(Profile profile, ProgressSink progress, Consumer<CallRecord> log) {
        return running.start(profile.name(), () -> new SyncRun(profile, progress == null ? ProgressSink.NONE : progress, log),
                SyncRun::start);
    }

    /**
     * Reads the details events leave out (network, ACH class, description, user, metadata) for the
     * transfers the vault holds without them, from /transfer/list pages over the days they were
     * created ({@value #PARALLEL_LIST_PAGES} pages at a time), and keeps them. A transfer the list
     * does not give back is not asked for again. Completes with the number of transfers filled in.
     */
    public CompletableFuture<Integer> fillDetails(Profile profile, ProgressSink progress, Consumer<CallRecord> log) {
        DetailsRun run = new DetailsRun(profile, progress == null ? ProgressSink.NONE : progress, log);
        try {
            executor.execute(run::start);
        } catch (RejectedExecutionException e) {
            run.completeExceptionally(e);
        }
        return run;
    }

    /** Calls made one after another (or a few side by side) on the executor, until the run is over. */
    private abstract class Run<T> extends CompletableFuture<T> {
        final Profile profile;
        final ProgressSink progress;
        final Consumer<CallRecord> log;
        final Set<CompletableFuture<PlaidResponse>> calls = ConcurrentHashMap.newKeySet();

        Run(Profile profile, ProgressSink progress, Consumer<CallRecord> log) {
            this.profile = profile;
            this.progress = progress;
            this.log = log;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            calls.forEach(call -> call.cancel(true));
            return cancelled;
        }

        /** Sends a call unless the run is over; its reply is handled on the executor, a failure ends the run. */
        void call(String path, ObjectNode body, Consumer<PlaidResponse> onReply) {
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
                if (failure != null) {
                    fail(failure);
                } else {
                    step(() -> onReply.accept(response));
                }
            }, executor);
        }

        /** Runs one step unless the run is over; a step that throws ends the run with its failure. */
        void step(Runnable body) {
            if (isDone()) {
                return;
            }
            try {
                body.run();
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        void fail(Throwable error) {
            completeExceptionally(Futures.unwrap(error));
            calls.forEach(call -> call.cancel(true));
        }

        PlaidUnexpectedResponseException unexpected(PlaidResponse response, String path, String what) {
            return new PlaidUnexpectedResponseException("POST", path, response.httpStatus(), response.contentType(), what, "");
        }
    }

    /** One catch-up of one profile's events. */
    private final class SyncRun extends Run<TransferSyncResult> {
        private final long startedNanos = System.nanoTime();
        /** Every row read or changed in this run, by id. */
        private final Map<String, TransferRow> rows = new HashMap<>();
        /** Rows changed since the last store. */
        private final Set<String> dirty = new LinkedHashSet<>();
        private final Set<String> changed = new LinkedHashSet<>();
        private int added;
        private long events;
        private int pages;
        private Function<String, TransferRow> lookUp;
        /** The last store under way (each waits for the one before). */
        private CompletableFuture<TransferSyncState> stored = CompletableFuture.completedFuture(null);

        SyncRun(Profile profile, ProgressSink progress, Consumer<CallRecord> log) {
            super(profile, progress, log);
        }

        void start() {
            step(() -> {
                long cursor = store().state(profile.name()).map(TransferSyncState::cursor).orElse(0L);
                if (cursor == 0) {
                    // The first catch-up: what the vault holds (a first page, rows read whole) is little; hold it all.
                    store().rows(profile.name()).forEach(row -> rows.put(row.id(), row));
                    lookUp = id -> null;
                } else {
                    lookUp = id -> store().find(profile.name(), List.of(id)).get(id);
                }
                page(cursor);
            });
        }

        private void page(long afterId) {
            ObjectNode body = PlaidJson.mapper().createObjectNode().put("after_id", afterId).put("count", pageSize);
            call(EVENT_SYNC, body, response -> {
                JsonNode page = response.json();
                JsonNode list = page.path("transfer_events");
                if (!list.isArray()) {
                    throw unexpected(response, EVENT_SYNC, "the reply has no transfer_events");
                }
                long last = afterId;
                for (JsonNode event : list) {
                    long id = event.path("event_id").asLong();
                    if (id <= last) {
                        throw unexpected(response, EVENT_SYNC, "event_id " + id + " does not follow " + last);
                    }
                    last = id;
                    String type = event.path("event_type").asText();
                    String key = event.path(type.startsWith("refund.") ? "refund_id" : "transfer_id").asText();
                    if (!type.startsWith("sweep.") && !key.isEmpty() && !rows.containsKey(key)) {
                        TransferRow held = lookUp.apply(key);
                        if (held != null) {
                            rows.put(key, held);
                        } else if (!type.startsWith("refund.")) {
                            added++;
                        }
                    }
                    String touched;
                    try {
                        touched = TransferRows.fold(event, rows, unknown -> null);
                    } catch (IllegalArgumentException e) {
                        throw unexpected(response, EVENT_SYNC, e.getMessage());
                    }
                    if (touched != null) {
                        dirty.add(touched);
                        changed.add(touched);
                    }
                    events++;
                }
                pages++;
                boolean more = page.path("has_more").asBoolean(false);
                progress.report(events, -1, String.format(Locale.ROOT, "Transfer events: %,d applied (page %d)", events, pages));
                if (more && list.isEmpty()) {
                    throw unexpected(response, EVENT_SYNC, "has_more is true but the page has no events");
                }
                if (!more) {
                    keepUpTo(last).whenComplete((state, error) -> {
                        if (error != null) {
                            fail(error);
                        } else {
                            finish(state);
                        }
                    });
                } else {
                    if (pages % STORE_EVERY_PAGES == 0) {
                        keepUpTo(last); // written while the next page is on its way
                    }
                    page(last);
                }
            });
        }

        /**
         * Stores the rows changed since the last store with the cursor they reach. The rows are taken
         * now (they are immutable), the writing happens in the background, one store after the other, so
         * the vault never takes an older state after a newer one.
         */
        private CompletableFuture<TransferSyncState> keepUpTo(long cursor) {
            List<TransferRow> changedRows = new ArrayList<>(dirty.size());
            dirty.forEach(id -> changedRows.add(rows.get(id)));
            dirty.clear();
            stored = stored.thenApplyAsync(previous -> store().apply(profile.name(), changedRows, cursor), executor);
            return stored;
        }

        private void finish(TransferSyncState state) {
            Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
            progress.report(events, events, String.format(Locale.ROOT, "Done: %,d transfer events, %,d transfers held", events, state.rows()));
            LOG.info("Synced transfer events of {}: {} events, {} rows changed ({} new), {} pages, {} ms", profile.name(), events,
                    changed.size(), added, pages, took.toMillis());
            complete(new TransferSyncResult(events, pages, Set.copyOf(changed), added, took, state));
        }
    }

    /** Reading the details of the transfers the events made. */
    private final class DetailsRun extends Run<Integer> {
        private final Map<String, TransferRow> read = new ConcurrentHashMap<>();
        private final Map<String, TransferRow> bare = new LinkedHashMap<>();
        private String startDate;
        private String endDate;
        // Guarded by this:
        private int nextOffset;
        private int inFlight;
        private boolean ended;
        private int pagesRead;

        DetailsRun(Profile profile, ProgressSink progress, Consumer<CallRecord> log) {
            super(profile, progress, log);
        }

        void start() {
            step(() -> {
                Instant first = null;
                Instant last = null;
                for (TransferRow row : store().rows(profile.name())) {
                    if (!row.isRefund() && !row.detailed() && row.created() != null) {
                        bare.put(row.id(), row);
                        first = first == null || row.created().isBefore(first) ? row.created() : first;
                        last = last == null || row.created().isAfter(last) ? row.created() : last;
                    }
                }
                if (bare.isEmpty()) {
                    complete(0);
                    return;
                }
                startDate = first.truncatedTo(ChronoUnit.SECONDS).toString();
                endDate = last.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString();
                launch(false);
            });
        }

        /** Notes a page read ({@code short}: the last one) and sends the next pages. */
        private void launch(boolean pageRead) {
            boolean allRead;
            synchronized (this) {
                if (pageRead) {
                    inFlight--;
                    pagesRead++;
                }
                while (!ended && inFlight < PARALLEL_LIST_PAGES && !isDone()) {
                    int offset = nextOffset;
                    nextOffset += LIST_PAGE_SIZE;
                    inFlight++;
                    page(offset);
                }
                allRead = ended && inFlight == 0;
            }
            if (allRead) {
                step(this::keep);
            }
        }

        private void page(int offset) {
            ObjectNode body = PlaidJson.mapper().createObjectNode().put("start_date", startDate).put("end_date", endDate)
                    .put("count", LIST_PAGE_SIZE).put("offset", offset);
            call(LIST, body, response -> {
                JsonNode transfers = response.json().path("transfers");
                if (!transfers.isArray()) {
                    throw unexpected(response, LIST, "the reply has no transfers");
                }
                for (JsonNode transfer : transfers) {
                    try {
                        TransferRows.withRefunds(transfer).forEach(row -> read.put(row.id(), row));
                    } catch (IllegalArgumentException e) {
                        throw unexpected(response, LIST, e.getMessage());
                    }
                }
                synchronized (this) {
                    if (transfers.size() < LIST_PAGE_SIZE) {
                        ended = true;
                    }
                }
                long filled = bare.keySet().stream().filter(read::containsKey).count();
                progress.report(filled, bare.size(), String.format(Locale.ROOT, "Transfer details: %,d of %,d", filled, bare.size()));
                launch(true);
            });
        }

        private Map<String, TransferRow> allRows;

        /** Every row the vault holds, read once (cheaper than looking thousands up one by one). */
        private Map<String, TransferRow> all() {
            if (allRows == null) {
                allRows = new HashMap<>();
                store().rows(profile.name()).forEach(row -> allRows.put(row.id(), row));
            }
            return allRows;
        }

        /** Stores what the pages said over what the vault holds now (a sync may have run meanwhile). */
        private void keep() {
            int filled = 0;
            Set<String> distinct = new LinkedHashSet<>(read.keySet());
            distinct.addAll(bare.keySet());
            List<String> ids = new ArrayList<>(distinct);
            List<TransferRow> chunk = new ArrayList<>();
            for (int i = 0; i < ids.size(); i += STORE_CHUNK) {
                List<String> slice = ids.subList(i, Math.min(ids.size(), i + STORE_CHUNK));
                Map<String, TransferRow> held = slice.size() > 1_000 ? all() : store().find(profile.name(), slice);
                chunk.clear();
                for (String id : slice) {
                    TransferRow now = held.get(id);
                    TransferRow fromList = read.get(id);
                    if (fromList != null) {
                        chunk.add(now == null ? fromList : now.withDetailsOf(fromList));
                        if (bare.containsKey(id)) {
                            filled++;
                        }
                    } else if (now != null && !now.detailed()) {
                        // Not listed (another originator's, say): marked, so that it is not asked for again.
                        chunk.add(now.withDetailsOf(new TransferRow(now.id(), now.kind(), now.transferId(), now.type(), null, null,
                                now.amountCents(), now.currency(), now.status(), now.accountId(), now.created(), now.updated(),
                                now.failureCode(), now.returnCode(), now.failureReason(), null, null, null, now.sweepStatus(),
                                now.sweepId(), null, true, now.lastEventId())));
                    }
                }
                store().apply(profile.name(), chunk, null);
            }
            LOG.info("Read the details of {} transfers of {} in {} list pages", filled, profile.name(), pagesRead);
            progress.report(filled, bare.size(), String.format(Locale.ROOT, "Transfer details: %,d filled in", filled));
            complete(filled);
        }
    }
}
