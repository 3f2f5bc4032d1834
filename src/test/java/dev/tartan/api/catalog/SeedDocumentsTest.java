package dev.tartan.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tartan.model.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the catalog to the two documents Tartan was specified from (bundled in
 * src/test/resources/seeds/): every operation they name is one catalog operation at its exact
 * path, and the bundled seed list (catalog/seed-operations.txt) says what they say.
 */
class SeedDocumentsTest {

    /** The spec the operation list was extracted from. */
    private static final String SEED_SPEC = "plaid-2020-09-14_1.334.0";

    /**
     * Path items of the seed spec that define no operation in any bundled spec: the reference
     * counts them among Tartan's 208 operations, but there is nothing to call, so the catalog
     * cannot have them. Each is checked to be still without an operation.
     */
    private static final Set<String> WITHOUT_OPERATION = Set.of(
            // An empty path item ({}) in 1.334.0 and in 1.697.4.
            "/transactions/recurring/deactivate");

    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern OPERATION_LINE = Pattern.compile("(?m)^plaid\\.([a-zA-Z0-9]+)");
    private static final Pattern PARTNER_ENDPOINT = Pattern.compile("(?m)^(/processor/[a-z_/]+) \\|");

    static OperationCatalog catalog;
    static Set<String> catalogPaths;
    /** operationId to path, for every operation of the seed spec. */
    static Map<String, String> seedSpecOperations;

    @BeforeAll
    static void load() {
        catalog = OperationCatalog.loadBundled();
        catalogPaths = catalog.operations().stream().map(Operation::path).collect(Collectors.toSet());
        seedSpecOperations = new LinkedHashMap<>();
        pathItems(SEED_SPEC).forEach((path, item) -> HTTP_METHODS.forEach(method -> {
            JsonNode definition = item.path(method);
            if (definition.has("operationId")) {
                seedSpecOperations.put(definition.get("operationId").asText(), path);
            }
        }));
    }

    @Test
    void everyListedOperationIsOneCatalogOperationAtItsExactPath() throws IOException {
        List<String> ids = listedOperationIds();

        assertThat(ids).as("each operation listed once").doesNotHaveDuplicates();
        assertThat(ids).as("the list is the seed spec's operations").containsExactlyInAnyOrderElementsOf(seedSpecOperations.keySet());
        assertThat(ids).as("listed operations missing from the catalog at their exact path")
                .filteredOn(id -> !catalogPaths.contains(seedSpecOperations.get(id))).isEmpty();
        assertThat(ids).as("listed operations the catalog knows under another path")
                .filteredOn(id -> !catalog.find(id).map(Operation::path).orElse("").equals(seedSpecOperations.get(id))).isEmpty();
    }

    @Test
    void everyPartnerEndpointIsInTheCatalogAtItsExactPath() throws IOException {
        List<String> endpoints = partnerEndpoints();

        assertThat(endpoints).as("partner endpoints missing from the catalog").filteredOn(path -> !catalogPaths.contains(path)).isEmpty();
        assertThat(endpoints).hasSize(15).doesNotHaveDuplicates();
    }

    @Test
    void theSeedSpecsPathsWithoutAnOperationAreTheKnownExceptionsAndStillHaveNone() {
        Set<String> withoutOperation = new TreeSet<>();
        pathItems(SEED_SPEC).forEach((path, item) -> {
            if (!definesAnOperation(item)) {
                withoutOperation.add(path);
            }
        });
        assertThat(withoutOperation).isEqualTo(WITHOUT_OPERATION);
        for (String spec : OperationCatalog.BUNDLED_SPECS) {
            Map<String, JsonNode> items = pathItems(spec);
            assertThat(WITHOUT_OPERATION).as("now defined in %s: drop them from WITHOUT_OPERATION", spec)
                    .filteredOn(path -> items.containsKey(path) && definesAnOperation(items.get(path))).isEmpty();
        }
        assertThat(catalogPaths).doesNotContainAnyElementsOf(WITHOUT_OPERATION);
    }

    @Test
    void theBundledSeedListSaysWhatTheDocumentsSay() throws IOException {
        Set<String> fromDocuments = new TreeSet<>();
        listedOperationIds().forEach(id -> fromDocuments.add(id + " " + seedSpecOperations.get(id)));
        partnerEndpoints().stream().filter(path -> !seedSpecOperations.containsValue(path))
                .forEach(path -> fromDocuments.add("- " + path));

        Set<String> bundled = SeedOperations.bundled().stream().map(entry -> entry[0] + " " + entry[1])
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(bundled).isEqualTo(fromDocuments);
        // With the paths that define no operation, the 208 the reference README counts.
        assertThat(fromDocuments.size() + WITHOUT_OPERATION.size()).isEqualTo(208);
    }

    /**
     * The operationIds of the operation list, in order. The list runs each id straight into its
     * description ("accountsGetThe ..."): the longest id of the seed spec that starts the run and
     * ends it or meets a capital is the operation.
     */
    private static List<String> listedOperationIds() throws IOException {
        List<String> known = new ArrayList<>(seedSpecOperations.keySet());
        known.sort(Comparator.comparingInt(String::length).reversed());
        List<String> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Matcher line = OPERATION_LINE.matcher(seed("plaid-api-operations.txt"));
        while (line.find()) {
            String run = line.group(1);
            known.stream()
                    .filter(id -> run.startsWith(id) && (run.length() == id.length() || Character.isUpperCase(run.charAt(id.length()))))
                    .findFirst()
                    .ifPresentOrElse(ids::add, () -> unknown.add(run));
        }
        assertThat(unknown).as("listed operations the seed spec does not have").isEmpty();
        return ids;
    }

    /** The paths in the partner reference's table of endpoints. */
    private static List<String> partnerEndpoints() throws IOException {
        List<String> paths = new ArrayList<>();
        Matcher row = PARTNER_ENDPOINT.matcher(seed("plaid-processor-partner-endpoints.txt"));
        while (row.find()) {
            paths.add(row.group(1));
        }
        return paths;
    }

    private static String seed(String name) throws IOException {
        try (InputStream in = SeedDocumentsTest.class.getResourceAsStream("/seeds/" + name)) {
            assertThat(in).as("seed document %s on the test classpath", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every path item of a bundled spec, by path. */
    private static Map<String, JsonNode> pathItems(String specName) {
        Map<String, JsonNode> items = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = SpecDocument.fromClasspath(specName, new ObjectMapper()).paths().fields();
        paths.forEachRemaining(entry -> items.put(entry.getKey(), entry.getValue()));
        return items;
    }

    private static boolean definesAnOperation(JsonNode pathItem) {
        Iterator<String> names = pathItem.fieldNames();
        while (names.hasNext()) {
            if (HTTP_METHODS.contains(names.next())) {
                return true;
            }
        }
        return false;
    }
}
