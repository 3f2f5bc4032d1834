package dev.tartan.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

/**
 * One call a pane made, for its "Raw JSON" tab: what was asked, what came back.
 *
 * @param at         when it was sent
 * @param operation  e.g. {@code /accounts/get}
 * @param httpStatus the reply's status; 0 when none came
 * @param requestId  Plaid's request_id, or null
 * @param duration   how long it took
 * @param reply      the reply body, or the error body, or null
 */
public record CallRecord(Instant at, String operation, int httpStatus, String requestId, Duration duration, JsonNode reply) {
}
