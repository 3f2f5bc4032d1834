package dev.tartan.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds an example value from a schema: the smallest body a user can start from that the schema
 * accepts. Objects get their required properties only; a value comes from the schema's own
 * {@code example} or {@code default} where it has one, else from its enum, format, bounds and
 * pattern, else from the property's name (a token field gets a token-shaped placeholder).
 */
final class ExampleSynthesizer {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 12;
    private static final String PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";

    /** Placeholders for fields that hold Plaid tokens, by field name. */
    private static final Map<String, String> TOKEN_PLACEHOLDERS = Map.of(
            "access_token", "access-sandbox-" + PLACEHOLDER_ID,
            "processor_token", "processor-sandbox-" + PLACEHOLDER_ID,
            "public_token", "public-sandbox-" + PLACEHOLDER_ID,
            "link_token", "link-sandbox-" + PLACEHOLDER_ID,
            "user_token", "user-sandbox-" + PLACEHOLDER_ID,
            "asset_report_token", "assets-sandbox-" + PLACEHOLDER_ID,
            "audit_copy_token", "a-sandbox-" + PLACEHOLDER_ID,
            "payment_token", "payment-token-sandbox-" + PLACEHOLDER_ID);

    /** Strings tried, in order, when a pattern rejects the first guess. */
    private static final List<String> PATTERN_CANDIDATES = List.of(
            "1.00", "10.00", "USD", "US", "en", "2024-01-15", "2024-01-15T10:00:00Z", "12:00",
            "011401533", "1111222233330000", "123456789", "1234", "0000", "ABC123", "A", "a", "1",
            "+14155550011", "user@example.com", "https://example.com", PLACEHOLDER_ID, "GB33BUKB20201555555555");

    private final SpecDocument spec;

    ExampleSynthesizer(SpecDocument spec) {
        this.spec = spec;
    }

    /** An example request body: required fields only, credentials left out (they go in headers). */
    ObjectNode request(JsonNode requestSchema) {
        JsonNode value = value(requestSchema, "", 0);
        ObjectNode body = value instanceof ObjectNode object ? object : JSON.objectNode();
        body.remove("client_id");
        body.remove("secret");
        return body;
    }

    /** An example response body built from the schema alone (when the spec gives none). */
    JsonNode response(JsonNode responseSchema) {
        return value(responseSchema, "", 0);
    }

    private JsonNode value(JsonNode rawSchema, String fieldName, int depth) {
        JsonNode schema = spec.resolve(rawSchema);
        if (schema.isMissingNode() || depth > MAX_DEPTH) {
            return JSON.nullNode();
        }
        if (schema.has("allOf")) {
            return allOf(schema, fieldName, depth);
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice)) {
                return value(firstNonNullAlternative(schema.get(choice)), fieldName, depth);
            }
        }
        JsonNode own = ownExample(schema);
        if (own != null) {
            return own.deepCopy();
        }
        String type = typeOf(schema);
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, fieldName, depth);
            case "string" -> JSON.textNode(string(schema, fieldName));
            case "integer" -> JSON.numberNode(integer(schema));
            case "number" -> JSON.numberNode(number(schema));
            case "boolean" -> JSON.booleanNode(false);
            default -> schema.path("nullable").asBoolean(false) ? JSON.nullNode() : JSON.objectNode();
        };
    }

    private JsonNode allOf(JsonNode schema, String fieldName, int depth) {
        ObjectNode merged = null;
        JsonNode last = JSON.nullNode();
        for (JsonNode part : schema.get("allOf")) {
            last = value(part, fieldName, depth);
            if (last instanceof ObjectNode object) {
                merged = merged == null ? object : merged.setAll(object);
            }
        }
        if (merged != null && schema.has("properties")) {
            merged.setAll(object(schema, depth));
        }
        return merged != null ? merged : last;
    }

    private JsonNode firstNonNullAlternative(JsonNode alternatives) {
        for (JsonNode alternative : alternatives) {
            JsonNode resolved = spec.resolve(alternative);
            if (!"null".equals(resolved.path("type").asText()) && !isOnlyNullable(resolved)) {
                return alternative;
            }
        }
        return alternatives.get(0);
    }

    private static boolean isOnlyNullable(JsonNode schema) {
        return schema.path("nullable").asBoolean(false) && !schema.has("type") && !schema.has("properties");
    }

    /** The schema's own example or default, when it is a usable value of the schema's type. */
    private static JsonNode ownExample(JsonNode schema) {
        for (String key : List.of("example", "default")) {
            JsonNode candidate = schema.get(key);
            if (candidate != null && !candidate.isNull() && fitsType(candidate, schema)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean fitsType(JsonNode value, JsonNode schema) {
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            return false;
        }
        return switch (typeOf(schema)) {
            case "string" -> value.isTextual() && matchesPattern(schema, value.asText());
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject() && hasAll(value, schema.path("required"));
            default -> true;
        };
    }

    private static boolean hasAll(JsonNode value, JsonNode required) {
        for (JsonNode name : required) {
            if (!value.has(name.asText())) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode v : values) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String typeOf(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            JsonNode first = schema.get("enum").get(0);
            return first.isTextual() ? "string" : first.isIntegralNumber() ? "integer" : first.isNumber() ? "number" : "";
        }
        return "";
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = JSON.objectNode();
        JsonNode properties = schema.path("properties");
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (String name : required) {
            JsonNode property = properties.get(name);
            object.set(name, property == null ? JSON.textNode("") : value(property, name, depth + 1));
        }
        return object;
    }

    private ArrayNode array(JsonNode schema, String fieldName, int depth) {
        ArrayNode array = JSON.arrayNode();
        int count = Math.max(1, schema.path("minItems").asInt(1));
        String itemName = fieldName.endsWith("s") ? fieldName.substring(0, fieldName.length() - 1) : fieldName;
        Set<JsonNode> seen = new LinkedHashSet<>();
        JsonNode items = schema.path("items");
        JsonNode resolvedItems = spec.resolve(items);
        Iterator<JsonNode> enumValues = resolvedItems.path("enum").iterator();
        for (int i = 0; i < count; i++) {
            JsonNode item = enumValues.hasNext() && schema.path("uniqueItems").asBoolean(false)
                    ? enumValues.next().deepCopy()
                    : value(items, itemName, depth + 1);
            if (seen.add(item) || !schema.path("uniqueItems").asBoolean(false)) {
                array.add(item);
            }
        }
        return array;
    }

    private static long integer(JsonNode schema) {
        long value = 1;
        if (schema.has("minimum")) {
            value = Math.max(value, (long) Math.ceil(schema.get("minimum").asDouble()));
            if (schema.path("exclusiveMinimum").asBoolean(false) && value <= schema.get("minimum").asDouble()) {
                value++;
            }
        }
        if (schema.has("maximum")) {
            value = Math.min(value, (long) Math.floor(schema.get("maximum").asDouble()));
        }
        return value;
    }

    private static double number(JsonNode schema) {
        double value = 1.0;
        if (schema.has("minimum")) {
            value = Math.max(value, schema.get("minimum").asDouble() + (schema.path("exclusiveMinimum").asBoolean(false) ? 1 : 0));
        }
        if (schema.has("maximum")) {
            value = Math.min(value, schema.get("maximum").asDouble());
        }
        return value;
    }

    private static String string(JsonNode schema, String fieldName) {
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            for (JsonNode candidate : schema.get("enum")) {
                if (!candidate.isNull()) {
                    return candidate.asText();
                }
            }
        }
        String guess = guessString(schema.path("format").asText(""), fieldName.toLowerCase(Locale.ROOT));
        guess = fitLength(guess, schema);
        if (matchesPattern(schema, guess)) {
            return guess;
        }
        for (String candidate : PATTERN_CANDIDATES) {
            String fitted = fitLength(candidate, schema);
            if (matchesPattern(schema, fitted)) {
                return fitted;
            }
        }
        return guess;
    }

    private static String guessString(String format, String name) {
        switch (format) {
            case "date": return "2024-01-15";
            case "date-time": return "2024-01-15T10:00:00Z";
            case "uuid": return PLACEHOLDER_ID;
            case "email": return "user@example.com";
            case "uri", "url": return "https://example.com";
            case "ipv4": return "192.0.2.10";
            case "ipv6": return "2001:db8::10";
            default: break;
        }
        String token = TOKEN_PLACEHOLDERS.get(name);
        if (token != null) {
            return token;
        }
        if (name.equals("institution_id")) {
            return "ins_109508";
        }
        if (name.contains("webhook") || name.endsWith("_url") || name.equals("url") || name.endsWith("redirect_uri")) {
            return "https://example.com/plaid/webhook";
        }
        if (name.contains("email")) {
            return "user@example.com";
        }
        if (name.contains("phone")) {
            return "+14155550011";
        }
        if (name.endsWith("date")) {
            return "2024-01-15";
        }
        if (name.contains("currency")) {
            return "USD";
        }
        if (name.equals("country") || name.endsWith("country_code")) {
            return "US";
        }
        if (name.endsWith("_id") || name.equals("id")) {
            return name + "_" + PLACEHOLDER_ID.substring(0, 8);
        }
        if (name.contains("amount")) {
            return "1.00";
        }
        if (name.contains("name")) {
            return "Alex Example";
        }
        return name.isEmpty() ? "example" : "example " + name.replace('_', ' ');
    }

    private static String fitLength(String value, JsonNode schema) {
        String fitted = value;
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        while (fitted.length() < min) {
            fitted = fitted + "0";
        }
        if (fitted.length() > max) {
            fitted = fitted.substring(0, max);
        }
        return fitted;
    }

    private static boolean matchesPattern(JsonNode schema, String value) {
        if (!schema.has("pattern")) {
            return true;
        }
        try {
            return Pattern.compile(schema.get("pattern").asText()).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return true; // a pattern Java cannot read is not one we can honour either way
        }
    }
}
