package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.emulator.WebhookSignatures;
import dev.tartan.testing.SpecSchemas;
import dev.tartan.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.tartan.emulator.EmulatorClient.body;
import static dev.tartan.emulator.watchlist.WatchlistClient.BUSINESS;
import static dev.tartan.emulator.watchlist.WatchlistClient.CARDHOLDERS;
import static dev.tartan.emulator.watchlist.WatchlistClient.entity;
import static dev.tartan.emulator.watchlist.WatchlistClient.ids;
import static dev.tartan.emulator.watchlist.WatchlistClient.individual;
import static dev.tartan.emulator.watchlist.WatchlistClient.review;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviews over loopback: confirming a hit rejects the screening, dismissing every hit clears it, a partial
 * review leaves it pending; each status change sends a signed STATUS_UPDATED webhook to the registered URL,
 * and hits that are not the screening's own, or are reviewed already, are refused naming the field.
 */
class ReviewTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private PlaidEmulator emulator;
    private WatchlistClient client;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new WatchlistClient(emulator);
        receiver = new WebhookReceiver();
        // Monitor's webhooks go to the client's registered Dashboard webhook (emulator: the last /sandbox/transfer/fire_webhook URL).
        client.http.ok("/sandbox/transfer/fire_webhook", body().put("webhook", receiver.url()));
        receiver.await(b -> b.contains("TRANSFER_EVENTS_UPDATE"), WAIT);
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    private String kony() {
        return client.createIndividual(individual(CARDHOLDERS, "Joseph Kony")).path("id").asText();
    }

    private JsonNode statusWebhook(String screeningId) throws Exception {
        WebhookReceiver.Received delivery = receiver.await(b -> b.contains(screeningId), WAIT);
        WebhookSignatures.verify(client.http, delivery);
        JsonNode body = EmulatorClient.MAPPER.readTree(delivery.body());
        assertThat(SpecSchemas.componentProblems(screeningId.startsWith("entscr_") ? "EntityScreeningStatusUpdatedWebhook"
                : "ScreeningStatusUpdatedWebhook", body)).isEmpty();
        return body;
    }

    @Test
    void confirmingOneHitRejectsTheScreeningAndAnnouncesIt() throws Exception {
        String id = kony();
        List<String> hits = ids(client.hits(id));
        JsonNode review = client.review(id, List.of(hits.get(0)), List.of(), "Same person: date of birth and country match.");

        assertThat(review.path("id").asText()).matches("rev_[0-9A-Za-z]{14}");
        assertThat(review.path("confirmed_hits")).extracting(JsonNode::asText).containsExactly(hits.get(0));
        assertThat(review.path("dismissed_hits")).isEmpty();
        assertThat(review.path("comment").asText()).isEqualTo("Same person: date of birth and country match.");
        assertThat(review.path("audit_trail").path("source").asText()).isEqualTo("api");
        JsonNode screening = client.get(id);
        assertThat(screening.path("status").asText()).isEqualTo("rejected");
        assertThat(client.hits(id)).extracting(hit -> hit.path("review_status").asText())
                .containsExactly("confirmed", "pending_review", "pending_review", "pending_review");

        JsonNode webhook = statusWebhook(id);
        assertThat(webhook.path("webhook_type").asText()).isEqualTo("SCREENING");
        assertThat(webhook.path("webhook_code").asText()).isEqualTo("STATUS_UPDATED");
        assertThat(webhook.path("screening_id").asText()).isEqualTo(id);
        assertThat(webhook.path("environment").asText()).isEqualTo("sandbox");
    }

    @Test
    void dismissingEveryHitClearsTheScreening() throws Exception {
        String id = kony();
        List<String> hits = ids(client.hits(id));
        client.review(id, List.of(), hits.subList(0, 2), "Not him: another birth date.");
        assertThat(client.get(id).path("status").asText()).as("two hits still wait").isEqualTo("pending_review");

        client.review(id, List.of(), hits.subList(2, 4), "Not him either.");
        assertThat(client.get(id).path("status").asText()).isEqualTo("cleared");
        assertThat(client.hits(id)).extracting(hit -> hit.path("review_status").asText()).containsOnly("dismissed");
        assertThat(webhooksUntilMarker()).as("one status change, one webhook").containsExactly(id);

        List<JsonNode> reviews = client.all("/watchlist_screening/individual/review/list", body().put("watchlist_screening_id", id),
                "watchlist_screening_reviews");
        assertThat(reviews).extracting(r -> r.path("comment").asText()).containsExactly("Not him: another birth date.", "Not him either.");
        assertThat(reviews.get(1).path("dismissed_hits")).extracting(JsonNode::asText).containsExactlyElementsOf(hits.subList(2, 4));
    }

    @Test
    void aCommentAloneIsAReviewThatChangesNothing() {
        String id = kony();
        client.review(id, List.of(), List.of(), "Asked the customer for a passport copy.");
        assertThat(client.get(id).path("status").asText()).isEqualTo("pending_review");
        assertThat(client.hits(id)).extracting(hit -> hit.path("review_status").asText()).containsOnly("pending_review");
        assertThat(client.all("/watchlist_screening/individual/review/list", body().put("watchlist_screening_id", id),
                "watchlist_screening_reviews")).hasSize(1);
        client.invalid("/watchlist_screening/individual/review/create",
                review(body().put("watchlist_screening_id", id), List.of(), List.of(), "  "), "comment");
    }

    @Test
    void entityReviewsFollowTheSameRules() throws Exception {
        String id = client.createEntity(entity(BUSINESS, "Al-Qaida")).path("id").asText();
        List<String> hits = ids(client.entityHits(id));
        JsonNode review = client.ok("/watchlist_screening/entity/review/create",
                review(body().put("entity_watchlist_screening_id", id), List.of(), hits, "A different organisation."));
        assertThat(review.path("id").asText()).startsWith("entrev_");
        JsonNode screening = client.ok("/watchlist_screening/entity/get", body().put("entity_watchlist_screening_id", id));
        assertThat(screening.path("status").asText()).isEqualTo("cleared");
        JsonNode webhook = statusWebhook(id);
        assertThat(webhook.path("webhook_type").asText()).isEqualTo("ENTITY_SCREENING");
        assertThat(webhook.path("entity_screening_id").asText()).isEqualTo(id);
    }

    @Test
    void hitsOfAnotherScreeningUnknownHitsAndHitsReviewedAlreadyAreRefusedAndChangeNothing() {
        String id = kony();
        String other = client.createIndividual(individual(CARDHOLDERS, "Jianshu Zhou")).path("id").asText();
        String otherHit = ids(client.hits(other)).get(0);
        List<String> hits = ids(client.hits(id));
        String path = "/watchlist_screening/individual/review/create";

        String message = client.invalid(path, review(body().put("watchlist_screening_id", id), List.of(otherHit), List.of(), "x"),
                "confirmed_hits");
        assertThat(message).contains(otherHit).contains(other).contains(id);
        client.invalid(path, review(body().put("watchlist_screening_id", id), List.of(), List.of("scrhit_52xR9LKo77r1Np"), null),
                "dismissed_hits");
        client.invalid(path, review(body().put("watchlist_screening_id", id), List.of(hits.get(0)), List.of(hits.get(0)), null),
                "dismissed_hits");
        client.invalid(path, review(body().put("watchlist_screening_id", "scr_doesNotExist00"), List.of(hits.get(0)), List.of(), null),
                "watchlist_screening_id");
        assertThat(client.get(id).path("status").asText()).isEqualTo("pending_review");
        assertThat(client.hits(id)).extracting(hit -> hit.path("review_status").asText()).containsOnly("pending_review");
        assertThat(client.all("/watchlist_screening/individual/review/list", body().put("watchlist_screening_id", id),
                "watchlist_screening_reviews")).isEmpty();

        client.review(id, List.of(), List.of(hits.get(0)), null);
        assertThat(client.invalid(path, review(body().put("watchlist_screening_id", id), List.of(hits.get(0)), List.of(), null),
                "confirmed_hits")).contains("already dismissed");
        assertThat(client.hits(id).get(0).path("review_status").asText()).isEqualTo("dismissed");
    }

    @Test
    void aReviewThatLeavesTheStatusAloneSendsNoWebhook() throws Exception {
        String id = kony();
        List<String> hits = ids(client.hits(id));
        client.review(id, List.of(), List.of(hits.get(0)), "One down.");
        assertThat(client.get(id).path("status").asText()).isEqualTo("pending_review");
        client.review(id, List.of(hits.get(1)), List.of(), "This one is him.");
        client.review(id, List.of(), List.of(hits.get(2)), "Rejected already: no change.");
        assertThat(client.get(id).path("status").asText()).isEqualTo("rejected");
        assertThat(webhooksUntilMarker()).as("only the change to rejected is announced").containsExactly(id);
    }

    /**
     * The screening ids of the status webhooks received, in order, up to a marker: a status change made now on a
     * new screening. Webhooks to one URL are delivered one at a time in the order sent, so any webhook sent
     * before the marker has arrived by the time it does.
     */
    private List<String> webhooksUntilMarker() throws Exception {
        String marker = client.createIndividual(individual(CARDHOLDERS, "Leslie Knope")).path("id").asText();
        client.ok("/watchlist_screening/individual/update", body().put("watchlist_screening_id", marker).put("status", "rejected"));
        List<String> ids = new java.util.ArrayList<>();
        while (true) {
            JsonNode body = EmulatorClient.MAPPER.readTree(receiver.await(b -> true, WAIT).body());
            String id = body.path("screening_id").asText(body.path("entity_screening_id").asText());
            if (id.equals(marker)) {
                return ids;
            }
            ids.add(id);
        }
    }

    @Test
    void noRegisteredWebhookMeansNoDeliveryButTheReviewStands() {
        try (PlaidEmulator bare = PlaidEmulator.start(EmulatorConfig.inMemory())) {
            WatchlistClient other = new WatchlistClient(bare);
            String id = other.createIndividual(individual(CARDHOLDERS, "Joseph Kony")).path("id").asText();
            other.review(id, ids(other.hits(id)).subList(0, 1), List.of(), "Confirmed.");
            assertThat(other.get(id).path("status").asText()).isEqualTo("rejected");
        }
    }
}
