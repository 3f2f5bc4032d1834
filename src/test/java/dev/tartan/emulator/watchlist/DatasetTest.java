package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.testing.SpecSchemas;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled watchlists: the people and entities Plaid's Monitor docs name for Sandbox testing are there with
 * the docs' details, and every entry fits the spec (list codes of its kind, document types, countries).
 */
class DatasetTest {
    private final Dataset dataset = Dataset.bundled();

    private Listing.Profile profile(Kind kind, String primaryName) {
        return dataset.entries(kind).stream().map(Dataset.Entry::listing)
                .filter(l -> l.profile().names().get(0).full().equals(primaryName)).findFirst().orElseThrow().profile();
    }

    @Test
    void theDocsTestIndividualsHaveTheDocsDetails() {
        Listing.Profile kony = profile(Kind.INDIVIDUAL, "Joseph Kony");
        assertThat(kony.datesOfBirth()).extracting(d -> d.beginning().toString()).containsExactly("1964-09-18");
        assertThat(kony.locations()).extracting(Listing.Place::country).containsExactly("CF");
        Listing.Profile zhou = profile(Kind.INDIVIDUAL, "Jianshu Zhou");
        assertThat(zhou.datesOfBirth()).extracting(d -> d.beginning().toString()).containsExactly("1971-07-15");
        assertThat(zhou.documents()).extracting(Listing.Document::number).containsExactly("E09598913");
        assertThat(zhou.locations()).extracting(Listing.Place::country).containsExactly("CN");
        Listing.Profile ghermay = profile(Kind.INDIVIDUAL, "Ermias Ghermay");
        assertThat(ghermay.datesOfBirth()).extracting(d -> d.beginning() + "/" + d.ending()).containsExactly("1980-01-01/1980-12-31");
        assertThat(ghermay.locations()).extracting(Listing.Place::country).containsExactly("LY");
    }

    @Test
    void theDocsTestEntitiesHaveTheDocsDetails() {
        Listing.Profile mobin = profile(Kind.ENTITY, "Iran Mobin Electronic Development Company");
        assertThat(mobin.locations()).extracting(Listing.Place::country).containsExactly("IR");
        assertThat(mobin.documents()).extracting(Listing.Document::number).containsExactly("10103492170");
        assertThat(profile(Kind.ENTITY, "МИНСКИЙ ОТРЯД МИЛИЦИИ ОСОБОГО НАЗНАЧЕНИЯ").locations()).extracting(Listing.Place::country)
                .containsExactly("BY");
        assertThat(profile(Kind.ENTITY, "Islamic Radio And Television Union").locations()).extracting(Listing.Place::country)
                .containsExactly("AF");
    }

    @Test
    void everyEntryFitsTheSpec() {
        Map<Kind, Set<String>> lists = Map.of(Kind.INDIVIDUAL, enumOf("IndividualWatchlistCode"), Kind.ENTITY, enumOf("EntityWatchlistCode"));
        Map<Kind, Set<String>> documents = Map.of(Kind.INDIVIDUAL, enumOf("WatchlistScreeningDocumentType"),
                Kind.ENTITY, enumOf("EntityDocumentType"));
        Set<String> countries = Set.of(java.util.Locale.getISOCountries());
        for (Kind kind : Kind.values()) {
            List<Listing> listings = dataset.entries(kind).stream().map(Dataset.Entry::listing).toList();
            assertThat(listings).allSatisfy(listing -> {
                assertThat(lists.get(kind)).contains(listing.listCode());
                assertThat(listing.profile().documents()).allSatisfy(d -> assertThat(documents.get(kind)).contains(d.type()));
                assertThat(listing.profile().locations()).allSatisfy(p -> assertThat(countries).contains(p.country()));
                assertThat(listing.profile().names()).allSatisfy(n -> assertThat(Names.key(kind, n.full()).isEmpty()).isFalse());
            });
            // One plaid_uid per person, whatever the number of lists naming them; a list names a person once.
            Map<String, Set<String>> namesByUid = listings.stream().collect(Collectors.groupingBy(Listing::plaidUid,
                    Collectors.mapping(l -> l.profile().names().get(0).full(), Collectors.toSet())));
            assertThat(namesByUid.values()).allSatisfy(names -> assertThat(names).hasSize(1));
            assertThat(new HashSet<>(listings.stream().map(Listing::key).toList())).hasSize(listings.size());
            assertThat(dataset.profiles(kind)).isEqualTo(namesByUid.size());
            assertThat(dataset.listings(kind)).isEqualTo(listings.size());
        }
        assertThat(dataset.profiles(Kind.INDIVIDUAL)).isGreaterThanOrEqualTo(60);
        assertThat(dataset.profiles(Kind.ENTITY)).isGreaterThanOrEqualTo(20);
    }

    private static Set<String> enumOf(String component) {
        JsonNode schema = SpecSchemas.document(SpecSchemas.NEWEST).path("components").path("schemas").path(component);
        Set<String> values = new HashSet<>();
        schema.path("enum").forEach(v -> values.add(v.asText()));
        assertThat(values).as(component).isNotEmpty();
        return values;
    }
}
