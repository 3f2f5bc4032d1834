package dev.tartan.model;

/** The kinds of data a watchlist hit carries, each compared with one search term. */
public enum HitField {
    NAMES("names", "Name"),
    DATES_OF_BIRTH("dates_of_birth", "Date of birth"),
    LOCATIONS("locations", "Country"),
    DOCUMENTS("documents", "Document"),
    EMAIL_ADDRESSES("email_addresses", "Email address"),
    PHONE_NUMBERS("phone_numbers", "Phone number"),
    URLS("urls", "Website");

    private final String wire;
    private final String label;

    HitField(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    /** The key in a hit's {@code analysis} and {@code data}. */
    public String wire() {
        return wire;
    }

    /** "Name", "Date of birth", ... */
    public String label() {
        return label;
    }

    /** The fields a screening of {@code kind} is compared on, in the order a reviewer reads them. */
    public static java.util.List<HitField> of(ScreeningKind kind) {
        return kind == ScreeningKind.INDIVIDUAL
                ? java.util.List.of(NAMES, DATES_OF_BIRTH, LOCATIONS, DOCUMENTS)
                : java.util.List.of(NAMES, LOCATIONS, DOCUMENTS, EMAIL_ADDRESSES, PHONE_NUMBERS, URLS);
    }
}
