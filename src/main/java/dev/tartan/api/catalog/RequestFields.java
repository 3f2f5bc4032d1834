package dev.tartan.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.model.RequestField;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a request schema into the fields a form offers: objects with properties are opened into
 * dotted paths (three levels deep), {@code allOf} parts merged, {@code $ref}s followed; lists of
 * objects, free-form objects and alternatives ({@code oneOf}) stay one JSON field. Credentials are
 * left out: the client sends them as headers.
 */
final class RequestFields {

    private static final int MAX_DEPTH = 3;
    private static final Set<String> CREDENTIALS = Set.of("client_id", "secret");

    private final SpecDocument spec;

    RequestFields(SpecDocument spec) {
        this.spec = spec;
    }

    List<RequestField> of(JsonNode requestSchema) {
        List<RequestField> fields = new ArrayList<>();
        open(requestSchema, "", true, 0, fields);
        return fields;
    }

    private void open(JsonNode rawSchema, String prefix, boolean requiredSoFar, int depth, List<RequestField> out) {
        ObjectNode schema = merged(rawSchema);
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String name = property.getKey();
            if (prefix.isEmpty() && CREDENTIALS.contains(name)) {
                continue;
            }
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            boolean isRequired = requiredSoFar && required.contains(name);
            ObjectNode field = merged(property.getValue());
            String description = spec.resolve(property.getValue()).path("description").asText(field.path("description").asText(""));
            if (isObjectWithProperties(field) && depth < MAX_DEPTH) {
                open(field, path, isRequired, depth + 1, out);
            } else {
                out.add(leaf(path, field, isRequired, description));
            }
        }
    }

    private RequestField leaf(String path, ObjectNode field, boolean required, String description) {
        String format = field.path("format").asText("");
        if (field.has("oneOf") || field.has("anyOf")) {
            return new RequestField(path, RequestField.Type.JSON, required, description, List.of(), format);
        }
        String type = typeOf(field);
        return switch (type) {
            case "string" -> {
                List<String> allowed = enumOf(field);
                yield new RequestField(path, allowed.isEmpty() ? RequestField.Type.TEXT : RequestField.Type.CHOICE, required,
                        description, allowed, format);
            }
            case "integer" -> new RequestField(path, RequestField.Type.INTEGER, required, description, List.of(), format);
            case "number" -> new RequestField(path, RequestField.Type.NUMBER, required, description, List.of(), format);
            case "boolean" -> new RequestField(path, RequestField.Type.BOOLEAN, required, description, List.of(), format);
            case "array" -> {
                ObjectNode items = merged(field.path("items"));
                List<String> allowed = enumOf(items);
                String itemType = typeOf(items);
                RequestField.Type kind = !allowed.isEmpty() ? RequestField.Type.CHOICES
                        : itemType.equals("string") || itemType.equals("integer") || itemType.equals("number")
                        ? RequestField.Type.LIST : RequestField.Type.JSON;
                yield new RequestField(path, kind, required, description, allowed, items.path("format").asText(""));
            }
            default -> new RequestField(path, RequestField.Type.JSON, required, description, List.of(), format);
        };
    }

    /** The schema with its {@code $ref} followed and its {@code allOf} parts folded in (their properties, required, type, enum). */
    private ObjectNode merged(JsonNode rawSchema) {
        JsonNode schema = spec.resolve(rawSchema);
        ObjectNode result = schema.isObject() ? ((ObjectNode) schema).deepCopy() : JsonNodeFactory.instance.objectNode();
        JsonNode parts = result.remove("allOf");
        if (parts == null) {
            return result;
        }
        for (JsonNode part : parts) {
            ObjectNode resolved = merged(part);
            Iterator<Map.Entry<String, JsonNode>> entries = resolved.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                switch (entry.getKey()) {
                    case "properties" -> {
                        ObjectNode properties = result.has("properties") ? (ObjectNode) result.get("properties") : result.putObject("properties");
                        entry.getValue().fields().forEachRemaining(p -> properties.putIfAbsent(p.getKey(), p.getValue()));
                    }
                    case "required" -> {
                        var required = result.has("required") ? result.withArray("required") : result.putArray("required");
                        entry.getValue().forEach(required::add);
                    }
                    default -> result.putIfAbsent(entry.getKey(), entry.getValue());
                }
            }
        }
        return result;
    }

    private static boolean isObjectWithProperties(JsonNode schema) {
        return ("object".equals(schema.path("type").asText("object"))) && schema.path("properties").size() > 0;
    }

    private static String typeOf(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("enum")) {
            return "string";
        }
        return "";
    }

    private static List<String> enumOf(JsonNode schema) {
        List<String> values = new ArrayList<>();
        schema.path("enum").forEach(value -> {
            if (!value.isNull()) {
                values.add(value.asText());
            }
        });
        return values;
    }
}
