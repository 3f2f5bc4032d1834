package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidApiException;
import dev.tartan.api.PlaidClient;
import dev.tartan.api.PlaidJson;
import dev.tartan.api.PlaidRequest;
import dev.tartan.api.Redactor;
import dev.tartan.api.catalog.OperationRules;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.HistoryEntry;
import dev.tartan.model.Masking;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.PlaidError;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenFingerprints;
import dev.tartan.model.TokenKind;
import dev.tartan.store.Vault;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every Plaid call Tartan makes goes through here: it picks the client for the profile (starting
 * the built-in emulator when the profile needs it), and after each call it writes the request
 * history (redacted) and, for anything that changes state, the audit log.
 */
public final class PlaidGateway implements PlaidCalls {

    private static final Logger LOG = LoggerFactory.getLogger(PlaidGateway.class);

    private final Supplier<OkHttpClient> http;
    private final Vault vault;
    private final Executor io;
    private final Supplier<CompletableFuture<Endpoint>> emulator;
    private final Clock clock;
    private final Map<Profile, PlaidClient> clients = new ConcurrentHashMap<>();
    private volatile Consumer<Throwable> failureListener = error -> { };

    /**
     * @param http        the application's shared OkHttp client (asked for on the first call)
     * @param vault       where history and audit entries go
     * @param io          where blocking vault writes run
     * @param emulator    starts the built-in emulator if needed and tells where it listens
     */
    public PlaidGateway(Supplier<OkHttpClient> http, Vault vault, Executor io, Supplier<CompletableFuture<Endpoint>> emulator, Clock clock) {
        this.http = http;
        this.vault = vault;
        this.io = io;
        this.emulator = emulator;
        this.clock = clock;
    }

    /**
     * Hears of every call that failed, wherever in Tartan it was made (not of one that was
     * cancelled), on a background thread, after it is in the history.
     */
    public void onFailure(Consumer<Throwable> listener) {
        this.failureListener = listener;
    }

    @Override
    public CompletableFuture<PlaidResponse> call(Profile profile, PlaidRequest request) {
        return exchange(profile, request, client -> client.send(request));
    }

    /**
     * Sends {@code request} for {@code profile}; a file reply (a PDF, a zip) streams into {@code file}
     * rather than memory (see {@link PlaidClient#download}). Cancelling the result cancels the HTTP call.
     */
    @Override
    public CompletableFuture<PlaidResponse> download(Profile profile, PlaidRequest request, Path file) {
        return exchange(profile, request, client -> client.download(request, file));
    }

    private CompletableFuture<PlaidResponse> exchange(Profile profile, PlaidRequest request,
                                                      Function<PlaidClient, CompletableFuture<PlaidResponse>> send) {
        Instant started = clock.instant();
        CompletableFuture<PlaidResponse> call = Futures.flatMap(clientFor(profile), send);
        // The recording is handed to the executor before the caller hears of the reply.
        return Futures.tap(call, (response, error) -> io.execute(() -> record(profile, request, started, response, error)));
    }

    /**
     * Where calls for {@code profile} go, with which credentials. The built-in emulator's profile
     * always uses the running emulator's own: they stay right even if its state was reset.
     */
    @Override
    public CompletableFuture<Endpoint> endpointOf(Profile profile) {
        PlaidEnvironment environment = profile.environment();
        return environment.kind() == PlaidEnvironment.Kind.EMULATOR
                ? emulator.get()
                : CompletableFuture.completedFuture(new Endpoint(environment.baseUrl(), profile.credentials()));
    }

    private CompletableFuture<PlaidClient> clientFor(Profile profile) {
        PlaidClient known = clients.get(profile);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return Futures.map(endpointOf(profile), endpoint -> clients.computeIfAbsent(profile, p -> PlaidClient.builder()
                .httpClient(http.get())
                .baseUrl(endpoint.baseUrl())
                .allowPlainHttp(profile.environment().plainHttpAllowed())
                .credentials(endpoint.credentials())
                .build()));
    }

    private void record(Profile profile, PlaidRequest request, Instant started, PlaidResponse response, Throwable failure) {
        Throwable error = failure == null ? null : Futures.unwrap(failure);
        int status = response != null ? response.httpStatus()
                : error instanceof PlaidApiException api ? api.error().httpStatus() : 0;
        String requestId = response != null ? response.requestId()
                : error instanceof PlaidApiException api ? api.error().requestId() : null;
        Duration duration = response != null ? response.duration() : Duration.between(started, clock.instant());
        try {
            vault.history().record(HistoryEntry.of(started, profile.name(), request.path(), status,
                    duration.isNegative() ? Duration.ZERO : duration, requestId, Redactor.shared().redactJsonText(request.body()),
                    replyText(response, error)).withTokenFingerprints(TokenFingerprints.of(request.body())));
            if (!OperationRules.isReadOnly(request.method(), request.path()) && !(error instanceof java.util.concurrent.CancellationException)) {
                vault.audit().append("call " + request.path(), targetsOf(request.body()),
                        outcome(status, error), requestId);
            }
            markTokensUsed(request.body());
        } catch (RuntimeException e) {
            // Losing a history line must not fail the call the user made; the log keeps the reason.
            LOG.warn("Could not record {} in the vault: {}", request.path(), e.getMessage());
        }
        if (error != null && !(error instanceof java.util.concurrent.CancellationException)) {
            failureListener.accept(error);
        }
    }

    /**
     * Replies up to this size go into the request history whole. A larger one (a page of 500
     * transactions is about 650 KB) keeps the first {@value #HISTORY_ARRAY_ENTRIES} entries of each
     * array: whole, a few syncs of a large Item would push every other call out of the history's
     * size cap, and redacting them would cost more than the call.
     */
    static final int HISTORY_WHOLE_REPLY_BYTES = 256 * 1024;
    static final int HISTORY_ARRAY_ENTRIES = 20;

    /** A copy of {@code json} with every array cut to its first entries and a note of how many more there were. */
    static JsonNode abridged(JsonNode json, int replyBytes) {
        if (json.isObject()) {
            ObjectNode copy = PlaidJson.mapper().createObjectNode();
            json.fields().forEachRemaining(field -> copy.set(field.getKey(), abridged(field.getValue(), replyBytes)));
            return copy;
        }
        if (json.isArray()) {
            ArrayNode copy = PlaidJson.mapper().createArrayNode();
            for (int i = 0; i < Math.min(json.size(), HISTORY_ARRAY_ENTRIES); i++) {
                copy.add(abridged(json.get(i), replyBytes));
            }
            if (json.size() > HISTORY_ARRAY_ENTRIES) {
                copy.add(String.format(Locale.ROOT, "\u2026 %,d more not kept in the history (the reply was %,d KB)",
                        json.size() - HISTORY_ARRAY_ENTRIES, replyBytes / 1024));
            }
            return copy;
        }
        return json;
    }

    private static String outcome(int status, Throwable error) {
        if (error == null) {
            return "ok (HTTP " + status + ")";
        }
        if (error instanceof PlaidApiException api) {
            return "failed: " + api.error().typeAndCode() + " (HTTP " + status + ")";
        }
        if (error instanceof java.util.concurrent.CancellationException) {
            return "cancelled";
        }
        return "failed: " + Redactor.shared().redact(String.valueOf(error.getMessage()));
    }

    private static String replyText(PlaidResponse response, Throwable error) {
        if (response != null) {
            if (!response.isJson()) {
                return "[" + response.contentType() + ", " + response.size() + " bytes" + (response.file() == null ? "" : ", saved to a file")
                        + "]";
            }
            JsonNode kept = response.size() > HISTORY_WHOLE_REPLY_BYTES
                    ? abridged(response.json(), (int) response.size()) : response.json();
            return Redactor.shared().redact(kept).toString();
        }
        if (error instanceof PlaidApiException api) {
            return errorJson(api.error());
        }
        return error == null ? null : "[" + Redactor.shared().redact(String.valueOf(error.getMessage())) + "]";
    }

    private static String errorJson(PlaidError error) {
        ObjectNode node = PlaidJson.mapper().createObjectNode();
        node.put("error_type", error.errorType());
        node.put("error_code", error.errorCode());
        node.put("error_message", Redactor.shared().redact(error.errorMessage()));
        node.put("display_message", error.displayMessage());
        node.put("request_id", error.requestId());
        return node.toString();
    }

    /** The ids a call acts on, for the audit log: *_id fields and tokens (masked). */
    static List<String> targetsOf(String body) {
        List<String> targets = new ArrayList<>();
        if (body == null) {
            return targets;
        }
        try {
            JsonNode json = PlaidJson.mapper().readTree(body);
            Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (value.isTextual() && TokenKind.of(value.asText()) != null) {
                    targets.add(name + "=" + Masking.maskToken(value.asText()));
                } else if (value.isTextual() && (name.endsWith("_id") && !name.equals("client_id"))) {
                    targets.add(name + "=" + value.asText());
                } else if (value.isArray() && name.endsWith("_ids")) {
                    value.forEach(v -> targets.add(name + "=" + v.asText()));
                }
            }
        } catch (IOException e) {
            // not JSON: nothing to name
        }
        return targets;
    }

    private void markTokensUsed(String body) {
        if (body == null) {
            return;
        }
        try {
            PlaidJson.mapper().readTree(body).fields().forEachRemaining(field -> {
                if (field.getValue().isTextual() && TokenKind.of(field.getValue().asText()) != null) {
                    vault.tokens().markUsed(field.getValue().asText());
                }
            });
        } catch (IOException e) {
            // not JSON: no tokens to mark
        }
    }
}
