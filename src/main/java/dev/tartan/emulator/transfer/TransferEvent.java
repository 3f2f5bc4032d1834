package dev.tartan.emulator.transfer;

import java.time.Instant;

/**
 * One event of {@code /transfer/event/sync}: a status change of a transfer, of its refund, of its sweep
 * progress, or of a ledger sweep. Ids are sequential from 1 in the order events happened.
 *
 * @param transfer the transfer concerned (for refund and sweep-progress events too), null for ledger sweeps
 * @param refund   the refund, for {@code refund.*} events
 * @param sweep    the ledger sweep of {@code sweep.*} events, or the aggregate sweep of sweep-progress events
 * @param failure  the failure reason of {@code failed} and {@code returned} events
 */
record TransferEvent(long id, EventType type, Instant at, Transfer transfer, Refund refund, Sweep sweep, Failure failure) {
}
