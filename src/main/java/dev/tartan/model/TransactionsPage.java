package dev.tartan.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

/**
 * One page of /processor/transactions/get: the transactions of a date range, newest first.
 *
 * @param offset       where the page starts among the range's {@code total} transactions
 * @param count        the page size asked for
 * @param transactions the page's transactions (a JSON array)
 */
public record TransactionsPage(LocalDate start, LocalDate end, int offset, int count, long total, JsonNode transactions,
                               String requestId) {
    /** Whether transactions before this page exist (the offset of the page before is never negative). */
    public boolean hasPrevious() {
        return offset > 0;
    }

    /** Whether the range holds transactions after this page. */
    public boolean hasNext() {
        return offset + transactions.size() < total;
    }
}
