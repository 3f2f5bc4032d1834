package dev.tartan.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One API call as the request history keeps it. The bodies are redacted by the caller before they
 * get here; {@link #toString()} leaves them out all the same.
 *
 * @param id          the history's id for the entry; 0 for one not stored yet
 * @param at          when the call started
 * @param profile     the profile it used, or null
 * @param operation   the Plaid operation, e.g. {@code /item/get}
 * @param httpStatus  the reply's HTTP status; 0 when no reply came (network failure, cancelled)
 * @param duration    how long the call took
 * @param requestId   Plaid's request_id, or null
 * @param requestBody the redacted request body, or null
 * @param replyBody   the redacted reply body, or null
 * @param tokenFingerprints each token mask of the request body with the fingerprint of the token it
 *                    stood for ({@link TokenFingerprints}), so "Run again" fills in that token and no other
 */
public record HistoryEntry(
        long id,
        Instant at,
        String profile,
        String operation,
        int httpStatus,
        Duration duration,
        String requestId,
        String requestBody,
        String replyBody,
        Map<String, String> tokenFingerprints) {

    public HistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(duration, "duration");
        tokenFingerprints = tokenFingerprints == null ? Map.of() : Map.copyOf(tokenFingerprints);
        if (httpStatus < 0 || httpStatus > 999) {
            throw new IllegalArgumentException("Not an HTTP status: " + httpStatus);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A call cannot take a negative time: " + duration);
        }
    }

    /** A new entry, not yet stored. */
    public static HistoryEntry of(Instant at, String profile, String operation, int httpStatus, Duration duration,
                                  String requestId, String redactedRequest, String redactedReply) {
        return new HistoryEntry(0, at, profile, operation, httpStatus, duration, requestId, redactedRequest, redactedReply, Map.of());
    }

    /** This entry remembering which token each mask of its request body stood for. */
    public HistoryEntry withTokenFingerprints(Map<String, String> fingerprints) {
        return new HistoryEntry(id, at, profile, operation, httpStatus, duration, requestId, requestBody, replyBody, fingerprints);
    }

    @Override
    public String toString() {
        return "HistoryEntry[id=" + id + ", at=" + at + ", profile=" + profile + ", operation=" + operation
                + ", httpStatus=" + httpStatus + ", duration=" + duration.toMillis() + "ms, requestId=" + requestId + "]";
    }
}
