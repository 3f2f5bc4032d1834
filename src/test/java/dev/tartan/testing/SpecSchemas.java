package dev.tartan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Validates JSON against the bundled Plaid specs with an independent validator (networknt, JSON Schema
 * draft 4 plus OpenAPI's {@code nullable}). Where both specs define an operation the newer one is used,
 * as the emulator does. Reusable by any test that checks wire shapes.
 */
public final class SpecSchemas {
    public static final String NEWEST = "plaid-2020-09-14_1.697.4";
    public static final String OLDEST = "plaid-2020-09-14_1.334.0";
    private static final List<String> NEWEST_FIRST = List.of(NEWEST, OLDEST);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().nullableKeywordEnabled(true).build();

    private SpecSchemas() {
    }

    public static JsonNode document(String version) {
        return DOCUMENTS.computeIfAbsent(version, v -> {
            try (InputStream in = SpecSchemas.class.getResourceAsStream("/spec/" + v + ".json")) {
                return MAPPER.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The operation definition ({@code post} object) of {@code path}, from the newest spec that has it. */
    public static Optional<Operation> operation(String method, String path) {
        for (String version : NEWEST_FIRST) {
            JsonNode op = document(version).path("paths").path(path).path(method.toLowerCase());
            if (!op.isMissingNode()) {
                return Optional.of(new Operation(version, path, method, op));
            }
        }
        return Optional.empty();
    }

    /** One spec operation as the tests read it. */
    public record Operation(String version, String path, String method, JsonNode definition) {
        public JsonNode requestSchema() {
            return definition.path("requestBody").path("content").path("application/json").path("schema");
        }

        public JsonNode responseSchema() {
            JsonNode success = definition.path("responses").path("200");
            if (success.isMissingNode()) {
                success = definition.path("responses").path("201");
            }
            return success.path("content").path("application/json").path("schema");
        }
    }

    /** Problems of {@code value} as the 200 answer of {@code path}; empty when it is valid. */
    public static Set<String> responseProblems(String path, JsonNode value) {
        Operation operation = operation("POST", path).or(() -> operation("GET", path))
                .orElseThrow(() -> new IllegalArgumentException("no operation " + path));
        return problems(operation.version(), "response " + path, operation.responseSchema(), value);
    }

    /** Problems of {@code value} as the request body of {@code path}; empty when it is valid. */
    public static Set<String> requestProblems(String path, JsonNode value) {
        Operation operation = operation("POST", path).orElseThrow(() -> new IllegalArgumentException("no operation " + path));
        return problems(operation.version(), "request " + path, operation.requestSchema(), value);
    }

    /** Problems of {@code value} against the component schema {@code name} of the newest spec defining it. */
    public static Set<String> componentProblems(String name, JsonNode value) {
        for (String version : NEWEST_FIRST) {
            if (document(version).path("components").path("schemas").has(name)) {
                ObjectNode ref = MAPPER.createObjectNode().put("$ref", "#/components/schemas/" + name);
                return problems(version, "component " + name, ref, value);
            }
        }
        throw new IllegalArgumentException("no component schema " + name);
    }

    private static Set<String> problems(String version, String key, JsonNode schemaNode, JsonNode value) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(version + " " + key, k -> {
            ObjectNode root = schemaNode.isObject() ? ((ObjectNode) schemaNode).deepCopy() : MAPPER.createObjectNode();
            root.set("components", document(version).path("components"));
            return FACTORY.getSchema(root, CONFIG);
        });
        return schema.validate(value).stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
