package dev.tartan.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A hit laid beside the search terms, field by field, for a reviewer: what the customer gave, what
 * the list holds, and how they compare in plain words. Names are also compared part by part, so the
 * reviewer sees which parts of the customer's name the entry shares.
 */
public final class HitComparison {

    /** How one part of the searched name appears among the entry's names. */
    public enum PartMatch {
        /** The same word (ignoring case and accents). */
        SAME,
        /** A spelling a letter or two away (a transliteration, a typo). */
        CLOSE,
        /** Not among the entry's names. */
        MISSING
    }

    /**
     * @param word  a part of the name the customer gave
     * @param found the entry's word it matched, or null
     */
    public record NamePart(String word, PartMatch match, String found) {
    }

    /**
     * One field of the comparison.
     *
     * @param searched  what the customer gave, or null when they gave nothing
     * @param summary   how Plaid sums the comparison up, or null when it did not say
     * @param verdict   the comparison in plain words ("Matches: 2 of 2 name parts found")
     * @param listed    the entry's values of this field
     * @param nameParts for names: each part of the searched name and whether the entry has it; else empty
     */
    public record Row(HitField field, String searched, MatchSummary summary, String verdict, List<HitValue> listed,
                      List<NamePart> nameParts) {
    }

    private HitComparison() {
    }

    /** The rows comparing {@code hit} with {@code terms}, in the order of {@link HitField#of}. */
    public static List<Row> of(ScreeningTerms terms, ScreeningHit hit) {
        List<Row> rows = new ArrayList<>();
        for (HitField field : HitField.of(hit.kind())) {
            String searched = searched(terms, field);
            List<HitValue> listed = hit.values(field);
            MatchSummary summary = hit.summary(field);
            if (summary == null && searched == null) {
                summary = MatchSummary.NO_INPUT;
            }
            List<NamePart> parts = field == HitField.NAMES && searched != null ? nameParts(searched, listed) : List.of();
            rows.add(new Row(field, searched, summary, verdict(field, summary, parts, listed), listed, parts));
        }
        return rows;
    }

    /** What the terms say of {@code field}, as a reviewer reads it; null when not given. */
    public static String searched(ScreeningTerms terms, HitField field) {
        return switch (field) {
            case NAMES -> blankToNull(terms.legalName());
            case DATES_OF_BIRTH -> terms.dateOfBirth() == null ? null : terms.dateOfBirth().toString();
            case LOCATIONS -> blankToNull(terms.country());
            case DOCUMENTS -> blankToNull(terms.documentNumber());
            case EMAIL_ADDRESSES -> blankToNull(terms.emailAddress());
            case PHONE_NUMBERS -> blankToNull(terms.phoneNumber());
            case URLS -> blankToNull(terms.url());
        };
    }

    /** A line for a whole hit: "Name matches · Date of birth matches · Country does not match · Document not given". */
    public static String oneLine(ScreeningKind kind, ScreeningHit hit) {
        List<String> parts = new ArrayList<>();
        for (HitField field : HitField.of(kind)) {
            MatchSummary summary = hit.summary(field);
            if (summary != null) {
                parts.add(field.label() + " " + shortWords(summary));
            }
        }
        return String.join(" \u00b7 ", parts);
    }

    private static String shortWords(MatchSummary summary) {
        return switch (summary) {
            case MATCH -> "matches";
            case PARTIAL_MATCH -> "partly matches";
            case NO_MATCH -> "does not match";
            case NO_DATA -> "not on the list";
            case NO_INPUT -> "not given";
        };
    }

    private static String verdict(HitField field, MatchSummary summary, List<NamePart> parts, List<HitValue> listed) {
        String words = summary == null ? "Plaid did not compare it" : summary.plainWords();
        if (field == HitField.NAMES && !parts.isEmpty()) {
            long same = parts.stream().filter(part -> part.match() == PartMatch.SAME).count();
            long close = parts.stream().filter(part -> part.match() == PartMatch.CLOSE).count();
            String found = same + " of " + parts.size() + " name parts the same" + (close > 0 ? ", " + close + " spelt a little differently" : "");
            return words + ": " + found;
        }
        if (summary == MatchSummary.NO_DATA) {
            return words;
        }
        if (summary == MatchSummary.NO_INPUT) {
            return listed.isEmpty() ? words : words + " (the list has " + listed.size() + ")";
        }
        return words;
    }

    /** Each word of {@code searched} and the closest word of the entry's names. */
    static List<NamePart> nameParts(String searched, List<HitValue> names) {
        List<String> listedWords = new ArrayList<>();
        for (HitValue name : names) {
            listedWords.addAll(words(name.text()));
        }
        List<NamePart> parts = new ArrayList<>();
        for (String original : searched.strip().split("[\\s,]+")) {
            String word = normalise(original);
            if (word.isEmpty()) {
                continue;
            }
            NamePart best = new NamePart(original, PartMatch.MISSING, null);
            for (String candidate : listedWords) {
                if (candidate.equals(word)) {
                    best = new NamePart(original, PartMatch.SAME, candidate);
                    break;
                }
                if (best.match() == PartMatch.MISSING && close(word, candidate)) {
                    best = new NamePart(original, PartMatch.CLOSE, candidate);
                }
            }
            parts.add(best);
        }
        return parts;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("[\\s,.\\-]+")).map(HitComparison::normalise).filter(word -> !word.isEmpty()).toList();
    }

    /** Lower case, accents and punctuation off: "Kóny," reads as "kony". */
    static String normalise(String word) {
        String plain = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** Within one edit for words of 4 letters or more, two for 8 or more. */
    private static boolean close(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        int allowed = shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
        return allowed > 0 && Math.abs(a.length() - b.length()) <= allowed && distance(a, b) <= allowed;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
