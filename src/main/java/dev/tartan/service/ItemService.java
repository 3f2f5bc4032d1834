package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.PlaidError;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.store.Vault;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Items: the ones the token book knows, creating sandbox ones, and what support staff do to them
 * (webhooks, login reset, token rotation, removal, update mode). Calls that change something go
 * through {@link CachedCalls#act}, so each is in the request history and the audit log; the token
 * book's own changes are audited here.
 */
public final class ItemService {

    /**
     * What a new sandbox Item is made of.
     *
     * @param institutionId the institution, e.g. ins_109508
     * @param products      initial products (at least one)
     * @param username      the sandbox test user (user_good, user_custom, ...), or null for the default
     * @param password      its password (pass_good, a user_custom JSON, error_ITEM_LOCKED, ...), or null
     * @param webhook       where Plaid sends the Item's webhooks, or null
     * @param label         a name for the token book, or null
     */
    public record SandboxItemSpec(String institutionId, List<String> products, String username, String password,
                                  String webhook, String label) {
    }

    private final PlaidCalls plaid;
    private final CachedCalls calls;
    private final Vault vault;
    private final Executor io;

    public ItemService(PlaidCalls plaid, CachedCalls calls, Vault vault, Executor io) {
        this.plaid = plaid;
        this.calls = calls;
        this.vault = vault;
        this.io = io;
    }

    /** The Items (access tokens) the token book keeps for a profile, newest first. */
    public CompletableFuture<List<TokenEntry>> items(String profile) {
        return CompletableFuture.supplyAsync(() -> vault.tokens().list(profile).stream()
                .filter(entry -> entry.kind() == TokenKind.ACCESS)
                .toList(), io);
    }

    /**
     * Creates a sandbox Item, exchanges its public token, and keeps the access token in the token
     * book with its item_id and institution.
     */
    public CompletableFuture<TokenEntry> createSandboxItem(Profile profile, SandboxItemSpec spec) {
        ObjectNode create = PlaidJson.mapper().createObjectNode();
        create.put("institution_id", spec.institutionId());
        ArrayNode products = create.putArray("initial_products");
        spec.products().forEach(products::add);
        ObjectNode options = PlaidJson.mapper().createObjectNode();
        if (spec.username() != null && !spec.username().isBlank()) {
            options.put("override_username", spec.username());
        }
        if (spec.password() != null && !spec.password().isBlank()) {
            options.put("override_password", spec.password());
        }
        if (spec.webhook() != null && !spec.webhook().isBlank()) {
            options.put("webhook", spec.webhook());
        }
        if (!options.isEmpty()) {
            create.set("options", options);
        }
        CompletableFuture<JsonNode> exchanged = Futures.flatMap(plaid.post(profile, "/sandbox/public_token/create", create), created -> {
            ObjectNode exchange = PlaidJson.mapper().createObjectNode();
            exchange.put("public_token", created.json().path("public_token").asText());
            return Futures.map(plaid.post(profile, "/item/public_token/exchange", exchange), r -> r.json());
        });
        return Futures.flatMap(exchanged, reply -> keep(profile,
                TokenEntry.of(TokenKind.ACCESS, reply.path("access_token").asText(), profile.name(), reply.path("item_id").asText(null))
                        .withLabel(spec.label())
                        .withInstitution(spec.institutionId()),
                "create sandbox item", reply.path("request_id").asText(null)));
    }

    /**
     * Adds an Item someone pasted the access token of: /item/get tells its item_id and institution.
     * An Item the book already keeps keeps its label and notes (unless a new label is given). Text
     * that is not an access token fails (an {@link IllegalArgumentException}) without a call.
     */
    public CompletableFuture<TokenEntry> addByToken(Profile profile, String accessToken, String label, Consumer<CallRecord> log) {
        String token = accessToken == null ? "" : accessToken.strip();
        if (TokenKind.of(token) != TokenKind.ACCESS) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "That is not an access token: they look like access-sandbox-\u2026 or access-production-\u2026"));
        }
        return Futures.flatMap(calls.fetch(profile, "/item/get", withToken(token), log), fetched -> {
            JsonNode item = fetched.json().path("item");
            TokenEntry seen = TokenEntry.of(TokenKind.ACCESS, token, profile.name(), item.path("item_id").asText(null))
                    .withLabel(label == null || label.isBlank() ? null : label.strip())
                    .withInstitution(item.path("institution_id").asText(null));
            return CompletableFuture.supplyAsync(() -> vault.tokens().byToken(token), io).thenCompose(known -> keep(profile,
                    known.map(kept -> seen.withLabel(seen.label() != null ? seen.label() : kept.label()).withNotes(kept.notes()))
                            .orElse(seen), "add item", fetched.requestId()));
        });
    }

    /** Real-time balances (/accounts/balance/get): slower, and rate-limited per Item. */
    public CompletableFuture<JsonNode> realTimeBalance(Profile profile, TokenEntry item, Consumer<CallRecord> log) {
        return Futures.map(calls.send(profile, "/accounts/balance/get", withToken(item.value()), log), r -> r.json());
    }

    /** Asks Plaid to fetch new transactions now (/transactions/refresh); a sync afterwards picks them up. */
    public CompletableFuture<JsonNode> refreshTransactions(Profile profile, TokenEntry item, Consumer<CallRecord> log) {
        return Futures.map(calls.send(profile, "/transactions/refresh", withToken(item.value()), log), r -> r.json());
    }

    /** Sandbox: makes Plaid send the Item a webhook with this code. */
    public CompletableFuture<JsonNode> fireWebhook(Profile profile, TokenEntry item, String code, Consumer<CallRecord> log) {
        ObjectNode body = withToken(item.value());
        body.put("webhook_code", code);
        return Futures.map(calls.send(profile, "/sandbox/item/fire_webhook", body, log), r -> r.json());
    }

    /** Sandbox: puts the Item into ITEM_LOGIN_REQUIRED, as if the user's bank password changed. */
    public CompletableFuture<JsonNode> resetLogin(Profile profile, TokenEntry item, Consumer<CallRecord> log) {
        return Futures.map(calls.send(profile, "/sandbox/item/reset_login", withToken(item.value()), log), r -> r.json());
    }

    /** Points the Item's webhooks at another URL. */
    public CompletableFuture<JsonNode> updateWebhook(Profile profile, TokenEntry item, String url, Consumer<CallRecord> log) {
        ObjectNode body = withToken(item.value());
        body.put("webhook", url);
        return Futures.map(calls.send(profile, "/item/webhook/update", body, log), r -> r.json());
    }

    /**
     * Rotates the access token (/item/access_token/invalidate): the old one stops working at once,
     * so the token book swaps it for the new one, keeping its label and notes. The rotation is
     * written to the audit log as pending before Plaid is asked: a vault that cannot take a write
     * then would lose the new token after, so nothing is sent. The swap and its confirmation follow.
     */
    public CompletableFuture<TokenEntry> rotateAccessToken(Profile profile, TokenEntry item, Consumer<CallRecord> log) {
        List<String> targets = List.of("item_id=" + item.ownerId(), "old=" + item.maskedValue());
        CompletableFuture<Void> pending = CompletableFuture.runAsync(
                () -> vault.audit().append("rotate access token", targets, "pending", null), io);
        return Futures.flatMap(Futures.flatMap(pending, written -> calls.send(profile, "/item/access_token/invalidate",
                withToken(item.value()), log)), response -> CompletableFuture.supplyAsync(() -> {
                    String fresh = response.json().path("new_access_token").asText();
                    TokenEntry replacement = TokenEntry.of(TokenKind.ACCESS, fresh, item.profile(), item.ownerId())
                            .withLabel(item.label())
                            .withInstitution(item.institution())
                            .withNotes(item.notes());
                    TokenEntry saved = vault.tokens().replace(item.value(), replacement);
                    vault.audit().append("rotate access token", List.of(targets.get(0), targets.get(1), "new=" + saved.maskedValue()),
                            "ok", response.requestId());
                    return saved;
                }, io));
    }

    /** Removes the Item at Plaid (/item/remove) and from the token book. Cannot be undone. */
    public CompletableFuture<Void> remove(Profile profile, TokenEntry item, Consumer<CallRecord> log) {
        return Futures.flatMap(calls.send(profile, "/item/remove", withToken(item.value()), log),
                response -> CompletableFuture.runAsync(() -> {
                    vault.tokens().remove(item.value());
                    vault.audit().append("remove item from token book", List.of("item_id=" + item.ownerId(), item.maskedValue()),
                            "ok", response.requestId());
                }, io));
    }

    /**
     * A Link token in update mode for this Item: what fixes ITEM_LOGIN_REQUIRED and friends. The
     * user opens Link with it and logs in again; the Item keeps its item_id and history.
     */
    public CompletableFuture<TokenEntry> createUpdateModeLinkToken(Profile profile, TokenEntry item, Consumer<CallRecord> log) {
        ObjectNode body = updateModeLinkTokenBody(item.value(), item.ownerId());
        return Futures.flatMap(calls.send(profile, "/link/token/create", body, log), response -> keep(profile,
                TokenEntry.of(TokenKind.LINK, response.json().path("link_token").asText(), profile.name(), item.ownerId())
                        .withLabel("Update mode for " + (item.label() == null ? item.ownerId() : item.label()))
                        .withInstitution(item.institution()),
                "create update-mode link token", response.requestId()));
    }

    /**
     * The /link/token/create body for update mode: the Item's access token and no products (a
     * Link token for an existing Item must not name any).
     *
     * @param itemId the Item's id when known, to tell its users apart; may be null
     */
    public static ObjectNode updateModeLinkTokenBody(String accessToken, String itemId) {
        ObjectNode body = withToken(accessToken);
        body.put("client_name", "Tartan");
        body.put("language", "en");
        body.putArray("country_codes").add("US");
        body.putObject("user").put("client_user_id", itemId == null ? "tartan-user" : "tartan-" + itemId);
        return body;
    }

    /** The error an Item carries in an /item/get reply, or null when it is healthy. */
    public static PlaidError itemError(JsonNode itemReply) {
        JsonNode error = itemReply.path("item").path("error");
        if (error.isMissingNode() || error.isNull() || !error.hasNonNull("error_code")) {
            return null;
        }
        List<JsonNode> causes = new ArrayList<>();
        error.path("causes").forEach(causes::add);
        return new PlaidError(error.path("error_type").asText(null), error.path("error_code").asText(null),
                error.path("error_code_reason").asText(null), error.path("error_message").asText(null),
                error.path("display_message").asText(null), error.path("request_id").asText(null),
                error.path("status").asInt(400), null, error.path("documentation_url").asText(null),
                error.path("suggested_action").asText(null), causes);
    }

    private CompletableFuture<TokenEntry> keep(Profile profile, TokenEntry entry, String action, String requestId) {
        return CompletableFuture.supplyAsync(() -> {
            TokenEntry saved = vault.tokens().save(entry);
            vault.audit().append(action, List.of("item_id=" + entry.ownerId(), entry.maskedValue(), "profile=" + profile.name()),
                    "ok", requestId);
            return saved;
        }, io);
    }

    private static ObjectNode withToken(String accessToken) {
        ObjectNode body = PlaidJson.mapper().createObjectNode();
        body.put("access_token", accessToken);
        return body;
    }
}
