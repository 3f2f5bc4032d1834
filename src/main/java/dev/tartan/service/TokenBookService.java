package dev.tartan.service;

import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.store.Vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The tokens Tartan has kept: for pickers, the omnibox and the product panes. */
public final class TokenBookService {

    private final Vault vault;
    private final Executor io;

    public TokenBookService(Vault vault, Executor io) {
        this.vault = vault;
        this.io = io;
    }

    /** Tokens kept for a profile (all profiles when null), optionally of one kind, newest first. */
    public CompletableFuture<List<TokenEntry>> list(String profile, TokenKind kind) {
        return CompletableFuture.supplyAsync(() -> vault.tokens().list(profile).stream()
                .filter(entry -> kind == null || entry.kind() == kind)
                .toList(), io);
    }

    /** Entries whose token, or whose owning id (item_id, asset_report_id, ...), is {@code tokenOrId}. */
    public CompletableFuture<List<TokenEntry>> find(String tokenOrId) {
        return CompletableFuture.supplyAsync(() -> vault.tokens().find(tokenOrId), io);
    }

    /**
     * Forgets a token (Plaid is not told: it keeps working for whoever else holds it), with an
     * audit entry; true if the book had it.
     */
    public CompletableFuture<Boolean> remove(TokenEntry entry) {
        return CompletableFuture.supplyAsync(() -> {
            boolean removed = vault.tokens().remove(entry.value());
            if (removed) {
                String field = entry.kind().displayName().toLowerCase(Locale.ROOT).replace(' ', '_'); // processor_token
                List<String> targets = new ArrayList<>(List.of(field + "=" + entry.value()));
                if (entry.ownerId() != null) {
                    targets.add("owner=" + entry.ownerId());
                }
                vault.audit().append("token book remove", targets, "ok", null);
            }
            return removed;
        }, io);
    }

    public CompletableFuture<TokenEntry> save(TokenEntry entry) {
        return CompletableFuture.supplyAsync(() -> vault.tokens().save(entry), io);
    }
}
