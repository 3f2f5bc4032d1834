package dev.tartan.store;

import java.nio.file.Path;

/** There is no vault where one was expected. */
public final class VaultNotFoundException extends VaultException {

    public VaultNotFoundException(Path file) {
        super("There is no vault at " + file + ". Create one with 'tartan vault init' (or choose the data folder with --data-dir).");
    }
}
