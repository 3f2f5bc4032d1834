package dev.tartan.service;

import dev.tartan.model.PassphraseVerdict;
import dev.tartan.store.PassphraseStrength;
import dev.tartan.store.Passphrases;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The way into the vault for the first-run and unlock screens: whether one exists, how strong a
 * chosen passphrase is, and creating or opening it off the FX thread (the key derivation takes a
 * noticeable moment). The opened vault goes to {@link #opened()}, not to the screens.
 */
public final class VaultGate {

    private final VaultLocation location;
    private final Executor executor;
    private final CompletableFuture<Vault> opened = new CompletableFuture<>();

    public VaultGate(VaultLocation location, Executor executor) {
        this.location = location;
        this.executor = executor;
    }

    public boolean exists() {
        return Vault.exists(location);
    }

    public Path file() {
        return location.file();
    }

    public PassphraseVerdict assess(char[] passphrase) {
        return PassphraseStrength.assess(passphrase);
    }

    /** Creates the vault; the passphrase array is cleared once used. */
    public CompletableFuture<Void> create(char[] passphrase) {
        return CompletableFuture.runAsync(() -> {
            try {
                opened.complete(Vault.create(location, passphrase));
            } finally {
                Passphrases.clear(passphrase);
            }
        }, executor);
    }

    /**
     * Opens the vault. Fails with the store's own exceptions (wrong passphrase, not a vault, too
     * new) and changes nothing, so the user can simply try again. The array is cleared once used.
     */
    public CompletableFuture<Void> unlock(char[] passphrase) {
        return CompletableFuture.runAsync(() -> {
            try {
                opened.complete(Vault.open(location, passphrase));
            } finally {
                Passphrases.clear(passphrase);
            }
        }, executor);
    }

    /** Takes a vault someone else started opening (before the window existed); fails as {@link #unlock} would. */
    public CompletableFuture<Void> adopt(CompletableFuture<Vault> opening) {
        return opening.thenAccept(opened::complete);
    }

    /** Completes with the vault once it is created or unlocked. */
    public CompletableFuture<Vault> opened() {
        return opened;
    }
}
