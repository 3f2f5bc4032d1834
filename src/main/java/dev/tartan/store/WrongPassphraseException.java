package dev.tartan.store;

import java.nio.file.Path;

/** The passphrase does not unlock the vault. Nothing was changed; the user may try again. */
public final class WrongPassphraseException extends VaultException {

    public WrongPassphraseException(Path file) {
        super("Wrong passphrase for the vault at " + file + ". Nothing was changed; try again.");
    }
}
