package dev.tartan.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What the user typed into a filter: every word must appear, in any case, in one of the fields of
 * an entry. A whole token or id typed alone also matches an entry holding exactly that value,
 * though lists show tokens masked. Missing fields match nothing (never the text "null").
 */
public final class TextQuery {

    private static final TextQuery EVERYTHING = new TextQuery("", new String[0]);

    private final String whole;
    private final String[] words;

    private TextQuery(String whole, String[] words) {
        this.whole = whole;
        this.words = words;
    }

    public static TextQuery of(String typed) {
        if (typed == null || typed.isBlank()) {
            return EVERYTHING;
        }
        String whole = typed.strip();
        return new TextQuery(whole, whole.toLowerCase(Locale.ROOT).split("\\s+"));
    }

    /** True when nothing was typed: everything matches. */
    public boolean isEmpty() {
        return words.length == 0;
    }

    /** Whether every word appears in {@code fields} (nulls skipped). */
    public boolean matches(String... fields) {
        if (isEmpty()) {
            return true;
        }
        String haystack = String.join("\u0000", Arrays.stream(fields).filter(Objects::nonNull).toList()).toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the whole text typed is {@code value} exactly (a pasted token, say). */
    public boolean isExactly(String value) {
        return !isEmpty() && whole.equals(value);
    }
}
