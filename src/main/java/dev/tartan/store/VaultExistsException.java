package dev.tartan.store;

import java.nio.file.Path;

/** A vault cannot be created where a file already is. */
public final class VaultExistsException extends VaultException {

    public VaultExistsException(Path file) {
        super("A file already exists at " + file + "; Tartan will not overwrite it. Open it, or choose another data folder.");
    }
}
