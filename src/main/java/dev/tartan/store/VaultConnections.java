package dev.tartan.store;

import org.sqlite.SQLiteErrorCode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** Opening a vault file: the checks, the connection settings and the migrations, in that order. */
final class VaultConnections {

    private VaultConnections() {
    }

    /**
     * A ready connection to the existing vault {@code file}: refused before anything is written if
     * the passphrase is wrong, the file is not a vault, or its schema is too new.
     */
    static Connection open(Path file, Connector connector) {
        connector.checkBeforeOpen(file);
        Connection connection = connect(file, connector, false);
        try {
            connector.checkAfterOpen(connection, file);
            int version = Schema.requireCompatible(connection, file);
            configure(connection);
            Schema.migrate(connection, version);
            return connection;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e instanceof VaultException ve ? ve : failure(file, e);
        }
    }

    /** Builds a new vault at {@code file} (which must not exist) in rollback-journal mode, and closes it. */
    static void build(Path file, Connector connector) {
        Connection connection = connect(file, connector, true);
        try {
            Schema.migrate(connection, Schema.requireCompatible(connection, file));
            connector.checkAfterOpen(connection, file);
        } catch (SQLException | RuntimeException e) {
            throw e instanceof VaultException ve ? ve : failure(file, e);
        } finally {
            closeQuietly(connection);
        }
    }

    /** A connection to {@code file} with the key applied; a wrong key is reported as such. */
    static Connection connect(Path file, Connector connector, boolean create) {
        try {
            return connector.connect(file, create);
        } catch (SQLException e) {
            int primary = e.getErrorCode() & 0xff;
            if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
                throw new WrongPassphraseException(file);
            }
            if (Database.isBusy(e)) {
                throw new VaultBusyException("opening it", e);
            }
            throw new VaultException("Cannot open the vault file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Up to 64 MiB of decrypted pages (SQLite allocates them as it needs them). */
    static final int CACHE_KIBIBYTES = 64 * 1024;

    /**
     * Pages the WAL collects before they are copied into the file (SQLite's default: 1,000). A copy
     * decrypts a page from the WAL and encrypts it again for the file; with more pages between
     * copies, a page written by many commits (an index leaf) is copied once. The WAL then grows to
     * about 40 MB while Tartan runs; SQLite removes it when the vault closes.
     */
    static final int AUTOCHECKPOINT_PAGES = 10_000;

    /**
     * WAL lets readers of another process go on while Tartan writes. synchronous=NORMAL: a commit
     * survives the process being killed (the OS has it); only a power cut may lose the last
     * commits, never the file's consistency. temp_store=MEMORY keeps sort and temp tables out of
     * unencrypted temporary files. A page read from the file costs a decryption and an HMAC check,
     * so the page cache is far larger than SQLite's 2 MB default: with it, index pages stay
     * decrypted and an encrypted insert costs little more than a plain one.
     */
    private static void configure(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                String mode = row.next() ? row.getString(1) : "";
                if (!"wal".equals(mode.toLowerCase(Locale.ROOT))) {
                    throw new VaultException("The vault could not switch to write-ahead logging (it is in '" + mode + "' mode).");
                }
            }
            statement.execute("PRAGMA synchronous = NORMAL");
            statement.execute("PRAGMA temp_store = MEMORY");
            statement.execute("PRAGMA foreign_keys = ON");
            statement.execute("PRAGMA cache_size = -" + CACHE_KIBIBYTES);
            statement.execute("PRAGMA wal_autocheckpoint = " + AUTOCHECKPOINT_PAGES);
        }
    }

    private static VaultException failure(Path file, Exception e) {
        if (e instanceof SQLException sql && Database.isBusy(sql)) {
            return new VaultBusyException("opening it", e);
        }
        return new VaultException("Cannot open the vault at " + file + ": " + e.getMessage(), e);
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Already failing; the first error is the one to report.
        }
    }
}
