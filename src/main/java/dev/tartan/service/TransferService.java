package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidApiException;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Profile;
import dev.tartan.model.TransferAmount;
import dev.tartan.model.TransferLifecycle;
import dev.tartan.store.Vault;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One transfer and its refunds: the decision its authorization got (when Tartan made it: Plaid has
 * no call that reads an authorization back), cancelling it, refunding part of it and cancelling a
 * refund. What changes is kept in the vault's copy of the transfers and noted in the audit log
 * with its request_id. Input checks fail with an {@link IllegalArgumentException} before anything
 * is sent.
 */
public final class TransferService {

    public static final String GET = "/transfer/get";
    public static final String EVENTS = "/transfer/event/list";
    public static final String CANCEL = "/transfer/cancel";
    public static final String REFUND = "/transfer/refund/create";
    public static final String REFUND_GET = "/transfer/refund/get";
    public static final String REFUND_CANCEL = "/transfer/refund/cancel";
    public static final String SWEEP_GET = "/transfer/sweep/get";
    /** Where Tartan keeps the authorizations it made, by authorization_id (a read Plaid does not offer). */
    static final String AUTHORIZATION = "/transfer/authorization/create";
    /** The events /transfer/event/list gives at most per page. */
    public static final int EVENTS_PAGE = 25;

    private final CachedCalls calls;
    private final TransferSyncService mirror;
    private final TransferAudit audit;

    public TransferService(CachedCalls calls, TransferSyncService mirror, Vault vault, Executor io) {
        this.calls = calls;
        this.mirror = mirror;
        this.audit = new TransferAudit(vault, io);
    }

    /** The body of /transfer/get for a transfer. */
    public static ObjectNode getBody(String transferId) {
        return RequestBodies.of("transfer_id", transferId);
    }

    /** The body of the timeline's /transfer/event/list: the transfer's events (its refunds' included), newest first. */
    public static ObjectNode eventsBody(String transferId) {
        ObjectNode body = RequestBodies.of("transfer_id", transferId);
        body.put("count", EVENTS_PAGE);
        return body;
    }

    /** The body of /transfer/sweep/get for a sweep. */
    public static ObjectNode sweepBody(String sweepId) {
        return RequestBodies.of("sweep_id", sweepId);
    }

    /** The decision of an authorization Tartan made, if it made it (kept when it was made). */
    public CompletableFuture<Optional<JsonNode>> knownAuthorization(Profile profile, String authorizationId) {
        return Futures.map(calls.cached(profile, AUTHORIZATION, RequestBodies.of("authorization_id", authorizationId)),
                cached -> cached.map(CachedCalls.Fetched::json));
    }

    /** A refund, read fresh (/transfer/refund/get): it names its transfer. */
    public CompletableFuture<JsonNode> refundOf(Profile profile, String refundId, Consumer<CallRecord> log) {
        requireId(refundId, "refund");
        return Futures.map(calls.fetch(profile, REFUND_GET, RequestBodies.of("refund_id", refundId), log),
                fetched -> fetched.json().path("refund"));
    }

    /** The transfer created from an authorization (/transfer/get by authorization_id). */
    public CompletableFuture<JsonNode> transferOfAuthorization(Profile profile, String authorizationId, Consumer<CallRecord> log) {
        requireId(authorizationId, "authorization");
        return Futures.map(calls.fetch(profile, GET, RequestBodies.of("authorization_id", authorizationId), log),
                fetched -> fetched.json().path("transfer"));
    }

    /** Cancels a transfer (Plaid allows it while the transfer is pending, until it is sent); completes with the transfer after. */
    public CompletableFuture<JsonNode> cancel(Profile profile, String transferId, Consumer<CallRecord> log) {
        requireId(transferId, "transfer");
        CompletableFuture<?> sent = audit.after(calls.send(profile, CANCEL, RequestBodies.of("transfer_id", transferId), log),
                "cancel transfer", response -> List.of("transfer_id=" + transferId));
        return Futures.flatMap(sent, done -> reread(profile, transferId, log));
    }

    /**
     * Refunds part (or all) of a debit. {@code leftCents} is what is left to refund (its amount less
     * the refunds not cancelled, failed or returned): a larger refund is refused here. The
     * idempotency key makes a repeated request answer with the first refund.
     */
    public CompletableFuture<JsonNode> refund(Profile profile, String transferId, long cents, long leftCents, String idempotencyKey,
                                              Consumer<CallRecord> log) {
        requireId(transferId, "transfer");
        if (cents <= 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("The refund must be more than $0.00."));
        }
        if (cents > leftCents) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("The refund of $" + TransferAmount.format(cents)
                    + " is more than the $" + TransferAmount.format(leftCents) + " left to refund on this transfer."));
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("A refund needs an idempotency key."));
        }
        ObjectNode body = RequestBodies.of("transfer_id", transferId);
        body.put("amount", TransferAmount.format(cents));
        body.put("idempotency_key", idempotencyKey);
        CompletableFuture<com.fasterxml.jackson.databind.JsonNode> refund = Futures.map(audit.after(calls.send(profile, REFUND, body, log),
                "refund transfer", response -> List.of("transfer_id=" + transferId,
                        "refund_id=" + response.json().path("refund").path("id").asText(), "amount=" + TransferAmount.format(cents))),
                response -> response.json().path("refund"));
        return Futures.flatMap(refund, made -> Futures.map(reread(profile, transferId, log), transfer -> made));
    }

    /** Cancels a refund (Plaid allows it while the refund is pending). */
    public CompletableFuture<JsonNode> cancelRefund(Profile profile, String transferId, String refundId, Consumer<CallRecord> log) {
        requireId(refundId, "refund");
        CompletableFuture<?> sent = audit.after(calls.send(profile, REFUND_CANCEL, RequestBodies.of("refund_id", refundId), log),
                "cancel refund", response -> List.of("refund_id=" + refundId, "transfer_id=" + transferId));
        return Futures.flatMap(sent, done -> reread(profile, transferId, log));
    }

    /** What is left to refund on a transfer (its JSON): its amount less the refunds not cancelled, failed or returned. */
    public static long refundableCents(JsonNode transfer) {
        long left = TransferAmount.ofPlaid(transfer.path("amount").asText(null));
        for (JsonNode refund : transfer.path("refunds")) {
            if (!TransferLifecycle.isUndone(refund.path("status").asText())) {
                left -= TransferAmount.ofPlaid(refund.path("amount").asText(null));
            }
        }
        return Math.max(0, left);
    }

    /** Reads a transfer again after a change, keeping it in the vault's copy; completes with it. */
    private CompletableFuture<JsonNode> reread(Profile profile, String transferId, Consumer<CallRecord> log) {
        return Futures.flatMap(calls.fetch(profile, GET, getBody(transferId), log), fetched -> {
            JsonNode transfer = fetched.json().path("transfer");
            return Futures.map(mirror.remember(profile, transfer), row -> transfer);
        });
    }

    /** Whether a failure is Plaid's "there is no such thing" (an id of another kind, say). */
    public static boolean isNotFound(Throwable failure) {
        return Futures.unwrap(failure) instanceof PlaidApiException api
                && ("NOT_FOUND".equals(api.error().errorCode()) || api.error().httpStatus() == 404);
    }

    static void requireId(String id, String what) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("No " + what + " is open.");
        }
    }
}
