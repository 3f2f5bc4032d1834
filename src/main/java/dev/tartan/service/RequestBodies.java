package dev.tartan.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;

/** Small pieces the services build request bodies with. */
final class RequestBodies {

    private RequestBodies() {
    }

    /** A body of one field. */
    static ObjectNode of(String field, String value) {
        ObjectNode body = PlaidJson.mapper().createObjectNode();
        body.put(field, value);
        return body;
    }

    /** Sets {@code field} to the trimmed {@code value}, unless it is blank. */
    static void putIfGiven(ObjectNode node, String field, String value) {
        if (!isBlank(value)) {
            node.put(field, value.strip());
        }
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    static String blankToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }
}
