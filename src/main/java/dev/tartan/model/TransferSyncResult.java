package dev.tartan.model;

import java.time.Duration;
import java.util.Set;

/**
 * What one /transfer/event/sync catch-up brought into the vault.
 *
 * @param events  events applied
 * @param pages   sync pages read
 * @param changed the transfers and refunds (by id) an event changed, new ones included
 * @param added   of those, how many the vault did not hold before
 * @param state   where the vault's copy stands afterwards
 */
public record TransferSyncResult(long events, int pages, Set<String> changed, int added, Duration duration, TransferSyncState state) {
}
