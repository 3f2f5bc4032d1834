package dev.tartan.cli;

import dev.tartan.api.PlaidClient;
import dev.tartan.api.PlaidRequest;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.service.PlaidGateway;
import dev.tartan.store.DataDirectory;
import dev.tartan.store.Vault;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code tartan call --profile NAME}: the vault stays open for the call, which goes through the
 * same gateway as the window's (request history and audit log written); the "Local emulator"
 * profile starts the built-in emulator on the data folder for the call.
 */
final class ConnectionToProfile implements CallCommand.Connection {

    private final Vault vault;
    private final Profile profile;
    private final ExecutorService recorder = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tartan-cli-recorder");
        thread.setDaemon(true);
        return thread;
    });
    private final PlaidGateway gateway;
    private PlaidEmulator emulator;

    private ConnectionToProfile(CommandSpec spec, Vault vault, Profile profile) {
        this.vault = vault;
        this.profile = profile;
        this.gateway = new PlaidGateway(PlaidClient::newHttpClient, vault, recorder,
                () -> CompletableFuture.supplyAsync(() -> startEmulator(spec)), Clock.systemUTC());
    }

    static ConnectionToProfile open(CommandSpec spec, String name) {
        Vault vault = new VaultAccess(spec).open();
        try {
            return new ConnectionToProfile(spec, vault, vault.profiles().require(name));
        } catch (RuntimeException e) {
            vault.close();
            throw e;
        }
    }

    private PlaidGateway.Endpoint startEmulator(CommandSpec spec) {
        try {
            emulator = PlaidEmulator.start(EmulatorConfig.builder()
                    .dataDirectory(DataDirectory.resolve(GlobalOptions.of(spec).dataDir()))
                    .build());
        } catch (RuntimeException e) {
            throw new CommandFailure("The built-in emulator could not start (" + e.getMessage()
                    + "). If Tartan's window is open it is using it: run 'tartan emulator' elsewhere and use --env URL.");
        }
        return new PlaidGateway.Endpoint(emulator.baseUrl(), new Credentials(emulator.clientId(), emulator.secret()));
    }

    @Override
    public PlaidEnvironment environment() {
        return profile.environment();
    }

    @Override
    public CompletableFuture<PlaidResponse> send(PlaidRequest request) {
        return gateway.call(profile, request);
    }

    @Override
    public CompletableFuture<PlaidResponse> download(PlaidRequest request, Path file) {
        return gateway.download(profile, request, file);
    }

    @Override
    public void close() {
        recorder.shutdown();
        try {
            // History and audit are written after the reply: let them land before the vault closes.
            recorder.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (emulator != null) {
            emulator.close();
        }
        vault.close();
    }
}
