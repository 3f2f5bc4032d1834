package dev.tartan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.api.PlaidRequest;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.service.PlaidCalls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Plaid, as the services see it, for view model tests without a server or a window: it records
 * every request that reached it and answers with what the test says (200 and {} unless told).
 */
public final class FakePlaid implements PlaidCalls {

    private final List<PlaidRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Function<PlaidRequest, CompletableFuture<PlaidResponse>> answers = request -> CompletableFuture.completedFuture(ok("{}"));

    /** Every request sent so far, oldest first. */
    public List<PlaidRequest> requests() {
        return List.copyOf(requests);
    }

    /** How the next requests are answered. */
    public void answerWith(Function<PlaidRequest, CompletableFuture<PlaidResponse>> answers) {
        this.answers = answers;
    }

    /** A 200 reply with this JSON body. */
    public static PlaidResponse ok(String json) {
        try {
            JsonNode parsed = PlaidJson.mapper().readTree(json);
            return new PlaidResponse(200, "fake-request", Duration.ofMillis(1), 1, "application/json",
                    json.getBytes(StandardCharsets.UTF_8), parsed, null, json.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CompletableFuture<PlaidResponse> call(Profile profile, PlaidRequest request) {
        requests.add(request);
        return answers.apply(request);
    }

    @Override
    public CompletableFuture<Endpoint> endpointOf(Profile profile) {
        return CompletableFuture.completedFuture(new Endpoint(URI.create("https://sandbox.plaid.com"), profile.credentials()));
    }
}
