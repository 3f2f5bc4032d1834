package dev.tartan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.Latency;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.model.TransactionRow;
import dev.tartan.model.TransactionSource;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.CatalogService;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.ItemService;
import dev.tartan.service.ProcessorTokenService;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.TransactionSyncService;
import dev.tartan.testing.EmulatorServices;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.TaskCenter;
import dev.tartan.ui.common.data.Outcome;
import dev.tartan.ui.common.data.TransactionsViewModel;
import dev.tartan.ui.items.ItemData;
import dev.tartan.ui.items.ItemViewModel;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The Items pane's figures, through its real view models on a headless JavaFX toolkit, against the
 * built-in emulator answering every call after 200 ms:
 * opening an Item (all eight calls in parallel) uncached and then cached (first paint of cached data),
 * syncing 100,000 transactions into the vault, filtering them per keystroke, and the heap those rows take.
 *
 * Run: mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tartan.bench.ItemsBenchmark
 */
public final class ItemsBenchmark {

    private static final int LATENCY_MS = 200;
    private static final int TRANSACTIONS = 100_000;

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        Path folder = Files.createTempDirectory("tartan-items-bench-");
        EmulatorConfig config = EmulatorConfig.builder().latency(Latency.parse(String.valueOf(LATENCY_MS))).build();
        try (EmulatorServices services = new EmulatorServices(config, folder, 8)) {
            CachedCalls calls = new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC());
            ItemService items = new ItemService(services.gateway, calls, services.vault, services.io);
            TransactionSyncService transactions = new TransactionSyncService(services.gateway, services.vault, services.io, Clock.systemUTC());
            TaskCenter tasks = new TaskCenter();
            CatalogService catalog = new CatalogService(services.io);
            TokenBookService tokenBook = new TokenBookService(services.vault, services.io);
            ProcessorTokenService processorTokens = new ProcessorTokenService(calls, catalog, services.vault, services.io);
            JsonNode item = services.newItem("user_good");
            TokenEntry entry = services.vault.tokens().save(TokenEntry.of(TokenKind.ACCESS, item.path("access_token").asText(),
                    services.profile.name(), item.path("item_id").asText()));

            List<Double> uncached = new ArrayList<>();
            List<Double> cachedFirstPaint = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                services.vault.cache().clear(services.profile.name());
                ItemViewModel model = onFx(() -> new ItemViewModel(new PaneServices(calls, tokenBook,
                        new InstitutionService(services.gateway, calls), catalog, tasks, new SimpleObjectProperty<>(services.profile)),
                        items, transactions, processorTokens, (old, fresh) -> { }, gone -> { }));
                uncached.add(timeToAllTabs(model, services, entry, Outcome::hasData, false));
                // Reopening: the tabs paint what the vault cached, while the fresh calls run.
                cachedFirstPaint.add(timeToAllTabs(model, services, entry, Outcome::hasData, true));
                onFx(() -> {
                    model.close();
                    return null;
                });
            }

            TransactionsFigures figures = transactionFigures(services, transactions, tasks);
            System.out.println();
            System.out.println("Items pane, emulator answering every call after " + LATENCY_MS + " ms (load average "
                    + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + ")");
            Table.print(List.of("figure", "median", "runs", "target"), List.of(
                    new String[] {"open an Item, uncached (8 calls in parallel, all tabs filled)", ms(median(uncached)), list(uncached),
                        "close to " + LATENCY_MS + " ms"},
                    new String[] {"open it again, cached: first paint of every tab", ms(median(cachedFirstPaint)), list(cachedFirstPaint),
                        "< 100 ms"},
                    new String[] {"sync 100,000 transactions of a new Item into the vault", ms(figures.syncMs()), "", "< 15 s"},
                    new String[] {"load 100,000 stored transactions into the table model", ms(figures.loadMs()), "", ""},
                    new String[] {"filter 100,000 rows, per keystroke (median of " + figures.keystrokes().size() + ")",
                        ms(median(figures.keystrokes())), list(figures.keystrokes()), "< 50 ms"},
                    new String[] {"heap used by the 100,000 rows in the table model (after GC)", String.format("%.0f MB", figures.heapMb()),
                        "", "< 400 MB"}));
        }
        Platform.exit();
        System.exit(0);
    }

    /** Opens the Item and waits until every data tab satisfies {@code done}; milliseconds. */
    private static double timeToAllTabs(ItemViewModel model, EmulatorServices services, TokenEntry entry,
                                        Function<Outcome<JsonNode>, Boolean> done, boolean firstPaintOnly) throws Exception {
        CountDownLatch all = new CountDownLatch(1);
        long[] start = new long[1];
        onFx(() -> {
            List<ReadOnlyObjectProperty<Outcome<JsonNode>>> tabs = Stream.of(ItemData.values()).map(model::stateOf).toList();
            Runnable check = () -> {
                boolean every = tabs.stream().allMatch(tab -> tab.get() != null && (done.apply(tab.get())
                        || tab.get().phase() == Outcome.Phase.FAILED || tab.get().phase() == Outcome.Phase.EMPTY)
                        && (firstPaintOnly || !tab.get().refreshing()));
                if (every) {
                    all.countDown();
                }
            };
            tabs.forEach(tab -> tab.addListener((obs, old, now) -> check.run()));
            start[0] = System.nanoTime();
            model.open(services.profile, entry);
            return null;
        });
        if (!all.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The Item's tabs did not all load");
        }
        double ms = (System.nanoTime() - start[0]) / 1e6;
        if (firstPaintOnly) {
            Thread.sleep(LATENCY_MS * 3L); // let the fresh calls land before the next run
        }
        return ms;
    }

    private record TransactionsFigures(double syncMs, double loadMs, List<Double> keystrokes, double heapMb) {
    }

    private static TransactionsFigures transactionFigures(EmulatorServices services, TransactionSyncService transactions, TaskCenter tasks)
            throws Exception {
        JsonNode big = services.newItem("user_transactions_" + TRANSACTIONS);
        TransactionSource source = TransactionSource.item(big.path("access_token").asText(), big.path("item_id").asText());
        long syncStart = System.nanoTime();
        transactions.sync(services.profile, source, (done, total, message) -> { }).get(10, TimeUnit.MINUTES);
        double syncMs = (System.nanoTime() - syncStart) / 1e6;
        long heapBefore = usedHeapAfterGc();
        List<TransactionRow> stored = transactions.transactions(services.profile, source).get(5, TimeUnit.MINUTES);
        TransactionsViewModel model = onFx(() -> new TransactionsViewModel(transactions, tasks, call -> { }));
        long loadStart = System.nanoTime();
        onFx(() -> {
            model.rows().setAll(stored);
            return null;
        });
        double loadMs = (System.nanoTime() - loadStart) / 1e6;

        List<Double> keystrokes = new ArrayList<>();
        String typed = "coffee shop";
        for (int i = 1; i <= typed.length(); i++) {
            String text = typed.substring(0, i);
            long start = System.nanoTime();
            int visible = onFx(() -> {
                model.searchProperty().set(text);
                return model.visibleRows().size();
            });
            keystrokes.add((System.nanoTime() - start) / 1e6);
            if (visible < 0) {
                throw new IllegalStateException();
            }
        }
        for (String amount : List.of("1", "10", "100")) {
            long start = System.nanoTime();
            onFx(() -> {
                model.searchProperty().set("");
                model.minAmountProperty().set(Double.parseDouble(amount));
                return model.visibleRows().size();
            });
            keystrokes.add((System.nanoTime() - start) / 1e6);
        }
        if (onFx(() -> model.rows().size()) != TRANSACTIONS) {
            throw new IllegalStateException("Expected " + TRANSACTIONS + " rows");
        }
        // The rows, the filtered and sorted views over them and the model: what the table holds.
        double heapMb = (usedHeapAfterGc() - heapBefore) / (1024.0 * 1024.0);
        return new TransactionsFigures(syncMs, loadMs, keystrokes, heapMb);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(5, TimeUnit.MINUTES);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String ms(double value) {
        return String.format("%.0f ms", value);
    }

    private static String list(List<Double> values) {
        return values.stream().map(v -> String.format("%.0f", v)).toList().toString();
    }
}
