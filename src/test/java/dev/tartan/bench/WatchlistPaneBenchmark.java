package dev.tartan.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.Latency;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.model.Profile;
import dev.tartan.model.Screening;
import dev.tartan.model.ScreeningStatus;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.CatalogService;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.WatchlistExport;
import dev.tartan.service.WatchlistReviewService;
import dev.tartan.service.WatchlistService;
import dev.tartan.testing.EmulatorServices;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.TaskCenter;
import dev.tartan.ui.watchlist.ReviewFormViewModel;
import dev.tartan.ui.watchlist.WatchlistViewModel;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The Watchlist pane's figures, through its real view models on a headless JavaFX toolkit, against
 * the built-in emulator answering every call after 200 ms, with a queue of 10,000 screenings (one in
 * ten named after a listed person, so pending review) spread over the four open individual programs:
 * the queue's first page (programs cached, as on every opening but the very first; and cold), the
 * whole queue listed, the filter per keystroke and per status, and a review submitted until the next
 * pending screening shows its hits.
 *
 * Run: mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tartan.bench.WatchlistPaneBenchmark
 * (-Dbench.screenings=N for another queue size).
 */
public final class WatchlistPaneBenchmark {

    private static final int LATENCY_MS = 200;
    private static final int SCREENINGS = Integer.getInteger("bench.screenings", 10_000);
    private static final List<String> PROGRAMS = List.of("prg_2eRPsDnL66rZ7H", "prg_7Hc2WqLm4Zx9Tb", "prg_Qk38sNvE1pYt6R",
            "prg_bM5xR2aJ9dLw3F");
    private static final List<String> LISTED = List.of("Joseph Kony", "Viktor Morozov", "Jianshu Zhou", "Ermias Ghermay");
    private static final List<String> FIRST = List.of("Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas");
    private static final List<String> LAST = List.of("Weaver", "Okafor", "Lindqvist", "Tanaka", "Moreau", "Castillo", "Novak", "Byrne");
    private static final int RUNS = 5;
    private static final int REVIEWS = 10;

    private WatchlistPaneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();

        Path emulatorFolder = Files.createTempDirectory("tartan-watchlist-pane-bench-emulator-");
        double seedSeconds = seed(emulatorFolder);
        Path vaultFolder = Files.createTempDirectory("tartan-watchlist-pane-bench-vault-");
        EmulatorConfig slow = EmulatorConfig.builder().dataDirectory(emulatorFolder).latency(new Latency(LATENCY_MS, LATENCY_MS)).build();
        try (EmulatorServices services = new EmulatorServices(slow, vaultFolder, 8)) {
            CachedCalls calls = new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC());
            WatchlistService watchlist = new WatchlistService(calls, services.vault, services.io, Clock.systemUTC());
            WatchlistReviewService changes = new WatchlistReviewService(calls, services.vault, services.io, Clock.systemUTC());
            WatchlistExport export = new WatchlistExport(watchlist, services.vault, services.io);
            CatalogService catalog = new CatalogService(services.io);
            PaneServices pane = new PaneServices(calls, new TokenBookService(services.vault, services.io),
                    new InstitutionService(services.gateway, calls), catalog, new TaskCenter(),
                    new SimpleObjectProperty<Profile>(services.profile));

            List<Double> cold = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            List<Double> whole = new ArrayList<>();
            WatchlistViewModel model = null;
            for (int run = 0; run < RUNS; run++) {
                services.vault.cache().clear(services.profile.name());
                WatchlistViewModel first = onFx(() -> new WatchlistViewModel(pane, watchlist, changes, export));
                cold.add(timeQueue(first)[0]); // waits for the whole queue too: the next opening does not compete with it
                WatchlistViewModel again = onFx(() -> new WatchlistViewModel(pane, watchlist, changes, export));
                double[] times = timeQueue(again);
                warm.add(times[0]);
                whole.add(times[1]);
                model = again;
            }
            WatchlistViewModel queueModel = model;
            int rows = onFx(() -> queueModel.queue().rows().size());
            List<Double> keystrokes = keystrokes(queueModel, "joseph kony");
            List<Double> statuses = statusSwitches(queueModel);
            List<Double> reviews = reviews(queueModel);

            System.out.println();
            System.out.printf(Locale.ROOT, "Watchlist pane, %,d screenings in %d programs (seeded in %.0f s), emulator answering every call "
                    + "after %d ms (load average %.1f)%n", rows, PROGRAMS.size(), seedSeconds, LATENCY_MS,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            Table.print(List.of("figure", "median", "runs", "target"), List.of(
                    new String[] {"queue: first page shown, programs cached (every opening but the first)", ms(median(warm)), list(warm),
                        "< 300 ms"},
                    new String[] {"queue: first page shown, nothing cached (program lists, then the first page)", ms(median(cold)), list(cold),
                        ""},
                    new String[] {String.format("queue: all %,d listed (each program's pages in turn, the programs side by side)", rows),
                        ms(median(whole)), list(whole), ""},
                    new String[] {"filter per keystroke over the whole queue (name search, median of " + keystrokes.size() + ")",
                        ms(median(keystrokes)), "max " + ms(Collections.max(keystrokes)), "< 50 ms"},
                    new String[] {"filter by status (Pending / Cleared / Rejected / All)", ms(median(statuses)),
                        "max " + ms(Collections.max(statuses)), "< 50 ms"},
                    new String[] {"review submitted \u2192 next pending screening open with its hits (" + reviews.size() + " reviews)",
                        ms(median(reviews)), list(reviews), "< " + (LATENCY_MS + 100) + " ms (one call + 100 ms)"}));
        }
        Platform.exit();
        System.exit(0);
    }

    /** Creates the queue on a quick emulator in {@code folder}; seconds taken. */
    private static double seed(Path folder) throws Exception {
        long started = System.nanoTime();
        Random random = new Random(42);
        try (PlaidEmulator emulator = PlaidEmulator.start(EmulatorConfig.builder().dataDirectory(folder).build())) {
            EmulatorClient client = new EmulatorClient(emulator);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<?>> made = new ArrayList<>();
            for (int i = 0; i < SCREENINGS; i++) {
                String name = i % 10 == 0 ? LISTED.get(random.nextInt(LISTED.size()))
                        : FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size()));
                ObjectNode request = EmulatorClient.body().put("client_user_id", "cust-" + i);
                request.putObject("search_terms").put("watchlist_program_id", PROGRAMS.get(i % PROGRAMS.size())).put("legal_name", name);
                made.add(pool.submit(() -> client.ok("/watchlist_screening/individual/create", request)));
            }
            for (java.util.concurrent.Future<?> each : made) {
                each.get();
            }
            pool.shutdown();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Loads the queue; milliseconds to the first rows shown (pending review, the default filter) and to the whole queue. */
    private static double[] timeQueue(WatchlistViewModel model) throws Exception {
        long start = System.nanoTime();
        onFx(() -> {
            model.shown();
            return null;
        });
        double first = waitFor(() -> !model.queue().visibleRows().isEmpty(), start);
        double all = waitFor(() -> model.queue().loadingProperty().get().hasData(), start);
        return new double[] {first, all};
    }

    /** Types {@code text} into the search a letter at a time, then deletes it; milliseconds per keystroke on the FX thread. */
    private static List<Double> keystrokes(WatchlistViewModel model, String text) throws Exception {
        onFx(() -> {
            model.queue().statusProperty().set(null);
            return null;
        });
        List<Double> times = new ArrayList<>();
        for (int i = 1; i <= text.length(); i++) {
            String typed = text.substring(0, i);
            times.add(onFx(() -> timed(() -> model.queue().searchProperty().set(typed))));
        }
        for (int i = text.length() - 1; i >= 0; i--) {
            String typed = text.substring(0, i);
            times.add(onFx(() -> timed(() -> model.queue().searchProperty().set(typed))));
        }
        return times;
    }

    private static List<Double> statusSwitches(WatchlistViewModel model) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (ScreeningStatus status : new ScreeningStatus[] {ScreeningStatus.PENDING_REVIEW, ScreeningStatus.CLEARED,
                ScreeningStatus.REJECTED, null}) {
                times.add(onFx(() -> timed(() -> model.queue().statusProperty().set(status))));
            }
        }
        onFx(() -> timed(() -> model.queue().statusProperty().set(ScreeningStatus.PENDING_REVIEW)));
        return times;
    }

    /**
     * Reviews pending screenings one after another as a reviewer does: each opens, its hits show, the
     * reviewer reads (a second), dismisses them all and submits; the time runs from the submit to the
     * next pending screening open with its hits on screen.
     */
    private static List<Double> reviews(WatchlistViewModel model) throws Exception {
        List<Double> times = new ArrayList<>();
        onFx(() -> {
            model.queue().statusProperty().set(ScreeningStatus.PENDING_REVIEW);
            model.queue().select(model.queue().visibleRows().get(0));
            return null;
        });
        for (int i = 0; i < REVIEWS; i++) {
            waitFor(() -> model.screening().hitsStateProperty().get().hasData() && !model.screening().hits().isEmpty(), System.nanoTime());
            Thread.sleep(1000); // the reviewer reads; the next screening's hits are read ahead meanwhile
            Screening reviewed = onFx(() -> model.screening().screeningProperty().get());
            ReviewFormViewModel form = onFx(() -> {
                model.screening().dismissAllRemaining();
                ReviewFormViewModel review = model.screening().newReviewForm();
                review.commentProperty().set("Namesake: benchmark review " + reviewed.id());
                return review;
            });
            long start = System.nanoTime();
            onFx(() -> {
                form.submit();
                return null;
            });
            times.add(waitFor(() -> {
                Screening open = model.screening().screeningProperty().get();
                return open != null && !open.id().equals(reviewed.id()) && model.screening().hitsStateProperty().get().hasData();
            }, start));
        }
        return times;
    }

    /** Polls {@code done} on the FX thread every millisecond; milliseconds since {@code start}. */
    private static double waitFor(BooleanSupplier done, long start) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (onFx(done::getAsBoolean)) {
                return (System.nanoTime() - start) / 1e6;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("Timed out");
    }

    private static double timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
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

    private static String ms(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.1f ms" : "%.0f ms", value);
    }

    private static String list(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
    }
}
