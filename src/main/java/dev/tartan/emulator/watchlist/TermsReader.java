package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code search_terms} of a create or update request, with the rules the spec's field descriptions
 * give (names with a letter and at most 100 characters, documents of 4 to 32 characters, ISO 3166-1 alpha-2
 * countries, E.164 phone numbers, no leading or trailing spaces) and a date of birth not in the future. Each
 * refusal names the field.
 */
final class TermsReader {
    private static final Set<String> COUNTRIES = new HashSet<>(List.of(Locale.getISOCountries()));
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+[1-9]\\d{6,14}$");

    static {
        COUNTRIES.add("XK"); // Kosovo: not ISO yet, but lists and Plaid use it
    }

    private final Screenings screenings;
    private final LocalDate today;

    TermsReader(Screenings screenings, LocalDate today) {
        this.screenings = screenings;
        this.today = today;
    }

    /** The terms of a new screening (version 1) and their program, which must take new screenings. */
    SearchTerms create(Kind kind, JsonNode terms) {
        return merge(kind, null, terms);
    }

    /** {@code current} with the fields {@code terms} gives replaced (the version is left as it was). */
    SearchTerms update(Kind kind, SearchTerms current, JsonNode terms) {
        return merge(kind, current, terms);
    }

    private SearchTerms merge(Kind kind, SearchTerms current, JsonNode terms) {
        String programField = "search_terms." + kind.programIdField;
        String programId = text(terms, kind.programIdField);
        if (programId != null) {
            screenings.program(kind, programField, programId, true);
        }
        String name = text(terms, "legal_name");
        if (name != null) {
            checkName("search_terms.legal_name", name);
        }
        LocalDate born = null;
        String bornText = kind == Kind.INDIVIDUAL ? text(terms, "date_of_birth") : null;
        if (bornText != null) {
            born = LocalDate.parse(bornText);
            if (born.isAfter(today)) {
                throw WatchlistErrors.invalid("search_terms.date_of_birth", "a date of birth cannot be in the future (got " + bornText + ")");
            }
        }
        String document = text(terms, "document_number");
        if (document != null) {
            checkLength("search_terms.document_number", document, 4, 32);
        }
        String country = text(terms, "country");
        if (country != null && !COUNTRIES.contains(country)) {
            throw WatchlistErrors.invalid("search_terms.country", "must be a capitalized ISO 3166-1 alpha-2 country code such as US (got '"
                    + country + "')");
        }
        String email = kind == Kind.ENTITY ? text(terms, "email_address") : null;
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw WatchlistErrors.invalid("search_terms.email_address", "must be an email address (got '" + email + "')");
        }
        String phone = kind == Kind.ENTITY ? text(terms, "phone_number") : null;
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw WatchlistErrors.invalid("search_terms.phone_number", "must be a phone number in E.164 format such as +14025671234 (got '"
                    + phone + "')");
        }
        String url = kind == Kind.ENTITY ? text(terms, "url") : null;
        if (url != null) {
            checkUrl(url);
        }
        if (current == null) {
            return new SearchTerms(programId, name, born, document, country, email, phone, url, 1);
        }
        return new SearchTerms(programId != null ? programId : current.programId(), name != null ? name : current.legalName(),
                bornText != null ? born : current.dateOfBirth(), document != null ? document : current.documentNumber(),
                country != null ? country : current.country(), email != null ? email : current.emailAddress(),
                phone != null ? phone : current.phoneNumber(), url != null ? url : current.url(), current.version());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void checkName(String field, String name) {
        checkLength(field, name, 1, 100);
        if (name.codePoints().noneMatch(Character::isLetter)) {
            throw WatchlistErrors.invalid(field, "must have at least one letter");
        }
    }

    private static void checkLength(String field, String text, int min, int max) {
        if (!text.equals(text.strip())) {
            throw WatchlistErrors.invalid(field, "cannot have leading or trailing spaces");
        }
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            throw WatchlistErrors.invalid(field, "must be between " + min + " and " + max + " characters long (got " + length + ")");
        }
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw WatchlistErrors.invalid("search_terms.url", "must be an http or https URL such as https://example.com (got '" + url + "')");
    }
}
