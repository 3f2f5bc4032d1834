package dev.tartan.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a request body against its operation's schema the way Plaid does: every missing required
 * field is reported together, then every unknown field, then the first field with a wrong type or
 * value. {@code client_id} and {@code secret} are accepted at the top level of every body, and never
 * reported missing here: they may come in headers instead.
 *
 * <p>An explicit {@code null} counts as absent for a field that is not nullable: clients that write
 * nulls for unset optional fields are common and Plaid tolerates them.
 */
public final class RequestValidator {
    private static final Set<String> ALWAYS_ALLOWED = Set.of("client_id", "secret");
    private static final int ENUM_VALUES_SHOWN = 12;

    private RequestValidator() {
    }

    /** The problem with {@code body}, or null when it is valid. */
    public static RequestProblem validate(JsonNode body, Schema schema) {
        Walk walk = new Walk();
        walk.object(body, schema, "", true);
        if (!walk.missing.isEmpty()) {
            return RequestProblem.missing(walk.missing);
        }
        if (!walk.unknown.isEmpty()) {
            return RequestProblem.unknown(walk.unknown);
        }
        return walk.invalid;
    }

    private static final class Walk {
        final List<String> missing = new ArrayList<>();
        final List<String> unknown = new ArrayList<>();
        RequestProblem invalid;

        void object(JsonNode value, Schema schema, String path, boolean topLevel) {
            for (String key : schema.required) {
                if (topLevel && ALWAYS_ALLOWED.contains(key)) {
                    continue; // credentials may come in headers; the server checks them before the schema
                }
                JsonNode field = value.get(key);
                Schema fieldSchema = schema.properties.get(key);
                if (field == null || (field.isNull() && (fieldSchema == null || !fieldSchema.nullable))) {
                    missing.add(join(path, key));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                String fieldPath = join(path, key);
                Schema fieldSchema = schema.properties.get(key);
                if (fieldSchema == null) {
                    if (topLevel && ALWAYS_ALLOWED.contains(key)) {
                        continue;
                    }
                    if (schema.additionalProperties != null) {
                        value(field.getValue(), schema.additionalProperties, fieldPath);
                    } else if (schema.rejectsUnknownKeys()) {
                        unknown.add(fieldPath);
                    }
                    continue;
                }
                value(field.getValue(), fieldSchema, fieldPath);
            }
        }

        void value(JsonNode value, Schema schema, String path) {
            if (value.isNull()) {
                return; // nullable, or an optional field left unset; required ones were checked above
            }
            if (invalid != null && schema.type != Schema.Type.OBJECT && schema.type != Schema.Type.ARRAY) {
                return; // only the first invalid field is reported, but missing and unknown ones are all collected
            }
            switch (schema.type) {
                case OBJECT -> {
                    if (!value.isObject()) {
                        fail(path, path + " must be an object");
                    } else if (!schema.isFreeForm() || schema.additionalProperties != null) {
                        object(value, schema, path, false);
                    }
                }
                case ARRAY -> array(value, schema, path);
                case STRING -> string(value, schema, path);
                case INTEGER -> {
                    if (!value.isNumber() || !isIntegral(value)) {
                        fail(path, path + " must be an integer");
                    } else {
                        range(value.decimalValue(), schema, path);
                    }
                }
                case NUMBER -> {
                    if (!value.isNumber()) {
                        fail(path, path + " must be a number");
                    } else {
                        range(value.decimalValue(), schema, path);
                    }
                }
                case BOOLEAN -> {
                    if (!value.isBoolean()) {
                        fail(path, path + " must be a boolean (true or false)");
                    }
                }
                case ANY -> {
                }
            }
            if (schema.enumValues != null && invalid == null && !schema.enumValues.contains(value)) {
                fail(path, path + " must be one of: " + describe(schema.enumValues));
            }
        }

        private void array(JsonNode value, Schema schema, String path) {
            if (!value.isArray()) {
                fail(path, path + " must be an array");
                return;
            }
            if (schema.minItems != null && value.size() < schema.minItems) {
                fail(path, path + " must contain at least " + schema.minItems + " item" + (schema.minItems == 1 ? "" : "s"));
            }
            if (schema.maxItems != null && value.size() > schema.maxItems) {
                fail(path, path + " must contain at most " + schema.maxItems + " items");
            }
            if (schema.items != null) {
                for (int i = 0; i < value.size(); i++) {
                    value(value.get(i), schema.items, path + "[" + i + "]");
                }
            }
        }

        private void string(JsonNode value, Schema schema, String path) {
            if (!value.isTextual()) {
                fail(path, path + " must be a string");
                return;
            }
            String text = value.asText();
            int length = text.codePointCount(0, text.length());
            if (schema.minLength != null && length < schema.minLength) {
                fail(path, schema.minLength == 1 ? path + " must not be empty"
                        : path + " must be at least " + schema.minLength + " characters long");
            } else if (schema.maxLength != null && length > schema.maxLength) {
                fail(path, path + " must be at most " + schema.maxLength + " characters long");
            } else if (schema.pattern != null && !schema.pattern.matcher(text).find()) {
                fail(path, path + " must match the pattern " + schema.pattern.pattern());
            } else if ("date".equals(schema.format) && !isDate(text)) {
                fail(path, path + " must be a date in YYYY-MM-DD format (got '" + text + "')");
            } else if ("date-time".equals(schema.format) && !isDateTime(text)) {
                fail(path, path + " must be an ISO 8601 date-time with a time zone, such as 2024-05-01T12:00:00Z (got '" + text + "')");
            }
        }

        private void range(BigDecimal number, Schema schema, String path) {
            if (schema.minimum != null) {
                int cmp = number.compareTo(schema.minimum);
                if (cmp < 0 || (cmp == 0 && schema.exclusiveMinimum)) {
                    fail(path, path + " must be " + (schema.exclusiveMinimum ? "greater than " : "at least ")
                            + schema.minimum.toPlainString());
                    return;
                }
            }
            if (schema.maximum != null) {
                int cmp = number.compareTo(schema.maximum);
                if (cmp > 0 || (cmp == 0 && schema.exclusiveMaximum)) {
                    fail(path, path + " must be " + (schema.exclusiveMaximum ? "less than " : "at most ")
                            + schema.maximum.toPlainString());
                }
            }
        }

        private void fail(String path, String message) {
            if (invalid == null) {
                invalid = RequestProblem.invalid(path, message);
            }
        }
    }

    private static String describe(List<JsonNode> values) {
        Set<String> seen = new HashSet<>();
        String shown = values.stream().filter(v -> !v.isNull()).map(JsonNode::asText).filter(seen::add)
                .limit(ENUM_VALUES_SHOWN).collect(Collectors.joining(", "));
        return values.size() > ENUM_VALUES_SHOWN ? shown + ", ..." : shown;
    }

    private static boolean isIntegral(JsonNode value) {
        return value.isIntegralNumber() || value.canConvertToExactIntegral();
    }

    static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
