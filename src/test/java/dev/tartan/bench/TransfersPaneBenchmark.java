package dev.tartan.bench;

import dev.tartan.api.PlaidClient;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.Latency;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.model.TransferRow;
import dev.tartan.model.TransferSyncResult;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.CatalogService;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.PlaidCalls;
import dev.tartan.service.PlaidGateway;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.TransferCreationService;
import dev.tartan.service.TransferLedgerService;
import dev.tartan.service.TransferSandboxService;
import dev.tartan.service.TransferService;
import dev.tartan.service.TransferSyncService;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.TaskCenter;
import dev.tartan.ui.transfers.TransferListViewModel;
import dev.tartan.ui.transfers.TransfersViewModel;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import okhttp3.OkHttpClient;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The Transfers pane at 100,000 transfers, through its real services and view models on a headless
 * JavaFX toolkit, printed as a table:
 * <ol>
 *   <li>catching up with /transfer/event/sync into the vault, the emulator answering at once: the
 *       time to the first 100,000 events and to all of them (about 5.6 per transfer), then reading
 *       the details events leave out from /transfer/list pages;</li>
 *   <li>the emulator restarted on the same data answering every call after 200 ms: the first screen
 *       of the pane (the vault holding the copy; and a profile never synced, whose first screen is
 *       one /transfer/list page), and the time until all 100,000 rows are in the table model;</li>
 *   <li>filtering the 100,000 rows per keystroke (text, status, amount, network).</li>
 * </ol>
 *
 * <pre>mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tartan.bench.TransfersPaneBenchmark</pre>
 *
 * Optional: {@code -Dbench.transfers=N} (default 100,000), {@code -Dbench.dir=DIR} (default target/transfers-pane-bench, emptied first).
 */
public final class TransfersPaneBenchmark {

    private static final int TRANSFERS = Integer.getInteger("bench.transfers", 100_000);
    private static final Path DIR = Path.of(System.getProperty("bench.dir", "target/transfers-pane-bench"));
    private static final int LATENCY_MS = 200;
    private static final char[] PASSPHRASE = "transfers pane benchmark passphrase".toCharArray();

    private final List<String[]> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        try {
            new TransfersPaneBenchmark().run();
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "load average %.1f at the start, %d cores%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        clean();
        Files.createDirectories(DIR.resolve("vault"));
        ExecutorService io = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "bench-io");
            thread.setDaemon(true);
            return thread;
        });
        OkHttpClient http = PlaidClient.newHttpClient();
        try (Vault vault = Vault.create(new VaultLocation(DIR.resolve("vault")), PASSPHRASE.clone())) {
            Profile profile;
            // --- 1. the catch-up, the emulator answering at once ---------------------------------------
            try (PlaidEmulator emulator = PlaidEmulator.start(EmulatorConfig.builder().dataDirectory(DIR.resolve("emulator")).build())) {
                profile = new Profile("Bench", PlaidEnvironment.custom(emulator.baseUrl()), new Credentials(emulator.clientId(), emulator.secret()));
                vault.profiles().add(profile);
                long seeding = System.nanoTime();
                new EmulatorClient(emulator).newItem("user_transfers_" + TRANSFERS, "any", "transfer");
                row("seed " + thousands(TRANSFERS) + " transfers in the emulator (setup)", ms(since(seeding)), "", "");
                PlaidCalls gateway = gateway(http, vault, io, emulator);
                TransferSyncService sync = new TransferSyncService(gateway, vault, io, Clock.systemUTC());
                AtomicLong firstHundredThousand = new AtomicLong();
                long start = System.nanoTime();
                TransferSyncResult result = sync.sync(profile, (done, total, message) -> {
                    if (done >= 100_000) {
                        firstHundredThousand.compareAndSet(0, System.nanoTime() - start);
                    }
                }, call -> { }).get(30, TimeUnit.MINUTES);
                double all = since(start);
                row("catch up the first 100,000 events with /transfer/event/sync into the vault", ms(firstHundredThousand.get() / 1e6),
                        "pages of 500", "< 10 s");
                row("catch up all " + thousands(result.events()) + " events (" + thousands(result.state().rows()) + " transfers and refunds)",
                        ms(all), result.pages() + " pages", "");
                long details = System.nanoTime();
                int filled = sync.fillDetails(profile, null, call -> { }).get(30, TimeUnit.MINUTES);
                row("read the details of " + thousands(filled) + " transfers (/transfer/list, 4 pages at a time)", ms(since(details)),
                        thousands((filled + 24) / 25) + " pages", "");
                long incremental = System.nanoTime();
                TransferSyncResult none = sync.sync(profile, null, call -> { }).get(1, TimeUnit.MINUTES);
                row("a catch-up with nothing new", ms(since(incremental)), none.events() + " events", "");
            }

            // --- 2. the pane's first screen at 200 ms a call ---------------------------------------------
            try (PlaidEmulator emulator = PlaidEmulator.start(EmulatorConfig.builder().dataDirectory(DIR.resolve("emulator"))
                    .latency(new Latency(LATENCY_MS, LATENCY_MS)).build())) {
                Profile slow = new Profile(profile.name(), PlaidEnvironment.custom(emulator.baseUrl()),
                        new Credentials(emulator.clientId(), emulator.secret()));
                vault.profiles().save(slow);
                PlaidCalls gateway = gateway(http, vault, io, emulator);
                List<Double> firstScreens = new ArrayList<>();
                List<Double> allRows = new ArrayList<>();
                for (int run = 0; run < 3; run++) {
                    double[] times = openPane(gateway, vault, io, slow, TRANSFERS);
                    firstScreens.add(times[0]);
                    allRows.add(times[1]);
                }
                row("first screen, the vault holding the copy (" + LATENCY_MS + " ms a call)", ms(median(firstScreens)), list(firstScreens),
                        "< 300 ms");
                row("all " + thousands(TRANSFERS) + " transfers in the table model", ms(median(allRows)), list(allRows), "");
                Profile fresh = new Profile("Never synced", slow.environment(), slow.credentials());
                vault.profiles().add(fresh);
                List<Double> unsynced = new ArrayList<>();
                for (int run = 0; run < 3; run++) {
                    vault.transfers().forget(fresh.name());
                    unsynced.add(openPane(gateway, vault, io, fresh, 1)[0]);
                }
                row("first screen of a profile never synced (one /transfer/list page, " + LATENCY_MS + " ms)", ms(median(unsynced)),
                        list(unsynced), "< 300 ms");

                // --- 3. filters per keystroke over the 100,000 rows -------------------------------------
                TransfersViewModel model = model(gateway, vault, io, slow);
                CountDownLatch loaded = new CountDownLatch(1);
                onFx(() -> {
                    model.list().rows().addListener((javafx.collections.ListChangeListener<TransferRow>) change -> {
                        if (model.list().rows().size() >= TRANSFERS) {
                            loaded.countDown();
                        }
                    });
                    model.onShown();
                    return null;
                });
                loaded.await(5, TimeUnit.MINUTES);
                TransferListViewModel list = model.list();
                String id = onFx(() -> list.rows().get(list.rows().size() / 2).id());
                List<Double> keystrokes = new ArrayList<>();
                for (int i = 1; i <= 8; i++) {
                    String typed = id.substring(0, i);
                    keystrokes.add(timedOnFx(() -> list.searchProperty().set(typed)));
                }
                keystrokes.add(timedOnFx(() -> list.searchProperty().set("")));
                for (String word : List.of("p", "pa", "pay", "payo", "payou", "payout", "")) {
                    keystrokes.add(timedOnFx(() -> list.searchProperty().set(word)));
                }
                for (String status : Stream.of("returned", "funds_available", "pending", null).toList()) {
                    keystrokes.add(timedOnFx(() -> list.statusProperty().set(status)));
                }
                for (String min : List.of("1", "10", "100", "")) {
                    keystrokes.add(timedOnFx(() -> list.minAmountProperty().set(min)));
                }
                keystrokes.add(timedOnFx(() -> list.networkProperty().set("rtp")));
                keystrokes.add(timedOnFx(() -> list.networkProperty().set(null)));
                List<Double> sorted = new ArrayList<>(keystrokes);
                Collections.sort(sorted);
                row("filter " + thousands(TRANSFERS) + " rows, per keystroke (median of " + keystrokes.size() + ")", ms(median(keystrokes)),
                        "p95 " + ms(sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1)) + ", max " + ms(sorted.get(sorted.size() - 1)),
                        "< 50 ms");
            }
        } finally {
            io.shutdownNow();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Transfers pane, %,d transfers (load average %.1f at the end)%n", TRANSFERS,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Table.print(List.of("figure", "time", "detail", "target"), rows);
    }

    private static PlaidCalls gateway(OkHttpClient http, Vault vault, ExecutorService io, PlaidEmulator emulator) {
        PlaidCalls.Endpoint endpoint = new PlaidCalls.Endpoint(emulator.baseUrl(), new Credentials(emulator.clientId(), emulator.secret()));
        return new PlaidGateway(() -> http, vault, io, () -> CompletableFuture.completedFuture(endpoint), Clock.systemUTC());
    }

    private static TransfersViewModel model(PlaidCalls gateway, Vault vault, ExecutorService io, Profile profile) throws Exception {
        CachedCalls calls = new CachedCalls(gateway, vault, io, Clock.systemUTC());
        TransferSyncService sync = new TransferSyncService(gateway, vault, io, Clock.systemUTC());
        PaneServices pane = new PaneServices(calls, new TokenBookService(vault, io), new InstitutionService(gateway, calls),
                new CatalogService(io), new TaskCenter(), new SimpleObjectProperty<>(profile));
        return onFx(() -> new TransfersViewModel(pane, sync, new TransferService(calls, sync, vault, io),
                new TransferCreationService(calls, sync, vault, io), new TransferLedgerService(calls, vault, io),
                new TransferSandboxService(calls), ZoneId.systemDefault()));
    }

    /** Shows the pane and times its first rows and, when {@code expected} rows are due, all of them; milliseconds. */
    private static double[] openPane(PlaidCalls gateway, Vault vault, ExecutorService io, Profile profile, int expected) throws Exception {
        TransfersViewModel model = model(gateway, vault, io, profile);
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(1);
        long[] times = new long[2];
        long[] start = new long[1];
        onFx(() -> {
            model.list().rows().addListener((javafx.collections.ListChangeListener<TransferRow>) change -> {
                int size = model.list().rows().size();
                if (size > 0 && first.getCount() > 0) {
                    times[0] = System.nanoTime();
                    first.countDown();
                }
                if (size >= expected && all.getCount() > 0) {
                    times[1] = System.nanoTime();
                    all.countDown();
                }
            });
            start[0] = System.nanoTime();
            model.onShown();
            return null;
        });
        if (!first.await(2, TimeUnit.MINUTES) || !all.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("The pane did not show its transfers");
        }
        // Let the catch-up that follows finish before the next run (a profile never synced would page every event: it stops).
        CountDownLatch synced = new CountDownLatch(expected > 1 ? 1 : 0);
        onFx(() -> {
            if (!model.list().syncingProperty().get() && model.list().stateProperty().get() != null) {
                synced.countDown();
            }
            model.list().syncingProperty().addListener((obs, was, now) -> {
                if (!now) {
                    synced.countDown();
                }
            });
            return null;
        });
        synced.await(2, TimeUnit.MINUTES);
        onFx(() -> {
            model.list().cancel();
            return null;
        });
        return new double[] {(times[0] - start[0]) / 1e6, (times[1] - start[0]) / 1e6};
    }

    private static double timedOnFx(Runnable work) throws Exception {
        return onFx(() -> {
            long start = System.nanoTime();
            work.run();
            return (System.nanoTime() - start) / 1e6;
        });
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

    private void row(String figure, String time, String detail, String target) {
        rows.add(new String[] {figure, time, detail, target});
        System.out.printf(Locale.ROOT, "%s: %s %s%n", figure, time, detail);
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String ms(double value) {
        return value >= 10_000 ? String.format(Locale.ROOT, "%.1f s", value / 1000) : String.format(Locale.ROOT, "%.0f ms", value);
    }

    private static String list(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList().toString();
    }

    private static String thousands(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static void clean() throws java.io.IOException {
        if (Files.exists(DIR)) {
            try (Stream<Path> files = Files.walk(DIR)) {
                files.sorted(Collections.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
