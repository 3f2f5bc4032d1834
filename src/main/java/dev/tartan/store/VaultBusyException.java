package dev.tartan.store;

/** Another Tartan process holds the vault for longer than Tartan is willing to wait. */
public final class VaultBusyException extends VaultException {

    public VaultBusyException(String what, Throwable cause) {
        super("The vault is busy in another Tartan process (" + what + "). Close the other Tartan window or command and try again.", cause);
    }
}
