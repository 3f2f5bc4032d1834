package dev.tartan.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 clients at once: each works its own Items, and all of them share one, without a server error; the
 * ones syncing the shared Item while others change it end up with exactly its data.
 */
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

    /**
     * A client's copy of an Item's transactions, kept up to date with /transactions/sync as Plaid
     * prescribes: apply each run of pages, and restart a run from its first cursor when the data
     * changed mid-run. Every change must make sense for the copy: added ids are new, modified and
     * removed ones known.
     */
    private static final class Replica {
        private Map<String, JsonNode> transactions = new HashMap<>();
        private String cursor = "";
        private int restarts;

        Replica copy() {
            Replica copy = new Replica();
            copy.transactions = new HashMap<>(transactions);
            copy.cursor = cursor;
            return copy;
        }

        void catchUp(EmulatorClient client, String accessToken, int count) {
            while (!tryRun(client, accessToken, count)) {
                restarts++;
            }
        }

        /** One run of pages from the cursor; false when the data changed mid-run and nothing was applied. */
        private boolean tryRun(EmulatorClient client, String accessToken, int count) {
            Map<String, JsonNode> working = new HashMap<>(transactions);
            String next = cursor;
            boolean more = true;
            while (more) {
                EmulatorClient.Answer answer = client.post("/transactions/sync",
                        body().put("access_token", accessToken).put("cursor", next).put("count", count));
                if ("TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION".equals(answer.errorCode())) {
                    return false;
                }
                assertThat(answer.status()).as("sync answered %s", answer.json()).isEqualTo(200);
                JsonNode page = answer.json();
                for (JsonNode added : page.path("added")) {
                    assertThat(working.put(added.path("transaction_id").asText(), added)).as("added twice: %s", added).isNull();
                }
                for (JsonNode modified : page.path("modified")) {
                    assertThat(working.put(modified.path("transaction_id").asText(), modified)).as("modified unknown: %s", modified)
                            .isNotNull();
                }
                for (JsonNode removed : page.path("removed")) {
                    assertThat(working.remove(removed.path("transaction_id").asText())).as("removed unknown: %s", removed)
                            .isNotNull();
                }
                next = page.path("next_cursor").asText();
                more = page.path("has_more").asBoolean();
            }
            transactions = working;
            cursor = next;
            return true;
        }
    }

    @Test
    void clientsSyncingOneItemWhileItChangesAllEndUpWithItsData() throws Exception {
        String accessToken = client.newItem("user_transactions_5000", "any", "transactions");
        Replica initial = new Replica();
        initial.catchUp(client, accessToken, 500);
        assertThat(initial.transactions).hasSize(5000);
        Set<String> errors = ConcurrentHashMap.newKeySet();
        List<Replica> replicas = inParallel(() -> {
            Replica replica = initial.copy();
            for (int round = 0; round < 5; round++) {
                for (String path : List.of("/accounts/get", "/item/get", "/transactions/refresh", "/transactions/recurring/get")) {
                    EmulatorClient.Answer answer = client.post(path, body().put("access_token", accessToken));
                    if (answer.status() != 200) {
                        errors.add(path + " " + answer.status() + " " + answer.errorCode());
                    }
                }
                replica.catchUp(client, accessToken, 50);
            }
            return replica;
        });
        assertThat(errors).isEmpty();

        Replica fresh = new Replica();
        fresh.catchUp(client, accessToken, 500);
        assertThat(fresh.restarts).as("nothing changes any more").isZero();
        long total = client.ok("/transactions/get", body().put("access_token", accessToken).put("start_date", "2000-01-01")
                .put("end_date", "2100-01-01")).path("total_transactions").asLong();
        assertThat(fresh.transactions).hasSize((int) total);
        assertThat(total).as("the refreshes added transactions").isGreaterThan(5000);
        for (Replica replica : replicas) {
            replica.catchUp(client, accessToken, 500);
            assertThat(replica.transactions).isEqualTo(fresh.transactions);
        }
    }
}
