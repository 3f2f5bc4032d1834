package dev.tartan.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.store.Vault;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The profiles in the vault, which one is active, and a harmless call to test one. */
public final class ProfileService {

    /** The profile a new vault starts with: the built-in emulator. */
    public static final String EMULATOR_PROFILE = "Local emulator";

    private final Vault vault;
    private final PlaidCalls plaid;
    private final Executor io;

    public ProfileService(Vault vault, PlaidCalls plaid, Executor io) {
        this.vault = vault;
        this.plaid = plaid;
        this.io = io;
    }

    public CompletableFuture<List<Profile>> list() {
        return CompletableFuture.supplyAsync(() -> vault.profiles().list(), io);
    }

    /** Adds or replaces a profile (audited). Renaming is saving under the new name and removing the old. */
    public CompletableFuture<Profile> save(Profile profile, String previousName) {
        return CompletableFuture.supplyAsync(() -> {
            vault.profiles().save(profile);
            if (previousName != null && !previousName.equals(profile.name())) {
                vault.profiles().remove(previousName);
                if (previousName.equals(vault.settings().get(SettingsService.ACTIVE_PROFILE).orElse(null))) {
                    vault.settings().put(SettingsService.ACTIVE_PROFILE, profile.name());
                }
            }
            vault.audit().append(previousName == null ? "profile save" : "profile save (was " + previousName + ")",
                    List.of(profile.name(), profile.environment().asText()), "ok", null);
            return profile;
        }, io);
    }

    public CompletableFuture<Boolean> remove(String name) {
        return CompletableFuture.supplyAsync(() -> {
            boolean removed = vault.profiles().remove(name);
            vault.audit().append("profile remove", List.of(name), removed ? "ok" : "not found", null);
            return removed;
        }, io);
    }

    /** The active profile: the one last chosen, else the emulator's, else the first. */
    public CompletableFuture<Optional<Profile>> active() {
        return CompletableFuture.supplyAsync(() -> {
            Optional<String> chosen = vault.settings().get(SettingsService.ACTIVE_PROFILE);
            Optional<Profile> profile = chosen.flatMap(name -> vault.profiles().get(name));
            if (profile.isEmpty()) {
                profile = vault.profiles().get(EMULATOR_PROFILE);
            }
            if (profile.isEmpty()) {
                profile = vault.profiles().list().stream().findFirst();
            }
            return profile;
        }, io);
    }

    public CompletableFuture<Void> setActive(String name) {
        return CompletableFuture.runAsync(() -> vault.settings().put(SettingsService.ACTIVE_PROFILE, name), io);
    }

    /**
     * Makes sure the emulator's profile exists with the emulator's current credentials (they are
     * generated once per data folder, so they only change if the emulator's state is reset).
     */
    public CompletableFuture<Profile> ensureEmulatorProfile(Credentials credentials) {
        return CompletableFuture.supplyAsync(() -> {
            Profile wanted = new Profile(EMULATOR_PROFILE, PlaidEnvironment.EMULATOR, credentials);
            Optional<Profile> existing = vault.profiles().get(EMULATOR_PROFILE);
            if (existing.isEmpty() || !existing.get().equals(wanted)) {
                vault.profiles().save(wanted);
            }
            return wanted;
        }, io);
    }

    /**
     * A harmless call that needs valid credentials (one institution from /institutions/get),
     * to check a profile before relying on it.
     */
    public CompletableFuture<PlaidResponse> testConnection(Profile profile) {
        ObjectNode body = PlaidJson.mapper().createObjectNode();
        body.put("count", 1);
        body.put("offset", 0);
        body.putArray("country_codes").add("US");
        return Futures.map(plaid.post(profile, "/institutions/get", body), response -> response);
    }
}
