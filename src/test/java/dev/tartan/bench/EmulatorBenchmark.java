package dev.tartan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throughput of the emulator over loopback HTTP, printed as a table:
 * <ul>
 *   <li>/accounts/get requests per second with 4 client threads (target: at least 3,000);</li>
 *   <li>time to page through 100,000 transactions with /transactions/sync, count 500 (target: under 5 s).</li>
 * </ul>
 * Run: {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tartan.bench.EmulatorBenchmark}
 */
public final class EmulatorBenchmark {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int THREADS = 4;
    private static final long WARM_UP_MILLIS = 3_000;
    private static final long MEASURE_MILLIS = 10_000;
    private static final int SYNC_TRANSACTIONS = 100_000;
    private static final int SYNC_RUNS = 5;

    private final PlaidEmulator emulator;
    private final OkHttpClient http;

    private EmulatorBenchmark(PlaidEmulator emulator) {
        this.emulator = emulator;
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(THREADS * 2);
        this.http = new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(THREADS * 2, 1, TimeUnit.MINUTES)).build();
    }

    public static void main(String[] args) throws Exception {
        try (PlaidEmulator emulator = PlaidEmulator.start(EmulatorConfig.inMemory())) {
            EmulatorBenchmark benchmark = new EmulatorBenchmark(emulator);
            List<String[]> rows = new ArrayList<>();
            rows.add(benchmark.accountsGet());
            rows.addAll(benchmark.syncPaging());
            Table.print(List.of("measure", "result", "detail", "target", "status"), rows);
            System.out.printf(Locale.ROOT, "%d cores, system load average %.1f at the end of the run%n",
                    Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        System.exit(0);
    }

    private JsonNode post(String path, ObjectNode body) {
        Request request = new Request.Builder().url(emulator.baseUrl() + path)
                .header("PLAID-CLIENT-ID", emulator.clientId()).header("PLAID-SECRET", emulator.secret())
                .post(RequestBody.create(body.toString(), JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            JsonNode json = MAPPER.readTree(response.body().byteStream());
            if (response.code() != 200) {
                throw new IllegalStateException(path + " answered " + response.code() + ": " + json);
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String newItem(String username) {
        ObjectNode create = MAPPER.createObjectNode().put("institution_id", "ins_109508");
        create.putArray("initial_products").add("transactions");
        create.putObject("options").put("override_username", username).put("override_password", "pass_good");
        String publicToken = post("/sandbox/public_token/create", create).path("public_token").asText();
        return post("/item/public_token/exchange", MAPPER.createObjectNode().put("public_token", publicToken))
                .path("access_token").asText();
    }

    private String[] accountsGet() throws InterruptedException {
        String accessToken = newItem("user_good");
        ObjectNode body = MAPPER.createObjectNode().put("access_token", accessToken);
        if (post("/accounts/get", body).path("accounts").size() != 9) {
            throw new IllegalStateException("/accounts/get does not answer the standard accounts");
        }
        Request request = new Request.Builder().url(emulator.baseUrl() + "/accounts/get")
                .header("PLAID-CLIENT-ID", emulator.clientId()).header("PLAID-SECRET", emulator.secret())
                .post(RequestBody.create(body.toString().getBytes(StandardCharsets.UTF_8), JSON)).build();
        run(request, WARM_UP_MILLIS, new long[1 << 20]);
        long[] latencies = new long[1 << 22];
        long cpuBefore = processCpuNanos();
        long[] counts = run(request, MEASURE_MILLIS, latencies);
        long cpuPerRequest = (processCpuNanos() - cpuBefore) / Math.max(1, counts[0]);
        long total = counts[0];
        long[] sorted = Arrays.copyOf(latencies, (int) Math.min(total, latencies.length));
        Arrays.sort(sorted);
        double perSecond = total * 1000.0 / MEASURE_MILLIS;
        return new String[] {"/accounts/get, " + THREADS + " client threads, " + MEASURE_MILLIS / 1000 + " s",
                String.format(Locale.ROOT, "%,.0f requests/s", perSecond),
                String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, %d us CPU/request (server + clients)",
                        percentile(sorted, 0.50), percentile(sorted, 0.99), cpuPerRequest / 1000),
                ">= 3,000 requests/s", perSecond >= 3_000 ? "met" : "MISSED"};
    }

    /**
     * Sends {@code request} from THREADS threads for {@code millis}, reading each answer to its end;
     * returns the number of calls, latencies in {@code out}. The body was checked once above, so the
     * clients spend their CPU (shared with the server on this machine) on the exchange, not on parsing.
     */
    private long[] run(Request request, long millis, long[] out) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        long[] done = new long[THREADS];
        CountDownLatch finished = new CountDownLatch(THREADS);
        AtomicInteger slot = new AtomicInteger();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            new Thread(() -> {
                while (!stop.get()) {
                    long started = System.nanoTime();
                    exchange(request);
                    int index = slot.getAndIncrement();
                    if (index < out.length) {
                        out[index] = System.nanoTime() - started;
                    }
                    done[thread]++;
                }
                finished.countDown();
            }).start();
        }
        Thread.sleep(millis);
        stop.set(true);
        finished.await();
        return new long[] {Arrays.stream(done).sum()};
    }

    private void exchange(Request request) {
        try (Response response = http.newCall(request).execute()) {
            response.body().bytes();
            if (response.code() != 200) {
                throw new IllegalStateException("answered " + response.code());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU time used by this whole process (server and clients), to read results on a shared machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
    }

    private List<String[]> syncPaging() {
        long createStarted = System.nanoTime();
        String accessToken = newItem("user_transactions_" + SYNC_TRANSACTIONS);
        double createMillis = (System.nanoTime() - createStarted) / 1e6;
        List<Double> seconds = new ArrayList<>();
        int pages = 0;
        for (int run = 0; run < SYNC_RUNS; run++) {
            long started = System.nanoTime();
            String cursor = null;
            int received = 0;
            pages = 0;
            boolean more = true;
            while (more) {
                ObjectNode body = MAPPER.createObjectNode().put("access_token", accessToken).put("count", 500);
                if (cursor != null) {
                    body.put("cursor", cursor);
                }
                JsonNode page = post("/transactions/sync", body);
                received += page.path("added").size();
                cursor = page.path("next_cursor").asText();
                more = page.path("has_more").asBoolean();
                pages++;
            }
            if (received != SYNC_TRANSACTIONS) {
                throw new IllegalStateException("sync returned " + received + " transactions");
            }
            seconds.add((System.nanoTime() - started) / 1e9);
        }
        List<Double> sorted = new ArrayList<>(seconds);
        sorted.sort(null);
        double median = sorted.get(sorted.size() / 2);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {String.format(Locale.ROOT, "/transactions/sync, %,d transactions, count 500", SYNC_TRANSACTIONS),
                String.format(Locale.ROOT, "%.2f s (median of %d)", median, SYNC_RUNS),
                String.format(Locale.ROOT, "%d pages, best %.2f s, %,.0f transactions/s", pages, sorted.get(0),
                        SYNC_TRANSACTIONS / median),
                "< 5 s", median < 5 ? "met" : "MISSED"});
        rows.add(new String[] {String.format(Locale.ROOT, "create Item with %,d transactions", SYNC_TRANSACTIONS),
                String.format(Locale.ROOT, "%.0f ms", createMillis), "public token + exchange", "-", "-"});
        return rows;
    }
}
