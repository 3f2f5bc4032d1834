package dev.tartan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static dev.tartan.emulator.EmulatorClient.body;

/**
 * The emulator's Assets at the scale, over loopback HTTP, printed as a table: a 2-year report over
 * 5 Items with 10,000 transactions each (the {@code user_transactions_<N>} extension), generated and served
 * by /asset_report/get (the first get generates it, the delay being zero), served again from its stored data,
 * with insights, as a PDF, and after a restart; with the sizes of the answer, the PDF and the stored data.
 *
 * <pre>mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tartan.bench.AssetsBenchmark</pre>
 *
 * Optional: {@code -Dbench.items=N} (default 5), {@code -Dbench.transactions=N} per Item (default 10,000),
 * {@code -Dbench.dir=DIR}, the data folder (default target/assets-bench, emptied first).
 *
 * <p>Each step shows its wall time and the CPU time the whole process spent on it (client and emulator run in
 * the same JVM, so this includes the client reading the answer, and garbage collection): on a machine busy with
 * other work the wall time grows, the CPU time much less.
 */
public final class AssetsBenchmark {
    private static final int ITEMS = Integer.getInteger("bench.items", 5);
    private static final int TRANSACTIONS = Integer.getInteger("bench.transactions", 10_000);
    private static final int DAYS = 730;
    private static final Path DIR = Path.of(System.getProperty("bench.dir", "target/assets-bench"));
    private static final int SAMPLES = 5;
    private static final double TARGET_MILLIS = 2000;

    private final List<String[]> rows = new ArrayList<>();

    private AssetsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new AssetsBenchmark().run();
        System.exit(0);
    }

    private void run() throws IOException {
        System.out.printf(Locale.ROOT, "load average %.1f at the start%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        clean();
        String token;
        try (PlaidEmulator emulator = start()) {
            EmulatorClient client = new EmulatorClient(emulator);
            ObjectNode create = body().put("days_requested", DAYS);
            var tokens = create.putArray("access_tokens");
            for (int i = 0; i < ITEMS; i++) {
                tokens.add(item(client));
            }
            // The first report in a fresh JVM also pays for compiling the code that builds it.
            Clock clock = new Clock();
            String cold = client.ok("/asset_report/create", create).path("asset_report_token").asText();
            check(client.post("/asset_report/get", body().put("asset_report_token", cold)));
            row("first report in a fresh JVM: create + first get", clock.lap(), "includes JIT compilation", "", "");
            clock = new Clock();
            token = client.ok("/asset_report/create", create).path("asset_report_token").asText();
            String createTime = clock.lap();
            EmulatorClient.Answer first = client.post("/asset_report/get", body().put("asset_report_token", token));
            double firstMillis = clock.wallMillis();
            String firstTime = clock.lap();
            check(first);
            int transactions = 0;
            int balances = 0;
            for (JsonNode item : first.json().path("report").path("items")) {
                for (JsonNode account : item.path("accounts")) {
                    transactions += account.path("transactions").size();
                    balances += account.path("historical_balances").size();
                }
            }
            row("/asset_report/create", createTime, "answers at once", "", "");
            row("a new report: first /asset_report/get (generates, stores, serves)", firstTime,
                    String.format(Locale.ROOT, "%,d transactions, %,d daily balances, %s JSON", transactions, balances, mb(first.bytes().length)),
                    "< 2000 ms", firstMillis < TARGET_MILLIS ? "ok" : "SLOW");
            timed("/asset_report/get (stored report)", client, "/asset_report/get", body().put("asset_report_token", token), TARGET_MILLIS);
            timed("/asset_report/get include_insights", client, "/asset_report/get",
                    body().put("asset_report_token", token).put("include_insights", true), TARGET_MILLIS);
            clock = new Clock();
            EmulatorClient.Answer pdf = client.post("/asset_report/pdf/get", body().put("asset_report_token", token));
            String pdfTime = clock.lap();
            if (pdf.status() != 200) {
                throw new IllegalStateException("pdf/get answered " + pdf.status());
            }
            row("/asset_report/pdf/get", pdfTime, mb(pdf.bytes().length) + " PDF", "", "");
            row("stored report data (gzipped JSON)", mb(DIR.resolve("emulator/asset_reports").resolve(
                    first.json().path("report").path("asset_report_id").asText() + ".json.gz").toFile().length()), "", "", "");
        }
        Clock clock = new Clock();
        try (PlaidEmulator emulator = start()) {
            String startTime = clock.lap();
            EmulatorClient client = new EmulatorClient(emulator);
            check(client.post("/asset_report/get", body().put("asset_report_token", token)));
            row("restart, then /asset_report/get (reads the stored data)", clock.lap(), "start: " + startTime, "< 2000 ms", "");
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "A %d-day asset report over %d Items with %,d transactions each%n%n", DAYS, ITEMS, TRANSACTIONS);
        System.out.println("| measure | wall (CPU) | detail | target | |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
        System.out.printf(Locale.ROOT, "%n%d cores, max heap %d MB, load average %.1f at the end%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String item(EmulatorClient client) {
        ObjectNode create = body().put("institution_id", "ins_109508");
        create.putArray("initial_products").add("assets").add("transactions");
        ObjectNode options = create.putObject("options").put("override_username", "user_transactions_" + TRANSACTIONS)
                .put("override_password", "any");
        options.putObject("transactions").put("days_requested", DAYS);
        String publicToken = client.ok("/sandbox/public_token/create", create).path("public_token").asText();
        return client.ok("/item/public_token/exchange", body().put("public_token", publicToken)).path("access_token").asText();
    }

    private static void check(EmulatorClient.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("/asset_report/get answered " + answer.status() + ": " + answer.json());
        }
    }

    private void timed(String name, EmulatorClient client, String path, ObjectNode request, double targetMillis) {
        double[] millis = new double[SAMPLES];
        double[] cpu = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            Clock clock = new Clock();
            check(client.post(path, request));
            millis[i] = clock.wallMillis();
            cpu[i] = clock.cpuMillis();
        }
        Arrays.sort(millis);
        Arrays.sort(cpu);
        double median = millis[SAMPLES / 2];
        row(name, ms(median) + " (" + ms(cpu[SAMPLES / 2]) + ") median", ms(millis[SAMPLES - 1]) + " slowest of " + SAMPLES,
                "< 2000 ms", median < targetMillis ? "ok" : "SLOW");
    }

    /** Wall time and the process's CPU time since it was made. */
    private static final class Clock {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final long wall = System.nanoTime();
        private final long cpu = OS.getProcessCpuTime();

        double wallMillis() {
            return millisSince(wall);
        }

        double cpuMillis() {
            return (OS.getProcessCpuTime() - cpu) / 1e6;
        }

        String lap() {
            return ms(wallMillis()) + " (" + ms(cpuMillis()) + ")";
        }
    }

    private static PlaidEmulator start() {
        return PlaidEmulator.start(EmulatorConfig.builder().dataDirectory(DIR).assetReportDelay(Duration.ZERO).build());
    }

    private static void clean() throws IOException {
        if (Files.exists(DIR)) {
            try (Stream<Path> files = Files.walk(DIR)) {
                for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static double millisSince(long started) {
        return (System.nanoTime() - started) / 1e6;
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private void row(String... cells) {
        rows.add(cells);
    }
}
