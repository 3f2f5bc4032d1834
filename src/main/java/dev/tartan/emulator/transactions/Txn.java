package dev.tartan.emulator.transactions;

import java.time.LocalDate;

/**
 * One transaction as served: generated on demand from the ledger's seed, or stored.
 *
 * @param key      its position in the ledger: generated transactions are 0..n-1, stored ones follow
 * @param name     the statement text
 * @param amount   positive when money leaves the account, as Plaid signs amounts
 */
record Txn(long key, String id, String accountId, LocalDate date, LocalDate authorizedDate, double amount,
           Merchant merchant, String name, boolean pending, String pendingTransactionId, String currency) {
}
