package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.TransferAmount;
import dev.tartan.model.TransferRow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plaid's Transfer JSON as the rows Tartan keeps: a transfer or refund object read whole, and the
 * events of /transfer/event/sync folded onto the rows they change.
 */
final class TransferRows {

    /** Event types of a transfer's own status. */
    private static final Set<String> TRANSFER_STATUSES = Set.of("pending", "cancelled", "failed", "posted", "settled",
            "funds_available", "returned");
    /** Event types of Plaid's older aggregate sweeps, on a transfer or a refund. */
    private static final Set<String> SWEEP_PROGRESS = Set.of("swept", "swept_settled", "return_swept");

    private TransferRows() {
    }

    /** A transfer object (of /transfer/get, /transfer/list, /transfer/create) as a row with its details. */
    static TransferRow fromTransfer(JsonNode transfer) {
        JsonNode failure = transfer.path("failure_reason");
        return new TransferRow(required(transfer, "id"), TransferRow.Kind.TRANSFER, null, text(transfer, "type"),
                text(transfer, "network"), text(transfer, "ach_class"), TransferAmount.ofPlaid(text(transfer, "amount")),
                text(transfer, "iso_currency_code"), required(transfer, "status"), text(transfer, "account_id"),
                instant(transfer, "created"), null, text(failure, "failure_code"), text(failure, "ach_return_code"),
                text(failure, "description"), text(transfer, "description"), text(transfer.path("user"), "legal_name"),
                metadata(transfer.path("metadata")), text(transfer, "sweep_status"), null, text(transfer, "recurring_transfer_id"),
                true, 0);
    }

    /** A refund object (of a transfer's refunds, /transfer/refund/get or create) as a row. */
    static TransferRow fromRefund(JsonNode refund) {
        JsonNode failure = refund.path("failure_reason");
        return new TransferRow(required(refund, "id"), TransferRow.Kind.REFUND, required(refund, "transfer_id"), "credit", null, null,
                TransferAmount.ofPlaid(text(refund, "amount")), "USD", required(refund, "status"), null, instant(refund, "created"),
                null, text(failure, "failure_code"), text(failure, "ach_return_code"), text(failure, "description"), null, null,
                null, null, null, null, true, 0);
    }

    /** A transfer and its refunds, as rows. */
    static List<TransferRow> withRefunds(JsonNode transfer) {
        List<TransferRow> rows = new ArrayList<>();
        TransferRow main = fromTransfer(transfer);
        rows.add(main);
        transfer.path("refunds").forEach(refund -> {
            TransferRow row = fromRefund(refund);
            rows.add(new TransferRow(row.id(), row.kind(), row.transferId(), row.type(), row.network(), row.achClass(), row.amountCents(),
                    main.currency(), row.status(), main.accountId(), row.created(), row.updated(), row.failureCode(), row.returnCode(),
                    row.failureReason(), row.description(), main.userName(), row.metadata(), row.sweepStatus(), row.sweepId(),
                    row.recurringId(), true, 0));
        });
        return rows;
    }

    /**
     * Folds one /transfer/event/sync event onto the rows it changes, reading a row it has not seen
     * with {@code known} (null when none). Returns the id of the row changed, or null for an event
     * of no row Tartan keeps (a ledger deposit's or withdrawal's).
     */
    static String fold(JsonNode event, Map<String, TransferRow> rows, java.util.function.Function<String, TransferRow> known) {
        String type = required(event, "event_type");
        long eventId = event.path("event_id").asLong();
        Instant at = instant(event, "timestamp");
        JsonNode failure = event.path("failure_reason");
        if (type.startsWith("sweep.")) {
            return null;
        }
        boolean refund = type.startsWith("refund.");
        String status = refund ? type.substring("refund.".length()) : type;
        String id = refund ? required(event, "refund_id") : required(event, "transfer_id");
        TransferRow row = rows.containsKey(id) ? rows.get(id) : known.apply(id);
        if (row == null) {
            row = new TransferRow(id, refund ? TransferRow.Kind.REFUND : TransferRow.Kind.TRANSFER, required(event, "transfer_id"),
                    refund ? "credit" : text(event, "transfer_type"), null, null, TransferAmount.ofPlaid(text(event, "transfer_amount")),
                    "USD", "pending", text(event, "account_id"), at, at, null, null, null, null, null, null, null,
                    null, null, false, eventId);
        }
        if (SWEEP_PROGRESS.contains(status)) {
            row = row.withSweep(status, text(event, "sweep_id"), eventId);
        } else if (TRANSFER_STATUSES.contains(status)) {
            boolean failed = "failed".equals(status) || "returned".equals(status);
            row = row.withStatus(status, at, eventId, failed ? text(failure, "failure_code") : null,
                    failed ? text(failure, "ach_return_code") : null, failed ? text(failure, "description") : null);
        } else {
            return null; // an event type Tartan does not know yet: the row stays as it was
        }
        rows.put(id, row);
        return id;
    }

    /** "client_user_id=42; order=7": metadata pairs as one searchable text, or null. */
    private static String metadata(JsonNode metadata) {
        if (!metadata.isObject() || metadata.isEmpty()) {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        metadata.fields().forEachRemaining(field -> pairs.add(field.getKey() + "=" + field.getValue().asText()));
        return String.join("; ", pairs);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new IllegalArgumentException("a transfer object or event without " + field);
        }
        return value;
    }

    static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not a timestamp: " + value);
        }
    }
}
