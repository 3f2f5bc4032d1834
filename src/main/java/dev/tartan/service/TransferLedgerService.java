package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Profile;
import dev.tartan.model.TransferAmount;
import dev.tartan.store.Vault;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The money held with Plaid: the Plaid Ledger's balance (available and pending) and its events,
 * the sweeps between it and the funding account, and deposits and withdrawals, which move money
 * and are noted in the audit log with their request_id.
 */
public final class TransferLedgerService {

    public static final String LEDGER = "/transfer/ledger/get";
    public static final String LEDGER_EVENTS = "/transfer/ledger/event/list";
    public static final String DEPOSIT = "/transfer/ledger/deposit";
    public static final String WITHDRAW = "/transfer/ledger/withdraw";
    public static final String SWEEPS = "/transfer/sweep/list";
    /** Items per page of Plaid's Transfer lists. */
    public static final int PAGE = 25;
    private static final Set<String> NETWORKS = Set.of("ach", "same-day-ach");

    private final CachedCalls calls;
    private final TransferAudit audit;

    public TransferLedgerService(CachedCalls calls, Vault vault, Executor io) {
        this.calls = calls;
        this.audit = new TransferAudit(vault, io);
    }

    /** The body of a list page ({@code offset} items in). */
    public static ObjectNode page(int offset) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("count", PAGE);
        if (offset > 0) {
            body.put("offset", offset);
        }
        return body;
    }

    /** One page of sweeps, newest first (cache-through). */
    public CompletableFuture<List<JsonNode>> sweeps(Profile profile, int offset, Consumer<CallRecord> log) {
        return Futures.map(calls.fetch(profile, SWEEPS, page(offset), log), fetched -> {
            List<JsonNode> sweeps = new java.util.ArrayList<>();
            fetched.json().path("sweeps").forEach(sweeps::add);
            return sweeps;
        });
    }

    /** One sweep, read fresh (/transfer/sweep/get). */
    public CompletableFuture<JsonNode> sweep(Profile profile, String sweepId, Consumer<CallRecord> log) {
        TransferService.requireId(sweepId, "sweep");
        return Futures.map(calls.fetch(profile, TransferService.SWEEP_GET, TransferService.sweepBody(sweepId), log),
                fetched -> fetched.json().path("sweep"));
    }

    /** Moves money from the funding account into the ledger; completes with the sweep it makes. */
    public CompletableFuture<JsonNode> deposit(Profile profile, long cents, String network, String description, String idempotencyKey,
                                               Consumer<CallRecord> log) {
        return move(profile, DEPOSIT, "deposit into the ledger", cents, network, description, idempotencyKey, log);
    }

    /** Moves money out of the ledger to the funding account (at most what is available); completes with the sweep. */
    public CompletableFuture<JsonNode> withdraw(Profile profile, long cents, String network, String description, String idempotencyKey,
                                                Consumer<CallRecord> log) {
        return move(profile, WITHDRAW, "withdraw from the ledger", cents, network, description, idempotencyKey, log);
    }

    private CompletableFuture<JsonNode> move(Profile profile, String path, String action, long cents, String network,
                                             String description, String idempotencyKey, Consumer<CallRecord> log) {
        if (cents <= 0) {
            throw new IllegalArgumentException("The amount must be more than $0.00.");
        }
        if (!NETWORKS.contains(network)) {
            throw new IllegalArgumentException("The ledger moves money over ach or same-day-ach.");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("The request needs an idempotency key.");
        }
        ObjectNode body = RequestBodies.of("amount", TransferAmount.format(cents));
        body.put("network", network);
        body.put("idempotency_key", idempotencyKey);
        RequestBodies.putIfGiven(body, "description", description);
        return Futures.map(audit.after(calls.send(profile, path, body, log), action, response -> List.of(
                "sweep_id=" + response.json().path("sweep").path("id").asText(), "amount=" + TransferAmount.format(cents),
                "network=" + network)), response -> response.json().path("sweep"));
    }
}
