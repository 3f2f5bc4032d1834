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
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.tartan.emulator.EmulatorClient.body;

/**
 * The emulator's Monitor with a reviewer's queue of 10,000 screenings, over loopback HTTP, printed as a table:
 * creating them (one in ten named after a listed person, so it has hits), the first page of the program's
 * queue, a page filtered by status or by a client_user_id only the last screening has (the whole queue is
 * scanned), a page near the end by cursor, a screening's hits, a review, the journal's size and a restart.
 * These are the emulator's share of the Watchlist pane's targets (first page under 300 ms at 200 ms latency).
 *
 * <pre>mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tartan.bench.WatchlistBenchmark</pre>
 *
 * Optional: {@code -Dbench.screenings=N} (default 10,000) and {@code -Dbench.dir=DIR}, the data folder (default
 * target/watchlist-bench, emptied first).
 */
public final class WatchlistBenchmark {
    private static final int SCREENINGS = Integer.getInteger("bench.screenings", 10_000);
    private static final Path DIR = Path.of(System.getProperty("bench.dir", "target/watchlist-bench"));
    private static final String PROGRAM = "prg_2eRPsDnL66rZ7H";
    private static final List<String> LISTED = List.of("Joseph Kony", "Muhammad Khan", "Viktor Morozov", "Omar Farouk Haddad",
            "Ri Yong Chol", "Jianshu Zhou", "Dmitry Volkov", "Hassan Ibrahim Nasser");
    private static final List<String> FIRST = List.of("Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas");
    private static final List<String> LAST = List.of("Weaver", "Okafor", "Lindqvist", "Tanaka", "Moreau", "Castillo", "Novak", "Byrne");
    private static final int SAMPLES = 100;
    private static final double TARGET_PAGE_MILLIS = 100;

    private final List<String[]> rows = new ArrayList<>();
    private final Random random = new Random(42);

    private WatchlistBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new WatchlistBenchmark().run();
        System.exit(0);
    }

    private void run() throws IOException {
        System.out.printf(Locale.ROOT, "load average %.1f at the start%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        clean();
        long journal;
        try (PlaidEmulator emulator = start()) {
            EmulatorClient client = new EmulatorClient(emulator);
            double[] creates = new double[SCREENINGS];
            String lastId = null;
            String pendingId = null;
            long started = System.nanoTime();
            for (int i = 0; i < SCREENINGS; i++) {
                String name = i % 10 == 0 ? LISTED.get(random.nextInt(LISTED.size()))
                        : FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size()));
                ObjectNode request = body().put("client_user_id", "cust-" + i);
                request.putObject("search_terms").put("watchlist_program_id", PROGRAM).put("legal_name", name);
                long one = System.nanoTime();
                JsonNode screening = client.ok("/watchlist_screening/individual/create", request);
                creates[i] = (System.nanoTime() - one) / 1e6;
                lastId = screening.path("id").asText();
                if (screening.path("status").asText().equals("pending_review")) {
                    pendingId = lastId;
                }
            }
            Arrays.sort(creates);
            row("create " + String.format(Locale.ROOT, "%,d", SCREENINGS) + " screenings", seconds(started),
                    String.format(Locale.ROOT, "%.1f ms median, %.1f ms at p95 each", creates[SCREENINGS / 2], creates[SCREENINGS * 95 / 100]), "", "");

            timed("list: first page (100)", () -> body().put("watchlist_program_id", PROGRAM), client,
                    "/watchlist_screening/individual/list", TARGET_PAGE_MILLIS);
            timed("list: first page of pending_review", () -> body().put("watchlist_program_id", PROGRAM).put("status", "pending_review"),
                    client, "/watchlist_screening/individual/list", TARGET_PAGE_MILLIS);
            String lastCustomer = "cust-" + (SCREENINGS - 1);
            timed("list: client_user_id of the last (scans all)", () -> body().put("watchlist_program_id", PROGRAM)
                    .put("client_user_id", lastCustomer), client, "/watchlist_screening/individual/list", TARGET_PAGE_MILLIS);
            String nearEnd = cursorNearEnd(client);
            timed("list: a page near the end, by cursor", () -> body().put("watchlist_program_id", PROGRAM).put("cursor", nearEnd),
                    client, "/watchlist_screening/individual/list", TARGET_PAGE_MILLIS);
            String withHits = pendingId;
            timed("hit/list of a screening with hits", () -> body().put("watchlist_screening_id", withHits), client,
                    "/watchlist_screening/individual/hit/list", TARGET_PAGE_MILLIS);
            timed("get", () -> body().put("watchlist_screening_id", withHits), client, "/watchlist_screening/individual/get",
                    TARGET_PAGE_MILLIS);
            reviews(client);
            journal = Files.size(DIR.resolve("emulator/watchlist.jsonl"));
        }
        row("journal watchlist.jsonl", String.format(Locale.ROOT, "%.1f MB", journal / 1e6),
                String.format(Locale.ROOT, "%.0f bytes per screening", (double) journal / SCREENINGS), "", "");
        System.gc();
        long started = System.nanoTime();
        try (PlaidEmulator emulator = start()) {
            String restart = seconds(started);
            JsonNode page = new EmulatorClient(emulator).ok("/watchlist_screening/individual/list", body().put("watchlist_program_id", PROGRAM));
            row("restart (journal replayed)", restart, page.path("watchlist_screenings").size() + " on the first page after it", "", "");
        }
        Table.print(List.of("measure", "result", "detail", "target", "status"), rows);
        System.out.printf(Locale.ROOT, "%d cores, max heap %d MB, load average %.1f at the end%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String cursorNearEnd(EmulatorClient client) {
        String cursor = null;
        String previous = null;
        do {
            ObjectNode request = body().put("watchlist_program_id", PROGRAM);
            if (cursor != null) {
                request.put("cursor", cursor);
            }
            previous = cursor;
            JsonNode page = client.ok("/watchlist_screening/individual/list", request);
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);
        return previous;
    }

    /** Reviews: each dismisses every hit of a fresh screening of a listed person (clearing it). */
    private void reviews(EmulatorClient client) {
        double[] millis = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            ObjectNode create = body();
            create.putObject("search_terms").put("watchlist_program_id", PROGRAM).put("legal_name", "Joseph Kony");
            String id = client.ok("/watchlist_screening/individual/create", create).path("id").asText();
            ObjectNode review = body().put("watchlist_screening_id", id).put("comment", "Not him.");
            review.putArray("confirmed_hits");
            var dismissed = review.putArray("dismissed_hits");
            client.ok("/watchlist_screening/individual/hit/list", body().put("watchlist_screening_id", id))
                    .path("watchlist_screening_hits").forEach(hit -> dismissed.add(hit.path("id").asText()));
            long started = System.nanoTime();
            client.ok("/watchlist_screening/individual/review/create", review);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        row("review/create (dismiss all: cleared)", String.format(Locale.ROOT, "%.1f ms median", millis[SAMPLES / 2]),
                String.format(Locale.ROOT, "%.1f ms at p95", millis[SAMPLES * 95 / 100]), "", "");
    }

    /** Median and 95th percentile of {@value #SAMPLES} calls. */
    private void timed(String name, Supplier<ObjectNode> request, EmulatorClient client, String path, double targetMillis) {
        for (int i = 0; i < 20; i++) {
            client.ok(path, request.get());
        }
        double[] millis = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            ObjectNode body = request.get();
            long started = System.nanoTime();
            client.ok(path, body);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        double p95 = millis[SAMPLES * 95 / 100];
        row(name, String.format(Locale.ROOT, "%.1f ms median", millis[SAMPLES / 2]), String.format(Locale.ROOT, "%.1f ms at p95", p95),
                String.format(Locale.ROOT, "< %.0f ms", targetMillis), p95 < targetMillis ? "ok" : "SLOW");
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

    private void row(String measure, String result, String detail, String target, String status) {
        rows.add(new String[] {measure, result, detail, target, status});
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - startedNanos) / 1e9);
    }
}
