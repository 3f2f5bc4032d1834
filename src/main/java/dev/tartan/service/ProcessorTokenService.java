package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.ProcessorData;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.store.Vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Processor tokens in the token book: the ones kept for a profile, adding a pasted one, removing
 * one, and making new ones from an Item's account (or, in the Sandbox, from nothing). The token
 * book's changes are audited here; the calls' own audit entries come from the gateway.
 */
public final class ProcessorTokenService {

    static final String TOKEN_CREATE = "/processor/token/create";
    static final String SANDBOX_TOKEN_CREATE = "/sandbox/processor_token/create";

    private static final Consumer<CallRecord> UNLOGGED = call -> { };

    private final CachedCalls calls;
    private final CatalogService catalog;
    private final Vault vault;
    private final Executor io;

    public ProcessorTokenService(CachedCalls calls, CatalogService catalog, Vault vault, Executor io) {
        this.calls = calls;
        this.catalog = catalog;
        this.vault = vault;
        this.io = io;
    }

    // --- the token book ---------------------------------------------------------------------------

    /** The processor tokens kept for {@code profile}, newest first. */
    public CompletableFuture<List<TokenEntry>> tokens(Profile profile) {
        return CompletableFuture.supplyAsync(() -> vault.tokens().list(profile.name()).stream()
                .filter(entry -> entry.kind() == TokenKind.PROCESSOR).toList(), io);
    }

    /**
     * Keeps a pasted processor token for {@code profile}, or returns the entry already kept. Refuses
     * (with a message, as an {@link IllegalArgumentException}) anything that is not a processor token
     * of the profile's environment, and a token another profile keeps.
     */
    public CompletableFuture<TokenEntry> addToken(Profile profile, String pasted, String label) {
        String token;
        try {
            token = checkProcessorToken(profile, pasted);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.supplyAsync(() -> {
            Optional<TokenEntry> known = vault.tokens().byToken(token);
            if (known.isPresent()) {
                TokenEntry entry = known.get();
                if (entry.profile() != null && !entry.profile().equals(profile.name())) {
                    throw new IllegalArgumentException("Profile '" + entry.profile() + "' already keeps this processor token: "
                            + "switch to that profile to open it.");
                }
                return entry;
            }
            TokenEntry saved = vault.tokens().save(TokenEntry.of(TokenKind.PROCESSOR, token, profile.name(), null)
                    .withLabel(RequestBodies.blankToNull(label)));
            vault.audit().append("token book add", List.of("processor_token=" + token), "ok", null);
            return saved;
        }, io);
    }

    /**
     * Fills in the entry's account_id and institution from an account reply when the book does not
     * have them yet; returns the entry as kept.
     */
    public CompletableFuture<TokenEntry> noteAccount(TokenEntry entry, JsonNode accountReply) {
        String accountId = accountReply.path("account").path("account_id").asText(null);
        String institution = accountReply.path("institution_id").asText(null);
        boolean learnsAccount = entry.ownerId() == null && accountId != null;
        boolean learnsInstitution = entry.institution() == null && institution != null;
        if (!learnsAccount && !learnsInstitution) {
            return CompletableFuture.completedFuture(entry);
        }
        TokenEntry updated = new TokenEntry(entry.id(), entry.kind(), entry.value(), entry.label(), entry.profile(),
                entry.environment(), learnsAccount ? accountId : entry.ownerId(),
                learnsInstitution ? institution : entry.institution(), entry.createdAt(), entry.lastUsedAt(), entry.notes());
        return CompletableFuture.supplyAsync(() -> vault.tokens().save(updated), io);
    }

    /**
     * The token, trimmed, when {@code pasted} is a processor token usable with {@code profile}.
     *
     * @throws IllegalArgumentException saying what is wrong (never repeating the pasted text)
     */
    public static String checkProcessorToken(Profile profile, String pasted) {
        if (pasted == null || pasted.isBlank()) {
            throw new IllegalArgumentException("Paste a processor token: it looks like processor-sandbox-\u2026");
        }
        String token = pasted.strip();
        TokenKind kind = TokenKind.of(token);
        if (kind == null) {
            throw new IllegalArgumentException("Not a processor token. Processor tokens look like "
                    + "processor-<environment>-<identifier>, such as processor-sandbox-5f0c\u2026");
        }
        if (kind != TokenKind.PROCESSOR) {
            throw new IllegalArgumentException("That is " + withArticle(kind.displayName().toLowerCase(Locale.ROOT))
                    + ", not a processor token. Processor tokens start with processor-sandbox- or processor-production-."
                    + (kind == TokenKind.ACCESS ? " To make one from an access token, use New \u2192 From an Item." : ""));
        }
        String environment = TokenKind.environmentOf(token);
        String expected = switch (profile.environment().kind()) {
            case SANDBOX, EMULATOR -> "sandbox";
            case PRODUCTION -> "production";
            case CUSTOM -> null;
        };
        if (expected != null && !expected.equals(environment)) {
            throw new IllegalArgumentException("This is a " + environment + " processor token, but profile '" + profile.name()
                    + "' works with " + profile.environment().displayName() + ": switch to a "
                    + (environment.equals("production") ? "Production" : "Sandbox") + " profile to use it.");
        }
        return token;
    }

    // --- making processor tokens ------------------------------------------------------------------

    /** The processors /processor/token/create accepts, from its request schema, in alphabetical order. */
    public CompletableFuture<List<String>> processors() {
        return Futures.map(catalog.enumOf(TOKEN_CREATE, "processor"), values -> values.stream().sorted().toList());
    }

    /** The accounts of an Item, to pick the one a processor token is for. */
    public CompletableFuture<JsonNode> accountsOf(Profile profile, String accessToken) {
        ObjectNode body = RequestBodies.of("access_token", accessToken);
        return Futures.map(calls.fetch(profile, "/accounts/get", body, UNLOGGED), fetched -> fetched.json().path("accounts"));
    }

    /**
     * Creates a processor token for one account of an Item and keeps it in the token book (kind
     * PROCESSOR, owner the account_id, labelled "processor · Item", with the Item's institution when
     * the book knows it), with an audit entry.
     */
    public CompletableFuture<TokenEntry> createProcessorToken(Profile profile, String accessToken, String accountId, String processor) {
        return createProcessorToken(profile, accessToken, accountId, processor, null, UNLOGGED);
    }

    /**
     * As {@link #createProcessorToken(Profile, String, String, String)}, with a label of the caller's
     * (null: the default), reporting the call to {@code log}.
     */
    public CompletableFuture<TokenEntry> createProcessorToken(Profile profile, String accessToken, String accountId,
                                                              String processor, String label, Consumer<CallRecord> log) {
        if (RequestBodies.isBlank(accessToken) || RequestBodies.isBlank(accountId) || RequestBodies.isBlank(processor)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "A processor token needs an access token, one of its accounts and a processor"));
        }
        ObjectNode body = RequestBodies.of("access_token", accessToken.strip());
        body.put("account_id", accountId.strip());
        body.put("processor", processor.strip());
        return Futures.flatMap(calls.send(profile, TOKEN_CREATE, body, log), response -> CompletableFuture.supplyAsync(() -> {
            Optional<TokenEntry> item = vault.tokens().byToken(accessToken);
            String itemName = item.map(e -> e.label() != null ? e.label() : e.ownerId()).orElse(null);
            String name = !RequestBodies.isBlank(label) ? label.strip() : processor + (itemName == null ? "" : " \u00b7 " + itemName);
            TokenEntry entry = TokenEntry.of(TokenKind.PROCESSOR, response.json().path("processor_token").asText(), profile.name(), accountId)
                    .withLabel(name)
                    .withInstitution(item.map(TokenEntry::institution).orElse(null));
            TokenEntry saved = vault.tokens().save(entry);
            List<String> targets = new ArrayList<>(List.of("account_id=" + accountId, "processor=" + processor));
            item.map(TokenEntry::ownerId).ifPresent(itemId -> targets.add("item_id=" + itemId));
            vault.audit().append("create processor token", targets, "ok", response.requestId());
            return saved;
        }, io));
    }

    /**
     * Sandbox only: makes a new Item at {@code institutionId} and a processor token for its first
     * checking or savings account, keeps it, and reads its account (which fills in the account_id
     * and institution, and leaves the account in the cache for the pane).
     */
    public CompletableFuture<TokenEntry> createSandboxProcessorToken(Profile profile, String institutionId, String label) {
        if (RequestBodies.isBlank(institutionId)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Give the institution, such as ins_109508"));
        }
        ObjectNode body = RequestBodies.of("institution_id", institutionId.strip());
        CompletableFuture<TokenEntry> kept = Futures.flatMap(calls.send(profile, SANDBOX_TOKEN_CREATE, body, UNLOGGED),
                response -> CompletableFuture.supplyAsync(() -> {
                    String token = response.json().path("processor_token").asText();
                    TokenEntry saved = vault.tokens().save(TokenEntry.of(TokenKind.PROCESSOR, token, profile.name(), null)
                            .withLabel(RequestBodies.isBlank(label) ? "Sandbox \u00b7 " + institutionId.strip() : label.strip())
                            .withInstitution(institutionId.strip()));
                    vault.audit().append("create sandbox processor token", List.of("institution_id=" + institutionId.strip()),
                            "ok", response.requestId());
                    return saved;
                }, io));
        return Futures.flatMap(kept, entry -> Futures.flatMap(
                calls.fetch(profile, ProcessorData.ACCOUNT.path(), ProcessorData.ACCOUNT.body(entry.value()), UNLOGGED),
                account -> noteAccount(entry, account.json())));
    }

    private static String withArticle(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
