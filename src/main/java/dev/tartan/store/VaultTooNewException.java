package dev.tartan.store;

import java.nio.file.Path;

/** The vault was written by a newer Tartan, with a schema this one does not know. */
public final class VaultTooNewException extends VaultException {

    private final int vaultVersion;
    private final int supportedVersion;

    public VaultTooNewException(Path file, int vaultVersion, int supportedVersion) {
        super("The vault at " + file + " was written by a newer Tartan (schema version " + vaultVersion
                + "; this Tartan knows up to " + supportedVersion + "). It was not changed; update Tartan to open it.");
        this.vaultVersion = vaultVersion;
        this.supportedVersion = supportedVersion;
    }

    public int vaultVersion() {
        return vaultVersion;
    }

    public int supportedVersion() {
        return supportedVersion;
    }
}
