package dev.tartan.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every operation of the bundled Plaid specs. Where both specs define a path the newer one wins; the
 * older one only contributes what the newer dropped (the {@code /deposit_switch/*} operations).
 * Loaded from the JSON the build derives from the YAML specs; immutable and thread-safe once built.
 */
public final class SpecCatalog {
    /** Newest first: the first spec that defines a path gives its definition. */
    public static final List<String> SPEC_VERSIONS = List.of("plaid-2020-09-14_1.697.4", "plaid-2020-09-14_1.334.0");
    /**
     * The emulator's own Sandbox-only operations (such as {@code /sandbox/watchlist_screening/individual/rescan}),
     * defined like the specs' and checked the same way; they come after the specs and never redefine a path of theirs.
     */
    private static final String EXTENSIONS = "tartan-emulator-extensions";

    private static final Pattern TEMPLATE_SEGMENT = Pattern.compile("\\{[^/}]+}|:[^/]+");

    private final Map<String, SpecOperation> exact = new LinkedHashMap<>();
    private final List<TemplatedOperation> templated = new ArrayList<>();
    private final Map<String, SchemaCompiler> compilers = new LinkedHashMap<>();

    private record TemplatedOperation(Pattern pattern, SpecOperation operation) {
    }

    private SpecCatalog() {
    }

    /** Loads the specs bundled on the classpath under {@code /spec/}, then the emulator's extensions ({@code /emulator/extensions.json}). */
    public static SpecCatalog load(ObjectMapper mapper) {
        SpecCatalog catalog = new SpecCatalog();
        for (String version : SPEC_VERSIONS) {
            catalog.add(version, read(mapper, "/spec/" + version + ".json"));
        }
        catalog.add(EXTENSIONS, read(mapper, "/emulator/extensions.json"));
        return catalog;
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = SpecCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled spec " + resource + " is missing from the classpath (run the Maven build)");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled spec " + resource, e);
        }
    }

    private void add(String version, JsonNode document) {
        SchemaCompiler compiler = new SchemaCompiler(document);
        compiler.compileAll();
        compilers.put(version, compiler);
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!method.getValue().has("responses")) {
                    continue; // vendor extensions such as x-hidden-from-docs
                }
                String key = key(method.getKey(), path.getKey());
                if (exact.containsKey(key)) {
                    continue;
                }
                SpecOperation operation = operation(version, compiler, method.getKey(), path.getKey(), method.getValue());
                exact.put(key, operation);
                if (operation.hasPathTemplate()) {
                    String regex = TEMPLATE_SEGMENT.matcher(Pattern.quote(path.getKey()))
                            .replaceAll("\\\\E[^/]+\\\\Q");
                    templated.add(new TemplatedOperation(Pattern.compile(regex), operation));
                }
            }
        }
    }

    private static SpecOperation operation(String version, SchemaCompiler compiler, String method, String path, JsonNode op) {
        JsonNode requestContent = op.path("requestBody").path("content").path("application/json");
        Schema requestSchema = compiler.compile(requestContent.get("schema"));

        JsonNode success = op.path("responses").path("200");
        if (success.isMissingNode()) {
            success = op.path("responses").path("201");
        }
        String contentType = "application/json";
        JsonNode responseContent = success.path("content").path("application/json");
        Iterator<String> types = success.path("content").fieldNames();
        if (responseContent.isMissingNode() && types.hasNext()) {
            contentType = types.next();
            responseContent = success.path("content").path(contentType);
        }
        Schema responseSchema = contentType.equals("application/json") ? compiler.compile(responseContent.get("schema")) : null;
        JsonNode security = op.get("security");
        boolean authenticated = security == null || !security.isEmpty();
        return new SpecOperation(method.toUpperCase(Locale.ROOT), path, version, op.path("summary").asText(path),
                requestSchema, responseSchema, firstExample(responseContent), contentType, authenticated);
    }

    private static JsonNode firstExample(JsonNode content) {
        if (content.has("example")) {
            return content.get("example");
        }
        Iterator<JsonNode> examples = content.path("examples").elements();
        while (examples.hasNext()) {
            JsonNode value = examples.next().get("value");
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    /** The operation answering {@code method path}, matching templated paths too. */
    public Optional<SpecOperation> find(String method, String path) {
        SpecOperation direct = exact.get(key(method, path));
        if (direct != null) {
            return Optional.of(direct);
        }
        String upper = method.toUpperCase(Locale.ROOT);
        for (TemplatedOperation candidate : templated) {
            if (candidate.operation().method().equals(upper) && candidate.pattern().matcher(path).matches()) {
                return Optional.of(candidate.operation());
            }
        }
        return Optional.empty();
    }

    public Collection<SpecOperation> operations() {
        return Collections.unmodifiableCollection(exact.values());
    }

    /** A named component schema of the given spec, for example a webhook body. */
    public Optional<Schema> component(String specVersion, String name) {
        SchemaCompiler compiler = compilers.get(specVersion);
        return compiler == null ? Optional.empty() : Optional.ofNullable(compiler.component(name));
    }

    /** A named component of the newest spec that defines it. */
    public Optional<Schema> component(String name) {
        for (String version : SPEC_VERSIONS) {
            Optional<Schema> schema = component(version, name);
            if (schema.isPresent()) {
                return schema;
            }
        }
        return Optional.empty();
    }
}
