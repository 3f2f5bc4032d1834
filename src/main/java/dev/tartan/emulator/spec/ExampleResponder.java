package dev.tartan.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Ids;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers from the spec: the operation's example response made schema-valid (see {@link Conformer}),
 * with every identifier and token redrawn on each call so that two answers never share ids. Used for
 * every operation without a stateful handler, and by handlers that fill only part of an answer.
 */
public final class ExampleResponder {
    /** Identifiers that name catalogue entries or the caller rather than a new object: kept as they are. */
    private static final Set<String> STABLE_KEYS = Set.of("client_id", "institution_id", "category_id", "request_id",
            "country_code", "ruleset_id", "template_id", "program_id");

    private final Map<SpecOperation, Template> templates = new ConcurrentHashMap<>();

    /** Answer values prepared once per operation. */
    private record Template(ObjectNode body, Set<String> freshenable) {
    }

    /** A fresh, schema-valid answer for a JSON operation. */
    public ObjectNode respond(SpecOperation operation) {
        Template template = templates.computeIfAbsent(operation, ExampleResponder::template);
        ObjectNode body = template.body().deepCopy();
        freshen(body, template.freshenable(), new HashMap<>());
        return body;
    }

    private static Template template(SpecOperation operation) {
        JsonNode conformed = Conformer.conform(operation.responseExample(), operation.responseSchema());
        ObjectNode body = conformed.isObject() ? (ObjectNode) conformed : JsonNodeFactory.instance.objectNode();
        Set<String> freshenable = new HashSet<>();
        collectIdentifiers(body, operation.responseSchema(), freshenable);
        return new Template(body, freshenable);
    }

    /** Finds the identifier values whose schema leaves them free (no enum, pattern or special format). */
    private static void collectIdentifiers(JsonNode value, Schema schema, Set<String> out) {
        if (schema == null) {
            return;
        }
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Schema property = schema.properties.get(field.getKey());
                if (property == null) {
                    continue;
                }
                JsonNode child = field.getValue();
                if (isIdentifierKey(field.getKey())) {
                    if (child.isTextual() && isFree(property)) {
                        out.add(child.asText());
                    } else if (child.isArray() && property.items != null && isFree(property.items)) {
                        child.forEach(element -> {
                            if (element.isTextual()) {
                                out.add(element.asText());
                            }
                        });
                    }
                }
                collectIdentifiers(child, property, out);
            }
        } else if (value.isArray()) {
            value.forEach(element -> collectIdentifiers(element, schema.items, out));
        }
    }

    private static boolean isFree(Schema schema) {
        return schema.type == Schema.Type.STRING && schema.enumValues == null && schema.pattern == null
                && schema.minLength == null && schema.maxLength == null
                && (schema.format == null || schema.format.equals("uuid"));
    }

    private static boolean isIdentifierKey(String key) {
        if (STABLE_KEYS.contains(key)) {
            return false;
        }
        return key.equals("id") || key.endsWith("_id") || key.endsWith("_ids") || key.endsWith("_token");
    }

    private static void freshen(JsonNode node, Set<String> freshenable, Map<String, String> replacements) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode child = field.getValue();
                if (isIdentifierKey(field.getKey())) {
                    if (child.isTextual() && freshenable.contains(child.asText())) {
                        field.setValue(JsonNodeFactory.instance.textNode(
                                replacements.computeIfAbsent(child.asText(), Ids::freshLike)));
                        continue;
                    }
                    if (child.isArray()) {
                        ArrayNode array = (ArrayNode) child;
                        for (int i = 0; i < array.size(); i++) {
                            JsonNode element = array.get(i);
                            if (element.isTextual() && freshenable.contains(element.asText())) {
                                array.set(i, JsonNodeFactory.instance.textNode(
                                        replacements.computeIfAbsent(element.asText(), Ids::freshLike)));
                            }
                        }
                        continue;
                    }
                }
                freshen(child, freshenable, replacements);
            }
        } else if (node.isArray()) {
            node.forEach(element -> freshen(element, freshenable, replacements));
        }
    }
}
