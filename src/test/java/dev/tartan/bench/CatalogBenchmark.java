package dev.tartan.bench;

import dev.tartan.api.catalog.OperationCatalog;
import dev.tartan.model.Operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long the operation catalog takes to load: the first load in a fresh JVM (what a user waits
 * for, off the FX thread), warm reloads, and the first use of examples and validation.
 *
 * Run: mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tartan.bench.CatalogBenchmark
 */
public final class CatalogBenchmark {

    public static void main(String[] args) {
        long start = System.nanoTime();
        OperationCatalog catalog = OperationCatalog.loadBundled();
        double cold = millis(start);

        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long s = System.nanoTime();
            OperationCatalog.loadBundled();
            warm.add(millis(s));
        }
        Collections.sort(warm);

        Operation accounts = catalog.find("/accounts/get").orElseThrow();
        long s = System.nanoTime();
        var example = catalog.exampleRequest(accounts);
        double firstExample = millis(s);
        s = System.nanoTime();
        catalog.validateRequest(accounts, example);
        double firstValidation = millis(s);
        s = System.nanoTime();
        catalog.validateRequest(accounts, example);
        double secondValidation = millis(s);
        s = System.nanoTime();
        for (Operation op : catalog.operations()) {
            catalog.exampleRequest(op);
        }
        double allExamples = millis(s);

        System.out.println();
        System.out.println("| catalog (" + catalog.operations().size() + " operations)        | ms     |");
        System.out.println("|----------------------------------------|--------|");
        row("first load in a fresh JVM", cold);
        row("warm load, median of 7", warm.get(warm.size() / 2));
        row("first example request", firstExample);
        row("first validation (schema compile)", firstValidation);
        row("second validation, same operation", secondValidation);
        row("example requests for every operation", allExamples);
    }

    private static void row(String label, double ms) {
        System.out.printf("| %-38s | %6.1f |%n", label, ms);
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
