package dev.tartan.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the Transfers list is narrowed to. Every part left null (or empty) lets every row through.
 * Decided per row with no copying: 100,000 rows per keystroke.
 *
 * @param statuses Plaid statuses to keep; empty for all
 * @param from     first day (in {@code zone}) of creation, or null
 * @param to       last day (in {@code zone}) of creation, or null
 * @param minCents smallest amount, or null
 * @param maxCents largest amount, or null
 * @param type     debit or credit, or null
 * @param network  ach, same-day-ach, rtp or wire, or null
 * @param account  an account_id, or null
 * @param text     words to find in the id, transfer id, description, user name or metadata (client_user_id=...)
 */
public record TransferFilter(Set<String> statuses, LocalDate from, LocalDate to, Long minCents, Long maxCents, String type,
                             String network, String account, String text) {

    public static final TransferFilter NONE = new TransferFilter(Set.of(), null, null, null, null, null, null, null, "");

    public TransferFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        text = text == null ? "" : text.strip();
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The filter as a test of rows, with days counted in {@code zone}. */
    public Predicate<TransferRow> predicate(ZoneId zone) {
        Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        Word[] words = text.isEmpty() ? new Word[0] : java.util.Arrays.stream(text.split("\\s+")).map(Word::new).toArray(Word[]::new);
        return row -> (statuses.isEmpty() || statuses.contains(row.status()))
                && (start == null || row.created() != null && !row.created().isBefore(start))
                && (end == null || row.created() != null && row.created().isBefore(end))
                && (minCents == null || row.amountCents() >= minCents)
                && (maxCents == null || row.amountCents() <= maxCents)
                && (type == null || type.equals(row.type()))
                && (network == null || network.equals(row.network()))
                && (account == null || account.equals(row.accountId()))
                && matchesWords(row, words);
    }

    private static boolean matchesWords(TransferRow row, Word[] words) {
        for (Word word : words) {
            if (!(word.inId(row.id()) || row.transferId() != row.id() && word.inId(row.transferId()) || word.inText(row.description())
                    || word.inText(row.userName()) || word.inText(row.metadata()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * One word typed, ready to be looked for in 100,000 rows per keystroke: ids (Plaid writes them
     * in lower case) are searched with {@link String#indexOf}; texts case-insensitively, each
     * distinct text (rows share repeated ones) decided once.
     */
    private static final class Word {
        private final String word;
        private final String lower;
        private final String upper;
        private final java.util.Map<String, Boolean> decided = new java.util.IdentityHashMap<>();

        Word(String word) {
            this.word = word;
            this.lower = word.toLowerCase(java.util.Locale.ROOT);
            this.upper = word.toUpperCase(java.util.Locale.ROOT);
        }

        boolean inId(String id) {
            return id != null && (id.contains(lower) || id.contains(upper));
        }

        boolean inText(String text) {
            if (text == null) {
                return false;
            }
            Boolean known = decided.get(text);
            if (known == null) {
                known = contains(text, word);
                decided.put(text, known);
            }
            return known;
        }
    }

    /** Case-insensitive "contains" without copying either string. */
    static boolean contains(String haystack, String needle) {
        if (haystack == null) {
            return false;
        }
        int last = haystack.length() - needle.length();
        for (int i = 0; i <= last; i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }
}
