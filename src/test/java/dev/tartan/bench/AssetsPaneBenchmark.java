package dev.tartan.bench;

import atlantafx.base.theme.PrimerLight;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.model.AssetReportDigest;
import dev.tartan.model.CallRecord;
import dev.tartan.model.ConsoleDraft;
import dev.tartan.model.PaneTarget;
import dev.tartan.model.TokenEntry;
import dev.tartan.service.AssetReportService;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.CatalogService;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.ItemService;
import dev.tartan.service.PdfRenderer;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.TransactionSyncService;
import dev.tartan.store.DownloadFolder;
import dev.tartan.testing.EmulatorServices;
import dev.tartan.ui.assets.AssetsView;
import dev.tartan.ui.assets.AssetsViewModel;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.TaskCenter;
import dev.tartan.ui.shell.Theme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The Assets pane's figures for the report: 2 years over 5 Items with 10,000 transactions each,
 * through the real view models and view in a headless window, against the built-in emulator on loopback:
 * from the /asset_report/get reply (the moment its last byte was read) to the first paint of the Summary tab
 * with the report's accounts, with the steps in between (the vault's copy of the reply, the digest of the
 * report off the FX thread); reopening it with the vault's copy; and the first page of its PDF, rendered with
 * PDFBox and painted. The emulator's own figures (building and serving the report) are {@link AssetsBenchmark}'s.
 *
 * Run: mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tartan.bench.AssetsPaneBenchmark
 * Optional: -Dbench.items=N (default 5), -Dbench.transactions=N per Item (default 10,000).
 */
public final class AssetsPaneBenchmark {

    private static final int ITEMS = Integer.getInteger("bench.items", 5);
    private static final int TRANSACTIONS = Integer.getInteger("bench.transactions", 10_000);
    private static final int DAYS = 730;
    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1600x1000-32");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        Path folder = Files.createTempDirectory("tartan-assets-pane-bench-");
        EmulatorConfig config = EmulatorConfig.builder().assetReportDelay(Duration.ZERO).build();
        try (EmulatorServices services = new EmulatorServices(config, folder.resolve("vault"), 8)) {
            CachedCalls calls = new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC());
            AssetReportService reports = new AssetReportService(calls, services.gateway, services.vault,
                    new DownloadFolder(folder.resolve("data")), services.io, Clock.systemUTC(), AssetReportService.Backoff.DEFAULT);
            PdfRenderer renderer = new PdfRenderer(services.io);
            ItemService items = new ItemService(services.gateway, calls, services.vault, services.io);
            List<TokenEntry> made = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                made.add(items.createSandboxItem(services.profile, new ItemService.SandboxItemSpec("ins_109508",
                        List.of("assets", "transactions"), "user_transactions_" + TRANSACTIONS, "pass_good", null, "Bank " + (i + 1))).join());
            }
            TokenEntry report = reports.create(services.profile, new AssetReportService.NewReport(made, DAYS,
                    new AssetReportService.Applicant(null, "Bench", null, "Applicant", null, null), "bench", null), call -> { }).join();
            report = reports.awaitReady(services.profile, report, call -> { }, (done, total, text) -> { }).get(5, TimeUnit.MINUTES);
            String token = report.value();

            TaskCenter tasks = new TaskCenter();
            PaneServices pane = new PaneServices(calls, new TokenBookService(services.vault, services.io),
                    new InstitutionService(services.gateway, calls), new CatalogService(services.io), tasks,
                    new SimpleObjectProperty<>(services.profile));
            AssetsViewModel model = onFx(() -> new AssetsViewModel(pane, reports, renderer,
                    new TransactionSyncService(services.gateway, services.vault, services.io, Clock.systemUTC()), file -> { }));
            Scene scene = onFx(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                AssetsView view = new AssetsView(model, new Quiet());
                Scene made1 = new Scene(new javafx.scene.layout.StackPane(view.node()), 1400, 900);
                Theme.install(made1);
                Stage stage = new Stage();
                stage.setScene(made1);
                stage.show();
                return made1;
            });

            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long fxThread = onFx(() -> Thread.currentThread().getId());
            List<Double> fxCpu = new ArrayList<>();
            List<Double> replyToPaint = new ArrayList<>();
            List<Double> replyToFetched = new ArrayList<>();
            List<Double> fetchedToDigest = new ArrayList<>();
            List<Double> cachedPaint = new ArrayList<>();
            List<Double> pdfRender = new ArrayList<>();
            List<Double> pdfToPaint = new ArrayList<>();
            int accounts = 0;
            int transactions = 0;
            long replyBytes = 0;
            for (int run = 0; run < RUNS; run++) {
                services.vault.cache().clear(services.profile.name());
                onFx(() -> {
                    model.list().select(null);
                    return null;
                });
                Instant[] digested = new Instant[1];
                Instant[] fetched = new Instant[1];
                onFx(() -> {
                    model.detail().reportJsonProperty().addListener((obs, old, now) -> {
                        if (now.hasData() && !now.refreshing() && fetched[0] == null) {
                            fetched[0] = Instant.now();
                        }
                    });
                    model.detail().digestProperty().addListener((obs, old, now) -> {
                        if (now.hasData() && !now.refreshing() && digested[0] == null) {
                            digested[0] = Instant.now();
                        }
                    });
                    return null;
                });
                long fxBefore = threads.getThreadCpuTime(fxThread);
                Instant painted = paintedWhen(scene, () -> model.open(token), () -> summaryRows(scene) > 0 && digested[0] != null);
                fxCpu.add((threads.getThreadCpuTime(fxThread) - fxBefore) / 1e6);
                CallRecord get = onFx(() -> model.detail().calls().stream()
                        .filter(call -> call.operation().equals(AssetReportService.GET) && call.httpStatus() == 200).findFirst().orElseThrow());
                Instant replied = get.at().plus(get.duration());
                replyToPaint.add(millis(replied, painted));
                replyToFetched.add(millis(replied, fetched[0]));
                fetchedToDigest.add(millis(fetched[0], digested[0]));
                AssetReportDigest digest = onFx(() -> model.detail().digestProperty().get().data());
                accounts = digest.accounts().size();
                waitFor(() -> onFxQuietly(() -> !model.detail().transactions().rows().isEmpty()));
                transactions = onFx(() -> model.detail().transactions().rows().size());
                replyBytes = get.replyText() == null ? 0 : get.replyText().length();

                // Opened again: the vault's copy paints first while the call runs.
                onFx(() -> {
                    model.list().select(null);
                    return null;
                });
                long start = System.nanoTime();
                paintedWhen(scene, () -> model.open(token), () -> summaryRows(scene) > 0);
                cachedPaint.add((System.nanoTime() - start) / 1e6);
                waitFor(() -> onFxQuietly(() -> model.detail().digestProperty().get().hasData()
                        && !model.detail().digestProperty().get().refreshing()));

                // The PDF: fetched, then its first page rendered and painted.
                Instant[] downloaded = new Instant[1];
                onFx(() -> {
                    model.detail().pdf().pageProperty().addListener((obs, old, now) -> {
                        if (now.isLoading() && now.message().startsWith("Rendering") && downloaded[0] == null) {
                            downloaded[0] = Instant.now();
                        }
                    });
                    return null;
                });
                Instant pagePainted = paintedWhen(scene, () -> select(scene, "pdfTab"), () -> pdfShown(scene));
                pdfRender.add((double) onFx(() -> model.detail().pdf().pageProperty().get().data().millis()));
                pdfToPaint.add(millis(downloaded[0], pagePainted));
                onFx(() -> {
                    select(scene, "summaryTab");
                    return null;
                });
            }
            System.out.println();
            System.out.printf("Assets pane: a %d-day report over %d Items (%,d accounts, %,d transactions, a %,d KB reply), %d runs; "
                    + "load average %.1f%n", DAYS, ITEMS, accounts, transactions, replyBytes / 1024, RUNS,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            Table.print(List.of("figure", "median", "runs (ms)", "target"), List.of(
                    row("reply read \u2192 Summary tab painted with the accounts", replyToPaint, "< 500 ms"),
                    row("  of which: reply read \u2192 handed to the pane (the vault keeps it afterwards)", replyToFetched, ""),
                    row("  of which: the report's summary (accounts, daily balances, owners) off the FX thread", fetchedToDigest, ""),
                    row("  CPU time of the FX thread from the click to that paint", fxCpu, ""),
                    row("opened again: the vault's copy painted (from the click)", cachedPaint, ""),
                    row("first PDF page, first time in the JVM: rendered by PDFBox (fonts loaded, code compiled)", pdfRender.subList(0, 1), ""),
                    row("first PDF page: rendered by PDFBox (document loaded, page drawn), later runs", pdfRender.subList(1, RUNS), "< 300 ms"),
                    row("first PDF page: PDF fetched \u2192 page painted, later runs", pdfToPaint.subList(1, RUNS), "< 300 ms")));
            renderer.close();
        }
        Platform.exit();
        System.exit(0);
    }

    private static String[] row(String name, List<Double> values, String target) {
        return new String[] {name, String.format("%.0f ms", median(values)),
            values.stream().map(v -> String.format("%.0f", v)).toList().toString(), target};
    }

    /** Runs {@code action} on the FX thread, then waits for the first layout pulse after which {@code done} holds; when that was. */
    private static Instant paintedWhen(Scene scene, Runnable action, BooleanSupplier done) throws Exception {
        CompletableFuture<Instant> when = new CompletableFuture<>();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (!when.isDone() && done.getAsBoolean()) {
                when.complete(Instant.now());
                scene.removePostLayoutPulseListener(listener[0]);
            }
        };
        onFx(() -> {
            scene.addPostLayoutPulseListener(listener[0]);
            action.run();
            return null;
        });
        return when.get(5, TimeUnit.MINUTES);
    }

    private static int summaryRows(Scene scene) {
        return scene.getRoot().lookupAll("#assetAccounts").stream().filter(node -> node.isVisible() && node.getScene() != null)
                .mapToInt(node -> ((TableView<?>) node).getItems().size()).max().orElse(0);
    }

    private static boolean pdfShown(Scene scene) {
        ImageView page = (ImageView) scene.getRoot().lookup("#pdfPage");
        return page != null && page.getImage() != null && page.getScene() != null;
    }

    private static void select(Scene scene, String tabId) {
        TabPane tabs = (TabPane) scene.getRoot().lookup("#assetTabs");
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> tabId.equals(tab.getId())).findFirst().orElseThrow());
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(20);
        }
    }

    private static boolean onFxQuietly(Callable<Boolean> work) {
        try {
            return onFx(work);
        } catch (Exception e) {
            return false;
        }
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
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

    /** A navigator that goes nowhere: the benchmark stays in the pane. */
    private static final class Quiet implements Navigator {
        @Override
        public void openInConsole(ConsoleDraft draft) {
        }

        @Override
        public void openInPane(PaneTarget target) {
        }

        @Override
        public void openLink(String url) {
        }

        @Override
        public void openFile(Path file) {
        }
    }
}
