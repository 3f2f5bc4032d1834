package dev.tartan.emulator.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A handler's successful answer: a JSON body (request_id is added by the server) or a file. */
public final class Reply {
    private final ObjectNode json;
    private final byte[] bytes;
    private final String contentType;

    private Reply(ObjectNode json, byte[] bytes, String contentType) {
        this.json = json;
        this.bytes = bytes;
        this.contentType = contentType;
    }

    public static Reply json(ObjectNode body) {
        return new Reply(body, null, "application/json; charset=utf-8");
    }

    public static Reply binary(String contentType, byte[] bytes) {
        return new Reply(null, bytes.clone(), contentType);
    }

    public boolean isJson() {
        return json != null;
    }

    /** The JSON body; the server may still add request_id to it. */
    public ObjectNode jsonBody() {
        return json;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String contentType() {
        return contentType;
    }
}
