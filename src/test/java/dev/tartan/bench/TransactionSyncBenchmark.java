package dev.tartan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.Latency;
import dev.tartan.model.TransactionRow;
import dev.tartan.model.TransactionSource;
import dev.tartan.model.TransactionSyncResult;
import dev.tartan.service.TransactionSyncService;
import dev.tartan.testing.EmulatorServices;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Issue 6's transactions benchmark: an Item with 100,000 transactions synced into a fresh
 * encrypted vault through the service layer (gateway, request history, vault), with the emulator
 * answering at once and after 200 ms per call; then all rows read back, and the heap they take.
 * Prints a table.
 *
 * <pre>mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tartan.bench.TransactionSyncBenchmark</pre>
 *
 * Optional: {@code -Dbench.transactions=N} (default 100,000), {@code -Dbench.latencies=0,200} and
 * {@code -Dbench.dir=DIR}, the working folder (default target/transaction-bench).
 */
public final class TransactionSyncBenchmark {

    private static final int TRANSACTIONS = Integer.getInteger("bench.transactions", 100_000);
    private static final String LATENCIES = System.getProperty("bench.latencies", "0,200");
    private static final Path DIR = Path.of(System.getProperty("bench.dir", "target/transaction-bench"));
    private static final int WARM_UP_TRANSACTIONS = 20_000;
    private static final double TARGET_SYNC_SECONDS = 15;
    private static final double TARGET_HEAP_MB = 400;
    /** As the app sizes its background pool. */
    private static final int IO_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final List<String[]> rows = new ArrayList<>();

    private TransactionSyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TransactionSyncBenchmark benchmark = new TransactionSyncBenchmark();
        benchmark.warmUp();
        for (String latency : LATENCIES.split(",")) {
            long millis = Long.parseLong(latency.trim());
            benchmark.measure(millis, TransactionSyncService.Mode.AUTOMATIC);
            benchmark.measure(millis, TransactionSyncService.Mode.SYNC_ONLY);
        }
        Table.print(List.of("measure", "result", "detail", "target", "status"), benchmark.rows);
        System.out.printf(Locale.ROOT, "%,d transactions; %d cores, %d I/O threads, max heap %d MB, load average %.1f at the end%n",
                TRANSACTIONS, Runtime.getRuntime().availableProcessors(), IO_THREADS, Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.exit(0);
    }

    /** Both ways once on a smaller Item, so that the measured runs do not pay for the JIT's first compilations. */
    private void warmUp() throws IOException {
        for (TransactionSyncService.Mode mode : TransactionSyncService.Mode.values()) {
            try (EmulatorServices services = new EmulatorServices(EmulatorConfig.inMemory(), freshFolder("warm-up-" + mode), IO_THREADS)) {
                JsonNode item = services.newItem("user_transactions_" + WARM_UP_TRANSACTIONS);
                TransactionSource source = TransactionSource.item(item.path("access_token").asText(), item.path("item_id").asText());
                TransactionSyncService transactions = new TransactionSyncService(services.gateway, services.vault, services.io, Clock.systemUTC());
                transactions.sync(services.profile, source, mode, null).join();
                transactions.transactions(services.profile, source).join();
            }
        }
    }

    private void measure(long latencyMillis, TransactionSyncService.Mode mode) throws IOException {
        Path folder = freshFolder("vault-" + latencyMillis + "-" + mode.name().toLowerCase(Locale.ROOT));
        EmulatorConfig config = EmulatorConfig.builder().latency(new Latency(latencyMillis, latencyMillis)).build();
        String setting = String.format(Locale.ROOT, "%d ms latency, %s", latencyMillis,
                mode == TransactionSyncService.Mode.AUTOMATIC ? "automatic (history load)" : "sync pages only");
        try (EmulatorServices services = new EmulatorServices(config, folder, IO_THREADS)) {
            JsonNode item = services.newItem("user_transactions_" + TRANSACTIONS);
            TransactionSource source = TransactionSource.item(item.path("access_token").asText(), item.path("item_id").asText());
            TransactionSyncService transactions = new TransactionSyncService(services.gateway, services.vault, services.io, Clock.systemUTC());

            long started = System.nanoTime();
            long cpuBefore = processCpuNanos();
            TransactionSyncResult result = transactions.sync(services.profile, source, mode, null).join();
            double syncSeconds = seconds(started);
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            awaitIdle(services);
            double settledSeconds = seconds(started);
            if (result.state().transactions() != TRANSACTIONS) {
                throw new IllegalStateException("stored " + result.state().transactions() + " transactions, not " + TRANSACTIONS);
            }
            rows.add(new String[] {"sync into a fresh vault, " + setting,
                    String.format(Locale.ROOT, "%.2f s", syncSeconds),
                    String.format(Locale.ROOT, "%s, %d pages, %d restarts, %.1f s CPU (emulator included); history writes done at %.2f s",
                            result.method(), result.pages(), result.restarts(), cpuSeconds, settledSeconds),
                    "< 15 s at 200 ms", latencyMillis == 200 ? status(syncSeconds < TARGET_SYNC_SECONDS) : "-"});

            if (mode == TransactionSyncService.Mode.AUTOMATIC) {
                readBack(transactions, services, source, setting);
            }
        }
    }

    private void readBack(TransactionSyncService transactions, EmulatorServices services, TransactionSource source, String setting) {
        long before = usedHeapAfterGc();
        List<Double> seconds = new ArrayList<>();
        List<TransactionRow> loaded = null;
        for (int run = 0; run < 5; run++) {
            loaded = null; // the previous load goes before the next one comes
            long started = System.nanoTime();
            loaded = transactions.transactions(services.profile, source).join();
            seconds.add(seconds(started));
            if (loaded.size() != TRANSACTIONS) {
                throw new IllegalStateException("read " + loaded.size() + " rows back, not " + TRANSACTIONS);
            }
        }
        long after = usedHeapAfterGc();
        seconds.sort(Comparator.naturalOrder());
        rows.add(new String[] {"read all rows back, " + setting,
                String.format(Locale.ROOT, "%.0f ms (median of 5)", seconds.get(2) * 1000),
                String.format(Locale.ROOT, "%,d rows, best %.0f ms", loaded.size(), seconds.get(0) * 1000), "-", "-"});
        double usedMb = after / 1048576.0;
        rows.add(new String[] {"heap after loading the rows (after GC)",
                String.format(Locale.ROOT, "%.0f MB", usedMb),
                String.format(Locale.ROOT, "the rows alone: %.1f MB (%.0f bytes a row)", (after - before) / 1048576.0,
                        (after - before) / (double) loaded.size()),
                "< 400 MB (with the table)", status(usedMb < TARGET_HEAP_MB)});
    }

    /** Waits until the background pool is idle: the gateway writes each call's history there. */
    private static void awaitIdle(EmulatorServices services) {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) services.io;
        while (pool.getActiveCount() > 0 || !pool.getQueue().isEmpty()) {
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** CPU time of the whole process: client, vault and the emulator share the machine's cores. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String status(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static Path freshFolder(String name) throws IOException {
        Path folder = DIR.resolve(name);
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(folder);
        return folder;
    }
}
