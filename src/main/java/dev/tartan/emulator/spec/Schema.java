package dev.tartan.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One OpenAPI 3.0 schema with its {@code $ref}s resolved and its {@code allOf} parts merged, reduced
 * to what the emulator checks and builds. Filled once by {@link SchemaCompiler}; read-only afterwards.
 */
public final class Schema {

    enum Type { OBJECT, ARRAY, STRING, INTEGER, NUMBER, BOOLEAN, ANY }

    String name;
    Type type = Type.ANY;
    boolean nullable;
    List<JsonNode> enumValues;
    String format;
    final Map<String, Schema> properties = new LinkedHashMap<>();
    final Set<String> required = new LinkedHashSet<>();
    /** Schema of values under keys that {@link #properties} does not name, when the spec gives one. */
    Schema additionalProperties;
    /** {@code additionalProperties: false}. */
    boolean closed;
    Schema items;
    BigDecimal minimum;
    BigDecimal maximum;
    boolean exclusiveMinimum;
    boolean exclusiveMaximum;
    Integer minLength;
    Integer maxLength;
    Integer minItems;
    Integer maxItems;
    Pattern pattern;
    JsonNode example;
    JsonNode defaultValue;

    Schema() {
    }

    /** The allowed values, empty when the schema has no enum. */
    public List<JsonNode> enumValues() {
        return enumValues == null ? List.of() : enumValues;
    }

    /**
     * Whether keys outside {@link #properties} are foreign to this object. Plaid's specs mark nearly every
     * object {@code additionalProperties: true}, yet Plaid rejects fields it does not know; so any object
     * that lists its properties is treated as closed, unless it gives a schema for the other keys.
     */
    boolean rejectsUnknownKeys() {
        return closed || (!properties.isEmpty() && additionalProperties == null);
    }

    /** True for an object whose keys are free (a map or an opaque object). */
    boolean isFreeForm() {
        return type == Type.OBJECT && properties.isEmpty();
    }

    @Override
    public String toString() {
        return name != null ? name : type.name().toLowerCase(Locale.ROOT);
    }
}
