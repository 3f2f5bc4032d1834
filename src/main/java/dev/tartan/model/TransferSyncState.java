package dev.tartan.model;

import java.time.Instant;

/**
 * Where the vault's copy of a profile's transfers stands.
 *
 * @param cursor       the last /transfer/event/sync event_id applied (0: none yet); the next sync starts after it
 * @param lastSyncedAt when the last sync finished, or null
 * @param rows         transfers and refunds held
 * @param undetailed   of those, how many still lack the details events leave out
 */
public record TransferSyncState(long cursor, Instant lastSyncedAt, long rows, long undetailed) {
}
