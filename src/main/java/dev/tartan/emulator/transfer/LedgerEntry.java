package dev.tartan.emulator.transfer;

import java.time.Instant;

/**
 * One movement of a ledger's balance, with both balances after it: what {@code /transfer/ledger/event/list}
 * shows.
 *
 * @param type     what moved the money: transfer, refund, deposit, withdrawal, distribution or starting_balance
 * @param sourceId the transfer, refund or sweep that moved it (null for distributions and the starting balance)
 */
record LedgerEntry(long id, Ledger ledger, String type, String sourceId, long amount, long pendingAfter, long availableAfter,
                   String description, Instant at) {
}
