package dev.tartan.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One transfer or refund as the Transfers pane keeps and lists it: what its events told (status,
 * type, amount, account, failure) and, once read from /transfer/list or /transfer/get, the details
 * events leave out (network, ACH class, description, user, metadata). Kept small: a profile may
 * hold 100,000 of them in memory.
 *
 * @param id            the transfer_id, or the refund_id of a refund
 * @param kind          a transfer or a refund
 * @param transferId    the transfer itself, or the transfer a refund gives money back on
 * @param type          debit or credit (a refund: credit); null if not known
 * @param network       ach, same-day-ach, rtp or wire; null until the details are read
 * @param achClass      ccd, ppd, tel or web; null when not ACH or not read yet
 * @param amountCents   the amount in cents (always positive)
 * @param currency      ISO currency code, USD unless Plaid says otherwise
 * @param status        Plaid's status: pending, posted, settled, funds_available, cancelled, failed, returned
 * @param accountId     the account money moves from or to
 * @param created       when it was created (its first event)
 * @param updated       when its status last changed
 * @param failureCode   failure_reason.failure_code, or null
 * @param returnCode    failure_reason.ach_return_code (R01...), or null
 * @param failureReason failure_reason.description, or null
 * @param description   the transfer's description, or null until read
 * @param userName      user.legal_name, or null until read
 * @param metadata      the metadata pairs as "key=value; key=value" (client_user_id, say), or null
 * @param sweepStatus   swept, swept_settled, return_swept, or null (Plaid's older aggregate sweeps)
 * @param sweepId       the sweep that moved its money, or null
 * @param recurringId   the recurring transfer it was originated by, or null
 * @param detailed      whether the details events leave out have been read
 * @param lastEventId   the last event that changed it (0 when only read, never synced)
 */
public record TransferRow(
        String id,
        Kind kind,
        String transferId,
        String type,
        String network,
        String achClass,
        long amountCents,
        String currency,
        String status,
        String accountId,
        Instant created,
        Instant updated,
        String failureCode,
        String returnCode,
        String failureReason,
        String description,
        String userName,
        String metadata,
        String sweepStatus,
        String sweepId,
        String recurringId,
        boolean detailed,
        long lastEventId) {

    public enum Kind { TRANSFER, REFUND }

    /** Newest first, as Tartan lists transfers; ties by id, so the order is stable. */
    public static final Comparator<TransferRow> NEWEST_FIRST = Comparator.comparing(TransferRow::created,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(TransferRow::id);

    public TransferRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        transferId = transferId == null ? id : transferId;
        currency = currency == null ? "USD" : currency;
    }

    /**
     * {@code current} (newest first) with {@code changed} in place of the rows of the same ids and
     * the new ones added, still newest first. Cheap for a few changes among 100,000 rows.
     */
    public static java.util.List<TransferRow> merged(java.util.List<TransferRow> current, java.util.Collection<TransferRow> changed) {
        java.util.Map<String, TransferRow> byId = new java.util.HashMap<>();
        changed.forEach(row -> byId.put(row.id(), row));
        java.util.List<TransferRow> kept = new java.util.ArrayList<>(current.size());
        for (TransferRow row : current) {
            TransferRow replacement = byId.remove(row.id());
            kept.add(replacement != null ? replacement : row);
        }
        if (byId.isEmpty()) {
            return kept;
        }
        java.util.List<TransferRow> added = new java.util.ArrayList<>(byId.values());
        added.sort(NEWEST_FIRST);
        java.util.List<TransferRow> result = new java.util.ArrayList<>(kept.size() + added.size());
        if (kept.isEmpty() || NEWEST_FIRST.compare(added.get(added.size() - 1), kept.get(0)) <= 0) {
            // The usual case: the new rows are newer than any held, and go on top.
            result.addAll(added);
            result.addAll(kept);
        } else {
            result.addAll(kept);
            result.addAll(added);
            result.sort(NEWEST_FIRST);
        }
        return result;
    }

    public boolean isRefund() {
        return kind == Kind.REFUND;
    }

    /** Whether Plaid's status is one it does not leave (cancelled, failed, returned). */
    public boolean isUndone() {
        return TransferLifecycle.isUndone(status);
    }

    /** The amount as Plaid writes it: "12.34". */
    public String amount() {
        return TransferAmount.format(amountCents);
    }

    /** "R01: Insufficient funds", a failure's reason, or null. */
    public String failureText() {
        if (returnCode == null && failureReason == null && failureCode == null) {
            return null;
        }
        String reason = failureReason != null ? failureReason : failureCode;
        return returnCode == null ? reason : reason == null ? returnCode : returnCode + ": " + reason;
    }

    public TransferRow withStatus(String newStatus, Instant at, long eventId, String newFailureCode, String newReturnCode,
                                  String newFailureReason) {
        return new TransferRow(id, kind, transferId, type, network, achClass, amountCents, currency, newStatus, accountId,
                created == null ? at : created, at, newFailureCode, newReturnCode, newFailureReason, description, userName,
                metadata, sweepStatus, sweepId, recurringId, detailed, Math.max(lastEventId, eventId));
    }

    public TransferRow withSweep(String newSweepStatus, String newSweepId, long eventId) {
        return new TransferRow(id, kind, transferId, type, network, achClass, amountCents, currency, status, accountId,
                created, updated, failureCode, returnCode, failureReason, description, userName, metadata, newSweepStatus,
                newSweepId == null ? sweepId : newSweepId, recurringId, detailed, Math.max(lastEventId, eventId));
    }

    /**
     * This row with what {@code read} (a row made from the transfer's JSON, read after the events
     * this row was made of) says: its details, and its status, which is at least as new.
     */
    public TransferRow withDetailsOf(TransferRow read) {
        return new TransferRow(id, kind, transferId, read.type != null ? read.type : type, read.network, read.achClass,
                read.amountCents, read.currency, read.status, read.accountId != null ? read.accountId : accountId,
                read.created != null ? read.created : created, read.updated != null ? read.updated : updated,
                read.failureCode, read.returnCode, read.failureReason, read.description, read.userName, read.metadata,
                read.sweepStatus != null ? read.sweepStatus : sweepStatus, read.sweepId != null ? read.sweepId : sweepId,
                read.recurringId, read.detailed || detailed, Math.max(lastEventId, read.lastEventId));
    }
}
