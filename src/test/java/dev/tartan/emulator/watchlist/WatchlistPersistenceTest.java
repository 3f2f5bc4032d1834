package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static dev.tartan.emulator.EmulatorClient.body;
import static dev.tartan.emulator.watchlist.WatchlistClient.BUSINESS;
import static dev.tartan.emulator.watchlist.WatchlistClient.CARDHOLDERS;
import static dev.tartan.emulator.watchlist.WatchlistClient.REVIEWER;
import static dev.tartan.emulator.watchlist.WatchlistClient.entity;
import static dev.tartan.emulator.watchlist.WatchlistClient.ids;
import static dev.tartan.emulator.watchlist.WatchlistClient.individual;
import static org.assertj.core.api.Assertions.assertThat;

/** Monitor's state survives a restart through its journal, a torn last line included; --reset forgets it. */
class WatchlistPersistenceTest {
    @TempDir
    Path dataDir;

    private PlaidEmulator start(boolean reset) {
        return PlaidEmulator.start(EmulatorConfig.builder().dataDirectory(dataDir).reset(reset).build());
    }

    private Path journal() {
        return dataDir.resolve("emulator").resolve("watchlist.jsonl");
    }

    /** What a client can read of one screening. */
    private record Snapshot(JsonNode screening, List<JsonNode> hits, List<JsonNode> reviews, List<JsonNode> history) {
        static Snapshot of(WatchlistClient client, String id) {
            JsonNode screening = client.get(id).deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) screening).remove("request_id");
            return new Snapshot(screening, client.hits(id),
                    client.all("/watchlist_screening/individual/review/list", body().put("watchlist_screening_id", id), "watchlist_screening_reviews"),
                    client.all("/watchlist_screening/individual/history/list", body().put("watchlist_screening_id", id), "watchlist_screenings"));
        }
    }

    @Test
    void screeningsHitsReviewsVersionsAndListUpdatesSurviveARestart() {
        String reviewed;
        String rescanned;
        String entityId;
        Snapshot reviewedBefore;
        Snapshot rescannedBefore;
        try (PlaidEmulator emulator = start(false)) {
            WatchlistClient client = new WatchlistClient(emulator);
            reviewed = client.createIndividual(individual(CARDHOLDERS, "Joseph Kony").put("client_user_id", "cust-1")).path("id").asText();
            client.ok("/watchlist_screening/individual/update", body().put("watchlist_screening_id", reviewed).put("assignee", REVIEWER));
            List<String> hits = ids(client.hits(reviewed));
            client.review(reviewed, List.of(), hits.subList(0, 2), "Two are someone else.");
            client.review(reviewed, hits.subList(2, 3), List.of(), "This one is him.");
            rescanned = client.createIndividual(individual(CARDHOLDERS, "Leslie Knope")).path("id").asText();
            client.ok("/sandbox/watchlist_screening/individual/rescan", body().put("watchlist_screening_id", rescanned));
            entityId = client.createEntity(entity(BUSINESS, "Al-Qaida")).path("id").asText();
            reviewedBefore = Snapshot.of(client, reviewed);
            rescannedBefore = Snapshot.of(client, rescanned);
        }
        assertThat(journal()).exists();

        try (PlaidEmulator emulator = start(false)) {
            WatchlistClient client = new WatchlistClient(emulator);
            assertThat(Snapshot.of(client, reviewed)).isEqualTo(reviewedBefore);
            assertThat(Snapshot.of(client, rescanned)).isEqualTo(rescannedBefore);
            assertThat(reviewedBefore.screening().path("status").asText()).isEqualTo("rejected");
            assertThat(client.ok("/watchlist_screening/entity/get", body().put("entity_watchlist_screening_id", entityId))
                    .path("status").asText()).isEqualTo("pending_review");
            // The list update made by the rescan is still on the list.
            assertThat(client.createIndividual(individual(CARDHOLDERS, "Leslie Knope")).path("status").asText()).isEqualTo("pending_review");
            // The restarted emulator goes on from the saved state.
            List<String> pending = client.hits(reviewed).stream().filter(h -> h.path("review_status").asText().equals("pending_review"))
                    .map(h -> h.path("id").asText()).toList();
            client.review(reviewed, List.of(), pending, "The last one is someone else.");
            assertThat(client.all("/watchlist_screening/individual/review/list", body().put("watchlist_screening_id", reviewed),
                    "watchlist_screening_reviews")).hasSize(3);
        }
    }

    @Test
    void aTornLastLineIsDroppedAndResetForgetsEverything() throws IOException {
        String kept;
        try (PlaidEmulator emulator = start(false)) {
            kept = new WatchlistClient(emulator).createIndividual(individual(CARDHOLDERS, "Joseph Kony")).path("id").asText();
        }
        Files.writeString(journal(), "{\"fact\":\"screening\",\"kind\":\"INDIV", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (PlaidEmulator emulator = start(false)) {
            WatchlistClient client = new WatchlistClient(emulator);
            assertThat(client.get(kept).path("status").asText()).isEqualTo("pending_review");
            client.createIndividual(individual(CARDHOLDERS, "Leslie Knope"));
        }
        assertThat(Files.readAllLines(journal())).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"fact\":\"screening\""));

        try (PlaidEmulator emulator = start(true)) {
            WatchlistClient client = new WatchlistClient(emulator);
            client.invalid("/watchlist_screening/individual/get", body().put("watchlist_screening_id", kept), "watchlist_screening_id");
        }
    }
}
