package dev.tartan.model;

/**
 * How one kind of data of a hit compares with what the customer gave (Plaid's {@code MatchSummaryCode}),
 * in plain words for a reviewer.
 */
public enum MatchSummary {
    MATCH("match", "Matches"),
    PARTIAL_MATCH("partial_match", "Partly matches"),
    NO_MATCH("no_match", "Does not match"),
    NO_DATA("no_data", "The list has nothing to compare"),
    NO_INPUT("no_input", "Not given in the search terms");

    private final String wire;
    private final String plainWords;

    MatchSummary(String wire, String plainWords) {
        this.wire = wire;
        this.plainWords = plainWords;
    }

    public String wire() {
        return wire;
    }

    /** "Matches", "Partly matches", ... */
    public String plainWords() {
        return plainWords;
    }

    /** Whether this counts against the customer (a full or partial match). */
    public boolean isMatch() {
        return this == MATCH || this == PARTIAL_MATCH;
    }

    /** The code Plaid wrote, or null when it wrote none (or one Tartan does not know). */
    public static MatchSummary fromWire(String text) {
        for (MatchSummary summary : values()) {
            if (summary.wire.equals(text)) {
                return summary;
            }
        }
        return null;
    }
}
