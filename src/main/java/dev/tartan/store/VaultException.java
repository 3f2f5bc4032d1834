package dev.tartan.store;

/**
 * Something went wrong with the vault. The message is written for the user and never holds a
 * secret; subclasses name the cases a caller may want to handle apart.
 */
public class VaultException extends RuntimeException {

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
