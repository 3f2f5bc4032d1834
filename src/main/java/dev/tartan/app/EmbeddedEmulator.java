package dev.tartan.app;

import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.model.Credentials;
import dev.tartan.service.PlaidGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The built-in emulator, run inside Tartan for the "Local emulator" profile: started once, on
 * first need, off the FX thread, with its state in the data folder; stopped when Tartan closes.
 */
final class EmbeddedEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEmulator.class);

    private final Path dataDirectory;
    private final Executor executor;
    private CompletableFuture<PlaidEmulator> running;

    EmbeddedEmulator(Path dataDirectory, Executor executor) {
        this.dataDirectory = dataDirectory;
        this.executor = executor;
    }

    synchronized CompletableFuture<PlaidEmulator> start() {
        if (running == null) {
            running = CompletableFuture.supplyAsync(() -> {
                PlaidEmulator emulator = PlaidEmulator.start(EmulatorConfig.builder().dataDirectory(dataDirectory).build());
                LOG.info("Built-in emulator listening at {}", emulator.baseUrl());
                return emulator;
            }, executor);
        }
        return running;
    }

    /** Starts the emulator if it is not running yet; tells where it listens and what it accepts. */
    CompletableFuture<PlaidGateway.Endpoint> endpoint() {
        return start().thenApply(emulator -> new PlaidGateway.Endpoint(emulator.baseUrl(),
                new Credentials(emulator.clientId(), emulator.secret())));
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            running.thenAccept(PlaidEmulator::close);
        }
    }
}
