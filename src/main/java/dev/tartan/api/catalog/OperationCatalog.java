package dev.tartan.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.model.Operation;
import dev.tartan.model.PlaidLinks;
import dev.tartan.model.RequestField;
import dev.tartan.model.SchemaProblem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every Plaid operation Tartan knows, read from the bundled specs: the current one first, then the
 * older one for the operations Plaid has since dropped. Loading parses a few megabytes of JSON;
 * do it once, off the FX thread ({@link #loadBundled()} is blocking).
 */
public final class OperationCatalog {

    /** The bundled specs, newest first: a path takes its definition from the first that has it. */
    public static final List<String> BUNDLED_SPECS = List.of(
            "plaid-2020-09-14_1.697.4",
            "plaid-2020-09-14_1.334.0");

    private static final String DOCS_BASE = "https://plaid.com/docs";
    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final Map<String, Entry> byPath;
    private final List<Operation> operations;
    private final Map<SpecDocument, SchemaValidator> validators = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> exampleRequests = new ConcurrentHashMap<>();

    /** What the catalog keeps about an operation beyond its public description. */
    private record Entry(Operation operation, SpecDocument spec, String requestRef, String responseRef,
                         JsonNode responseExample, Pattern pathPattern) {
    }

    private OperationCatalog(List<SpecDocument> newestFirst) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (SpecDocument spec : newestFirst) {
            Iterator<Map.Entry<String, JsonNode>> paths = spec.paths().fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> pathItem = paths.next();
                if (entries.containsKey(pathItem.getKey())) {
                    continue;
                }
                Iterator<Map.Entry<String, JsonNode>> methods = pathItem.getValue().fields();
                while (methods.hasNext()) {
                    Map.Entry<String, JsonNode> method = methods.next();
                    if (HTTP_METHODS.contains(method.getKey())) {
                        entries.put(pathItem.getKey(), entry(spec, pathItem.getKey(), method.getKey(), method.getValue()));
                    }
                }
            }
        }
        List<Operation> sorted = new ArrayList<>();
        entries.values().forEach(e -> sorted.add(e.operation()));
        sorted.sort(Comparator.comparing(Operation::group).thenComparing(Operation::path));
        this.byPath = Collections.unmodifiableMap(entries);
        this.operations = List.copyOf(sorted);
    }

    /** Loads the catalog from the specs bundled in the build. Blocking: a few hundred milliseconds. */
    public static OperationCatalog loadBundled() {
        ObjectMapper mapper = new ObjectMapper();
        List<SpecDocument> specs = new ArrayList<>();
        for (String name : BUNDLED_SPECS) {
            specs.add(SpecDocument.fromClasspath(name, mapper));
        }
        return new OperationCatalog(specs);
    }

    /** Every operation, grouped by product, then by path. */
    public List<Operation> operations() {
        return operations;
    }

    /**
     * The operation at {@code path}: an exact path ({@code /accounts/get}), a concrete path that fills
     * a templated one ({@code /fdx/recipient/abc} for {@code /fdx/recipient/{recipientId}}), or an
     * operationId ({@code accountsGet}).
     */
    public Optional<Operation> find(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        String wanted = path.trim();
        String asPath = wanted.startsWith("/") ? wanted : "/" + wanted;
        Entry exact = byPath.get(asPath);
        if (exact != null) {
            return Optional.of(exact.operation());
        }
        for (Entry entry : byPath.values()) {
            if (entry.operation().operationId().equalsIgnoreCase(wanted)
                    || (entry.pathPattern() != null && entry.pathPattern().matcher(asPath).matches())) {
                return Optional.of(entry.operation());
            }
        }
        return Optional.empty();
    }

    /**
     * Up to {@code limit} operations whose path or operationId is a typing mistake or two away from
     * {@code name} (case aside), closest first: the "did you mean" for a name {@link #find} does not know.
     */
    public List<Operation> closeTo(String name, int limit) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        String asPath = wanted.startsWith("/") ? wanted : "/" + wanted;
        int tolerance = Math.max(2, wanted.length() / 5);
        Map<Operation, Integer> distances = new LinkedHashMap<>();
        for (Operation op : operations) {
            int distance = Math.min(editDistance(asPath, op.path().toLowerCase(Locale.ROOT)),
                    editDistance(wanted, op.operationId().toLowerCase(Locale.ROOT)));
            if (distance <= tolerance) {
                distances.put(op, distance);
            }
        }
        return distances.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Levenshtein: the fewest single-character insertions, deletions and substitutions from a to b. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * Operations matching every word of {@code query} in their path, operationId, summary or product;
     * all of them for a blank query. Paths that start with the query come first.
     */
    public List<Operation> search(String query) {
        if (query == null || query.isBlank()) {
            return operations;
        }
        String[] words = query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        String first = words[0];
        List<Operation> hits = new ArrayList<>();
        for (Operation op : operations) {
            String haystack = (op.path() + " " + op.operationId() + " " + op.summary() + " " + op.group())
                    .toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String word : words) {
                all &= haystack.contains(word);
            }
            if (all) {
                hits.add(op);
            }
        }
        hits.sort(Comparator.comparing((Operation op) -> !op.path().startsWith(first.startsWith("/") ? first : "/" + first)));
        return hits;
    }

    /**
     * An example body for the operation that its request schema accepts: required fields only,
     * tokens as placeholders, no credentials (the client sends those as headers). A fresh copy.
     */
    public ObjectNode exampleRequest(Operation operation) {
        Entry entry = entry(operation);
        return exampleRequests.computeIfAbsent(operation.path(), path -> entry.requestRef() == null
                ? JsonNodeFactory.instance.objectNode()
                : new ExampleSynthesizer(entry.spec()).request(entry.spec().schemaAt(entry.requestRef())))
                .deepCopy();
    }

    /** An example reply: the spec's own example when it has one, else one built from the schema; null for files. */
    public JsonNode exampleResponse(Operation operation) {
        Entry entry = entry(operation);
        if (operation.returnsFile()) {
            return null;
        }
        if (entry.responseExample() != null) {
            return entry.responseExample().deepCopy();
        }
        if (entry.responseRef() == null) {
            return null;
        }
        return new ExampleSynthesizer(entry.spec()).response(entry.spec().schemaAt(entry.responseRef()));
    }

    /** Problems with a request body before it is sent: the schema's rules and Plaid's ban on unknown fields. */
    public List<SchemaProblem> validateRequest(Operation operation, JsonNode body) {
        Entry entry = entry(operation);
        if (entry.requestRef() == null) {
            return body == null || body.isEmpty()
                    ? List.of()
                    : List.of(new SchemaProblem("", operation.method() + " " + operation.path() + " takes no body"));
        }
        if (body == null || !body.isObject()) {
            return List.of(new SchemaProblem("", "the body must be a JSON object"));
        }
        return validator(entry).validate(entry.requestRef(), withCredentialsPresent(body), true);
    }

    /** Problems with a reply body against the operation's response schema (used by tests and diagnostics). */
    public List<SchemaProblem> validateResponse(Operation operation, JsonNode body) {
        Entry entry = entry(operation);
        return entry.responseRef() == null ? List.of() : validator(entry).validate(entry.responseRef(), body, false);
    }

    /** The request schema, resolved one level: its {@code properties}, {@code required} and description. */
    public JsonNode requestSchema(Operation operation) {
        Entry entry = entry(operation);
        return entry.requestRef() == null ? JsonNodeFactory.instance.objectNode() : entry.spec().schemaAt(entry.requestRef());
    }

    /**
     * Some request schemas list client_id and secret as required; the client sends them as headers,
     * which Plaid accepts instead, so a body without them is not wrong.
     */
    private static JsonNode withCredentialsPresent(JsonNode body) {
        if (body.has("client_id") && body.has("secret")) {
            return body;
        }
        ObjectNode copy = (ObjectNode) body.deepCopy();
        if (!copy.has("client_id")) {
            copy.put("client_id", "sent-as-header");
        }
        if (!copy.has("secret")) {
            copy.put("secret", "sent-as-header");
        }
        return copy;
    }

    /**
     * The fields a form offers for the operation's request body, in the schema's order: nested
     * objects opened into dotted paths, credentials left out (see {@link RequestFields}).
     */
    public List<RequestField> requestFields(Operation operation) {
        Entry entry = entry(operation);
        return entry.requestRef() == null ? List.of() : new RequestFields(entry.spec()).of(entry.spec().schemaAt(entry.requestRef()));
    }

    /**
     * The values a request field accepts when its schema is an enum (the webhook codes of
     * /sandbox/item/fire_webhook, the processors of /processor/token/create); empty otherwise.
     * {@code field} is a dotted path from the body ({@code options.webhook}).
     */
    public List<String> enumOf(Operation operation, String field) {
        Entry entry = entry(operation);
        if (entry.requestRef() == null) {
            return List.of();
        }
        JsonNode schema = entry.spec().schemaAt(entry.requestRef());
        for (String name : field.split("\\.")) {
            schema = propertyOf(entry.spec(), entry.spec().resolve(schema), name);
            if (schema == null) {
                return List.of();
            }
        }
        List<String> values = new ArrayList<>();
        JsonNode resolved = entry.spec().resolve(schema);
        JsonNode enumeration = resolved.has("items") ? entry.spec().resolve(resolved.get("items")).path("enum") : resolved.path("enum");
        enumeration.forEach(value -> {
            if (!value.isNull()) {
                values.add(value.asText());
            }
        });
        return values;
    }

    private static JsonNode propertyOf(SpecDocument spec, JsonNode schema, String name) {
        if (schema.path("properties").has(name)) {
            return schema.path("properties").get(name);
        }
        for (JsonNode part : schema.path("allOf")) {
            JsonNode found = propertyOf(spec, spec.resolve(part), name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private SchemaValidator validator(Entry entry) {
        return validators.computeIfAbsent(entry.spec(), SchemaValidator::new);
    }

    private Entry entry(Operation operation) {
        Entry entry = byPath.get(operation.path());
        if (entry == null) {
            throw new IllegalArgumentException("Not in the catalog: " + operation.path());
        }
        return entry;
    }

    private static Entry entry(SpecDocument spec, String path, String method, JsonNode definition) {
        JsonNode success = successResponse(definition.path("responses"));
        String contentType = "application/json";
        JsonNode successContent = null;
        Iterator<Map.Entry<String, JsonNode>> contents = success.path("content").fields();
        if (contents.hasNext()) {
            Map.Entry<String, JsonNode> first = contents.next();
            contentType = first.getKey();
            successContent = first.getValue();
        }
        String docs = definition.path("externalDocs").path("url").asText(null);
        if (docs != null && docs.startsWith("/")) {
            docs = DOCS_BASE + docs;
        }
        // Some operations' link is a placeholder (/none/, none): no link beats a dead one.
        if (!PlaidLinks.isPlaidPage(docs)) {
            docs = null;
        }
        String upperMethod = method.toUpperCase(Locale.ROOT);
        Operation operation = new Operation(
                upperMethod,
                path,
                definition.path("operationId").asText(path),
                ProductGroups.of(path),
                definition.path("summary").asText(""),
                definition.path("description").asText(""),
                docs,
                OperationRules.flagsOf(upperMethod, path, definition.path("deprecated").asBoolean(false)),
                spec.version(),
                contentType);
        String requestRef = definition.path("requestBody").path("content").path("application/json")
                .path("schema").path("$ref").asText(null);
        String responseRef = successContent == null ? null : successContent.path("schema").path("$ref").asText(null);
        JsonNode example = successContent == null || !contentType.contains("json") ? null : exampleOf(successContent);
        return new Entry(operation, spec, requestRef, responseRef, example, templatePattern(path));
    }

    private static JsonNode successResponse(JsonNode responses) {
        for (String code : List.of("200", "201", "204")) {
            if (responses.has(code)) {
                return responses.get(code);
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static JsonNode exampleOf(JsonNode content) {
        if (content.has("example")) {
            return content.get("example");
        }
        Iterator<JsonNode> examples = content.path("examples").elements();
        if (examples.hasNext()) {
            JsonNode first = examples.next();
            if (first.has("value")) {
                return first.get("value");
            }
        }
        return null;
    }

    /** For {@code /fdx/recipient/{recipientId}}: a pattern matching its concrete paths; null for plain paths. */
    private static Pattern templatePattern(String path) {
        if (!path.contains("{")) {
            return null;
        }
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
