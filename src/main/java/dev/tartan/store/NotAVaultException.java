package dev.tartan.store;

import java.nio.file.Path;

/** The file at the vault's place is not a Tartan vault (a plain SQLite file, junk, another program's data). */
public final class NotAVaultException extends VaultException {

    public NotAVaultException(Path file, String why) {
        super("The file at " + file + " is not a Tartan vault: " + why
                + ". It was not changed; move it away or choose another data folder (--data-dir).");
    }
}
