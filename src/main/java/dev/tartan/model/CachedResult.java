package dev.tartan.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A reply Tartan keeps so that a pane can show it at once while it fetches a fresh one.
 * {@link #toString()} leaves out the reply, which may hold tokens.
 *
 * @param profile     the profile the call was made with
 * @param operation   the Plaid operation, e.g. {@code /accounts/get}
 * @param requestHash SHA-256 (hex) of the canonical request body
 * @param replyJson   the reply body as received
 * @param fetchedAt   when the reply arrived
 * @param requestId   Plaid's request_id of the reply, or null
 */
public record CachedResult(
        String profile,
        String operation,
        String requestHash,
        String replyJson,
        Instant fetchedAt,
        String requestId) {

    public CachedResult {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(replyJson, "replyJson");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    @Override
    public String toString() {
        return "CachedResult[profile=" + profile + ", operation=" + operation + ", fetchedAt=" + fetchedAt
                + ", requestId=" + requestId + ", reply=" + replyJson.length() + " chars]";
    }
}
