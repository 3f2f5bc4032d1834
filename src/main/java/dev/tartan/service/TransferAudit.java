package dev.tartan.service;

import dev.tartan.concurrent.Futures;
import dev.tartan.model.PlaidResponse;
import dev.tartan.store.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The audit log's account of what moved money or cancelled something in Transfer, with its
 * request_id: beside the gateway's entry of the call ("call /transfer/create"), one that says what
 * came of it (the transfer made, its amount), which the request alone does not tell.
 */
final class TransferAudit {

    private static final Logger LOG = LoggerFactory.getLogger(TransferAudit.class);

    private final Vault vault;
    private final Executor io;

    TransferAudit(Vault vault, Executor io) {
        this.vault = vault;
        this.io = io;
    }

    /** Appends the entry once {@code call} has succeeded; the call's result is unchanged (the entry written before it completes). */
    CompletableFuture<PlaidResponse> after(CompletableFuture<PlaidResponse> call, String action,
                                           java.util.function.Function<PlaidResponse, List<String>> targets) {
        return Futures.flatMap(call, response -> CompletableFuture.supplyAsync(() -> {
            try {
                vault.audit().append(action, targets.apply(response), "ok (HTTP " + response.httpStatus() + ")", response.requestId());
            } catch (RuntimeException e) {
                // The money has moved: losing the extra line must not hide that from the user. The gateway's entry stands.
                LOG.warn("Could not note '{}' in the audit log: {}", action, e.getMessage());
            }
            return response;
        }, io));
    }
}
