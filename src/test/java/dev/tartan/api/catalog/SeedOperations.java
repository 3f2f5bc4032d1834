package dev.tartan.api.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The bundled list of operations Tartan was specified from (src/test/resources/catalog/seed-operations.txt). */
final class SeedOperations {
    private SeedOperations() {
    }

    /** Each entry: {operationId or "-", path}. */
    static List<String[]> bundled() throws IOException {
        List<String[]> entries = new ArrayList<>();
        try (InputStream in = SeedOperations.class.getResourceAsStream("/catalog/seed-operations.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    entries.add(line.trim().split("\\s+"));
                }
            }
        }
        return entries;
    }
}
