package dev.tartan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the smallest valid request body for a spec schema (required fields only), and tells whether a
 * given body only uses fields the schema names. Works on the raw spec JSON, independently of the
 * emulator's own schema code.
 */
public final class RequestSynthesizer {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_DEPTH = 20;

    private final JsonNode schemas;

    public RequestSynthesizer(String specVersion) {
        this.schemas = SpecSchemas.document(specVersion).path("components").path("schemas");
    }

    /** A schema with its $ref followed and its allOf parts merged into one object view. */
    private record View(String type, JsonNode node, Map<String, JsonNode> properties, Set<String> required) {
    }

    private View view(JsonNode schema) {
        JsonNode node = resolve(schema);
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        String type = node.path("type").asText(null);
        for (JsonNode part : node.path("allOf")) {
            View merged = view(part);
            properties.putAll(merged.properties());
            required.addAll(merged.required());
            type = type == null ? merged.type() : type;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            properties.put(property.getKey(), property.getValue());
        }
        node.path("required").forEach(r -> required.add(r.asText()));
        if (type == null && !properties.isEmpty()) {
            type = "object";
        }
        return new View(type, node, properties, required);
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode node = schema;
        while (node.has("$ref")) {
            node = schemas.path(node.get("$ref").asText().substring("#/components/schemas/".length()));
        }
        return node;
    }

    public JsonNode synthesize(JsonNode schema) {
        return synthesize(schema, "", 0);
    }

    private JsonNode synthesize(JsonNode schema, String key, int depth) {
        View view = view(schema);
        JsonNode node = view.node();
        JsonNode enumValues = firstEnum(schema);
        if (enumValues != null) {
            for (JsonNode value : enumValues) {
                if (!value.isNull()) {
                    return value;
                }
            }
        }
        String type = view.type() == null ? "string" : view.type();
        switch (type) {
            case "object" -> {
                ObjectNode out = MAPPER.createObjectNode();
                if (depth < MAX_DEPTH) {
                    for (String required : view.required()) {
                        JsonNode property = view.properties().get(required);
                        out.set(required, property == null ? MAPPER.getNodeFactory().textNode("x")
                                : synthesize(property, required, depth + 1));
                    }
                }
                return out;
            }
            case "array" -> {
                ArrayNode out = MAPPER.createArrayNode();
                int minimum = node.path("minItems").asInt(0);
                JsonNode items = itemsOf(schema);
                for (int i = 0; i < minimum; i++) {
                    out.add(synthesize(items, key, depth + 1));
                }
                return out;
            }
            case "integer" -> {
                return MAPPER.getNodeFactory().numberNode((long) number(schema));
            }
            case "number" -> {
                return MAPPER.getNodeFactory().numberNode(number(schema));
            }
            case "boolean" -> {
                return MAPPER.getNodeFactory().booleanNode(false);
            }
            default -> {
                return MAPPER.getNodeFactory().textNode(string(schema, key));
            }
        }
    }

    private JsonNode firstEnum(JsonNode schema) {
        JsonNode node = resolve(schema);
        if (node.has("enum")) {
            return node.get("enum");
        }
        for (JsonNode part : node.path("allOf")) {
            JsonNode found = firstEnum(part);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private JsonNode itemsOf(JsonNode schema) {
        JsonNode node = resolve(schema);
        if (node.has("items")) {
            return node.get("items");
        }
        for (JsonNode part : node.path("allOf")) {
            JsonNode found = itemsOf(part);
            if (found != null && !found.isMissingNode()) {
                return found;
            }
        }
        return MAPPER.createObjectNode().put("type", "string");
    }

    private String keyword(JsonNode schema, String keyword) {
        JsonNode node = resolve(schema);
        if (node.has(keyword)) {
            return node.get(keyword).asText();
        }
        for (JsonNode part : node.path("allOf")) {
            String found = keyword(part, keyword);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private double number(JsonNode schema) {
        String minimum = keyword(schema, "minimum");
        String maximum = keyword(schema, "maximum");
        double value = 1;
        if (minimum != null && value < Double.parseDouble(minimum)) {
            value = Double.parseDouble(minimum) + ("true".equals(keyword(schema, "exclusiveMinimum")) ? 1 : 0);
        }
        if (maximum != null && value > Double.parseDouble(maximum)) {
            value = Double.parseDouble(maximum);
        }
        return value;
    }

    private String string(JsonNode schema, String key) {
        String format = keyword(schema, "format");
        if (format != null) {
            switch (format) {
                case "date" -> {
                    return LocalDate.now(ZoneOffset.UTC).toString();
                }
                case "date-time" -> {
                    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
                }
                case "uuid" -> {
                    return UUID.randomUUID().toString();
                }
                case "email" -> {
                    return "test@example.com";
                }
                case "uri", "url", "uri-reference" -> {
                    return "https://www.example.com";
                }
                default -> {
                }
            }
        }
        if (keyword(schema, "pattern") != null) {
            return "1234";
        }
        String value = key.endsWith("country") || key.endsWith("country_code") ? "US" : "test-" + key.replace('_', '-');
        String minLength = keyword(schema, "minLength");
        String maxLength = keyword(schema, "maxLength");
        StringBuilder out = new StringBuilder(value);
        while (minLength != null && out.length() < Integer.parseInt(minLength)) {
            out.append('x');
        }
        if (maxLength != null && out.length() > Integer.parseInt(maxLength)) {
            out.setLength(Integer.parseInt(maxLength));
        }
        return out.toString();
    }

    /** Whether every field of {@code body}, at every depth, is one the schema names. */
    public boolean usesOnlyKnownFields(JsonNode body, JsonNode schema) {
        View view = view(schema);
        if (!body.isObject()) {
            if (body.isArray()) {
                JsonNode items = itemsOf(schema);
                for (JsonNode element : body) {
                    if (!usesOnlyKnownFields(element, items)) {
                        return false;
                    }
                }
            }
            return true;
        }
        if (view.properties().isEmpty()) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode property = view.properties().get(field.getKey());
            if (property == null || !usesOnlyKnownFields(field.getValue(), property)) {
                return false;
            }
        }
        return true;
    }
}
