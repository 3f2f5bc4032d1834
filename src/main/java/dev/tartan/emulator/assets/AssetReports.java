package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.Items;
import dev.tartan.emulator.state.Journal;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.transactions.TransactionsService;
import dev.tartan.emulator.webhooks.Webhooks;
import dev.tartan.emulator.wire.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The heart of the Assets emulation: the {@link AssetBook} and its journal of {@link AssetFact}s
 * ({@value #JOURNAL_FILE}), the reports' data ({@link Snapshots}), and report generation. A report is asked
 * for at once and generated after the configured delay, by a timer (which then sends the PRODUCT_READY or
 * ERROR webhook) or by the first request that reads it once the delay is over, whichever comes first; so a
 * zero delay makes a report ready for the very next request. State changes run under the emulator's state
 * lock (shared with Items, whose data reports are made of).
 */
public final class AssetReports implements AutoCloseable {
    static final String JOURNAL_FILE = "asset_reports.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(AssetReports.class);

    private final Items items;
    private final Webhooks webhooks;
    private final ReportBuilder builder;
    private final Journal<AssetFact> journal;
    private final Snapshots snapshots;
    private final AssetBook book = new AssetBook();
    private final Duration delay;
    private final ScheduledExecutorService timer;
    /** Reports being generated now, so a request and the timer never generate the same report twice at once. */
    private final Map<String, CompletableFuture<Void>> generating = new ConcurrentHashMap<>();

    /**
     * @param folder the emulator's data folder (journal and report data live there), or null to keep everything in memory
     * @param reset  forget the reports the folder held
     * @param delay  how long generation takes
     */
    public AssetReports(Items items, TransactionsService transactions, Path folder, boolean reset, Duration delay) {
        this.items = items;
        this.webhooks = items.webhooks();
        this.builder = new ReportBuilder(items, transactions);
        this.delay = delay;
        this.snapshots = folder == null ? Snapshots.inMemory() : Snapshots.in(folder, reset);
        this.journal = folder == null ? Journal.inMemory("asset report journal", AssetFact.class)
                : Journal.in(folder, JOURNAL_FILE, "asset report journal", AssetFact.class, reset);
        items.write(() -> {
            journal.replay(book::apply);
            journal.flush();
            return null;
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tartan-emulator-assets");
            thread.setDaemon(true);
            return thread;
        });
        // Reports asked for before a restart and not generated yet are generated when they are due (now, if overdue).
        read(() -> book.reports().stream().filter(report -> report.nextDue() != null).map(report -> report.request).toList())
                .forEach(this::schedule);
    }

    AssetBook book() {
        return book;
    }

    Items items() {
        return items;
    }

    Snapshots snapshots() {
        return snapshots;
    }

    Duration delay() {
        return delay;
    }

    Instant now() {
        return items.clock().instant();
    }

    <R> R read(Supplier<R> action) {
        return items.read(action);
    }

    /** Runs {@code action} under the state's write lock; the facts it recorded reach the journal's file when it ends. */
    <R> R write(Supplier<R> action) {
        return items.write(() -> {
            try {
                return action.get();
            } finally {
                journal.flush();
            }
        });
    }

    /** Applies a fact and journals it. Call inside {@link #write}. */
    void record(AssetFact fact) {
        book.apply(fact);
        journal.append(fact);
    }

    // ---- generation ------------------------------------------------------------------------------------

    /** Asks the timer to generate each step of the report (fast, full) when it is due. */
    void schedule(AssetFact.Requested request) {
        if (request.fastReadyAt() != null) {
            scheduleAt(request.reportId(), request.fastReadyAt());
        }
        scheduleAt(request.reportId(), request.readyAt());
    }

    private void scheduleAt(String reportId, Instant due) {
        // The timer counts on its own clock; a millisecond more keeps it from waking before the wall clock's due time.
        long wait = Math.max(0, Duration.between(now(), due).toMillis() + 1);
        try {
            timer.schedule(() -> onTimer(reportId, due), wait, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("asset report generation not scheduled: the emulator is closing");
        }
    }

    private void onTimer(String reportId, Instant due) {
        if (now().isBefore(due)) {
            scheduleAt(reportId, due); // woke early: the timer's clock and the wall clock drifted apart
            return;
        }
        try {
            advance(reportId);
        } catch (RuntimeException e) {
            LOG.error("could not generate the asset report {}", reportId, e);
        }
    }

    /**
     * Does what is due for the report now: generates its data (from the Items as they are now) and marks the
     * fast and full versions ready, with their webhooks; or records why it failed, with the ERROR webhook.
     * Called by the timer, and before any request reads the report; when another thread is already at it, waits
     * for that thread and then does what is still due. Call without holding the state lock.
     */
    void advance(String reportId) {
        while (true) {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> running = generating.putIfAbsent(reportId, mine);
            if (running == null) {
                try {
                    advanceAlone(reportId);
                } finally {
                    generating.remove(reportId, mine);
                    mine.complete(null);
                }
                return;
            }
            running.join();
        }
    }

    private void advanceAlone(String reportId) {
        Instant now = now();
        AssetReport due = read(() -> book.report(reportId).filter(report -> report.due(now)).orElse(null));
        if (due == null) {
            return;
        }
        Generation outcome = due.hasSnapshot() ? null : generate(due.request, now);
        write(() -> {
            AssetReport report = book.report(reportId).orElseThrow();
            if (!report.due(now)) {
                return null; // another thread got there first, or the report was removed meanwhile
            }
            if (!report.hasSnapshot()) {
                if (outcome.error() != null) {
                    record(new AssetFact.Failed(reportId, errorJson(outcome.error()), now));
                    announceError(report, outcome.error());
                    return null;
                }
                snapshots.put(reportId, outcome.report());
            }
            Instant fastAt = report.request.fastReadyAt();
            if (fastAt != null && !report.fastGenerated && !now.isBefore(fastAt)) {
                record(new AssetFact.Generated(reportId, AssetFact.ReportType.FAST, now));
                announceReady(report, AssetFact.ReportType.FAST);
            }
            if (!now.isBefore(report.request.readyAt())) {
                record(new AssetFact.Generated(reportId, AssetFact.ReportType.FULL, now));
                announceReady(report, AssetFact.ReportType.FULL);
            }
            return null;
        });
    }

    /** A report's data ready to be stored, or why there is none. */
    private record Generation(Snapshots.Packed report, ApiException error) {
    }

    /** Builds the report from the Items under the read lock, then makes it ready to store outside any lock. */
    private Generation generate(AssetFact.Requested request, Instant now) {
        ReportBuilder.Outcome outcome;
        try {
            outcome = read(() -> builder.build(request, now));
        } catch (ApiException e) {
            return new Generation(null, AssetErrors.generationFailed("the report could not be generated: "
                    + e.errorCode() + ": " + e.getMessage()));
        }
        return outcome.error() != null ? new Generation(null, outcome.error()) : new Generation(Snapshots.pack(outcome.report()), null);
    }

    /** Plaid's error object as a report keeps it (and as the ERROR webhook carries it). */
    private static ObjectNode errorJson(ApiException error) {
        return error.toJson();
    }

    /** The error a failed report answers with, rebuilt from what its {@link AssetFact.Failed} kept. */
    static ApiException errorOf(JsonNode error) {
        ApiException exception = new ApiException(error.path("error_type").asText(), error.path("error_code").asText(),
                error.path("error_message").asText(), error.path("display_message").isNull() ? null
                : error.path("display_message").asText(), error.path("status").asInt(400));
        JsonNode causes = error.path("causes");
        return causes.isArray() && !causes.isEmpty() ? exception.withCauses((ArrayNode) causes) : exception;
    }

    // ---- webhooks ---------------------------------------------------------------------------------------

    /** ASSETS: PRODUCT_READY, to the webhook the report was asked for with (none without one). */
    private void announceReady(AssetReport report, AssetFact.ReportType type) {
        String url = report.request.options().webhook();
        if (url != null) {
            ObjectNode fields = Json.object().put("asset_report_id", report.id()).put("report_type", type.name());
            webhooks.send(url, webhooks.body("AssetsProductReadyWebhook", "ASSETS", "PRODUCT_READY", fields));
        }
    }

    /** ASSETS: ERROR with the error generation ran into. */
    private void announceError(AssetReport report, ApiException error) {
        String url = report.request.options().webhook();
        if (url != null) {
            ObjectNode fields = Json.object().put("asset_report_id", report.id());
            fields.set("error", error.toJson());
            webhooks.send(url, webhooks.body("AssetsErrorWebhook", "ASSETS", "ERROR", fields));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        items.write(() -> {
            journal.close();
            return null;
        });
    }
}
