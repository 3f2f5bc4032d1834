package dev.tartan.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens connections to a vault file. Production code has one kind, {@link SqlCipherConnector};
 * the interface lets the benchmark run the very same vault code on an unencrypted file.
 */
interface Connector {

    /** A new connection to {@code file}; the file is created only when {@code create} is set. */
    Connection connect(Path file, boolean create) throws SQLException;

    /**
     * Refuses (with a {@link VaultException}) an existing file that cannot be a vault, before a key
     * is tried on it.
     */
    void checkBeforeOpen(Path file);

    /**
     * Refuses to go on (with a {@link VaultException}) unless {@code connection} really encrypts
     * {@code file}: called after opening and after the first write of a new vault.
     */
    void checkAfterOpen(Connection connection, Path file) throws SQLException;

    /** How the vault is encrypted, in words, for its status. */
    String encryption();
}
