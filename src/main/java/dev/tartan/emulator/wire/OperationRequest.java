package dev.tartan.emulator.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.spec.SpecOperation;

/**
 * A request that passed the server's checks (known path, JSON body, credentials, schema), as a
 * handler sees it.
 *
 * @param operation the spec operation it addresses
 * @param path      the concrete request path
 * @param body      the JSON body (an empty object for operations without one)
 */
public record OperationRequest(SpecOperation operation, String path, ObjectNode body) {

    /** A text field of the body, or null when absent or null. */
    public String text(String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A text field that the schema marks required (so the server has checked it is there). */
    public String requiredText(String field) {
        String value = text(field);
        if (value == null) {
            throw PlaidErrors.of("MISSING_FIELDS", "the following required fields are missing: " + field);
        }
        return value;
    }

    /** A nested object of the body ({@code options}, {@code user}), or an empty node if absent. */
    public JsonNode object(String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? body.objectNode() : value;
    }
}
