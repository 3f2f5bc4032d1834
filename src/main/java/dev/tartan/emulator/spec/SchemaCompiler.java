package dev.tartan.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the JSON schemas of one spec document into {@link Schema} objects. Named components are
 * compiled once and shared, which also makes recursive schemas terminate. Not thread-safe: the
 * catalog compiles everything while loading ({@link #compileAll()}) and only reads afterwards.
 */
final class SchemaCompiler {
    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    private final JsonNode componentSchemas;
    private final Map<String, Schema> byName = new HashMap<>();
    private final Map<JsonNode, Schema> inline = new IdentityHashMap<>();

    SchemaCompiler(JsonNode document) {
        this.componentSchemas = document.path("components").path("schemas");
    }

    /** The component called {@code name}, or null if the document has none. */
    Schema component(String name) {
        return componentSchemas.has(name) ? named(name) : null;
    }

    /** Compiles every component up front, so that later look-ups only read. */
    void compileAll() {
        componentSchemas.fieldNames().forEachRemaining(this::named);
    }

    Schema compile(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.has("$ref")) {
            return named(refName(node.get("$ref").asText()));
        }
        Schema known = inline.get(node);
        if (known != null) {
            return known;
        }
        Schema schema = new Schema();
        inline.put(node, schema);
        fill(schema, node);
        return schema;
    }

    private Schema named(String name) {
        Schema known = byName.get(name);
        if (known != null) {
            return known;
        }
        JsonNode node = componentSchemas.get(name);
        if (node == null) {
            throw new IllegalStateException("the spec refers to a schema it does not define: " + name);
        }
        Schema schema = new Schema();
        schema.name = name;
        byName.put(name, schema);
        fill(schema, node);
        return schema;
    }

    private static String refName(String ref) {
        if (!ref.startsWith(COMPONENT_PREFIX)) {
            throw new IllegalStateException("unsupported $ref (only component schemas are used): " + ref);
        }
        return ref.substring(COMPONENT_PREFIX.length());
    }

    /** Copies {@code node}'s keywords into {@code target}, merging its allOf parts first. */
    private void fill(Schema target, JsonNode node) {
        if (node.has("$ref")) {
            mergeFrom(target, named(refName(node.get("$ref").asText())));
        }
        for (JsonNode part : node.path("allOf")) {
            Schema compiled = compile(part);
            if (compiled != null) {
                mergeFrom(target, compiled);
            }
        }
        String type = node.path("type").asText(null);
        if (type != null) {
            target.type = switch (type) {
                case "object" -> Schema.Type.OBJECT;
                case "array" -> Schema.Type.ARRAY;
                case "string" -> Schema.Type.STRING;
                case "integer" -> Schema.Type.INTEGER;
                case "number" -> Schema.Type.NUMBER;
                case "boolean" -> Schema.Type.BOOLEAN;
                default -> Schema.Type.ANY;
            };
        }
        // OpenAPI 3.0 nullable only widens a type given in the same schema object: beside a bare allOf it
        // changes nothing (the allOf parts still reject null), which is how standard validators read it too.
        if (node.path("nullable").asBoolean(false) && node.has("type")) {
            target.nullable = true;
        }
        if (node.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            node.get("enum").forEach(values::add);
            target.enumValues = values;
        }
        if (node.has("format")) {
            target.format = node.get("format").asText();
        }
        JsonNode properties = node.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            target.properties.put(property.getKey(), compile(property.getValue()));
        }
        node.path("required").forEach(r -> target.required.add(r.asText()));
        JsonNode additional = node.get("additionalProperties");
        if (additional != null) {
            if (additional.isBoolean()) {
                target.closed = !additional.asBoolean();
            } else if (additional.isObject()) {
                target.additionalProperties = compile(additional);
            }
        }
        if (node.has("items")) {
            target.items = compile(node.get("items"));
        }
        target.minimum = decimal(node, "minimum", target.minimum);
        target.maximum = decimal(node, "maximum", target.maximum);
        if (node.path("exclusiveMinimum").asBoolean(false)) {
            target.exclusiveMinimum = true;
        }
        if (node.path("exclusiveMaximum").asBoolean(false)) {
            target.exclusiveMaximum = true;
        }
        target.minLength = integer(node, "minLength", target.minLength);
        target.maxLength = integer(node, "maxLength", target.maxLength);
        target.minItems = integer(node, "minItems", target.minItems);
        target.maxItems = integer(node, "maxItems", target.maxItems);
        if (node.has("pattern")) {
            target.pattern = Pattern.compile(node.get("pattern").asText());
        }
        if (node.has("example")) {
            target.example = node.get("example");
        }
        if (node.has("default")) {
            target.defaultValue = node.get("default");
        }
        if (target.type == Schema.Type.ANY) {
            if (!target.properties.isEmpty()) {
                target.type = Schema.Type.OBJECT;
            } else if (target.items != null) {
                target.type = Schema.Type.ARRAY;
            }
        }
    }

    private static void mergeFrom(Schema target, Schema source) {
        if (source.type != Schema.Type.ANY) {
            target.type = source.type;
        }
        target.nullable |= source.nullable;
        if (source.enumValues != null) {
            target.enumValues = source.enumValues;
        }
        if (source.format != null) {
            target.format = source.format;
        }
        target.properties.putAll(source.properties);
        target.required.addAll(source.required);
        if (source.additionalProperties != null) {
            target.additionalProperties = source.additionalProperties;
        }
        target.closed |= source.closed;
        if (source.items != null) {
            target.items = source.items;
        }
        if (source.minimum != null) {
            target.minimum = source.minimum;
            target.exclusiveMinimum = source.exclusiveMinimum;
        }
        if (source.maximum != null) {
            target.maximum = source.maximum;
            target.exclusiveMaximum = source.exclusiveMaximum;
        }
        target.minLength = source.minLength != null ? source.minLength : target.minLength;
        target.maxLength = source.maxLength != null ? source.maxLength : target.maxLength;
        target.minItems = source.minItems != null ? source.minItems : target.minItems;
        target.maxItems = source.maxItems != null ? source.maxItems : target.maxItems;
        target.pattern = source.pattern != null ? source.pattern : target.pattern;
        target.example = source.example != null ? source.example : target.example;
        target.defaultValue = source.defaultValue != null ? source.defaultValue : target.defaultValue;
    }

    private static BigDecimal decimal(JsonNode node, String key, BigDecimal fallback) {
        JsonNode value = node.get(key);
        return value != null && value.isNumber() ? value.decimalValue() : fallback;
    }

    private static Integer integer(JsonNode node, String key, Integer fallback) {
        JsonNode value = node.get(key);
        if (value != null && value.isNumber()) {
            return value.intValue();
        }
        return fallback;
    }
}
