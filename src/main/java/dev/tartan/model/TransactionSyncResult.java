package dev.tartan.model;

import java.time.Duration;

/**
 * What one transactions sync did.
 *
 * @param method       how the transactions were fetched
 * @param added        transactions added to the vault (for a history load: every one loaded)
 * @param modified     transactions that changed
 * @param removed      transactions that went (posted pending ones, corrections)
 * @param pages        calls that returned transactions (sync and get pages)
 * @param restarts     times the run started over because the data changed while it paged
 * @param duration     from the first call to the vault holding the result
 * @param updateStatus Plaid's transactions_update_status (HISTORICAL_UPDATE_COMPLETE, NOT_READY, ...), or null
 * @param state        the source's transactions as stored now
 */
public record TransactionSyncResult(Method method, int added, int modified, int removed, int pages, int restarts,
                                    Duration duration, String updateStatus, TransactionSyncState state) {

    public enum Method {
        /** Cursor pages of /transactions/sync (or /processor/transactions/sync) from the stored cursor. */
        SYNC,
        /**
         * An Item's first load: a sync cursor for "now", the history in parallel /transactions/get
         * pages, then the changes since "now" from /transactions/sync.
         */
        HISTORY
    }
}
