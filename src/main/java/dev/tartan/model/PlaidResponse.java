package dev.tartan.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A successful reply: JSON for almost every operation, a file (PDF, zip) for a few, in memory or,
 * when the caller asked for it, in a file.
 *
 * @param httpStatus  the HTTP status (2xx)
 * @param requestId   Plaid's request_id, from the body or the {@code Plaid-Request-ID} header
 * @param duration    from the first attempt's start to the reply, retries included
 * @param attempts    how many attempts it took
 * @param contentType the reply's content type
 * @param bytes       the body as received; empty when it went to {@code file}
 * @param json        the parsed body, or null for a file
 * @param file        where a file reply was written, or null when it is in {@code bytes}
 * @param size        the body's length in bytes, wherever it is
 */
public record PlaidResponse(int httpStatus, String requestId, Duration duration, int attempts,
                            String contentType, byte[] bytes, JsonNode json, Path file, long size) {

    public boolean isJson() {
        return json != null;
    }

    /** The body as UTF-8 text (meaningful for JSON). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
