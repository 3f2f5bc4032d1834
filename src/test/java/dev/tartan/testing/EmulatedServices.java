package dev.tartan.testing;

import dev.tartan.api.PlaidClient;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.Latency;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.CatalogService;
import dev.tartan.service.ItemService;
import dev.tartan.service.PlaidGateway;
import dev.tartan.service.ProcessorService;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;
import okhttp3.OkHttpClient;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The service layer as Tartan wires it, over a fresh vault and an in-memory built-in emulator on
 * loopback, with the emulator's profile saved in the vault: for service and view model tests.
 */
public final class EmulatedServices implements AutoCloseable {

    private final PlaidEmulator emulator;
    private final ExecutorService io = Executors.newFixedThreadPool(4);
    private final OkHttpClient http = PlaidClient.newHttpClient();
    private final Vault vault;
    private final Profile profile;
    private final CatalogService catalog;
    private final CachedCalls calls;
    private final PlaidGateway gateway;

    /** @param latency how long the emulator takes over each answer */
    public EmulatedServices(Path vaultDirectory, Latency latency) {
        emulator = PlaidEmulator.start(EmulatorConfig.builder().latency(latency).build());
        Credentials credentials = new Credentials(emulator.clientId(), emulator.secret());
        vault = Vault.create(new VaultLocation(vaultDirectory), "correct horse battery staple services".toCharArray());
        profile = new Profile("Emulator", PlaidEnvironment.EMULATOR, credentials);
        vault.profiles().save(profile);
        gateway = new PlaidGateway(http, vault, io, () -> CompletableFuture.completedFuture(
                new PlaidGateway.Endpoint(emulator.baseUrl(), credentials)), Clock.systemUTC());
        catalog = new CatalogService(io);
        calls = new CachedCalls(gateway, vault, io, Clock.systemUTC());
    }

    public EmulatedServices(Path vaultDirectory) {
        this(vaultDirectory, Latency.NONE);
    }

    public Vault vault() {
        return vault;
    }

    public Profile profile() {
        return profile;
    }

    public ProcessorService processor() {
        return new ProcessorService(calls, catalog, vault, io, Clock.systemUTC());
    }

    public ItemService items() {
        return new ItemService(gateway, vault, io);
    }

    @Override
    public void close() {
        io.shutdownNow();
        http.dispatcher().executorService().shutdown();
        vault.close();
        emulator.close();
    }
}
