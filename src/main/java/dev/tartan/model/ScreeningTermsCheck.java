package dev.tartan.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Plaid accepts as search terms, checked before a screening is created or edited so the user
 * hears of a mistake at once: a name with a letter in it, a real date of birth not in the future,
 * a two-letter ISO country, a document number of 4 to 32 letters and digits, and for entities an
 * email address, an E.164 phone number and an http(s) website.
 */
public final class ScreeningTermsCheck {

    private static final Set<String> COUNTRIES = new HashSet<>(List.of(Locale.getISOCountries()));
    private static final Pattern DOCUMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 \\-/]{2,30}[A-Za-z0-9]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    static {
        COUNTRIES.add("XK"); // Kosovo: lists use it before ISO does
    }

    private ScreeningTermsCheck() {
    }

    /** What is wrong with a program id, name, date of birth (as typed), ... or "" when nothing is. */
    public static String problem(ScreeningKind kind, String programId, String legalName, String dateOfBirth, String documentNumber,
                                 String country, String emailAddress, String phoneNumber, String url, LocalDate today) {
        if (blank(programId)) {
            return "Choose the program that screens this " + (kind == ScreeningKind.INDIVIDUAL ? "person." : "organisation.");
        }
        if (blank(legalName)) {
            return "Type the " + (kind == ScreeningKind.INDIVIDUAL ? "person's" : "organisation's") + " legal name.";
        }
        String name = legalName.strip();
        if (name.codePoints().noneMatch(Character::isLetter)) {
            return "The legal name needs at least one letter.";
        }
        if (name.length() > 100) {
            return "The legal name is " + name.length() + " characters long; Plaid takes up to 100.";
        }
        if (kind == ScreeningKind.INDIVIDUAL && !blank(dateOfBirth)) {
            String born = birthProblem(dateOfBirth.strip(), today);
            if (!born.isEmpty()) {
                return born;
            }
        }
        if (!blank(documentNumber) && !DOCUMENT.matcher(documentNumber.strip()).matches()) {
            return "A document number has 4 to 32 letters and digits (spaces, - and / inside are kept), such as C31195855.";
        }
        if (!blank(country) && !COUNTRIES.contains(country.strip())) {
            return "The country is a two-letter ISO 3166 code in capitals, such as US, GB or CF, not '" + country.strip() + "'.";
        }
        if (kind == ScreeningKind.ENTITY) {
            if (!blank(emailAddress) && !EMAIL.matcher(emailAddress.strip()).matches()) {
                return "'" + emailAddress.strip() + "' is not an email address.";
            }
            if (!blank(phoneNumber) && !PHONE.matcher(phoneNumber.strip()).matches()) {
                return "A phone number is written in E.164 form: + and the country code, then the number, such as +14155550123.";
            }
            if (!blank(url) && !isWebsite(url.strip())) {
                return "A website starts with http:// or https://, such as https://example.com.";
            }
        }
        return "";
    }

    /** What is wrong with {@code terms}, or "" when nothing is. */
    public static String problem(ScreeningKind kind, ScreeningTerms terms, LocalDate today) {
        return problem(kind, terms.programId(), terms.legalName(), terms.dateOfBirth() == null ? null : terms.dateOfBirth().toString(),
                terms.documentNumber(), terms.country(), terms.emailAddress(), terms.phoneNumber(), terms.url(), today);
    }

    private static String birthProblem(String text, LocalDate today) {
        LocalDate born;
        try {
            born = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return "Write the date of birth as year-month-day, such as 1964-09-18 ('" + text + "' is not a date).";
        }
        if (born.isAfter(today)) {
            return "The date of birth " + text + " is in the future.";
        }
        if (born.isBefore(EARLIEST_BIRTH)) {
            return "The date of birth " + text + " is before 1900: check the year.";
        }
        return "";
    }

    private static boolean isWebsite(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
