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
        String[] words = text.isEmpty() ? new String[0] : text.split("\\s+");
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

    private static boolean matchesWords(TransferRow row, String[] words) {
        for (String word : words) {
            if (!(contains(row.id(), word) || contains(row.transferId(), word) || contains(row.description(), word)
                    || contains(row.userName(), word) || contains(row.metadata(), word))) {
                return false;
            }
        }
        return true;
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
