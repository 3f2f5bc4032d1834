package dev.tartan.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/** 32 clients at once: each works its own Items, and all of them share one, without a server error or lost data. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyTest {
    private static final int CLIENTS = 32;

    private PlaidEmulator emulator;
    private EmulatorClient client;

    @BeforeAll
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new EmulatorClient(emulator);
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private <T> List<T> inParallel(Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void clientsWorkingTheirOwnItemsGetConsistentAnswers() throws Exception {
        List<String> itemIds = inParallel(() -> {
            String accessToken = client.newItem("user_good", "pass_good");
            JsonNode item = client.ok("/item/get", body().put("access_token", accessToken)).path("item");
            assertThat(client.ok("/accounts/get", body().put("access_token", accessToken)).path("accounts")).hasSize(9);
            client.ok("/transactions/refresh", body().put("access_token", accessToken));
            Set<String> ids = new HashSet<>();
            String cursor = null;
            boolean more = true;
            while (more) {
                var request = body().put("access_token", accessToken).put("count", 50);
                if (cursor != null) {
                    request.put("cursor", cursor);
                }
                JsonNode page = client.ok("/transactions/sync", request);
                page.path("added").forEach(t -> ids.add(t.path("transaction_id").asText()));
                cursor = page.path("next_cursor").asText();
                more = page.path("has_more").asBoolean();
            }
            long total = client.ok("/transactions/get", body().put("access_token", accessToken).put("start_date", "2000-01-01")
                    .put("end_date", "2100-01-01")).path("total_transactions").asLong();
            assertThat(ids).hasSize((int) total);
            return item.path("item_id").asText();
        });
        assertThat(new HashSet<>(itemIds)).hasSize(CLIENTS);
    }

    @Test
    void clientsSharingOneItemNeverSeeAServerError() throws Exception {
        String accessToken = client.newItem("user_transactions_5000", "any", "transactions");
        Set<String> errors = ConcurrentHashMap.newKeySet();
        List<Integer> counts = inParallel(() -> {
            int calls = 0;
            for (int round = 0; round < 5; round++) {
                for (String path : List.of("/accounts/get", "/item/get", "/transactions/sync", "/transactions/refresh",
                        "/transactions/recurring/get")) {
                    EmulatorClient.Answer answer = client.post(path, body().put("access_token", accessToken));
                    if (answer.status() != 200) {
                        errors.add(path + " " + answer.status() + " " + answer.errorCode());
                    }
                    calls++;
                }
            }
            return calls;
        });
        assertThat(errors).isEmpty();
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(CLIENTS * 25);
        // Every refresh made exactly one version: a full sync sees the net result of all of them.
        JsonNode recent = client.ok("/transactions/get", body().put("access_token", accessToken).put("start_date", "2000-01-01")
                .put("end_date", "2100-01-01"));
        assertThat(recent.path("total_transactions").asLong()).isGreaterThan(5000);
    }
}
