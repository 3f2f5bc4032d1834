package dev.tartan.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.Duration;
import java.time.Instant;

/**
 * One call a pane made, for its "Raw JSON" tab: what was asked, what came back. The reply is kept
 * as text and parsed when looked at: a log of transaction pages would otherwise hold every
 * transaction a second time as a tree.
 *
 * @param at         when it was sent
 * @param operation  e.g. {@code /accounts/get}
 * @param httpStatus the reply's status; 0 when none came
 * @param requestId  Plaid's request_id, or null
 * @param duration   how long it took
 * @param replyText  the reply body, or the error body, as JSON text; or null
 */
public record CallRecord(Instant at, String operation, int httpStatus, String requestId, Duration duration, String replyText) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The reply as a tree; text that is not JSON comes back as one string node; null when there is none. */
    public JsonNode reply() {
        if (replyText == null) {
            return null;
        }
        try {
            return JSON.readTree(replyText);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(replyText);
        }
    }
}
