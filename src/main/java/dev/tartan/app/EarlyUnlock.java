package dev.tartan.app;

import dev.tartan.cli.GlobalOptions;
import dev.tartan.store.DataDirectory;
import dev.tartan.store.Passphrases;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * When the passphrase comes from a file or the environment, the vault's key derivation (a few
 * hundred milliseconds of CPU) starts in {@code main}, while JavaFX is still starting up, and
 * the application picks the result up.
 */
final class EarlyUnlock {

    private record Started(Path dataDirectory, CompletableFuture<Vault> vault) {
    }

    private static volatile Started started;

    private EarlyUnlock() {
    }

    /** Starts opening the vault if it exists and a passphrase is at hand without asking. */
    static void begin(GlobalOptions options) {
        Path dataDirectory = DataDirectory.resolve(options.dataDir());
        VaultLocation location = new VaultLocation(dataDirectory);
        if (!Vault.exists(location)) {
            return;
        }
        Optional<char[]> passphrase = Passphrases.nonInteractive(options.passphraseFile(), System.getenv());
        passphrase.ifPresent(chars -> {
            CompletableFuture<Vault> vault = new CompletableFuture<>();
            Thread opener = new Thread(() -> {
                try {
                    vault.complete(Vault.open(location, chars));
                } catch (RuntimeException e) {
                    vault.completeExceptionally(e);
                } finally {
                    Passphrases.clear(chars);
                }
            }, "tartan-early-unlock");
            opener.setDaemon(true);
            opener.start();
            started = new Started(dataDirectory, vault);
        });
    }

    /** The vault being opened for this data folder, once; empty if nothing was started for it. */
    static Optional<CompletableFuture<Vault>> take(Path dataDirectory) {
        Started current = started;
        started = null;
        return current != null && current.dataDirectory().equals(dataDirectory) ? Optional.of(current.vault()) : Optional.empty();
    }
}
