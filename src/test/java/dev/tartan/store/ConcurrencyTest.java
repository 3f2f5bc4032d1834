package dev.tartan.store;

import dev.tartan.model.HistoryEntry;
import dev.tartan.model.TokenEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 16 threads write and read at once, through two vault instances on the same file (as the window
 * and a command line would), so that SQLite's own locking is in play and not just the vault's lock.
 */
class ConcurrencyTest {

    private static final int THREADS = 16;
    private static final int ROUNDS = 25;

    @TempDir
    Path dir;

    @Test
    void sixteenThreadsLoseNoWriteAndSeeNoBusyError() throws Exception {
        TestVaults.create(dir).close();
        try (Vault first = TestVaults.open(dir); Vault second = TestVaults.open(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Vault vault = t % 2 == 0 ? first : second;
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        writeAndRead(vault, thread, round);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS); // rethrows any exception a thread saw, VaultBusyException included
            }
            pool.shutdown();

            int expected = THREADS * ROUNDS;
            assertThat(first.tokens().count()).isEqualTo(expected);
            assertThat(second.cache().count()).isEqualTo(expected);
            assertThat(first.history().count()).isEqualTo(expected);
            assertThat(second.audit().count()).isEqualTo(expected);
            assertThat(first.audit().verify().isIntact()).isTrue();
            for (int t = 0; t < THREADS; t++) {
                for (int round = 0; round < ROUNDS; round++) {
                    assertThat(second.tokens().byToken(token(t, round))).isPresent();
                }
            }
        }
    }

    private static void writeAndRead(Vault vault, int thread, int round) {
        String id = thread + "-" + round;
        vault.tokens().save(TokenEntry.of(token(thread, round), "p" + thread, "item-" + id));
        vault.cache().put("p" + thread, "/accounts/get", "{\"round\":" + round + "}", "{\"id\":\"" + id + "\"}", "req-" + id);
        vault.history().record(HistoryEntry.of(Instant.now(), "p" + thread, "/accounts/get", 200, Duration.ofMillis(3),
                "req-" + id, "{}", "{}"));
        vault.audit().append("test.write", List.of(id), "success", "req-" + id);

        assertThat(vault.tokens().find("item-" + id)).hasSize(1);
        assertThat(vault.cache().get("p" + thread, "/accounts/get", "{\"round\":" + round + "}")).isPresent();
        assertThat(vault.history().recent(5)).isNotEmpty();
    }

    private static String token(int thread, int round) {
        return String.format("access-sandbox-%08d-0000-0000-0000-%012d", thread, round);
    }
}
