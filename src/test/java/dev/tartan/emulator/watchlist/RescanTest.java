package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.emulator.WebhookSignatures;
import dev.tartan.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.tartan.emulator.EmulatorClient.body;
import static dev.tartan.emulator.watchlist.WatchlistClient.BUSINESS;
import static dev.tartan.emulator.watchlist.WatchlistClient.CARDHOLDERS;
import static dev.tartan.emulator.watchlist.WatchlistClient.ONBOARDING_NO_RESCAN;
import static dev.tartan.emulator.watchlist.WatchlistClient.entity;
import static dev.tartan.emulator.watchlist.WatchlistClient.ids;
import static dev.tartan.emulator.watchlist.WatchlistClient.individual;
import static dev.tartan.emulator.watchlist.WatchlistClient.terms;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Sandbox rescan extension over loopback: a cleared screening gains a new hit as the daily rescan would
 * after a list update, turns pending review and announces it; rejected screenings and programs without
 * rescanning are refused; the new list entry hits later screenings of the same name too.
 */
class RescanTest {
    private static final String RESCAN = "/sandbox/watchlist_screening/individual/rescan";

    private PlaidEmulator emulator;
    private WatchlistClient client;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new WatchlistClient(emulator);
        receiver = new WebhookReceiver();
        client.http.ok("/sandbox/transfer/fire_webhook", body().put("webhook", receiver.url()));
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    @Test
    void aClearedScreeningGainsANewHitAndIsAnnounced() throws Exception {
        ObjectNode request = individual(CARDHOLDERS, "Leslie Knope");
        terms(request).put("date_of_birth", "1975-01-18").put("country", "US");
        String id = client.createIndividual(request).path("id").asText();
        assertThat(client.get(id).path("status").asText()).isEqualTo("cleared");

        JsonNode rescanned = client.ok(RESCAN, body().put("watchlist_screening_id", id));
        assertThat(rescanned.path("id").asText()).isEqualTo(id);
        assertThat(rescanned.path("status").asText()).isEqualTo("pending_review");
        assertThat(rescanned.path("audit_trail").path("source").asText()).isEqualTo("system");
        assertThat(rescanned.path("search_terms").path("version").asInt()).as("the customer did not change").isEqualTo(1);

        List<JsonNode> hits = client.hits(id);
        assertThat(hits).hasSize(1);
        JsonNode hit = hits.get(0);
        assertThat(hit.path("list_code").asText()).isEqualTo("US_SDN");
        assertThat(hit.path("review_status").asText()).isEqualTo("pending_review");
        assertThat(hit.path("analysis").path("names").asText()).isEqualTo("match");
        assertThat(hit.path("analysis").path("dates_of_birth").asText()).isEqualTo("match");
        assertThat(hit.path("analysis").path("locations").asText()).isEqualTo("match");
        assertThat(hit.path("data").path("locations").get(0).path("data").path("full").asText()).isEqualTo("United States");

        WebhookReceiver.Received webhook = receiver.await(b -> b.contains(id), Duration.ofSeconds(10));
        WebhookSignatures.verify(client.http, webhook);
        assertThat(EmulatorClient.MAPPER.readTree(webhook.body()).path("webhook_code").asText()).isEqualTo("STATUS_UPDATED");
        assertThat(client.all("/watchlist_screening/individual/history/list", body().put("watchlist_screening_id", id),
                "watchlist_screenings")).extracting(v -> v.path("audit_trail").path("source").asText()).containsExactly("system", "api");

        // The new entry is on the list now: the next screening of that name hits it at once.
        assertThat(client.createIndividual(individual(CARDHOLDERS, "Leslie Knope")).path("status").asText()).isEqualTo("pending_review");

        // Reviewing it works like any hit.
        client.review(id, List.of(), ids(hits), "Not her: a namesake.");
        assertThat(client.get(id).path("status").asText()).isEqualTo("cleared");
    }

    @Test
    void aPendingScreeningGainsAnotherHitWithoutAStatusChange() {
        String id = client.createIndividual(individual(CARDHOLDERS, "Joseph Kony")).path("id").asText();
        int before = client.hits(id).size();
        JsonNode rescanned = client.ok(RESCAN, body().put("watchlist_screening_id", id));
        assertThat(rescanned.path("status").asText()).isEqualTo("pending_review");
        assertThat(rescanned.path("audit_trail").path("source").asText()).as("no new version").isEqualTo("api");
        assertThat(client.hits(id)).hasSize(before + 1);
    }

    @Test
    void entitiesRescanToo() {
        String id = client.createEntity(entity(BUSINESS, "Pawnee Parks Supply LLC")).path("id").asText();
        JsonNode rescanned = client.ok("/sandbox/watchlist_screening/entity/rescan", body().put("entity_watchlist_screening_id", id));
        assertThat(rescanned.path("status").asText()).isEqualTo("pending_review");
        assertThat(client.entityHits(id)).hasSize(1);
    }

    @Test
    void rejectedScreeningsProgramsWithoutRescanningAndUnknownIdsAreRefused() {
        String rejected = client.createIndividual(individual(CARDHOLDERS, "Joseph Kony")).path("id").asText();
        client.review(rejected, ids(client.hits(rejected)).subList(0, 1), List.of(), "Him.");
        assertThat(client.invalid(RESCAN, body().put("watchlist_screening_id", rejected), "watchlist_screening_id")).contains("rejected");
        assertThat(client.hits(rejected)).hasSize(4);

        String onboarding = client.createIndividual(individual(ONBOARDING_NO_RESCAN, "Leslie Knope")).path("id").asText();
        assertThat(client.invalid(RESCAN, body().put("watchlist_screening_id", onboarding), "watchlist_screening_id"))
                .contains("rescanning turned off");
        assertThat(client.get(onboarding).path("status").asText()).isEqualTo("cleared");

        client.invalid(RESCAN, body().put("watchlist_screening_id", "scr_52xR9LKo77r1Np"), "watchlist_screening_id");
        client.refused(RESCAN, body(), 400, "MISSING_FIELDS");
        client.refused(RESCAN, body().put("watchlist_screening_id", rejected).put("list_code", "US_SDN"), 400, "UNKNOWN_FIELDS");
    }
}
