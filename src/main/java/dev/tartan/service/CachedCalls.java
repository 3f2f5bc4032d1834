package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.api.PlaidRequest;
import dev.tartan.api.Redactor;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CachedResult;
import dev.tartan.model.CallRecord;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.store.Vault;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The product panes' calls: reads are cache-through (what the vault remembers of a call is shown
 * at once, then {@link #fetch} makes the call and its reply replaces it and is remembered); calls
 * that change something are {@link #send sent} and never cached. Every call made is also handed to
 * a listener, for the pane's "Raw JSON" tab.
 */
public final class CachedCalls {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CachedCalls.class);
    /** How long {@link #fetchKeepingLater} waits before keeping a reply. */
    private static final long KEEP_LATER_MILLIS = 1_500;

    /** A reply, from Plaid now or from the vault's cache. */
    public record Fetched(JsonNode json, Instant fetchedAt, String requestId, boolean fromCache) {
    }

    /** Writes maps with their keys sorted, at every level: two equal requests give one text. */
    private static final com.fasterxml.jackson.databind.ObjectWriter CANONICAL = PlaidJson.mapper().copy()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .writer();

    private final PlaidCalls plaid;
    private final Vault vault;
    private final Executor io;
    private final Clock clock;

    public CachedCalls(PlaidCalls plaid, Vault vault, Executor io, Clock clock) {
        this.plaid = plaid;
        this.vault = vault;
        this.io = io;
        this.clock = clock;
    }

    /** What the vault remembers of this call for this profile, if anything. */
    public CompletableFuture<Optional<Fetched>> cached(Profile profile, String path, ObjectNode body) {
        return CompletableFuture.supplyAsync(() -> vault.cache().get(profile.name(), path, canonical(body)).map(CachedCalls::fetched), io);
    }

    /**
     * Makes the call, remembers a successful reply in the cache, and reports the call (success or
     * failure) to {@code log}. Cancelling the result cancels the HTTP call.
     */
    public CompletableFuture<Fetched> fetch(Profile profile, String path, ObjectNode body, Consumer<CallRecord> log) {
        Instant started = clock.instant();
        CompletableFuture<PlaidResponse> call = plaid.call(profile, PlaidRequest.post(path, body));
        call.whenComplete((response, failure) -> log.accept(CallRecords.of(path, started, response, failure, clock)));
        return Futures.flatMap(call, response -> CompletableFuture.supplyAsync(() -> {
            // Kept as the history keeps replies: account numbers and secrets masked (the pane has the whole reply now).
            CachedResult stored = vault.cache().put(profile.name(), path, canonical(body),
                    Redactor.shared().redact(response.json()).toString(), response.requestId());
            return new Fetched(response.json(), stored.fetchedAt(), response.requestId(), false);
        }, io));
    }

    /**
     * A read made fresh each time and not remembered (a page of a long list, which the next look
     * pages through again), reported to {@code log} like any other.
     */
    public CompletableFuture<PlaidResponse> readUncached(Profile profile, String path, ObjectNode body, Consumer<CallRecord> log) {
        return send(profile, path, body, log);
    }

    /**
     * As {@link #fetch}, but the reply is handed over as soon as it is read and kept in the cache
     * afterwards, in the background: for replies so large (a two-year asset report is megabytes) that
     * redacting and keeping them would hold the screen up longer than showing them. A reply that
     * could not be kept is only logged: the next opening fetches it again.
     */
    public CompletableFuture<Fetched> fetchKeepingLater(Profile profile, String path, ObjectNode body, Consumer<CallRecord> log) {
        return Futures.map(send(profile, path, body, log), response -> {
            Instant read = clock.instant();
            // A moment later: on a machine of few cores, redacting and encrypting megabytes would
            // otherwise take the CPU the screen needs to show them.
            CompletableFuture.runAsync(() -> vault.cache().put(profile.name(), path, canonical(body),
                    Redactor.shared().redact(response.json()).toString(), response.requestId()),
                    CompletableFuture.delayedExecutor(KEEP_LATER_MILLIS, TimeUnit.MILLISECONDS, io)).whenComplete((kept, error) -> {
                        if (error != null) {
                            LOG.warn("Could not keep the reply of {} in the cache: {}", path, Futures.unwrap(error).getMessage());
                        }
                    });
            return new Fetched(response.json(), read, response.requestId(), false);
        });
    }

    /** Sends a call that changes something (never cached), reported to {@code log} like any other. */
    public CompletableFuture<PlaidResponse> send(Profile profile, String path, ObjectNode body, Consumer<CallRecord> log) {
        Instant started = clock.instant();
        CompletableFuture<PlaidResponse> call = plaid.call(profile, PlaidRequest.post(path, body));
        call.whenComplete((response, failure) -> log.accept(CallRecords.of(path, started, response, failure, clock)));
        return call;
    }

    /**
     * Keeps {@code value} in the cache as the reply to a read of {@code path} with {@code body}: what
     * Tartan itself last set, where Plaid offers no call to read it back (a processor token's webhook).
     */
    public CompletableFuture<Fetched> remember(Profile profile, String path, ObjectNode body, JsonNode value, String requestId) {
        return CompletableFuture.supplyAsync(() -> {
            CachedResult stored = vault.cache().put(profile.name(), path, canonical(body), Redactor.shared().redact(value).toString(),
                    requestId);
            return new Fetched(value, stored.fetchedAt(), requestId, true);
        }, io);
    }

    /** The request as the cache keys it: sorted fields, no credentials. */
    private static String canonical(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove("client_id");
        copy.remove("secret");
        try {
            return CANONICAL.writeValueAsString(PlaidJson.mapper().convertValue(copy, java.util.Map.class));
        } catch (IOException e) {
            return copy.toString();
        }
    }

    private static Fetched fetched(CachedResult cached) {
        try {
            return new Fetched(PlaidJson.mapper().readTree(cached.replyJson()), cached.fetchedAt(), cached.requestId(), true);
        } catch (IOException e) {
            throw new IllegalStateException("A cached reply is not JSON", e);
        }
    }
}
