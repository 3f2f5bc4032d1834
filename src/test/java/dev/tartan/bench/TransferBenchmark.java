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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import static dev.tartan.emulator.EmulatorClient.body;

/**
 * The emulator's Transfer at scale, over loopback HTTP, printed as a table: seeding 100,000 transfers and
 * then at least 1,000,000 events (the {@code user_transfers_<N>} extension), /transfer/event/sync and
 * /transfer/list pages anywhere in them, a transfer created among them, the size of the journal and of
 * state.json, the final save, and a restart that replays the journal.
 *
 * <pre>mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tartan.bench.TransferBenchmark</pre>
 *
 * Optional: {@code -Dbench.transfers=N} (default 100,000), {@code -Dbench.events=N} (default 1,000,000) and
 * {@code -Dbench.dir=DIR}, the data folder (default target/transfer-bench, emptied first).
 */
public final class TransferBenchmark {
    private static final int TRANSFERS = Integer.getInteger("bench.transfers", 100_000);
    private static final long EVENTS = Long.getLong("bench.events", 1_000_000);
    private static final Path DIR = Path.of(System.getProperty("bench.dir", "target/transfer-bench"));
    private static final int SAMPLES = 200;
    private static final double TARGET_SYNC_MILLIS = 50;

    private final List<String[]> rows = new ArrayList<>();
    private final Random random = new Random(42);

    private TransferBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new TransferBenchmark().run();
        System.exit(0);
    }

    private void run() throws IOException {
        System.out.printf(Locale.ROOT, "load average %.1f at the start%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        clean();
        long events;
        long journal;
        try (PlaidEmulator emulator = start()) {
            EmulatorClient client = new EmulatorClient(emulator);
            long started = System.nanoTime();
            client.newItem("user_transfers_" + TRANSFERS, "any", "transfer");
            events = lastEventId(client);
            row("seed " + String.format(Locale.ROOT, "%,d", TRANSFERS) + " transfers", seconds(started),
                    String.format(Locale.ROOT, "%,d events", events), "", "");
            if (events < EVENTS) {
                int more = (int) Math.ceil((EVENTS - events) * (double) TRANSFERS / events) + 1_000;
                started = System.nanoTime();
                client.newItem("user_transfers_" + more, "any", "transfer");
                events = lastEventId(client);
                row("seed " + String.format(Locale.ROOT, "%,d", more) + " more", seconds(started),
                        String.format(Locale.ROOT, "%,d events in all", events), "", "");
            }
            long total = events;
            timed("/transfer/event/sync, count 500", after -> body().put("after_id", after).put("count", 500), total, client,
                    "/transfer/event/sync", TARGET_SYNC_MILLIS);
            timed("/transfer/list, count 25", offset -> body().put("count", 25).put("offset", offset), TRANSFERS, client,
                    "/transfer/list", TARGET_SYNC_MILLIS);
            ObjectNode rare = body().put("count", 25);
            rare.putArray("event_types").add("refund.returned");
            timed("/transfer/event/list, a type no event has", ignored -> rare, 1, client, "/transfer/event/list", 0);
            createAmongThem(client);
            journal = Files.size(DIR.resolve("emulator/transfers.jsonl"));
            started = System.nanoTime();
            emulator.close();
            row("close (last save of state.json)", seconds(started), "", "", "");
        }
        row("journal transfers.jsonl", mb(journal), String.format(Locale.ROOT, "%.0f bytes per event", (double) journal / events), "", "");
        row("state.json", mb(Files.size(DIR.resolve("emulator/state.json"))), "rewritten after changes; holds no transfers", "", "");
        System.gc(); // the first emulator's objects are garbage now; leave them out of the restart's time
        long started = System.nanoTime();
        try (PlaidEmulator emulator = start()) {
            String restart = seconds(started);
            row("restart (journal replayed)", restart, String.format(Locale.ROOT, "%,d events back", lastEventId(new EmulatorClient(emulator))), "", "");
        }
        Table.print(List.of("measure", "result", "detail", "target", "status"), rows);
        System.out.printf(Locale.ROOT, "%d cores, max heap %d MB, load average %.1f at the end%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static PlaidEmulator start() {
        return PlaidEmulator.start(EmulatorConfig.builder().dataDirectory(DIR).build());
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

    private static long lastEventId(EmulatorClient client) {
        JsonNode newest = client.ok("/transfer/event/list", body().put("count", 1)).path("transfer_events");
        return newest.isEmpty() ? 0 : newest.get(0).path("event_id").asLong();
    }

    /** Median and 95th percentile of {@value #SAMPLES} calls, each at a random position in {@code [0, span)}. */
    private void timed(String name, LongFunction<ObjectNode> request, long span, EmulatorClient client, String path, double targetMillis) {
        for (int i = 0; i < 20; i++) {
            client.ok(path, request.apply(random.nextLong(span)));
        }
        double[] millis = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            ObjectNode body = request.apply(random.nextLong(span));
            long started = System.nanoTime();
            client.ok(path, body);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        double median = millis[SAMPLES / 2];
        double p95 = millis[SAMPLES * 95 / 100];
        row(name, String.format(Locale.ROOT, "%.1f ms median", median), String.format(Locale.ROOT, "%.1f ms at p95", p95),
                targetMillis > 0 ? String.format(Locale.ROOT, "< %.0f ms", targetMillis) : "",
                targetMillis > 0 ? (p95 < targetMillis ? "ok" : "SLOW") : "");
    }

    /** An authorization and a transfer among the seeded ones: a change appends to the journal, it does not rewrite it. */
    private void createAmongThem(EmulatorClient client) {
        String token = client.newItem("user_good", "pass_good", "transfer");
        String accountId = client.ok("/accounts/get", body().put("access_token", token)).path("accounts").get(0).path("account_id").asText();
        double[] millis = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long started = System.nanoTime();
            ObjectNode authorize = body().put("access_token", token).put("account_id", accountId).put("type", "debit")
                    .put("network", "ach").put("ach_class", "web").put("amount", "1.00");
            authorize.putObject("user").put("legal_name", "Ada Weaver");
            String authorizationId = client.ok("/transfer/authorization/create", authorize).path("authorization").path("id").asText();
            client.ok("/transfer/create", body().put("access_token", token).put("account_id", accountId)
                    .put("authorization_id", authorizationId).put("description", "bench"));
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        row("authorize + create a transfer", String.format(Locale.ROOT, "%.1f ms median", millis[SAMPLES / 2]),
                String.format(Locale.ROOT, "%.1f ms at p95", millis[SAMPLES * 95 / 100]), "", "");
    }

    private void row(String measure, String result, String detail, String target, String status) {
        rows.add(new String[] {measure, result, detail, target, status});
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
