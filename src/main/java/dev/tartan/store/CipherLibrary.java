package dev.tartan.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes sure the native SQLite in use is SQLite3 Multiple Ciphers. A plain SQLite (org.xerial's
 * driver first on the class path, or {@code org.sqlite.lib.path} pointing elsewhere) accepts
 * {@code PRAGMA key} without a word and writes the vault in plaintext.
 */
final class CipherLibrary {

    static final String EXPECTED_NAME = "SQLite3 Multiple Ciphers";

    private CipherLibrary() {
    }

    /** The library's version text, or a {@link VaultException} when it is not the cipher library. */
    static String requireMultipleCiphers(Connection connection) {
        String version;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT sqlite3mc_version()")) {
            version = row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw notTheCipherLibrary("it has no sqlite3mc_version() function", e);
        }
        if (version == null || !version.startsWith(EXPECTED_NAME)) {
            throw notTheCipherLibrary("it reports '" + version + "'", null);
        }
        return version;
    }

    /** The cipher the connection uses, which must be SQLCipher's scheme. */
    static void requireSqlCipherScheme(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA cipher")) {
            String cipher = row.next() ? row.getString(1) : null;
            if (!"sqlcipher".equalsIgnoreCase(cipher)) {
                throw new VaultException("The vault connection uses the cipher '" + cipher
                        + "' instead of SQLCipher; refusing to go on.");
            }
        }
    }

    private static VaultException notTheCipherLibrary(String why, Throwable cause) {
        return new VaultException("The SQLite library Tartan loaded is not " + EXPECTED_NAME + " (" + why
                + "), so the vault would not be encrypted; refusing to go on. Make sure org.xerial:sqlite-jdbc is not"
                + " on the class path and that the system property org.sqlite.lib.path is not set.", cause);
    }
}
