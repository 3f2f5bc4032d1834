package dev.tartan.app;

import dev.tartan.api.PlaidClient;
import dev.tartan.api.Redactor;
import dev.tartan.service.AssetReportService;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.CatalogService;
import dev.tartan.service.ConsoleService;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.ItemService;
import dev.tartan.service.OmniboxService;
import dev.tartan.service.PdfRenderer;
import dev.tartan.service.PlaidGateway;
import dev.tartan.service.ProcessorAccountService;
import dev.tartan.service.ProcessorTokenService;
import dev.tartan.service.ProcessorWebhookService;
import dev.tartan.service.ProfileService;
import dev.tartan.service.SandboxService;
import dev.tartan.service.ScenarioService;
import dev.tartan.service.SettingsService;
import dev.tartan.service.SignalService;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.TransactionSyncService;
import dev.tartan.service.TransferCreationService;
import dev.tartan.service.TransferLedgerService;
import dev.tartan.service.TransferSandboxService;
import dev.tartan.service.TransferService;
import dev.tartan.service.TransferSyncService;
import dev.tartan.service.WatchlistExport;
import dev.tartan.service.WatchlistReviewService;
import dev.tartan.service.WatchlistService;
import dev.tartan.service.WebhookInbox;
import dev.tartan.service.WebhookKeys;
import dev.tartan.service.WebhookVerifier;
import dev.tartan.store.DownloadFolder;
import dev.tartan.store.Vault;
import dev.tartan.ui.common.TaskCenter;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The composition root once the vault is open: one HTTP client, one background pool, the built-in
 * emulator, and every service, wired once. Closing it stops everything in order.
 */
final class AppContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    final ExecutorService io;
    private OkHttpClient http;
    final Vault vault;
    final EmbeddedEmulator emulator;
    final TaskCenter tasks = new TaskCenter();
    final CatalogService catalog;
    final PlaidGateway gateway;
    final SettingsService settings;
    final ProfileService profiles;
    final TokenBookService tokens;
    final ConsoleService console;
    final ItemService items;
    final InstitutionService institutions;
    final OmniboxService omnibox;
    final CachedCalls calls;
    final TransactionSyncService transactions;
    final ProcessorTokenService processorTokens;
    final ProcessorAccountService processorAccounts;
    final SignalService signal;
    final ProcessorWebhookService processorWebhooks;
    final TransferSyncService transferSync;
    final TransferService transfers;
    final TransferCreationService transferCreation;
    final TransferLedgerService transferLedger;
    final TransferSandboxService transferSandbox;
    final SandboxService sandbox;
    final ScenarioService scenarios;
    final WebhookInbox inbox;
    final WatchlistService watchlist;
    final WatchlistReviewService watchlistReviews;
    final WatchlistExport watchlistExport;
    final AssetReportService assetReports;
    final PdfRenderer pdfRenderer;

    /**
     * @param catalog started before the vault was unlocked, so it loads while the user types
     */
    AppContext(Vault vault, Path dataDirectory, ExecutorService io, CatalogService catalog) {
        this.io = io;
        this.vault = vault;
        this.catalog = catalog;
        this.emulator = new EmbeddedEmulator(dataDirectory, io);
        this.gateway = new PlaidGateway(this::http, vault, io, emulator::endpoint, Clock.systemUTC());
        this.settings = new SettingsService(vault, io);
        this.profiles = new ProfileService(vault, gateway, io);
        this.tokens = new TokenBookService(vault, io);
        DownloadFolder downloads = downloads(dataDirectory);
        this.console = new ConsoleService(gateway, vault, downloads, io);
        this.calls = new CachedCalls(gateway, vault, io, Clock.systemUTC());
        this.items = new ItemService(gateway, calls, vault, io);
        this.institutions = new InstitutionService(gateway, calls);
        this.omnibox = new OmniboxService(tokens);
        this.transactions = new TransactionSyncService(gateway, vault, io, Clock.systemUTC());
        this.processorTokens = new ProcessorTokenService(calls, catalog, vault, io);
        this.processorAccounts = new ProcessorAccountService(calls, Clock.systemUTC());
        this.signal = new SignalService(calls, catalog);
        this.processorWebhooks = new ProcessorWebhookService(calls);
        this.transferSync = new TransferSyncService(gateway, vault, io, Clock.systemUTC());
        this.transfers = new TransferService(calls, transferSync, vault, io);
        this.transferCreation = new TransferCreationService(calls, transferSync, vault, io);
        this.transferLedger = new TransferLedgerService(calls, vault, io);
        this.transferSandbox = new TransferSandboxService(calls);
        this.sandbox = new SandboxService(calls, catalog, vault, io, Clock.systemUTC());
        this.scenarios = new ScenarioService(sandbox, vault, io, ScenarioService.USUAL_WAIT);
        this.inbox = new WebhookInbox(vault, new WebhookVerifier(new WebhookKeys(gateway, vault, Clock.systemUTC())), io, Clock.systemUTC());
        inbox.start();
        this.watchlist = new WatchlistService(calls, vault, io, Clock.systemUTC());
        this.watchlistReviews = new WatchlistReviewService(calls, vault, io, Clock.systemUTC());
        this.watchlistExport = new WatchlistExport(watchlist, vault, io);
        this.assetReports = new AssetReportService(calls, gateway, vault, downloads, io, Clock.systemUTC(), AssetReportService.Backoff.DEFAULT);
        assetReports.useWebhooks(inbox);
        this.pdfRenderer = new PdfRenderer(io);
        vault.profiles().list().forEach(p -> Redactor.shared().registerSecret(p.credentials().secret()));
    }

    /** The folder replies are opened from, emptied of what the last run opened. */
    private static DownloadFolder downloads(Path dataDirectory) {
        DownloadFolder downloads = new DownloadFolder(dataDirectory);
        try {
            downloads.clear();
        } catch (UncheckedIOException e) {
            LOG.warn("Could not empty the downloads folder: {}", e.getMessage());
        }
        return downloads;
    }

    /** The one HTTP client, made on the first call (loading OkHttp is not free, and start-up does not need it). */
    private synchronized OkHttpClient http() {
        if (http == null) {
            http = PlaidClient.newHttpClient();
        }
        return http;
    }

    @Override
    public void close() {
        tasks.cancelAll();
        inbox.close(); // before the vault closes: what it accepted is stored first
        pdfRenderer.close();
        emulator.close();
        synchronized (this) {
            if (http != null) {
                http.dispatcher().cancelAll();
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
        }
        io.shutdown();
        try {
            if (!io.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Background work did not finish in time; closing the vault anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        vault.close();
    }
}
