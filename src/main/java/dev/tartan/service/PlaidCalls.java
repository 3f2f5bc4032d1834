package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.api.PlaidRequest;
import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * How the services reach Plaid: one narrow door (as OkHttp's {@code Call.Factory} is for OkHttp),
 * so a test can stand in for Plaid without a server. {@link PlaidGateway} is the real one.
 */
public interface PlaidCalls {

    /**
     * Where calls for a profile go and the credentials they carry.
     *
     * @param baseUrl     e.g. http://127.0.0.1:43817
     * @param credentials the client_id and secret
     */
    record Endpoint(URI baseUrl, Credentials credentials) {
    }

    /** Sends {@code request} for {@code profile}; cancelling the result cancels the HTTP call. */
    CompletableFuture<PlaidResponse> call(Profile profile, PlaidRequest request);

    /**
     * Sends {@code request}; a file reply (a PDF) may stream into {@code file} rather than memory, and
     * the response then names it ({@link PlaidResponse#file()}). A stand-in for Plaid may keep it in memory.
     */
    default CompletableFuture<PlaidResponse> download(Profile profile, PlaidRequest request, Path file) {
        return call(profile, request);
    }

    /** Where calls for {@code profile} go, with which credentials. */
    CompletableFuture<Endpoint> endpointOf(Profile profile);

    /** Sends a POST of {@code body} for {@code profile}. */
    default CompletableFuture<PlaidResponse> post(Profile profile, String path, JsonNode body) {
        return call(profile, PlaidRequest.post(path, body));
    }
}
