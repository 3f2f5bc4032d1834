package dev.tartan.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of the bundled specs, as the emulator serves it.
 *
 * @param method          HTTP method in upper case (POST for all but a few FDX operations)
 * @param path            the path as the spec writes it, templates included ({@code /fdx/recipient/{recipientId}})
 * @param specVersion     the spec the definition comes from
 * @param summary         the spec's one-line summary
 * @param requestSchema   the JSON body's schema, or null when the operation takes no body
 * @param responseSchema  the 200 answer's schema (null for binary answers)
 * @param responseExample the spec's example 200 answer, or null
 * @param contentType     the 200 answer's media type: application/json, application/pdf or application/zip
 * @param authenticated   whether the operation needs client_id and secret
 */
public record SpecOperation(String method, String path, String specVersion, String summary,
                            Schema requestSchema, Schema responseSchema, JsonNode responseExample,
                            String contentType, boolean authenticated) {

    public boolean isBinary() {
        return !contentType.equals("application/json");
    }

    public boolean hasPathTemplate() {
        return path.contains("{") || path.contains("/:");
    }
}
