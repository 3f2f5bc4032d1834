package dev.tartan.emulator.transactions;

import java.time.LocalDate;

/** A transaction kept in full: added by a refresh, by /sandbox/transactions/create, or configured by user_custom. */
final class StoredTransaction {
    long key;
    String id;
    String accountId;
    LocalDate date;
    LocalDate authorizedDate;
    double amount;
    int merchant;
    String name;
    boolean pending;
    String pendingTransactionId;
    String currency;
    /** The ledger version that removed it, or null while it is live. */
    Integer removedAt;

    StoredTransaction() {
    }

    Txn view() {
        return new Txn(key, id, accountId, date, authorizedDate, amount, Merchants.ALL.get(merchant), name, pending,
                pendingTransactionId, currency);
    }
}
