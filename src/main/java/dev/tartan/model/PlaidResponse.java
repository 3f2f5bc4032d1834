package dev.tartan.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A successful reply: JSON for almost every operation, a file (PDF, zip) for a few.
 *
 * @param httpStatus  the HTTP status (2xx)
 * @param requestId   Plaid's request_id, from the body or the {@code Plaid-Request-ID} header
 * @param duration    from the first attempt's start to the reply, retries included
 * @param attempts    how many attempts it took
 * @param contentType the reply's content type
 * @param bytes       the body as received
 * @param json        the parsed body, or null for a file
 */
public record PlaidResponse(int httpStatus, String requestId, Duration duration, int attempts,
                            String contentType, byte[] bytes, JsonNode json) {

    public boolean isJson() {
        return json != null;
    }

    /** The body as UTF-8 text (meaningful for JSON). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
