package dev.tartan.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The data a processor token is read for when a pane opens it, each a cache-through read of its
 * own operation whose body is the token alone.
 */
public enum ProcessorData {
    ACCOUNT("/processor/account/get"),
    AUTH("/processor/auth/get"),
    IDENTITY("/processor/identity/get"),
    LIABILITIES("/processor/liabilities/get"),
    RECURRING("/processor/transactions/recurring/get");

    private final String path;

    ProcessorData(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** The read's request body. */
    public ObjectNode body(String processorToken) {
        return JsonNodeFactory.instance.objectNode().put("processor_token", processorToken);
    }
}
