package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static dev.tartan.emulator.EmulatorClient.body;
import static dev.tartan.emulator.watchlist.WatchlistClient.BUSINESS;
import static dev.tartan.emulator.watchlist.WatchlistClient.CARDHOLDERS;
import static dev.tartan.emulator.watchlist.WatchlistClient.DEACTIVATED_USER;
import static dev.tartan.emulator.watchlist.WatchlistClient.HIGH_RISK;
import static dev.tartan.emulator.watchlist.WatchlistClient.LEAD_REVIEWER;
import static dev.tartan.emulator.watchlist.WatchlistClient.LEGACY_ARCHIVED;
import static dev.tartan.emulator.watchlist.WatchlistClient.ONBOARDING_NO_RESCAN;
import static dev.tartan.emulator.watchlist.WatchlistClient.REVIEWER;
import static dev.tartan.emulator.watchlist.WatchlistClient.WIRE_STRICT;
import static dev.tartan.emulator.watchlist.WatchlistClient.entity;
import static dev.tartan.emulator.watchlist.WatchlistClient.ids;
import static dev.tartan.emulator.watchlist.WatchlistClient.individual;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists over loopback: screenings filtered by program, client_user_id, status and assignee, oldest first, page
 * by page with cursors (screenings created while paging neither repeat nor go missing); hits page by page;
 * programs and Dashboard users; a cursor that is not one is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListTest {
    private static final String LIST = "/watchlist_screening/individual/list";

    private PlaidEmulator emulator;
    private WatchlistClient client;
    private final List<String> onboarding = new ArrayList<>();

    @BeforeAll
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new WatchlistClient(emulator);
        // 230 screenings in the Onboarding program: every 10th of Joseph Kony (pending), the rest clean (cleared);
        // client_user_id cust-<i mod 7>; every 3rd assigned.
        for (int i = 0; i < 230; i++) {
            ObjectNode request = individual(ONBOARDING_NO_RESCAN, i % 10 == 0 ? "Joseph Kony" : "Customer Number " + words(i))
                    .put("client_user_id", "cust-" + (i % 7));
            String id = client.createIndividual(request).path("id").asText();
            if (i % 3 == 0) {
                client.ok("/watchlist_screening/individual/update", body().put("watchlist_screening_id", id).put("assignee", REVIEWER));
            }
            onboarding.add(id);
        }
        client.createIndividual(individual(CARDHOLDERS, "Someone Elsewhere"));
    }

    /** A name made of letters only, distinct for each number (names must have letters; digits are not names). */
    private static String words(int i) {
        String[] digits = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        StringBuilder out = new StringBuilder();
        for (char c : Integer.toString(i).toCharArray()) {
            out.append(out.isEmpty() ? "" : " ").append(digits[c - '0']);
        }
        return out.toString();
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private List<JsonNode> list(ObjectNode filters) {
        return client.all(LIST, filters, "watchlist_screenings");
    }

    private static ObjectNode program(String programId) {
        return body().put("watchlist_program_id", programId);
    }

    @Test
    void theProgramsScreeningsComeOldestFirstInPagesOfAHundred() {
        JsonNode first = client.ok(LIST, program(ONBOARDING_NO_RESCAN));
        assertThat(first.path("watchlist_screenings")).hasSize(100);
        assertThat(first.path("next_cursor").asText()).isNotBlank();
        List<JsonNode> all = list(program(ONBOARDING_NO_RESCAN));
        // (Another test adds screenings at the end.)
        assertThat(ids(all).subList(0, onboarding.size())).containsExactlyElementsOf(onboarding);
        assertThat(list(program(CARDHOLDERS))).hasSize(1);
        assertThat(list(program(WIRE_STRICT))).isEmpty();
        assertThat(client.ok(LIST, program(WIRE_STRICT)).path("next_cursor").isNull()).isTrue();
    }

    @Test
    void filtersCombine() {
        List<JsonNode> pending = list(program(ONBOARDING_NO_RESCAN).put("status", "pending_review"));
        assertThat(pending).hasSize(23).allSatisfy(s -> assertThat(s.path("search_terms").path("legal_name").asText()).isEqualTo("Joseph Kony"));
        // cust-1: i = 1, 8, 15, ... (33 of them), of which 50, 120 and 190 are Joseph Kony.
        assertThat(list(program(ONBOARDING_NO_RESCAN).put("status", "cleared").put("client_user_id", "cust-1"))).hasSize(30);
        assertThat(list(program(ONBOARDING_NO_RESCAN).put("status", "rejected"))).isEmpty();

        List<JsonNode> customer = list(program(ONBOARDING_NO_RESCAN).put("client_user_id", "cust-3"));
        assertThat(customer).hasSize(33).allSatisfy(s -> assertThat(s.path("client_user_id").asText()).isEqualTo("cust-3"));

        List<JsonNode> assigned = list(program(ONBOARDING_NO_RESCAN).put("assignee", REVIEWER));
        assertThat(assigned).hasSize(77);
        assertThat(list(program(ONBOARDING_NO_RESCAN).put("assignee", LEAD_REVIEWER))).isEmpty();

        List<JsonNode> all = list(program(ONBOARDING_NO_RESCAN).put("assignee", REVIEWER).put("status", "pending_review")
                .put("client_user_id", "cust-0"));
        // i % 10 == 0, i % 3 == 0 and i % 7 == 0: i = 0 and 210.
        assertThat(ids(all)).containsExactly(onboarding.get(0), onboarding.get(210));
    }

    @Test
    void screeningsCreatedWhilePagingAppearOnceAtTheEnd() {
        ObjectNode filters = program(ONBOARDING_NO_RESCAN).put("client_user_id", "cust-paging");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(client.createIndividual(individual(ONBOARDING_NO_RESCAN, "Late Customer").put("client_user_id", "cust-paging"))
                    .path("id").asText());
        }
        JsonNode page = client.ok(LIST, program(ONBOARDING_NO_RESCAN));
        String cursor = page.path("next_cursor").asText();
        made.add(client.createIndividual(individual(ONBOARDING_NO_RESCAN, "Later Customer").put("client_user_id", "cust-paging"))
                .path("id").asText());
        List<String> seen = new ArrayList<>(ids(list(program(ONBOARDING_NO_RESCAN))));
        assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
        assertThat(seen.subList(seen.size() - 4, seen.size())).containsExactlyElementsOf(made);
        assertThat(ids(list(filters))).containsExactlyElementsOf(made);
        JsonNode next = client.ok(LIST, program(ONBOARDING_NO_RESCAN).put("cursor", cursor));
        assertThat(next.path("watchlist_screenings").get(0).path("id").asText()).isEqualTo(onboarding.get(100));
    }

    @Test
    void hitsComePageByPage() {
        String id = client.createIndividual(individual(HIGH_RISK, "Muhammad Khan")).path("id").asText();
        JsonNode first = client.ok("/watchlist_screening/individual/hit/list", body().put("watchlist_screening_id", id));
        assertThat(first.path("watchlist_screening_hits")).hasSize(20);
        String cursor = first.path("next_cursor").asText();
        JsonNode second = client.ok("/watchlist_screening/individual/hit/list", body().put("watchlist_screening_id", id).put("cursor", cursor));
        assertThat(second.path("watchlist_screening_hits").size()).isPositive();
        assertThat(second.path("next_cursor").isNull()).isTrue();
        List<String> all = ids(client.hits(id));
        assertThat(new HashSet<>(all)).hasSize(20 + second.path("watchlist_screening_hits").size());
    }

    @Test
    void badFiltersAndCursorsAreRefusedNamingTheField() {
        client.invalid(LIST, program("prg_nope"), "watchlist_program_id");
        client.invalid(LIST, program(ONBOARDING_NO_RESCAN).put("assignee", "ffffffffffffffffffffffff"), "assignee");
        client.invalid(LIST, program(ONBOARDING_NO_RESCAN).put("cursor", "not a cursor!"), "cursor");
        client.invalid(LIST, program(ONBOARDING_NO_RESCAN).put("cursor", "bm90IGEgY3Vyc29y"), "cursor");
        client.refused(LIST, program(ONBOARDING_NO_RESCAN).put("status", "approved"), 400, "INVALID_FIELD");
        client.refused(LIST, body(), 400, "MISSING_FIELDS");
        // An archived program still lists (nothing is in it); a deactivated reviewer can still be a filter.
        assertThat(list(program(LEGACY_ARCHIVED))).isEmpty();
        assertThat(list(program(ONBOARDING_NO_RESCAN).put("assignee", DEACTIVATED_USER))).isEmpty();
        // The spec's example cursor (base64 of Plaid's own shape) reads as a position past the end.
        assertThat(list(program(ONBOARDING_NO_RESCAN).put("cursor", "eyJkaXJlY3Rpb24iOiJuZXh0Iiwib2Zmc2V0IjoiMTU5NDM"))).isEmpty();
    }

    @Test
    void programsAndDashboardUsersAreTheSeededOnes() {
        List<JsonNode> individualPrograms = client.all("/watchlist_screening/individual/program/list", body(), "watchlist_programs");
        assertThat(ids(individualPrograms)).containsExactly(CARDHOLDERS, HIGH_RISK, ONBOARDING_NO_RESCAN, WIRE_STRICT, LEGACY_ARCHIVED);
        JsonNode cardholders = client.ok("/watchlist_screening/individual/program/get", program(CARDHOLDERS));
        assertThat(cardholders.path("name").asText()).isEqualTo("Cardholders");
        assertThat(cardholders.path("name_sensitivity").asText()).isEqualTo("balanced");
        assertThat(cardholders.path("is_rescanning_enabled").asBoolean()).isTrue();
        assertThat(cardholders.path("is_archived").asBoolean()).isFalse();
        assertThat(cardholders.path("lists_enabled")).extracting(JsonNode::asText).contains("US_SDN", "EU_CON").doesNotContain("IZ_PEP");
        assertThat(client.ok("/watchlist_screening/individual/program/get", program(HIGH_RISK)).path("lists_enabled"))
                .extracting(JsonNode::asText).contains("IZ_PEP", "IZ_CIA");
        assertThat(client.ok("/watchlist_screening/individual/program/get", program(LEGACY_ARCHIVED)).path("is_archived").asBoolean()).isTrue();

        List<JsonNode> entityPrograms = client.all("/watchlist_screening/entity/program/list", body(), "entity_watchlist_programs");
        assertThat(ids(entityPrograms)).hasSize(4).allMatch(id -> id.startsWith("entprg_")).contains(BUSINESS);
        assertThat(client.ok("/watchlist_screening/entity/program/get", body().put("entity_watchlist_program_id", BUSINESS))
                .path("name").asText()).isEqualTo("Business Customers");
        client.invalid("/watchlist_screening/entity/program/get", body().put("entity_watchlist_program_id", CARDHOLDERS),
                "entity_watchlist_program_id");
        client.invalid("/watchlist_screening/individual/program/get", program("prg_nope"), "watchlist_program_id");

        List<JsonNode> users = client.all("/dashboard_user/list", body(), "dashboard_users");
        assertThat(ids(users)).hasSize(5).contains(LEAD_REVIEWER, REVIEWER, DEACTIVATED_USER);
        assertThat(users).extracting(u -> u.path("status").asText()).contains("active", "invited", "deactivated");
        JsonNode lead = client.ok("/dashboard_user/get", body().put("dashboard_user_id", LEAD_REVIEWER));
        assertThat(lead.path("email_address").asText()).endsWith("@example.com");
        client.invalid("/dashboard_user/get", body().put("dashboard_user_id", "0123456789abcdef01234567"), "dashboard_user_id");
    }

    @Test
    void entityScreeningsListTheSameWay() {
        String id = client.createEntity(entity(BUSINESS, "Acme Widgets").put("client_user_id", "biz-9")).path("id").asText();
        List<JsonNode> listed = client.all("/watchlist_screening/entity/list",
                body().put("entity_watchlist_program_id", BUSINESS).put("client_user_id", "biz-9"), "entity_watchlist_screenings");
        assertThat(ids(listed)).containsExactly(id);
    }
}
