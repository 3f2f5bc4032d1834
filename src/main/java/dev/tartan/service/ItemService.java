package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.model.Futures;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.store.Vault;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Items: creating sandbox ones, and keeping their access tokens in the token book. */
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

    private final PlaidGateway gateway;
    private final Vault vault;
    private final Executor io;

    public ItemService(PlaidGateway gateway, Vault vault, Executor io) {
        this.gateway = gateway;
        this.vault = vault;
        this.io = io;
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
        CompletableFuture<JsonNode> exchanged = Futures.flatMap(gateway.post(profile, "/sandbox/public_token/create", create), created -> {
            ObjectNode exchange = PlaidJson.mapper().createObjectNode();
            exchange.put("public_token", created.json().path("public_token").asText());
            return Futures.map(gateway.post(profile, "/item/public_token/exchange", exchange), r -> r.json());
        });
        return Futures.flatMap(exchanged, reply -> CompletableFuture.supplyAsync(() -> {
            String accessToken = reply.path("access_token").asText();
            String itemId = reply.path("item_id").asText(null);
            TokenEntry entry = TokenEntry.of(TokenKind.ACCESS, accessToken, profile.name(), itemId)
                    .withLabel(spec.label())
                    .withInstitution(spec.institutionId());
            TokenEntry saved = vault.tokens().save(entry);
            vault.audit().append("create sandbox item", List.of("item_id=" + itemId, "institution_id=" + spec.institutionId()),
                    "ok", reply.path("request_id").asText(null));
            return saved;
        }, io));
    }

    /** The first institutions the profile's environment lists (for pickers and first-run data). */
    public CompletableFuture<JsonNode> institutions(Profile profile, int count) {
        ObjectNode body = PlaidJson.mapper().createObjectNode();
        body.put("count", count);
        body.put("offset", 0);
        body.putArray("country_codes").add("US");
        return Futures.map(gateway.post(profile, "/institutions/get", body), r -> r.json().path("institutions"));
    }
}
