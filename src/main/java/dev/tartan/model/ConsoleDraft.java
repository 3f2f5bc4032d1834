package dev.tartan.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A call prepared for the API console: which operation, with which body, and why.
 *
 * @param path        the operation, e.g. {@code /item/get}
 * @param body        the body to start from
 * @param description what it does, for a menu ("Get the Item of this access token")
 */
public record ConsoleDraft(String path, ObjectNode body, String description) implements OmniboxDestination {
}
