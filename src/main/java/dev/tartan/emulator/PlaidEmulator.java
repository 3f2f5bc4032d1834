package dev.tartan.emulator;

import dev.tartan.emulator.assets.AssetReports;
import dev.tartan.emulator.assets.AssetsModule;
import dev.tartan.emulator.items.InstitutionsModule;
import dev.tartan.emulator.items.Items;
import dev.tartan.emulator.items.ItemsModule;
import dev.tartan.emulator.processor.ProcessorModule;
import dev.tartan.emulator.processor.SignalModule;
import dev.tartan.emulator.processor.SignalService;
import dev.tartan.emulator.products.ProductsModule;
import dev.tartan.emulator.spec.ExampleResponder;
import dev.tartan.emulator.spec.Schema;
import dev.tartan.emulator.spec.SpecCatalog;
import dev.tartan.emulator.state.EmulatorIdentity;
import dev.tartan.emulator.state.StateStore;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.transactions.TransactionsModule;
import dev.tartan.emulator.transactions.TransactionsService;
import dev.tartan.emulator.transfer.TransferModule;
import dev.tartan.emulator.transfer.Transfers;
import dev.tartan.emulator.webhooks.VerificationKeyModule;
import dev.tartan.emulator.webhooks.WebhookSender;
import dev.tartan.emulator.webhooks.WebhookSigner;
import dev.tartan.emulator.webhooks.Webhooks;
import dev.tartan.emulator.wire.EmulatorModule;
import dev.tartan.emulator.wire.EmulatorServer;
import dev.tartan.emulator.wire.HandlerRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * A running Plaid Sandbox emulator: Plaid's wire contract over HTTP on 127.0.0.1, backed by state that
 * survives restarts when a data folder is given. Start one with {@link #start(EmulatorConfig)}; point a
 * Plaid client at {@link #baseUrl()} with {@link #clientId()} and {@link #secret()}; close it when done.
 * Thread-safe.
 */
public final class PlaidEmulator implements AutoCloseable {
    /** The emulator's folder inside Tartan's data folder. */
    public static final String FOLDER = "emulator";

    private final EmulatorIdentity identity;
    private final StateStore store;
    private final WebhookSender webhookSender;
    private final Transfers transfers;
    private final AssetReports assetReports;
    private final EmulatorServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PlaidEmulator(EmulatorConfig config) throws IOException {
        Path folder = config.dataDirectory() == null ? null : config.dataDirectory().resolve(FOLDER);
        Clock clock = Clock.systemUTC();
        SpecCatalog catalog = SpecCatalog.load(Json.MAPPER);
        // The store locks the folder first, so two emulators never race on its files.
        this.store = new StateStore(folder, config.reset());
        try {
            this.identity = EmulatorIdentity.loadOrCreate(folder);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        WebhookSigner signer = new WebhookSigner(identity);
        this.webhookSender = new WebhookSender(signer, store, clock);
        Webhooks webhooks = new Webhooks(catalog, webhookSender);
        Items items = new Items(store, clock, config.seed(), accountSubtypes(catalog), webhooks);

        TransactionsService transactions = new TransactionsService(items, store);
        SignalService signal = new SignalService(store);
        try {
            this.transfers = new Transfers(items, webhooks, folder, config.reset());
        } catch (RuntimeException e) {
            webhookSender.close();
            store.close();
            throw e;
        }
        try {
            this.assetReports = new AssetReports(items, transactions, folder, config.reset(), config.assetReportDelay());
        } catch (RuntimeException e) {
            webhookSender.close();
            transfers.close();
            store.close();
            throw e;
        }

        HandlerRegistry registry = new HandlerRegistry();
        List<EmulatorModule> modules = List.of(
                new InstitutionsModule(clock),
                new ItemsModule(items),
                new ProductsModule(items),
                new TransactionsModule(items, transactions),
                new SignalModule(items, signal),
                new ProcessorModule(items, transactions, signal),
                new TransferModule(transfers),
                new AssetsModule(assetReports),
                new VerificationKeyModule(signer));
        modules.forEach(module -> module.register(registry));
        SpecFallback fallback = new SpecFallback(new ExampleResponder(), items, clock);
        try {
            this.server = new EmulatorServer(config.port(), catalog, registry, fallback, identity.clientId(), identity.secret(),
                    config.latency(), config.failRates());
        } catch (IOException | RuntimeException e) {
            webhookSender.close();
            assetReports.close();
            transfers.close();
            store.close();
            throw e;
        }
    }

    private static Set<String> accountSubtypes(SpecCatalog catalog) {
        Schema subtypes = catalog.component("AccountSubtype").orElseThrow();
        return subtypes.enumValues().stream().filter(v -> !v.isNull()).map(v -> v.asText()).collect(Collectors.toSet());
    }

    /** Starts an emulator; it serves until {@link #close()}. */
    public static PlaidEmulator start(EmulatorConfig config) {
        try {
            return new PlaidEmulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Plaid emulator on port " + config.port(), e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, the host to give a Plaid client. */
    public URI baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    /** The emulator's client_id (kept in the data folder, so it stays the same across restarts). */
    public String clientId() {
        return identity.clientId();
    }

    /** The emulator's secret: a fake credential that only this emulator accepts. */
    public String secret() {
        return identity.secret();
    }

    /** Stops serving, stops webhook delivery and saves the state. Closing twice does nothing more. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.close();
        assetReports.close();
        webhookSender.close();
        transfers.close();
        store.close();
    }
}
