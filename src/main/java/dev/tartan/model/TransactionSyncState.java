package dev.tartan.model;

import java.time.Instant;

/**
 * Where the vault stands with one source's transactions.
 *
 * @param lastSyncedAt when the last sync finished (its changes stored)
 * @param transactions how many transactions the vault holds for it
 * @param cursor       the /transactions/sync cursor the next sync starts from, or null (from the start)
 * @param updateStatus Plaid's transactions_update_status at the last sync, or null
 */
public record TransactionSyncState(Instant lastSyncedAt, long transactions, String cursor, String updateStatus) {
}
