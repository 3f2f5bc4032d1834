package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.tartan.emulator.EmulatorClient.body;
import static dev.tartan.emulator.watchlist.WatchlistClient.BUSINESS;
import static dev.tartan.emulator.watchlist.WatchlistClient.CARDHOLDERS;
import static dev.tartan.emulator.watchlist.WatchlistClient.HIGH_RISK;
import static dev.tartan.emulator.watchlist.WatchlistClient.HIGH_RISK_BUSINESS;
import static dev.tartan.emulator.watchlist.WatchlistClient.LEGACY_ARCHIVED;
import static dev.tartan.emulator.watchlist.WatchlistClient.WIRE_STRICT;
import static dev.tartan.emulator.watchlist.WatchlistClient.entity;
import static dev.tartan.emulator.watchlist.WatchlistClient.individual;
import static dev.tartan.emulator.watchlist.WatchlistClient.terms;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating screenings over loopback: the people and entities Plaid's docs name for Sandbox testing are hits,
 * a clean customer is cleared, the lists, sensitivity and other search terms decide what hits and how each
 * field's match level is reported, and bad input is refused naming its field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningTest {
    private PlaidEmulator emulator;
    private WatchlistClient client;

    @BeforeAll
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new WatchlistClient(emulator);
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private static ObjectNode kony() {
        ObjectNode request = individual(CARDHOLDERS, "Joseph Kony").put("client_user_id", "cust-kony");
        terms(request).put("date_of_birth", "1964-09-18").put("country", "CF");
        return request;
    }

    @Test
    void theDocsSanctionedIndividualIsPendingReviewWithAHitPerList() {
        JsonNode screening = client.createIndividual(kony());

        assertThat(screening.path("id").asText()).matches("scr_[0-9A-Za-z]{14}");
        assertThat(screening.path("status").asText()).isEqualTo("pending_review");
        assertThat(screening.path("client_user_id").asText()).isEqualTo("cust-kony");
        assertThat(screening.path("assignee").isNull()).isTrue();
        assertThat(screening.path("search_terms").path("version").asInt()).isEqualTo(1);
        assertThat(screening.path("search_terms").path("date_of_birth").asText()).isEqualTo("1964-09-18");
        assertThat(screening.path("audit_trail").path("source").asText()).isEqualTo("api");
        assertThat(withoutRequestId(client.get(screening.path("id").asText()))).isEqualTo(withoutRequestId(screening));

        List<JsonNode> hits = client.hits(screening.path("id").asText());
        assertThat(hits).extracting(hit -> hit.path("list_code").asText()).containsExactlyInAnyOrder("US_SDN", "IZ_UNC", "EU_CON", "UK_HMC");
        assertThat(hits).extracting(hit -> hit.path("plaid_uid").asText()).containsOnly(hits.get(0).path("plaid_uid").asText());
        for (JsonNode hit : hits) {
            assertThat(hit.path("id").asText()).matches("scrhit_[0-9A-Za-z]{14}");
            assertThat(hit.path("review_status").asText()).isEqualTo("pending_review");
            JsonNode analysis = hit.path("analysis");
            assertThat(analysis.path("names").asText()).isEqualTo("match");
            assertThat(analysis.path("dates_of_birth").asText()).isEqualTo("match");
            assertThat(analysis.path("locations").asText()).isEqualTo("match");
            assertThat(analysis.path("documents").asText()).as("no document searched").isEqualTo("no_input");
            assertThat(analysis.path("search_terms_version").asInt()).isEqualTo(1);
            JsonNode names = hit.path("data").path("names");
            assertThat(names.get(0).path("data").path("full").asText()).isEqualTo("Joseph Kony");
            assertThat(names.get(0).path("data").path("is_primary").asBoolean()).isTrue();
            assertThat(names.get(0).path("analysis").path("summary").asText()).isEqualTo("match");
            JsonNode weak = names.get(names.size() - 1).path("data");
            assertThat(weak.path("full").asText()).isEqualTo("Kony");
            assertThat(weak.path("weak_alias_determination").asText()).isEqualTo("source");
            assertThat(hit.path("data").path("dates_of_birth").get(0).path("data").path("beginning").asText()).isEqualTo("1964-09-18");
        }
    }

    private static JsonNode withoutRequestId(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove("request_id");
        return copy;
    }

    @Test
    void aCleanCustomerIsClearedWithNoHits() {
        ObjectNode request = individual(CARDHOLDERS, "Leslie Knope");
        terms(request).put("date_of_birth", "1975-01-18").put("country", "US").put("document_number", "123456789");
        JsonNode screening = client.createIndividual(request);

        assertThat(screening.path("status").asText()).isEqualTo("cleared");
        assertThat(client.hits(screening.path("id").asText())).isEmpty();
        assertThat(screening.path("client_user_id").isNull()).isTrue();
    }

    @Test
    void theDocsOtherTestIndividualsHitWithTheirDocumentAndAnyDayOfTheirYear() {
        ObjectNode zhou = individual(CARDHOLDERS, "Jianshu Zhou");
        terms(zhou).put("date_of_birth", "1971-07-15").put("country", "CN").put("document_number", "E09598913");
        JsonNode zhouHit = client.hits(client.createIndividual(zhou).path("id").asText()).get(0);
        assertThat(zhouHit.path("analysis").path("documents").asText()).isEqualTo("match");
        assertThat(zhouHit.path("data").path("documents").get(0).path("data").path("type").asText()).isEqualTo("passport");

        ObjectNode ghermay = individual(CARDHOLDERS, "Ermias Ghermay");
        terms(ghermay).put("date_of_birth", "1980-06-30").put("country", "LY");
        List<JsonNode> hits = client.hits(client.createIndividual(ghermay).path("id").asText());
        assertThat(hits).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.path("analysis").path("dates_of_birth").asText()).isEqualTo("match");
            JsonNode range = hit.path("data").path("dates_of_birth").get(0).path("data");
            assertThat(range.path("beginning").asText()).isEqualTo("1980-01-01");
            assertThat(range.path("ending").asText()).isEqualTo("1980-12-31");
        });
    }

    @Test
    void eachFieldReportsItsOwnMatchLevel() {
        ObjectNode request = individual(CARDHOLDERS, "Jianshu Zhou");
        // A year off, another country, a document one character apart.
        terms(request).put("date_of_birth", "1972-01-03").put("country", "US").put("document_number", "E09598918");
        JsonNode hit = client.hits(client.createIndividual(request).path("id").asText()).get(0);
        JsonNode analysis = hit.path("analysis");
        assertThat(analysis.path("dates_of_birth").asText()).isEqualTo("partial_match");
        assertThat(analysis.path("locations").asText()).isEqualTo("no_match");
        assertThat(analysis.path("documents").asText()).isEqualTo("partial_match");
        assertThat(hit.path("data").path("locations").get(0).path("analysis").path("summary").asText()).isEqualTo("no_match");

        ObjectNode alias = individual(CARDHOLDERS, "Jianshu Zhuo");
        JsonNode misspelt = client.hits(client.createIndividual(alias).path("id").asText()).get(0).path("analysis");
        assertThat(misspelt.path("names").asText()).isEqualTo("partial_match");
        assertThat(misspelt.path("dates_of_birth").asText()).isEqualTo("no_input");
    }

    @Test
    void aBirthDateThatContradictsTheListRulesTheListingOut() {
        ObjectNode request = individual(CARDHOLDERS, "Joseph Kony");
        terms(request).put("date_of_birth", "1990-02-02");
        JsonNode screening = client.createIndividual(request);
        assertThat(screening.path("status").asText()).isEqualTo("cleared");
        assertThat(client.hits(screening.path("id").asText())).isEmpty();
    }

    @Test
    void aliasesOtherScriptsAndMisspellingsHit() {
        assertThat(listed(individual(CARDHOLDERS, "Виктор Морозов"))).containsExactlyInAnyOrder("US_SDN", "EU_CON", "UK_HMC");
        assertThat(listed(individual(CARDHOLDERS, "Victor Morozov"))).hasSize(3);
        assertThat(listed(individual(CARDHOLDERS, "Abdul Rashid al Hamdani"))).hasSize(3);
        assertThat(listed(individual(CARDHOLDERS, "Carlos Diaz Ortega"))).as("two of three names are not enough").isEmpty();
        assertThat(listed(individual(CARDHOLDERS, "Diaz, Carlos Alfonzo"))).hasSize(2);
        assertThat(listed(individual(CARDHOLDERS, "Mary Ellen Castellano"))).hasSize(2);
        assertThat(listed(individual(CARDHOLDERS, "陈立伟"))).hasSize(2);
    }

    /** The list codes of the hits of a new screening. */
    private List<String> listed(ObjectNode request) {
        return client.hits(client.createIndividual(request).path("id").asText()).stream()
                .map(hit -> hit.path("list_code").asText()).toList();
    }

    @Test
    void theProgramDecidesWhichListsAndHowCloseANameMustBe() {
        // A politically exposed person is only on the PEP list, which the Cardholders program does not screen.
        assertThat(listed(individual(CARDHOLDERS, "Svetlana Igorevna Belova"))).isEmpty();
        assertThat(listed(individual(HIGH_RISK, "Svetlana Igorevna Belova"))).containsExactly("IZ_PEP");
        // A missing middle name is close enough for balanced, not for strict.
        assertThat(listed(individual(CARDHOLDERS, "Omar Haddad"))).hasSize(5);
        assertThat(listed(individual(WIRE_STRICT, "Omar Haddad"))).isEmpty();
        // A misspelling passes strict; a missing surname passes nothing.
        assertThat(listed(individual(WIRE_STRICT, "Nikolaos Papadakkis"))).containsExactlyInAnyOrder("US_SDN", "UK_HMC");
        assertThat(listed(individual(HIGH_RISK, "Joseph Rao"))).hasSize(4);
        assertThat(listed(individual(WIRE_STRICT, "Joseph Rao"))).isEmpty();
    }

    @Test
    void aCommonNameHasManyHitsBestFirst() {
        List<JsonNode> hits = client.hits(client.createIndividual(individual(HIGH_RISK, "Muhammad Khan")).path("id").asText());
        assertThat(hits.size()).isGreaterThan(20);
        Set<String> people = hits.stream().map(hit -> hit.path("plaid_uid").asText()).collect(Collectors.toSet());
        assertThat(people.size()).isGreaterThan(10);
        assertThat(hits.get(0).path("analysis").path("names").asText()).isEqualTo("match");
        assertThat(hits.get(hits.size() - 1).path("analysis").path("names").asText()).isEqualTo("partial_match");

        ObjectNode withBirthDate = individual(HIGH_RISK, "Muhammad Khan");
        terms(withBirthDate).put("date_of_birth", "1965-03-10");
        List<JsonNode> narrowed = client.hits(client.createIndividual(withBirthDate).path("id").asText());
        assertThat(narrowed.size()).as("other birth dates rule most out").isLessThan(hits.size() / 2).isPositive();
    }

    @Test
    void theDocsSanctionedEntitiesAreHits() {
        ObjectNode mobin = entity(BUSINESS, "Iran Mobin Electronic Development Company").put("client_user_id", "biz-1");
        terms(mobin).put("country", "IR").put("document_number", "10103492170");
        JsonNode screening = client.createEntity(mobin);
        assertThat(screening.path("id").asText()).matches("entscr_[0-9A-Za-z]{14}");
        assertThat(screening.path("status").asText()).isEqualTo("pending_review");
        assertThat(screening.path("search_terms").path("entity_watchlist_program_id").asText()).isEqualTo(BUSINESS);
        assertThat(screening.path("search_terms").has("date_of_birth")).isFalse();
        List<JsonNode> hits = client.entityHits(screening.path("id").asText());
        assertThat(hits).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.path("id").asText()).startsWith("enthit_");
            assertThat(hit.path("analysis").path("documents").asText()).isEqualTo("match");
            assertThat(hit.path("analysis").path("locations").asText()).isEqualTo("match");
            assertThat(hit.path("analysis").path("email_addresses").asText()).isEqualTo("no_input");
            assertThat(hit.path("analysis").has("dates_of_birth")).isFalse();
        });

        for (String name : List.of("МИНСКИЙ ОТРЯД МИЛИЦИИ ОСОБОГО НАЗНАЧЕНИЯ", "Minsk Special Purpose Police Detachment",
                "Islamic Radio And Television Union", "Islamic Radio & TV Union", "Al Qaeda")) {
            JsonNode hit = client.createEntity(entity(BUSINESS, name));
            assertThat(hit.path("status").asText()).as(name).isEqualTo("pending_review");
        }
        assertThat(client.createEntity(entity(BUSINESS, "Pawnee Parks Supply LLC")).path("status").asText()).isEqualTo("cleared");
    }

    @Test
    void entityContactDetailsAreCompared() {
        ObjectNode request = entity(HIGH_RISK_BUSINESS, "Golden Crescent Trade Co.");
        terms(request).put("email_address", "sales@goldencrescent.example.com").put("phone_number", "+97142345678")
                .put("url", "https://www.goldencrescent.example.com/");
        JsonNode hit = client.entityHits(client.createEntity(request).path("id").asText()).get(0);
        JsonNode analysis = hit.path("analysis");
        assertThat(analysis.path("email_addresses").asText()).as("same domain").isEqualTo("partial_match");
        assertThat(analysis.path("phone_numbers").asText()).isEqualTo("match");
        assertThat(analysis.path("urls").asText()).isEqualTo("match");
        assertThat(analysis.path("documents").asText()).isEqualTo("no_input");
        assertThat(hit.path("data").path("names").get(0).path("data").path("full").asText()).isEqualTo("Golden Crescent Trading Company LLC");
    }

    @Test
    void badSearchTermsAreRefusedNamingTheField() {
        client.invalid("/watchlist_screening/individual/create", individual("prg_doesNotExist00", "Ann Lee"),
                "search_terms.watchlist_program_id");
        String entityProgram = client.invalid("/watchlist_screening/individual/create", individual(BUSINESS, "Ann Lee"),
                "search_terms.watchlist_program_id");
        assertThat(entityProgram).contains("other kind of program");
        assertThat(client.invalid("/watchlist_screening/individual/create", individual(LEGACY_ARCHIVED, "Ann Lee"),
                "search_terms.watchlist_program_id")).contains("archived");
        client.invalid("/watchlist_screening/individual/create", individual(CARDHOLDERS, "12345"), "search_terms.legal_name");
        client.invalid("/watchlist_screening/individual/create", individual(CARDHOLDERS, " Ann Lee"), "search_terms.legal_name");
        client.invalid("/watchlist_screening/individual/create", individual(CARDHOLDERS, "A".repeat(101)), "search_terms.legal_name");

        ObjectNode country = individual(CARDHOLDERS, "Ann Lee");
        terms(country).put("country", "ZZ");
        client.invalid("/watchlist_screening/individual/create", country, "search_terms.country");
        ObjectNode document = individual(CARDHOLDERS, "Ann Lee");
        terms(document).put("document_number", "123");
        client.invalid("/watchlist_screening/individual/create", document, "search_terms.document_number");
        ObjectNode future = individual(CARDHOLDERS, "Ann Lee");
        terms(future).put("date_of_birth", LocalDate.now().plusDays(3).toString());
        client.invalid("/watchlist_screening/individual/create", future, "search_terms.date_of_birth");
        ObjectNode badDate = individual(CARDHOLDERS, "Ann Lee");
        terms(badDate).put("date_of_birth", "18/09/1964");
        client.refused("/watchlist_screening/individual/create", badDate, 400, "INVALID_FIELD");

        ObjectNode phone = entity(BUSINESS, "Acme Widgets");
        terms(phone).put("phone_number", "555-1234");
        client.invalid("/watchlist_screening/entity/create", phone, "search_terms.phone_number");
        ObjectNode email = entity(BUSINESS, "Acme Widgets");
        terms(email).put("email_address", "not-an-address");
        client.invalid("/watchlist_screening/entity/create", email, "search_terms.email_address");
        ObjectNode url = entity(BUSINESS, "Acme Widgets");
        terms(url).put("url", "ftp://acme.example");
        client.invalid("/watchlist_screening/entity/create", url, "search_terms.url");
        client.refused("/watchlist_screening/individual/create", body().put("client_user_id", "x"), 400, "MISSING_FIELDS");
    }

    @Test
    void unknownAndWrongKindScreeningIdsAreRefusedNamingTheField() {
        client.invalid("/watchlist_screening/individual/get", body().put("watchlist_screening_id", "scr_52xR9LKo77r1Np"),
                "watchlist_screening_id");
        String entityId = client.createEntity(entity(BUSINESS, "Acme Widgets")).path("id").asText();
        assertThat(client.invalid("/watchlist_screening/individual/get", body().put("watchlist_screening_id", entityId),
                "watchlist_screening_id")).contains("/watchlist_screening/entity/");
        client.invalid("/watchlist_screening/entity/hit/list", body().put("entity_watchlist_screening_id", "entscr_nope"),
                "entity_watchlist_screening_id");
    }
}
