package dev.tartan.emulator.transactions;

import java.util.HashMap;
import java.util.Map;

/** The persisted "transactions" section: one ledger per Item. */
final class TransactionsState {
    Map<String, TransactionLedger> ledgers = new HashMap<>();
}
