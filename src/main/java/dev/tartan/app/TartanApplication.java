package dev.tartan.app;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.model.AssetReportStatus;
import dev.tartan.model.ConsoleDraft;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.service.AssetReportService;
import dev.tartan.service.CatalogService;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.ItemService;
import dev.tartan.service.SettingsService;
import dev.tartan.service.VaultGate;
import dev.tartan.store.DataDirectory;
import dev.tartan.store.Passphrases;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;
import dev.tartan.ui.assets.AssetsView;
import dev.tartan.ui.assets.AssetsViewModel;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.LazyPane;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.console.ConsoleView;
import dev.tartan.ui.console.ConsoleViewModel;
import dev.tartan.ui.items.ItemsView;
import dev.tartan.ui.items.ItemsViewModel;
import dev.tartan.ui.processor.ProcessorView;
import dev.tartan.ui.processor.ProcessorViewModel;
import dev.tartan.ui.sandbox.SandboxView;
import dev.tartan.ui.sandbox.SandboxViewModel;
import dev.tartan.ui.shell.MainWindow;
import dev.tartan.ui.shell.ShellViewModel;
import dev.tartan.ui.shell.Theme;
import dev.tartan.ui.shell.UnlockView;
import dev.tartan.ui.shell.VaultViewModel;
import dev.tartan.ui.shell.WelcomeView;
import dev.tartan.ui.transfers.TransfersView;
import dev.tartan.ui.transfers.TransfersViewModel;
import dev.tartan.ui.watchlist.WatchlistView;
import dev.tartan.ui.watchlist.WatchlistViewModel;
import dev.tartan.ui.webhooks.WebhooksView;
import dev.tartan.ui.webhooks.WebhooksViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The window's life: the welcome (first run) or unlock screen, then the main window on the
 * active profile, then an orderly close. Everything slow (the key, the catalog, the emulator)
 * happens off the FX thread while the screens stay responsive.
 */
public final class TartanApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(TartanApplication.class);
    private static final String DEMO_LABEL = "Demo Item";

    private ExecutorService io;
    private CatalogService catalog;
    private AppContext context;
    private Stage stage;
    private Scene scene;
    private MainWindow window;
    private ShellViewModel shell;
    private Path dataDirectory;
    private WindowGeometry geometry;

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        WindowOptions options = WindowOptions.parse(getParameters().getRaw().toArray(String[]::new))
                .orElseThrow(() -> new IllegalArgumentException("The window takes only --data-dir and --passphrase-file: "
                        + getParameters().getRaw()));
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        io = AppExecutors.io();
        catalog = new CatalogService(io);
        dataDirectory = DataDirectory.resolve(options.dataDir());
        VaultGate gate = new VaultGate(new VaultLocation(dataDirectory), io);
        VaultViewModel vaultModel = new VaultViewModel(gate);
        boolean firstRun = !gate.exists();
        // Registered first: a vault opened early (a passphrase file) has the services made while this
        // thread is still building its first screen.
        gate.opened().thenAcceptAsync(vault -> prepare(vault, firstRun), io).exceptionally(failure -> {
            LOG.error("Tartan could not start", failure);
            Platform.runLater(() -> scene.setRoot(opening("Tartan could not start: " + failure.getMessage())));
            return null;
        });
        Optional<CompletableFuture<Void>> presetUnlock = firstRun ? Optional.empty() : EarlyUnlock.take(dataDirectory).map(gate::adopt)
                .or(() -> Passphrases.nonInteractive(options.passphraseFile(), System.getenv()).map(gate::unlock));

        scene = new Scene(new VBox(), 1280, 820);
        Theme.install(scene);
        stage.setTitle("Tartan");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);

        if (presetUnlock.isPresent()) {
            scene.setRoot(opening("Opening the vault\u2026"));
            FxAsync.whenDone(presetUnlock.get(), ok -> { }, failure -> {
                // A stale passphrase file must not lock the user out: ask instead, and say why.
                LOG.warn("The non-interactive passphrase did not open the vault: {}", failure.getMessage());
                scene.setRoot(new UnlockView(vaultModel).root());
            });
        } else {
            scene.setRoot(firstRun ? new WelcomeView(vaultModel).root() : new UnlockView(vaultModel).root());
            // Read while the user types, once the screen is up: parsing the specs would slow its first frame.
            NextFrame.then(scene, catalog::preload);
        }
        StartupProbe.reportFirstScreen(scene);
        stage.show();
    }

    /** Off the FX thread: services, the emulator profile, the first run's demo Item, the settings. */
    private void prepare(Vault vault, boolean firstRun) {
        context = new AppContext(vault, dataDirectory, io, catalog);
        Map<String, String> settings = vault.settings().all();
        TokenEntry demo = null;
        // The emulator starts when a call first needs it; only a vault without profiles needs it now.
        if (firstRun || vault.profiles().list().isEmpty()) {
            Profile emulatorProfile = context.profiles.ensureEmulatorProfile(context.emulator.endpoint().join().credentials()).join();
            context.profiles.setActive(emulatorProfile.name()).join();
            demo = createDemoItem(emulatorProfile);
        }
        TokenEntry demoItem = demo;
        Platform.runLater(() -> showMainWindow(settings, demoItem));
    }

    /** A sandbox Item on the emulator, so a new user's console has real data from the first minute. */
    private TokenEntry createDemoItem(Profile profile) {
        try {
            JsonNode institutions = context.institutions.list(profile, 1).join();
            String institutionId = institutions.path(0).path("institution_id").asText(InstitutionService.USUAL_SANDBOX_INSTITUTION);
            return context.items.createSandboxItem(profile, new ItemService.SandboxItemSpec(institutionId,
                    List.of("transactions", "auth", "identity", "assets"), "user_good", "pass_good", null, DEMO_LABEL)).join();
        } catch (RuntimeException e) {
            LOG.warn("Could not create the demo Item: {}", e.getMessage());
            return null;
        }
    }

    private void showMainWindow(Map<String, String> settings, TokenEntry demoItem) {
        shell = new ShellViewModel(context.profiles, context.settings, context.omnibox, context.tasks);
        // A report still being generated answers PRODUCT_NOT_READY to each of the Assets pane's polls: that is waiting, not failing.
        context.gateway.onFailure(error -> {
            if (AssetReportService.statusOf(error) != AssetReportStatus.WAITING) {
                FxAsync.runOnFx(() -> shell.report(error));
            }
        });
        shell.darkProperty().addListener((obs, old, dark) -> Theme.apply(dark));
        shell.darkProperty().set("dark".equals(settings.get(SettingsService.THEME)));

        // Every failed call, the console's too, reaches the status bar through the gateway.
        Supplier<ConsoleViewModel> consoleModel = memoize(() -> new ConsoleViewModel(context.catalog, context.console,
                context.tokens, context.tasks, shell.activeProfileProperty(), AppNavigator::showFile));
        // Made now, not when first shown: it counts the webhooks that arrive meanwhile (the pane's badge).
        WebhooksViewModel webhooksModel = new WebhooksViewModel(context.inbox, context.tokens);
        PaneServices pane = new PaneServices(context.calls, context.tokens, context.institutions, context.catalog, context.tasks,
                shell.activeProfileProperty(), webhooksModel.inboxUrl());
        Supplier<ItemsViewModel> itemsModel = memoize(() -> new ItemsViewModel(pane, context.items, context.transactions,
                context.processorTokens));
        Supplier<ProcessorViewModel> processorModel = memoize(() -> new ProcessorViewModel(pane, context.processorTokens,
                context.processorAccounts, context.signal, context.processorWebhooks, context.transactions));
        Supplier<TransfersViewModel> transfersModel = memoize(() -> new TransfersViewModel(pane, context.transferSync, context.transfers,
                context.transferCreation, context.transferLedger, context.transferSandbox));
        Supplier<SandboxViewModel> sandboxModel = memoize(() -> new SandboxViewModel(pane, context.sandbox, context.scenarios, context.inbox));
        Supplier<WatchlistViewModel> watchlistModel = memoize(() -> new WatchlistViewModel(pane, context.watchlist,
                context.watchlistReviews, context.watchlistExport));
        Supplier<AssetsViewModel> assetsModel = memoize(() -> new AssetsViewModel(pane, context.assetReports, context.pdfRenderer,
                context.transactions, AppNavigator::showFile));
        AppNavigator navigator = new AppNavigator(consoleModel, itemsModel, processorModel, transfersModel, watchlistModel,
                assetsModel);
        // Panes are built when first shown: the first frame only waits for the one in front.
        LazyPane items = new LazyPane(ItemsView.INFO, () -> new ItemsView(itemsModel.get(), navigator));
        LazyPane console = new LazyPane(ConsoleView.INFO, () -> new ConsoleView(consoleModel.get(), navigator));
        LazyPane processor = new LazyPane(ProcessorView.INFO, () -> new ProcessorView(processorModel.get(), navigator));
        LazyPane transfers = new LazyPane(TransfersView.INFO, () -> new TransfersView(transfersModel.get(), navigator));
        LazyPane watchlist = new LazyPane(WatchlistView.INFO, () -> new WatchlistView(watchlistModel.get(), navigator));
        LazyPane assets = new LazyPane(AssetsView.INFO, () -> new AssetsView(assetsModel.get(), navigator));
        LazyPane sandbox = new LazyPane(SandboxView.INFO, () -> new SandboxView(sandboxModel.get(), navigator));
        LazyPane webhooks = new LazyPane(WebhooksView.INFO, () -> new WebhooksView(webhooksModel, navigator))
                .withBadge(webhooksModel.unseenProperty());
        List<LazyPane> panes = List.of(items, console, processor, transfers, watchlist, assets, sandbox, webhooks);
        window = new MainWindow(shell, panes, navigator);
        navigator.attach(window);
        scene.setRoot(window.root());
        StartupProbe.reportMainWindow(scene);
        WindowGeometry.restore(stage, settings.get(SettingsService.WINDOW));
        geometry = WindowGeometry.track(stage, shell::rememberWindow);
        shell.activeProfileProperty().addListener((obs, old, profile) -> updateTitle(profile));
        window.show(settings.getOrDefault(SettingsService.LAST_PANE, items.info().id()));
        shell.load().thenRun(() -> FxAsync.runOnFx(() -> {
            updateTitle(shell.activeProfile());
            if (demoItem != null) {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.put("access_token", demoItem.value());
                navigator.openInConsole(new ConsoleDraft("/accounts/get", body,
                        "Your vault is ready. This is a sandbox Item on the built-in emulator: press Send to list its accounts."));
            }
        }));
    }

    /** The value {@code factory} makes, made once, on first use (on the FX thread, like every caller here). */
    private static <T> Supplier<T> memoize(Supplier<T> factory) {
        Object[] made = new Object[1];
        return () -> {
            if (made[0] == null) {
                made[0] = factory.get();
            }
            @SuppressWarnings("unchecked")
            T value = (T) made[0];
            return value;
        };
    }

    private void updateTitle(Profile profile) {
        stage.setTitle(profile == null ? "Tartan" : "Tartan \u2014 " + profile.name()
                + (profile.environment().isProduction() ? " \u2014 PRODUCTION" : " (" + profile.environment().displayName() + ")"));
    }

    private static Parent opening(String text) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(32, 32);
        VBox box = new VBox(12, spinner, new Label(text));
        box.setAlignment(javafx.geometry.Pos.CENTER);
        return box;
    }

    @Override
    public void stop() {
        if (geometry != null) {
            geometry.stop(); // saves, queued before the vault closes: closing lets queued work finish
        }
        if (context != null) {
            context.close();
        } else if (io != null) {
            io.shutdownNow();
        }
    }
}
