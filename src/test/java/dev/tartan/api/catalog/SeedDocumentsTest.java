package dev.tartan.api.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Re-derives the bundled seed list from the two seed documents, where they are at hand (beside
 * the checkout, in ../shared/seeds, or wherever TARTAN_SEEDS_DIR points), so the bundled list
 * cannot drift from its source.
 */
class SeedDocumentsTest {

    private static final Pattern OPERATION_LINE = Pattern.compile("(?m)^plaid\\.([a-zA-Z0-9]+)");
    private static final Pattern PARTNER_ENDPOINT = Pattern.compile("(?m)^(/processor/[a-z_/]+) \\|");

    @Test
    void bundledListMatchesTheSeedDocuments() throws IOException {
        Path seeds = Path.of(System.getenv().getOrDefault("TARTAN_SEEDS_DIR", "../shared/seeds"));
        Path operations = seeds.resolve("plaid-api-operations.txt");
        Path partner = seeds.resolve("plaid-processor-partner-endpoints.txt");
        assumeTrue(Files.isRegularFile(operations) && Files.isRegularFile(partner), "seed documents not present here");

        OperationCatalog catalog = OperationCatalog.loadBundled();
        Set<String> bundledIds = new LinkedHashSet<>();
        Set<String> bundledPaths = new LinkedHashSet<>();
        for (String[] entry : SeedOperations.bundled()) {
            bundledIds.add(entry[0]);
            bundledPaths.add(entry[1]);
        }

        // The operation list runs an operationId straight into its description ("accountsGetThe ..."):
        // the longest bundled id that starts the run is the operation.
        List<String> ids = new ArrayList<>(bundledIds);
        ids.remove("-");
        ids.sort(Comparator.comparingInt(String::length).reversed());
        Matcher m = OPERATION_LINE.matcher(Files.readString(operations));
        int count = 0;
        while (m.find()) {
            String run = m.group(1);
            assertThat(ids).as("an id starts %s", run).anyMatch(run::startsWith);
            count++;
        }
        assertThat(count).isEqualTo(bundledIds.size() - 1);

        Matcher p = PARTNER_ENDPOINT.matcher(Files.readString(partner));
        int partnerCount = 0;
        while (p.find()) {
            assertThat(bundledPaths).contains(p.group(1));
            assertThat(catalog.find(p.group(1))).isPresent();
            partnerCount++;
        }
        assertThat(partnerCount).isEqualTo(15);
    }
}
