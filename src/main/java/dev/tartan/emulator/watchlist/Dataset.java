package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.emulator.support.Ids;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.support.Mix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The watchlists the emulator screens against: the people and organisations of the bundled
 * {@code /emulator/watchlist.json} (the ones Plaid's docs name for Sandbox testing and fictional ones), each
 * on one or more lists, plus the entries list updates have published since (the rescan extension). Names
 * are kept ready to compare. Not thread-safe: callers hold the Watchlist's lock.
 */
final class Dataset {
    static final String RESOURCE = "/emulator/watchlist.json";

    /** A listing with its names ready to compare, in the order of {@link Listing.Profile#names()}. */
    record Entry(Listing listing, List<Names.Key> names) {
    }

    private final Map<Kind, List<Entry>> entries = new EnumMap<>(Kind.class);
    private final Map<Kind, Integer> profiles = new EnumMap<>(Kind.class);

    private Dataset() {
        for (Kind kind : Kind.values()) {
            entries.put(kind, new ArrayList<>());
            profiles.put(kind, 0);
        }
    }

    static Dataset bundled() {
        Dataset dataset = new Dataset();
        JsonNode root;
        try (InputStream in = Dataset.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the watchlist dataset " + RESOURCE + " is missing from the classpath");
            }
            root = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the watchlist dataset " + RESOURCE, e);
        }
        root.path("individuals").forEach(person -> dataset.load(Kind.INDIVIDUAL, person));
        root.path("entities").forEach(entity -> dataset.load(Kind.ENTITY, entity));
        return dataset;
    }

    private void load(Kind kind, JsonNode node) {
        List<Listing.ListedName> names = new ArrayList<>();
        node.path("names").forEach(name -> names.add(new Listing.ListedName(name.asText(), names.isEmpty(), Listing.ListedName.NOT_WEAK)));
        node.path("weak_aliases").forEach(name -> names.add(new Listing.ListedName(name.asText(), false, "source")));
        List<Listing.DateRange> births = new ArrayList<>();
        node.path("dob").forEach(date -> births.add(dateRange(date.asText())));
        List<Listing.Place> places = new ArrayList<>();
        node.path("locations").forEach(place -> places.add(new Listing.Place(place.path("full").asText(), place.path("country").asText())));
        List<Listing.Document> documents = new ArrayList<>();
        node.path("documents").forEach(doc -> documents.add(new Listing.Document(doc.path("type").asText(), doc.path("number").asText())));
        List<String> emails = new ArrayList<>();
        node.path("emails").forEach(email -> emails.add(email.asText()));
        List<Listing.Phone> phones = new ArrayList<>();
        node.path("phones").forEach(phone -> phones.add(new Listing.Phone(phone.path("type").asText("phone"), phone.path("number").asText())));
        List<String> urls = new ArrayList<>();
        node.path("urls").forEach(url -> urls.add(url.asText()));
        Listing.Profile profile = new Listing.Profile(List.copyOf(names), List.copyOf(births), List.copyOf(places),
                List.copyOf(documents), List.copyOf(emails), List.copyOf(phones), List.copyOf(urls));
        String plaidUid = "uid_" + Ids.base62(Mix.of("watchlist/" + kind.word + "/" + names.get(0).full()), Kind.ID_LENGTH);
        for (JsonNode list : node.path("lists")) {
            List<String> subPrograms = new ArrayList<>();
            list.path("sub_programs").forEach(p -> subPrograms.add(p.asText()));
            add(new Listing(kind, plaidUid, list.path("code").asText(), list.path("source_uid").asText(null), List.copyOf(subPrograms),
                    day(list.path("since").asText()), day(list.path("inactive_since").asText(null)),
                    day(list.path("historical_since").asText(null)), profile));
        }
        profiles.merge(kind, 1, Integer::sum);
    }

    /** {@code 1964-09-18} is a day; {@code 1980} the whole year; {@code 1960/1962} the years from one to the other. */
    private static Listing.DateRange dateRange(String text) {
        String[] years = text.split("/");
        if (years.length == 2) {
            return new Listing.DateRange(LocalDate.of(Integer.parseInt(years[0]), 1, 1), LocalDate.of(Integer.parseInt(years[1]), 12, 31));
        }
        if (text.length() == 4) {
            int year = Integer.parseInt(text);
            return new Listing.DateRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        LocalDate day = LocalDate.parse(text);
        return new Listing.DateRange(day, day);
    }

    private static Instant day(String text) {
        return text == null ? null : LocalDate.parse(text).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
    }

    /** Adds a listing (one published by a list update, or one of the bundled ones). */
    void add(Listing listing) {
        List<Names.Key> keys = listing.profile().names().stream().map(name -> Names.key(listing.kind(), name.full())).toList();
        entries.get(listing.kind()).add(new Entry(listing, keys));
    }

    /** A listing a list update publishes: counted as a new profile too. */
    void publish(Listing listing) {
        add(listing);
        profiles.merge(listing.kind(), 1, Integer::sum);
    }

    List<Entry> entries(Kind kind) {
        return entries.get(kind);
    }

    /** How many people (or organisations) the lists name. */
    int profiles(Kind kind) {
        return profiles.get(kind);
    }

    /** How many list entries there are: a person on three lists is three. */
    int listings(Kind kind) {
        return entries.get(kind).size();
    }
}
