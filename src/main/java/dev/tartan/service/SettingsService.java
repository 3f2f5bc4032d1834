package dev.tartan.service;

import dev.tartan.store.Vault;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The user's settings (theme, window, last pane, active profile), kept in the vault. */
public final class SettingsService {

    public static final String THEME = "ui.theme";
    public static final String WINDOW = "ui.window";
    public static final String LAST_PANE = "ui.last_pane";
    public static final String ACTIVE_PROFILE = "profile.active";

    private final Vault vault;
    private final Executor io;

    public SettingsService(Vault vault, Executor io) {
        this.vault = vault;
        this.io = io;
    }

    /** The folder that holds the vault (and so the settings): the per-user data folder, or --data-dir. */
    public Path dataFolder() {
        return vault.location().directory();
    }

    /** All settings at once: read once at start-up, so the window can open without waiting on each. */
    public CompletableFuture<Map<String, String>> all() {
        return CompletableFuture.supplyAsync(() -> vault.settings().all(), io);
    }

    public CompletableFuture<Optional<String>> get(String key) {
        return CompletableFuture.supplyAsync(() -> vault.settings().get(key), io);
    }

    public CompletableFuture<Void> put(String key, String value) {
        return CompletableFuture.runAsync(() -> vault.settings().put(key, value), io);
    }
}
