package dev.tartan.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.api.catalog.OperationRules;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One call to make: method, path and the JSON body exactly as it will be sent. Whether it may be
 * retried and how long it may take follow from {@link OperationRules} unless set explicitly.
 *
 * @param method     "POST" (almost always) or "GET"
 * @param path       e.g. {@code /accounts/get}
 * @param body       the JSON text to send, unchanged; null for a GET
 * @param repeatable true if a failed attempt may be sent again without asking anyone
 * @param timeout    the longest one attempt may take (a repeatable call may make a few)
 */
public record PlaidRequest(String method, String path, String body, boolean repeatable, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration SLOW_TIMEOUT = Duration.ofSeconds(120);

    public PlaidRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(timeout, "timeout");
        method = method.toUpperCase(Locale.ROOT);
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
    }

    /**
     * A POST of {@code jsonBody}, sent byte for byte as given.
     *
     * @throws IllegalArgumentException if the body is not valid JSON, with the parser's position
     */
    public static PlaidRequest post(String path, String jsonBody) {
        JsonNode parsed = parse(jsonBody);
        return new PlaidRequest("POST", path, jsonBody, OperationRules.isSafeToRepeat("POST", path, parsed), timeoutFor(path));
    }

    /** A POST of {@code body}, serialised as it is (no fields added). */
    public static PlaidRequest post(String path, JsonNode body) {
        try {
            String text = PlaidJson.mapper().writeValueAsString(body);
            return new PlaidRequest("POST", path, text, OperationRules.isSafeToRepeat("POST", path, body), timeoutFor(path));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise the request body", e);
        }
    }

    /** A GET (a few FDX reads); no body. */
    public static PlaidRequest get(String path) {
        return new PlaidRequest("GET", path, null, true, timeoutFor(path));
    }

    public PlaidRequest withRepeatable(boolean value) {
        return new PlaidRequest(method, path, body, value, timeout);
    }

    public PlaidRequest withTimeout(Duration value) {
        return new PlaidRequest(method, path, body, repeatable, value);
    }

    private static Duration timeoutFor(String path) {
        return OperationRules.isSlow(path.startsWith("/") ? path : "/" + path) ? SLOW_TIMEOUT : DEFAULT_TIMEOUT;
    }

    private static JsonNode parse(String jsonBody) {
        if (jsonBody == null || jsonBody.isBlank()) {
            throw new IllegalArgumentException("The request body is empty; send {} for an operation without fields");
        }
        try {
            JsonNode node = PlaidJson.mapper().readTree(jsonBody);
            if (!node.isObject()) {
                throw new IllegalArgumentException("The request body must be a JSON object ({...}), not " + node.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The request body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
    }
}
