package dev.tartan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidClient;
import dev.tartan.api.PlaidJson;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.service.PlaidGateway;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;
import okhttp3.OkHttpClient;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service layer's foundations as the app wires them, over a real emulator on loopback: an
 * encrypted vault, one OkHttp client, a background pool and the gateway, with a profile for the
 * emulator. For service tests and benchmarks.
 */
public final class EmulatorServices implements AutoCloseable {

    public static final String PROFILE = "Emulator";
    private static final char[] PASSPHRASE = "emulator services test passphrase".toCharArray();

    public final PlaidEmulator emulator;
    public final Vault vault;
    public final OkHttpClient http = PlaidClient.newHttpClient();
    public final ExecutorService io;
    public final PlaidGateway gateway;
    public final Profile profile;

    /**
     * @param config       the emulator's configuration
     * @param vaultFolder  an empty folder for a fresh vault
     * @param ioThreads    threads of the background pool (the app uses max(4, 2 x cores))
     */
    public EmulatorServices(EmulatorConfig config, Path vaultFolder, int ioThreads) {
        this.emulator = PlaidEmulator.start(config);
        this.vault = Vault.create(new VaultLocation(vaultFolder), PASSPHRASE.clone());
        AtomicInteger threads = new AtomicInteger();
        this.io = Executors.newFixedThreadPool(ioThreads, runnable -> {
            Thread thread = new Thread(runnable, "test-io-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Credentials credentials = new Credentials(emulator.clientId(), emulator.secret());
        PlaidGateway.Endpoint endpoint = new PlaidGateway.Endpoint(emulator.baseUrl(), credentials);
        this.gateway = new PlaidGateway(() -> http, vault, io, () -> CompletableFuture.completedFuture(endpoint), Clock.systemUTC());
        this.profile = new Profile(PROFILE, PlaidEnvironment.EMULATOR, credentials);
        vault.profiles().add(profile);
    }

    public EmulatorServices(Path vaultFolder) {
        this(EmulatorConfig.inMemory(), vaultFolder, 4);
    }

    /** Posts through the gateway and waits for the JSON reply. */
    public JsonNode call(String path, ObjectNode body) {
        return gateway.post(profile, path, body).orTimeout(60, TimeUnit.SECONDS).join().json();
    }

    /** A sandbox Item of First Platypus Bank with transactions, for {@code username}; returns {access_token, item_id}. */
    public JsonNode newItem(String username) {
        return newItem(username, "pass_good");
    }

    /** A sandbox Item for {@code username} and {@code password} (a user_custom configuration, for one). */
    public JsonNode newItem(String username, String password) {
        ObjectNode create = PlaidJson.mapper().createObjectNode().put("institution_id", "ins_109508");
        create.putArray("initial_products").add("transactions");
        create.putObject("options").put("override_username", username).put("override_password", password);
        String publicToken = call("/sandbox/public_token/create", create).path("public_token").asText();
        return call("/item/public_token/exchange", PlaidJson.mapper().createObjectNode().put("public_token", publicToken));
    }

    @Override
    public void close() {
        http.dispatcher().cancelAll();
        io.shutdown();
        try {
            io.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        vault.close();
        emulator.close();
    }
}
