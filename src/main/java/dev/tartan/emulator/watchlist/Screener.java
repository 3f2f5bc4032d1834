package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Compares a screening's search terms with the listings of its program's lists. A listing is a hit when one of
 * its names (weak aliases aside) reaches the program's sensitivity and, when both sides give a date of birth,
 * the dates do not contradict each other. Each field then gets a match level, per item and overall, as
 * Plaid's {@code analysis} reports it: {@code match}, {@code partial_match}, {@code no_match}, {@code no_data}
 * (the list gives none) or {@code no_input} (the search gives none).
 */
final class Screener {
    static final String MATCH = "match";
    static final String PARTIAL = "partial_match";
    static final String NO_MATCH = "no_match";
    static final String NO_DATA = "no_data";
    static final String NO_INPUT = "no_input";
    /** The score from which a name is a plain {@code match} rather than a {@code partial_match}. */
    static final int STRONG_NAME = 95;
    /** The score below which a listed name shows as {@code no_match}. */
    static final int WEAK_NAME = Sensitivity.COARSE.minimumScore;

    private Screener() {
    }

    /** A listing that is a hit for the terms: the hit's body (all but its id and review status) and the best name score. */
    record Match(Listing listing, int score, ObjectNode body) {
    }

    static List<Match> screen(Kind kind, SearchTerms terms, Program program, Dataset dataset) {
        Names.Key query = Names.key(kind, terms.legalName());
        List<Match> matches = new ArrayList<>();
        for (Dataset.Entry entry : dataset.entries(kind)) {
            Listing listing = entry.listing();
            if (!program.screens(listing.listCode())) {
                continue;
            }
            int[] scores = new int[entry.names().size()];
            int best = 0;
            for (int i = 0; i < scores.length; i++) {
                scores[i] = Names.score(query, entry.names().get(i));
                if (!listing.profile().names().get(i).isWeak()) {
                    best = Math.max(best, scores[i]);
                }
            }
            if (best < program.sensitivity().minimumScore) {
                continue;
            }
            Match match = match(kind, terms, listing, scores, best);
            if (match != null) {
                matches.add(match);
            }
        }
        matches.sort(Comparator.comparingInt((Match m) -> -m.score()).thenComparing(m -> m.listing().listCode())
                .thenComparing(m -> m.listing().plaidUid()));
        return matches;
    }

    private static Match match(Kind kind, SearchTerms terms, Listing listing, int[] nameScores, int best) {
        Listing.Profile profile = listing.profile();
        ObjectNode data = Json.object();
        ObjectNode analysis = Json.object();

        List<String> births = new ArrayList<>();
        if (kind == Kind.INDIVIDUAL) {
            ArrayNode items = data.putArray("dates_of_birth");
            for (Listing.DateRange range : profile.datesOfBirth()) {
                String level = terms.dateOfBirth() == null ? NO_INPUT : dateLevel(terms.dateOfBirth(), range);
                births.add(level);
                ObjectNode item = item(items, level);
                item.putObject("data").put("beginning", range.beginning().toString()).put("ending", range.ending().toString());
            }
            String birth = overall(terms.dateOfBirth() != null, births);
            if (NO_MATCH.equals(birth)) {
                return null; // born on another day than every birth date the list gives: not this person
            }
            analysis.put("dates_of_birth", birth);
        }

        List<String> documents = new ArrayList<>();
        ArrayNode documentItems = data.putArray("documents");
        for (Listing.Document document : profile.documents()) {
            String level = terms.documentNumber() == null ? NO_INPUT : documentLevel(terms.documentNumber(), document.number());
            documents.add(level);
            item(documentItems, level).putObject("data").put("type", document.type()).put("number", document.number());
        }
        analysis.put("documents", overall(terms.documentNumber() != null, documents));

        if (kind == Kind.ENTITY) {
            List<String> emails = new ArrayList<>();
            ArrayNode emailItems = data.putArray("email_addresses");
            for (String email : profile.emailAddresses()) {
                String level = terms.emailAddress() == null ? NO_INPUT : emailLevel(terms.emailAddress(), email);
                emails.add(level);
                item(emailItems, level).putObject("data").put("email_address", email);
            }
            analysis.put("email_addresses", overall(terms.emailAddress() != null, emails));
        }

        List<String> places = new ArrayList<>();
        ArrayNode placeItems = data.putArray("locations");
        for (Listing.Place place : profile.locations()) {
            String level = terms.country() == null ? NO_INPUT : terms.country().equals(place.country()) ? MATCH : NO_MATCH;
            places.add(level);
            item(placeItems, level).putObject("data").put("full", place.full()).put("country", place.country());
        }
        analysis.put("locations", overall(terms.country() != null, places));

        ArrayNode nameItems = data.putArray("names");
        for (int i = 0; i < nameScores.length; i++) {
            Listing.ListedName name = profile.names().get(i);
            item(nameItems, nameLevel(nameScores[i])).putObject("data").put("full", name.full()).put("is_primary", name.primary())
                    .put("weak_alias_determination", name.weak());
        }
        analysis.put("names", nameLevel(best));

        if (kind == Kind.ENTITY) {
            List<String> phones = new ArrayList<>();
            ArrayNode phoneItems = data.putArray("phone_numbers");
            for (Listing.Phone phone : profile.phoneNumbers()) {
                String level = terms.phoneNumber() == null ? NO_INPUT : phoneLevel(terms.phoneNumber(), phone.number());
                phones.add(level);
                item(phoneItems, level).putObject("data").put("type", phone.type()).put("phone_number", phone.number());
            }
            analysis.put("phone_numbers", overall(terms.phoneNumber() != null, phones));
            List<String> urls = new ArrayList<>();
            ArrayNode urlItems = data.putArray("urls");
            for (String url : profile.urls()) {
                String level = terms.url() == null ? NO_INPUT : urlLevel(terms.url(), url);
                urls.add(level);
                item(urlItems, level).putObject("data").put("url", url);
            }
            analysis.put("urls", overall(terms.url() != null, urls));
        }
        analysis.put("search_terms_version", terms.version());

        ObjectNode body = Json.object();
        body.put("first_active", WatchlistViews.timestamp(listing.firstActive()));
        body.put("inactive_since", WatchlistViews.timestamp(listing.inactiveSince()));
        body.put("historical_since", WatchlistViews.timestamp(listing.historicalSince()));
        body.put("list_code", listing.listCode());
        body.put("plaid_uid", listing.plaidUid());
        body.put("source_uid", listing.sourceUid());
        ArrayNode subPrograms = body.putArray("sub_programs");
        listing.subPrograms().forEach(subPrograms::add);
        body.set("analysis", analysis);
        body.set("data", data);
        return new Match(listing, best, body);
    }

    private static ObjectNode item(ArrayNode items, String level) {
        ObjectNode item = items.addObject();
        item.putObject("analysis").put("summary", level);
        return item;
    }

    /** The level of a field over its items: the best item's, or no_input / no_data when a side has nothing. */
    static String overall(boolean hasInput, List<String> levels) {
        if (!hasInput) {
            return NO_INPUT;
        }
        if (levels.isEmpty()) {
            return NO_DATA;
        }
        if (levels.contains(MATCH)) {
            return MATCH;
        }
        return levels.contains(PARTIAL) ? PARTIAL : NO_MATCH;
    }

    static String nameLevel(int score) {
        return score >= STRONG_NAME ? MATCH : score >= WEAK_NAME ? PARTIAL : NO_MATCH;
    }

    /**
     * A birth date within the listed range matches; within a year of it (a typo in the year, day and month
     * swapped) it partly matches; anything else does not.
     */
    static String dateLevel(LocalDate born, Listing.DateRange range) {
        if (range.contains(born)) {
            return MATCH;
        }
        boolean nearby = !born.isBefore(range.beginning().minusYears(1)) && !born.isAfter(range.ending().plusYears(1));
        return nearby ? PARTIAL : NO_MATCH;
    }

    /** Documents compare without spaces, dashes and case; one character apart, or one inside the other, is a partial match. */
    static String documentLevel(String searched, String listed) {
        String a = alphanumeric(searched);
        String b = alphanumeric(listed);
        if (a.equals(b)) {
            return MATCH;
        }
        if (Math.min(a.length(), b.length()) >= 5 && (a.contains(b) || b.contains(a) || editDistanceIsOne(a, b))) {
            return PARTIAL;
        }
        return NO_MATCH;
    }

    static String emailLevel(String searched, String listed) {
        String a = searched.trim().toLowerCase(Locale.ROOT);
        String b = listed.trim().toLowerCase(Locale.ROOT);
        if (a.equals(b)) {
            return MATCH;
        }
        return a.substring(a.indexOf('@') + 1).equals(b.substring(b.indexOf('@') + 1)) ? PARTIAL : NO_MATCH;
    }

    static String phoneLevel(String searched, String listed) {
        String a = searched.replaceAll("\\D", "");
        String b = listed.replaceAll("\\D", "");
        if (a.equals(b)) {
            return MATCH;
        }
        return a.length() >= 7 && b.length() >= 7 && a.endsWith(b.substring(b.length() - 7)) ? PARTIAL : NO_MATCH;
    }

    /** The same address (scheme, {@code www.} and a trailing slash aside) matches; the same host partly matches. */
    static String urlLevel(String searched, String listed) {
        String a = plainUrl(searched);
        String b = plainUrl(listed);
        if (a.equals(b)) {
            return MATCH;
        }
        return host(a).equals(host(b)) ? PARTIAL : NO_MATCH;
    }

    private static String plainUrl(String url) {
        String plain = url.trim().toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "");
        return plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }

    private static String host(String plainUrl) {
        int slash = plainUrl.indexOf('/');
        return slash < 0 ? plainUrl : plainUrl.substring(0, slash);
    }

    private static String alphanumeric(String text) {
        return text.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static boolean editDistanceIsOne(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }
}
