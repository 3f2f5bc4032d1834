package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.tartan.emulator.EmulatorClient.body;
import static dev.tartan.emulator.watchlist.WatchlistClient.BUSINESS;
import static dev.tartan.emulator.watchlist.WatchlistClient.CARDHOLDERS;
import static dev.tartan.emulator.watchlist.WatchlistClient.DEACTIVATED_USER;
import static dev.tartan.emulator.watchlist.WatchlistClient.HIGH_RISK;
import static dev.tartan.emulator.watchlist.WatchlistClient.HIGH_RISK_BUSINESS;
import static dev.tartan.emulator.watchlist.WatchlistClient.LEAD_REVIEWER;
import static dev.tartan.emulator.watchlist.WatchlistClient.LEGACY_ARCHIVED;
import static dev.tartan.emulator.watchlist.WatchlistClient.REVIEWER;
import static dev.tartan.emulator.watchlist.WatchlistClient.entity;
import static dev.tartan.emulator.watchlist.WatchlistClient.ids;
import static dev.tartan.emulator.watchlist.WatchlistClient.individual;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Updates over loopback: assignee (set, reset), client_user_id, status (announced), program and search terms
 * (a new search-terms version, and a rescreen that keeps reviewed hits as they were); every change is a
 * version in history/list, newest first, and bad values are refused naming their field.
 */
class UpdateTest {
    private static final String UPDATE = "/watchlist_screening/individual/update";

    private PlaidEmulator emulator;
    private WatchlistClient client;

    @BeforeEach
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new WatchlistClient(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static ObjectNode update(String id) {
        return body().put("watchlist_screening_id", id);
    }

    private List<JsonNode> history(String id) {
        return client.all("/watchlist_screening/individual/history/list", update(id), "watchlist_screenings");
    }

    @Test
    void assigneeAndClientUserIdChangeAndEveryChangeIsAVersion() {
        String id = client.createIndividual(individual(CARDHOLDERS, "Joseph Kony")).path("id").asText();
        assertThat(history(id)).as("never edited: no history, as Plaid documents").isEmpty();

        JsonNode assigned = client.ok(UPDATE, update(id).put("assignee", REVIEWER));
        assertThat(assigned.path("assignee").asText()).isEqualTo(REVIEWER);
        assertThat(assigned.path("search_terms").path("version").asInt()).as("not a search-terms change").isEqualTo(1);
        client.ok(UPDATE, update(id).put("client_user_id", "cust-77"));
        JsonNode reset = client.ok(UPDATE, update(id).set("reset_fields", body().arrayNode().add("assignee")));
        assertThat(reset.path("assignee").isNull()).isTrue();
        assertThat(reset.path("client_user_id").asText()).isEqualTo("cust-77");
        assertThat(client.get(id).path("assignee").isNull()).isTrue();

        List<JsonNode> versions = history(id);
        assertThat(versions).hasSize(4);
        assertThat(versions).extracting(v -> v.path("assignee").asText(null)).containsExactly(null, REVIEWER, REVIEWER, null);
        assertThat(versions).extracting(v -> v.path("client_user_id").asText(null)).containsExactly("cust-77", "cust-77", null, null);
        assertThat(versions).allSatisfy(v -> assertThat(v.path("id").asText()).isEqualTo(id));

        client.ok(UPDATE, update(id).put("client_user_id", "cust-77"));
        assertThat(history(id)).as("an update that changes nothing is no new version").hasSize(4);
    }

    @Test
    void aStatusChangedByHandIsAnnouncedAndKept() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            client.http.ok("/sandbox/transfer/fire_webhook", body().put("webhook", receiver.url()));
            String id = client.createIndividual(individual(CARDHOLDERS, "Leslie Knope")).path("id").asText();
            JsonNode updated = client.ok(UPDATE, update(id).put("status", "pending_review"));
            assertThat(updated.path("status").asText()).isEqualTo("pending_review");
            WebhookReceiver.Received webhook = receiver.await(b -> b.contains(id), Duration.ofSeconds(10));
            assertThat(webhook.bodyText()).contains("\"STATUS_UPDATED\"").contains("\"SCREENING\"");
            assertThat(history(id)).extracting(v -> v.path("status").asText()).containsExactly("pending_review", "cleared");
        }
    }

    @Test
    void newSearchTermsRescreenKeepingReviewedHitsAsTheyWere() {
        ObjectNode create = individual(HIGH_RISK, "Muhammad Khan");
        JsonNode screening = client.createIndividual(create);
        String id = screening.path("id").asText();
        List<JsonNode> before = client.hits(id);
        JsonNode dismissed = before.get(0);
        client.review(id, List.of(), List.of(dismissed.path("id").asText()), "Other birth date.");

        ObjectNode edit = update(id);
        edit.putObject("search_terms").put("date_of_birth", "1965-03-10").put("country", "PK");
        JsonNode edited = client.ok(UPDATE, edit);
        assertThat(edited.path("search_terms").path("version").asInt()).isEqualTo(2);
        assertThat(edited.path("search_terms").path("legal_name").asText()).as("fields not given stay").isEqualTo("Muhammad Khan");
        assertThat(edited.path("search_terms").path("date_of_birth").asText()).isEqualTo("1965-03-10");

        List<JsonNode> after = client.hits(id);
        assertThat(after.size()).as("the birth date rules most listings out").isLessThan(before.size());
        JsonNode kept = after.stream().filter(hit -> hit.path("id").asText().equals(dismissed.path("id").asText())).findFirst().orElseThrow();
        assertThat(kept).as("a reviewed hit is not updated").isEqualTo(withStatus(dismissed, "dismissed"));
        assertThat(after).filteredOn(hit -> hit.path("review_status").asText().equals("pending_review")).isNotEmpty()
                .allSatisfy(hit -> {
                    assertThat(hit.path("analysis").path("search_terms_version").asInt()).isEqualTo(2);
                    assertThat(hit.path("analysis").path("dates_of_birth").asText()).isIn("match", "partial_match");
                });
        assertThat(edited.path("status").asText()).isEqualTo("pending_review");

        // Terms that no longer match anything clear the screening (the reviewed hit stays).
        ObjectNode rename = update(id);
        rename.putObject("search_terms").put("legal_name", "Leslie Knope");
        JsonNode renamed = client.ok(UPDATE, rename);
        assertThat(renamed.path("status").asText()).isEqualTo("cleared");
        assertThat(renamed.path("search_terms").path("version").asInt()).isEqualTo(3);
        assertThat(ids(client.hits(id))).containsExactly(dismissed.path("id").asText());
        assertThat(history(id)).extracting(v -> v.path("search_terms").path("version").asInt()).containsExactly(3, 2, 1);
    }

    private static JsonNode withStatus(JsonNode hit, String status) {
        ObjectNode copy = hit.deepCopy();
        copy.put("review_status", status);
        return copy;
    }

    @Test
    void aRejectedCustomerGetsNoNewHitsWhenTheTermsChange() {
        String id = client.createIndividual(individual(CARDHOLDERS, "Joseph Kony")).path("id").asText();
        client.review(id, ids(client.hits(id)).subList(0, 1), List.of(), "Him.");
        ObjectNode edit = update(id);
        edit.putObject("search_terms").put("legal_name", "Omar Farouk Haddad");
        JsonNode edited = client.ok(UPDATE, edit);
        assertThat(edited.path("status").asText()).isEqualTo("rejected");
        assertThat(edited.path("search_terms").path("version").asInt()).isEqualTo(2);
        assertThat(client.hits(id)).extracting(hit -> hit.path("list_code").asText()).containsOnly("US_SDN", "IZ_UNC", "EU_CON", "UK_HMC")
                .hasSize(4);
    }

    @Test
    void movingToAnotherProgramRescreensWithItsListsAndSensitivity() {
        String id = client.createIndividual(individual(CARDHOLDERS, "Svetlana Igorevna Belova")).path("id").asText();
        assertThat(client.get(id).path("status").asText()).isEqualTo("cleared");
        ObjectNode move = update(id);
        move.putObject("search_terms").put("watchlist_program_id", HIGH_RISK);
        JsonNode moved = client.ok(UPDATE, move);
        assertThat(moved.path("search_terms").path("watchlist_program_id").asText()).isEqualTo(HIGH_RISK);
        assertThat(moved.path("status").asText()).as("the PEP list is screened now").isEqualTo("pending_review");
        assertThat(client.hits(id)).extracting(hit -> hit.path("list_code").asText()).containsExactly("IZ_PEP");

        ObjectNode entityMove = body().put("entity_watchlist_screening_id",
                client.createEntity(entity(BUSINESS, "Orinoco State Oil Company")).path("id").asText());
        entityMove.putObject("search_terms").put("entity_watchlist_program_id", HIGH_RISK_BUSINESS);
        assertThat(client.ok("/watchlist_screening/entity/update", entityMove).path("status").asText()).isEqualTo("pending_review");
    }

    @Test
    void badUpdatesAreRefusedNamingTheFieldAndChangeNothing() {
        String id = client.createIndividual(individual(CARDHOLDERS, "Joseph Kony")).path("id").asText();
        ObjectNode both = update(id).put("status", "cleared");
        both.putObject("search_terms").put("legal_name", "Joseph Kony Junior");
        client.invalid(UPDATE, both, "status");
        client.invalid(UPDATE, update(id).put("assignee", "000000000000000000000000"), "assignee");
        assertThat(client.invalid(UPDATE, update(id).put("assignee", DEACTIVATED_USER), "assignee")).contains("deactivated");
        ObjectNode setAndReset = update(id).put("assignee", LEAD_REVIEWER);
        setAndReset.putArray("reset_fields").add("assignee");
        client.invalid(UPDATE, setAndReset, "reset_fields");
        ObjectNode archived = update(id);
        archived.putObject("search_terms").put("watchlist_program_id", LEGACY_ARCHIVED);
        client.invalid(UPDATE, archived, "search_terms.watchlist_program_id");
        ObjectNode unknown = update(id);
        unknown.putObject("search_terms").put("watchlist_program_id", "prg_nope");
        client.invalid(UPDATE, unknown, "search_terms.watchlist_program_id");
        ObjectNode country = update(id);
        country.putObject("search_terms").put("country", "USA");
        client.invalid(UPDATE, country, "search_terms.country");
        client.refused(UPDATE, update(id).put("status", "approved"), 400, "INVALID_FIELD");
        client.invalid(UPDATE, update("scr_52xR9LKo77r1Np").put("status", "cleared"), "watchlist_screening_id");

        assertThat(history(id)).isEmpty();
        JsonNode screening = client.get(id);
        assertThat(screening.path("status").asText()).isEqualTo("pending_review");
        assertThat(screening.path("search_terms").path("version").asInt()).isEqualTo(1);
    }

    @Test
    void historyPagesNewestFirst() {
        String id = client.createIndividual(individual(CARDHOLDERS, "Leslie Knope")).path("id").asText();
        for (int i = 1; i <= 30; i++) {
            client.ok(UPDATE, update(id).put("client_user_id", "cust-" + i));
        }
        JsonNode first = client.ok("/watchlist_screening/individual/history/list", update(id));
        assertThat(first.path("watchlist_screenings")).hasSize(25);
        assertThat(first.path("next_cursor").isTextual()).isTrue();
        List<JsonNode> all = history(id);
        assertThat(all).hasSize(31);
        assertThat(all.get(0).path("client_user_id").asText()).isEqualTo("cust-30");
        assertThat(all.get(29).path("client_user_id").asText()).isEqualTo("cust-1");
        assertThat(all.get(30).path("client_user_id").isNull()).isTrue();
        assertThat(all.get(0).path("audit_trail").path("source").asText()).isEqualTo("api");
    }
}
