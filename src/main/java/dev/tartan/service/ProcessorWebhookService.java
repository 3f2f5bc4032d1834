package dev.tartan.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.KnownWebhook;
import dev.tartan.model.Profile;
import dev.tartan.model.WebhookUrl;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A processor token's webhook: setting it, and the URL Tartan last set (Plaid offers no call that
 * reads it back, so Tartan remembers what it set).
 */
public final class ProcessorWebhookService {

    static final String WEBHOOK_UPDATE = "/processor/token/webhook/update";

    private final CachedCalls calls;

    public ProcessorWebhookService(CachedCalls calls) {
        this.calls = calls;
    }

    /** The webhook Tartan last set for this token, if it set one. */
    public CompletableFuture<Optional<KnownWebhook>> knownWebhook(Profile profile, String processorToken) {
        return Futures.map(calls.cached(profile, WEBHOOK_UPDATE, RequestBodies.of("processor_token", processorToken)),
                cached -> cached.map(f -> new KnownWebhook(f.json().path("webhook").asText(null), f.fetchedAt(), f.requestId())));
    }

    /**
     * Points the token's webhooks at {@code url} (blank: no webhook); Plaid confirms with a
     * WEBHOOK_UPDATE_ACKNOWLEDGED webhook to the new URL. Tartan remembers the URL it set.
     */
    public CompletableFuture<KnownWebhook> updateWebhook(Profile profile, String processorToken, String url, Consumer<CallRecord> log) {
        String checked;
        try {
            checked = WebhookUrl.check(url);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        ObjectNode body = RequestBodies.of("processor_token", processorToken);
        if (checked == null) {
            body.putNull("webhook");
        } else {
            body.put("webhook", checked);
        }
        return Futures.flatMap(calls.send(profile, WEBHOOK_UPDATE, body, log), response -> {
            ObjectNode remembered = PlaidJson.mapper().createObjectNode();
            remembered.put("webhook", checked);
            return Futures.map(calls.remember(profile, WEBHOOK_UPDATE, RequestBodies.of("processor_token", processorToken), remembered,
                    response.requestId()), f -> new KnownWebhook(checked, f.fetchedAt(), response.requestId()));
        });
    }
}
