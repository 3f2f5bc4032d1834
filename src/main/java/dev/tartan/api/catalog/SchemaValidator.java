package dev.tartan.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import dev.tartan.model.SchemaProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a JSON value against a schema of a bundled spec, in OpenAPI 3.0's dialect of JSON Schema
 * ({@code nullable} included). On top of the schema, it can also reject fields the schema does not
 * name, because Plaid does, although its request schemas do not say so.
 */
final class SchemaValidator {

    private final SpecDocument spec;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    SchemaValidator(SpecDocument spec) {
        this.spec = spec;
        // Plaid's specs carry vendor keywords (x-examples, x-hidden-from-docs, ...): annotations, not rules.
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi30.getInstance())
                .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
                .build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                .metaSchema(dialect)
                .defaultMetaSchemaIri(dialect.getIri()));
        this.config = SchemaValidatorsConfig.builder()
                .nullableKeywordEnabled(true)
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .build();
    }

    /**
     * Problems with {@code value} against the schema at {@code ref} ({@code #/components/schemas/Name}),
     * in document order; empty when it is valid.
     */
    List<SchemaProblem> validate(String ref, JsonNode value, boolean rejectUnknownFields) {
        List<SchemaProblem> problems = new ArrayList<>();
        for (ValidationMessage message : schema(ref).validate(value)) {
            problems.add(new SchemaProblem(fieldOf(message.getInstanceLocation().toString()), describe(message)));
        }
        if (rejectUnknownFields) {
            unknownFields(spec.schemaAt(ref), value, "", problems, true);
        }
        problems.sort(Comparator.comparing(SchemaProblem::field));
        return dedupe(problems);
    }

    private JsonSchema schema(String ref) {
        return compiled.computeIfAbsent(ref, key -> {
            // The referenced schema, with the spec's components beside it so every $ref resolves.
            ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
            wrapper.put("$ref", key);
            wrapper.set("components", spec.components());
            return factory.getSchema(wrapper, config);
        });
    }

    /** "$.options.count" becomes "options.count"; "$" becomes "". */
    private static String fieldOf(String jsonPath) {
        if (jsonPath.equals("$")) {
            return "";
        }
        return jsonPath.startsWith("$.") ? jsonPath.substring(2) : jsonPath.substring(1);
    }

    /** The library's message without the location it starts with (the field is reported apart). */
    private static String describe(ValidationMessage message) {
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        return colon >= 0 && text.startsWith("$") ? text.substring(colon + 2) : text;
    }

    private void unknownFields(JsonNode rawSchema, JsonNode value, String path, List<SchemaProblem> problems, boolean top) {
        JsonNode schema = spec.resolve(rawSchema);
        if (value == null) {
            return;
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                unknownFields(schema.get("items"), value.get(i), path + "[" + i + "]", problems, false);
            }
            return;
        }
        if (!value.isObject()) {
            return;
        }
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        if (!collectProperties(schema, properties)) {
            return; // open object, or a choice between shapes: nothing to say about its keys
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            String fieldPath = path.isEmpty() ? name : path + "." + name;
            JsonNode property = properties.get(name);
            if (property == null) {
                if (!(top && (name.equals("client_id") || name.equals("secret")))) {
                    problems.add(new SchemaProblem(fieldPath, "is not a field of this request; Plaid rejects unknown fields"));
                }
            } else {
                unknownFields(property, field.getValue(), fieldPath, problems, false);
            }
        }
    }

    /** Gathers the named properties of a closed object schema; false if its keys are open. */
    private boolean collectProperties(JsonNode schema, Map<String, JsonNode> into) {
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return false;
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && !(additional.isBoolean() && !additional.asBoolean())) {
            return false;
        }
        boolean closed = schema.has("properties");
        schema.path("properties").fields().forEachRemaining(e -> into.put(e.getKey(), e.getValue()));
        for (JsonNode part : schema.path("allOf")) {
            if (!collectProperties(spec.resolve(part), into)) {
                return false;
            }
            closed = true;
        }
        return closed;
    }

    private static List<SchemaProblem> dedupe(List<SchemaProblem> problems) {
        return problems.stream().distinct().toList();
    }
}
