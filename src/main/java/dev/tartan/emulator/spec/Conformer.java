package dev.tartan.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Ids;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * Makes a JSON value valid for a schema while keeping as much of it as it can: values that fit stay,
 * missing required fields are filled in, values of the wrong type or outside an enum, a range or a
 * format are replaced. With no value at all it synthesizes a minimal valid one (required fields only).
 * This is how the spec's examples, some of which do not match their own schemas, become answers.
 */
public final class Conformer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Deep enough for every real response; stops schemas that require themselves. */
    private static final int MAX_DEPTH = 24;

    private Conformer() {
    }

    /** {@code candidate} (may be null) made valid for {@code schema}. */
    public static JsonNode conform(JsonNode candidate, Schema schema) {
        return conform(candidate, schema, "", 0);
    }

    private static JsonNode conform(JsonNode candidate, Schema schema, String key, int depth) {
        if (schema == null) {
            return candidate == null ? NODES.nullNode() : candidate;
        }
        if (candidate == null || candidate.isMissingNode()) {
            return synthesize(schema, key, depth);
        }
        if (candidate.isNull()) {
            return schema.nullable || schema.type == Schema.Type.ANY ? candidate : synthesize(schema, key, depth);
        }
        JsonNode shaped = switch (schema.type) {
            case OBJECT -> candidate.isObject() ? conformObject((ObjectNode) candidate, schema, depth) : null;
            case ARRAY -> candidate.isArray() ? conformArray((ArrayNode) candidate, schema, key, depth) : null;
            case STRING -> candidate.isTextual() && stringFits(candidate.asText(), schema) ? candidate : null;
            case INTEGER -> candidate.isNumber() && candidate.canConvertToExactIntegral()
                    && inRange(candidate.decimalValue(), schema) ? NODES.numberNode(candidate.longValue()) : null;
            case NUMBER -> candidate.isNumber() && inRange(candidate.decimalValue(), schema) ? candidate : null;
            case BOOLEAN -> candidate.isBoolean() ? candidate : null;
            case ANY -> candidate;
        };
        if (shaped == null || (schema.enumValues != null && !schema.enumValues.contains(shaped))) {
            return synthesize(schema, key, depth);
        }
        return shaped;
    }

    private static ObjectNode conformObject(ObjectNode candidate, Schema schema, int depth) {
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = candidate.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Schema property = schema.properties.get(field.getKey());
            if (property != null) {
                out.set(field.getKey(), conform(field.getValue(), property, field.getKey(), depth + 1));
            } else if (schema.additionalProperties != null) {
                out.set(field.getKey(), conform(field.getValue(), schema.additionalProperties, field.getKey(), depth + 1));
            } else if (!schema.closed) {
                out.set(field.getKey(), field.getValue());
            }
        }
        for (String required : schema.required) {
            if (!out.has(required)) {
                out.set(required, synthesize(schema.properties.get(required), required, depth + 1));
            }
        }
        return out;
    }

    private static ArrayNode conformArray(ArrayNode candidate, Schema schema, String key, int depth) {
        ArrayNode out = NODES.arrayNode();
        int limit = schema.maxItems == null ? candidate.size() : Math.min(schema.maxItems, candidate.size());
        for (int i = 0; i < limit; i++) {
            out.add(conform(candidate.get(i), schema.items, key, depth + 1));
        }
        padToMinimum(out, schema, key, depth);
        return out;
    }

    private static void padToMinimum(ArrayNode out, Schema schema, String key, int depth) {
        int minimum = schema.minItems == null ? 0 : schema.minItems;
        while (out.size() < minimum) {
            out.add(synthesize(schema.items, key, depth + 1));
        }
    }

    private static JsonNode synthesize(Schema schema, String key, int depth) {
        if (schema == null) {
            return NODES.nullNode();
        }
        if (schema.enumValues != null) {
            return schema.enumValues.stream().filter(v -> !v.isNull()).findFirst().orElse(NODES.nullNode());
        }
        for (JsonNode hint : new JsonNode[] {schema.example, schema.defaultValue}) {
            if (hint != null && !hint.isNull() && schema.type != Schema.Type.OBJECT && schema.type != Schema.Type.ARRAY
                    && depth < MAX_DEPTH && conform(hint, schema, key, MAX_DEPTH).equals(hint)) {
                return hint;
            }
        }
        if (schema.nullable && depth > 0) {
            return NODES.nullNode();
        }
        return switch (schema.type) {
            case OBJECT -> {
                ObjectNode out = NODES.objectNode();
                if (depth < MAX_DEPTH) {
                    for (String required : schema.required) {
                        out.set(required, synthesize(schema.properties.get(required), required, depth + 1));
                    }
                }
                yield out;
            }
            case ARRAY -> {
                ArrayNode out = NODES.arrayNode();
                padToMinimum(out, schema, key, depth);
                yield out;
            }
            case STRING -> NODES.textNode(syntheticString(schema, key));
            case INTEGER -> NODES.numberNode(syntheticNumber(schema).longValue());
            case NUMBER -> NODES.numberNode(syntheticNumber(schema));
            case BOOLEAN -> NODES.booleanNode(false);
            case ANY -> NODES.textNode("");
        };
    }

    private static String syntheticString(Schema schema, String key) {
        String value;
        if (schema.format != null) {
            value = switch (schema.format) {
                case "date" -> LocalDate.now(ZoneOffset.UTC).toString();
                // ISO_INSTANT keeps ":00" seconds, which OffsetDateTime.toString() drops (RFC 3339 requires them).
                case "date-time" -> DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
                case "uuid" -> UUID.randomUUID().toString();
                case "email" -> "user@example.com";
                case "uri", "url", "uri-reference" -> "https://www.example.com";
                default -> null;
            };
            if (value != null) {
                return value;
            }
        }
        if (key.endsWith("_id") || key.equals("id") || key.endsWith("_token")) {
            value = Ids.objectId();
        } else if (key.endsWith("currency_code")) {
            value = "USD";
        } else if (key.equals("country") || key.endsWith("country_code")) {
            value = "US";
        } else {
            value = key.isEmpty() ? "value" : key.replace('_', ' ');
        }
        int min = schema.minLength == null ? 0 : schema.minLength;
        StringBuilder padded = new StringBuilder(value);
        while (padded.length() < min) {
            padded.append('x');
        }
        if (schema.maxLength != null && padded.length() > schema.maxLength) {
            padded.setLength(schema.maxLength);
        }
        return padded.toString();
    }

    private static BigDecimal syntheticNumber(Schema schema) {
        BigDecimal value = BigDecimal.ZERO;
        if (schema.minimum != null && value.compareTo(schema.minimum) <= 0) {
            value = schema.exclusiveMinimum ? schema.minimum.add(BigDecimal.ONE) : schema.minimum;
        }
        if (schema.maximum != null && value.compareTo(schema.maximum) >= 0) {
            value = schema.exclusiveMaximum ? schema.maximum.subtract(BigDecimal.ONE) : schema.maximum;
        }
        return value;
    }

    private static boolean inRange(BigDecimal value, Schema schema) {
        if (schema.minimum != null) {
            int cmp = value.compareTo(schema.minimum);
            if (cmp < 0 || (cmp == 0 && schema.exclusiveMinimum)) {
                return false;
            }
        }
        if (schema.maximum != null) {
            int cmp = value.compareTo(schema.maximum);
            return cmp < 0 || (cmp == 0 && !schema.exclusiveMaximum);
        }
        return true;
    }

    private static boolean stringFits(String text, Schema schema) {
        int length = text.codePointCount(0, text.length());
        if ((schema.minLength != null && length < schema.minLength) || (schema.maxLength != null && length > schema.maxLength)) {
            return false;
        }
        if (schema.pattern != null && !schema.pattern.matcher(text).find()) {
            return false;
        }
        if (schema.format == null) {
            return true;
        }
        return switch (schema.format) {
            case "date" -> RequestValidator.isDate(text);
            case "date-time" -> RequestValidator.isDateTime(text);
            case "uuid" -> isUuid(text);
            case "email" -> text.indexOf('@') > 0 && text.indexOf('@') < text.length() - 1;
            case "uri" -> isAbsoluteUri(text);
            default -> true;
        };
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isAbsoluteUri(String text) {
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
