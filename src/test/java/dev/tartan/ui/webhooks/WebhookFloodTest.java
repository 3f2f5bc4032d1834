package dev.tartan.ui.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tartan.emulator.webhooks.WebhookSigner;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.store.Vault;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounded flood: 10,000 signed webhooks from 16 threads at the running app's inbox on
 * loopback, the Webhooks pane in front and following them live. None is lost, none is duplicated,
 * each verifies (the key fetched once), and the FX thread is never held more than 50 ms: a pulse
 * posted to it every 5 ms measures how long each waits to run and how much of that wait the FX
 * thread spent running the app's work. The figures go to target/webhook-flood.md.
 */
class WebhookFloodTest {

    private static final int WEBHOOKS = 10_000;
    private static final int THREADS = 16;
    private static final long MAX_FX_BLOCK_MS = 50;
    /** How late a sleeping thread may wake before the machine, not the app, is taken to hold the FX thread back. */
    private static final long MACHINE_LATENESS_MS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    TartanAppFixture app;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    /**
     * A pulse on the FX thread every 5 ms, recording how long each waited to run (wall clock) and
     * how much of that wait the FX thread spent running (its CPU time): work the app gave it. Beside
     * it a control thread that only sleeps 5 ms at a time records how late it wakes: how much the
     * machine (other processes, garbage collection) holds every thread of this JVM back, the FX
     * thread included.
     */
    private static final class Pulse implements AutoCloseable {
        final AtomicLong longestNanos = new AtomicLong();
        final AtomicLong longestBusyNanos = new AtomicLong();
        final AtomicLong longestControlNanos = new AtomicLong();
        final AtomicInteger beats = new AtomicInteger();
        /** Pulses that waited more than a frame (16 ms). */
        final AtomicInteger late = new AtomicInteger();
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final long fxThread;
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::beat, "fx-pulse");
        private final Thread control = new Thread(this::control, "fx-pulse-control");

        Pulse(long fxThread) {
            this.fxThread = fxThread;
        }

        Pulse start() {
            thread.setDaemon(true);
            control.setDaemon(true);
            thread.start();
            control.start();
            return this;
        }

        private void beat() {
            while (running) {
                long posted = System.nanoTime();
                long cpuAtPost = threads.getThreadCpuTime(fxThread);
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(() -> {
                    long waited = System.nanoTime() - posted;
                    long busy = threads.getCurrentThreadCpuTime() - cpuAtPost;
                    longestNanos.accumulateAndGet(waited, Math::max);
                    longestBusyNanos.accumulateAndGet(busy, Math::max);
                    if (waited > 16_000_000L) {
                        late.incrementAndGet();
                    }
                    beats.incrementAndGet();
                    ran.countDown();
                });
                try {
                    ran.await();
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void control() {
            while (running) {
                long before = System.nanoTime();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
                longestControlNanos.accumulateAndGet(System.nanoTime() - before - 5_000_000L, Math::max);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5_000);
            control.join(5_000);
        }
    }

    private static String body(int n) {
        // Written the way Plaid writes them: two-space indents, a space after each colon.
        return "{\n  \"item_id\": \"flood_item_" + (n % THREADS) + "\",\n  \"flood_id\": " + n + ",\n  \"webhook_type\": \"TRANSACTIONS\",\n"
                + "  \"webhook_code\": \"SYNC_UPDATES_AVAILABLE\",\n  \"environment\": \"sandbox\"\n}";
    }

    @Test
    void tenThousandWebhooksFromSixteenThreadsLoseNoneDuplicateNoneAndNeverHoldTheWindow() throws Exception {
        TestVaults.create(home);
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#operationPath", 60); // the demo Item: the emulator has started, its key is on disk
        app.openPane("Webhooks");
        TextField urlField = app.waitFor("#inboxUrl");
        URI inbox = URI.create(urlField.getText());
        Label count = app.waitFor("#webhookCount");
        ListView<ReceivedWebhook> list = app.waitFor("#webhookList");

        // Signed beforehand with the emulator's own key, as the emulator signs its webhooks.
        WebhookSigner signer = EmulatorSignatures.of(home);
        List<String> bodies = new ArrayList<>(WEBHOOKS);
        List<String> headers = new ArrayList<>(WEBHOOKS);
        Instant signedAt = Instant.now();
        for (int n = 0; n < WEBHOOKS; n++) {
            bodies.add(body(n));
            headers.add(signer.sign(bodies.get(n).getBytes(StandardCharsets.UTF_8), signedAt));
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger busy = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(THREADS);
        long started;
        long acknowledged;
        long verified;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] fxThread = new long[1];
        app.onFx(() -> fxThread[0] = Thread.currentThread().getId());
        long fxCpuBefore = threads.getThreadCpuTime(fxThread[0]);
        try (Pulse pulse = new Pulse(fxThread[0]).start()) {
            started = System.nanoTime();
            List<Future<?>> sent = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                sent.add(senders.submit(() -> {
                    for (int n = thread; n < WEBHOOKS; n += THREADS) {
                        HttpRequest request = HttpRequest.newBuilder(inbox).timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json").header("Plaid-Verification", headers.get(n))
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(n))).build();
                        while (true) {
                            HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (reply.statusCode() == 200) {
                                break;
                            }
                            // A full inbox says 503 with Retry-After; a sender (Plaid, the emulator) tries again.
                            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(503);
                            busy.incrementAndGet();
                            Thread.sleep(200);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : sent) {
                each.get(5, TimeUnit.MINUTES);
            }
            acknowledged = System.nanoTime();
            app.waitUntil("every webhook verified and in the pane", 300,
                    () -> count.getText().endsWith(WEBHOOKS + " in the vault"));
            verified = System.nanoTime();
            app.waitUntil("the list full", 20, () -> list.getItems().size() == WebhooksViewModel.SHOWN);
            assertThat(list.getItems()).allSatisfy(webhook -> assertThat(webhook.verdict().verified()).isTrue());
            pulse.close();
            long fxCpuMs = TimeUnit.NANOSECONDS.toMillis(threads.getThreadCpuTime(fxThread[0]) - fxCpuBefore);

            long longestMs = TimeUnit.NANOSECONDS.toMillis(pulse.longestNanos.get());
            long busiestMs = TimeUnit.NANOSECONDS.toMillis(pulse.longestBusyNanos.get());
            long machineMs = TimeUnit.NANOSECONDS.toMillis(pulse.longestControlNanos.get());
            String figures = String.format("""
                            | webhooks | threads | all acknowledged | all verified and shown | retried after 503 | FX pulses | over 16 ms | longest FX wait | longest FX run within a wait | longest control-thread lateness | FX thread CPU in all |
                            |---|---|---|---|---|---|---|---|---|---|---|
                            | %d | %d | %.1f s | %.1f s | %d | %d | %d | %d ms | %d ms | %d ms | %d ms |
                            """, WEBHOOKS, THREADS, (acknowledged - started) / 1e9, (verified - started) / 1e9, busy.get(),
                    pulse.beats.get(), pulse.late.get(), longestMs, busiestMs, machineMs, fxCpuMs);
            System.out.println(figures);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "webhook-flood.md"), figures);
            app.screenshot("webhooks-6-after-the-flood");
            // The app never kept the FX thread running for more than 50 ms at a stretch...
            assertThat(busiestMs).as("the longest the FX thread ran app work while a pulse waited, ms").isLessThanOrEqualTo(MAX_FX_BLOCK_MS);
            // ...and on a machine that does not hold this JVM's threads back, no pulse waited longer either. (On one
            // that does, as a shared build machine can, the wait measures the machine: the control thread says so.)
            if (machineMs <= MACHINE_LATENESS_MS) {
                assertThat(longestMs).as("the longest an FX pulse waited, ms").isLessThanOrEqualTo(MAX_FX_BLOCK_MS);
            } else {
                System.out.println("The machine held threads back up to " + machineMs + " ms (a plain sleeping thread woke that late): "
                        + "the FX wait of " + longestMs + " ms is not checked against " + MAX_FX_BLOCK_MS + " ms on this run.");
            }
        } finally {
            senders.shutdownNow();
        }

        app.close();
        app = null;
        try (Vault vault = TestVaults.open(home)) {
            List<ReceivedWebhook> kept = vault.webhooks().recent(WEBHOOKS * 2);
            assertThat(kept).hasSize(WEBHOOKS);
            Set<Integer> ids = new HashSet<>();
            for (ReceivedWebhook webhook : kept) {
                JsonNode json = JSON.readTree(webhook.body());
                ids.add(json.path("flood_id").asInt());
                assertThat(webhook.verdict().verified()).isTrue();
            }
            assertThat(ids).as("each webhook once").hasSize(WEBHOOKS);
            assertThat(vault.history().recent(100)).filteredOn(entry -> entry.operation().equals("/webhook_verification_key/get"))
                    .as("the key fetched once, then cached").hasSize(1);
        }
    }
}
