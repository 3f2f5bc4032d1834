package dev.tartan.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** One bundled OpenAPI document, parsed, with {@code $ref} resolution inside it. */
public final class SpecDocument {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    private final String version;
    private final JsonNode root;

    SpecDocument(String version, JsonNode root) {
        this.version = version;
        this.root = root;
    }

    /** Reads {@code /spec/<name>.json}, the JSON form the build makes of a bundled YAML spec. */
    static SpecDocument fromClasspath(String name, ObjectMapper mapper) {
        String resource = "/spec/" + name + ".json";
        try (InputStream in = SpecDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The bundled spec " + resource + " is missing from the build");
            }
            JsonNode root = mapper.readTree(in);
            return new SpecDocument(root.path("info").path("version").asText(name), root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled spec " + resource, e);
        }
    }

    /** The spec's own version string, e.g. {@code 2020-09-14_1.697.4}. */
    public String version() {
        return version;
    }

    JsonNode root() {
        return root;
    }

    JsonNode paths() {
        return root.path("paths");
    }

    JsonNode components() {
        return root.path("components");
    }

    /** Follows {@code $ref}s until a schema without one; returns the node itself otherwise. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref"); hops++) {
            if (hops > 32) {
                throw new IllegalStateException("Circular $ref at " + schema);
            }
            current = schemaAt(current.get("$ref").asText());
        }
        return current == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : current;
    }

    /** The schema a local reference ({@code #/components/schemas/Name}) points to. */
    JsonNode schemaAt(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("Only local references are supported: " + ref);
        }
        return root.at(ref.substring(1));
    }

    static boolean isComponentRef(String ref) {
        return ref != null && ref.startsWith(COMPONENT_PREFIX);
    }
}
