package dev.tartan.store;

import org.sqlite.SQLiteOpenMode;
import org.sqlite.mc.SQLiteMCConfig;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;

/**
 * Connections encrypted with SQLCipher 4 (AES-256-CBC pages, HMAC-SHA512, PBKDF2-HMAC-SHA512), set
 * up through the driver's typed configuration: the key never appears in a URL.
 */
final class SqlCipherConnector implements Connector {

    /**
     * SQLCipher 4's default: PBKDF2-HMAC-SHA512 with 256,000 rounds. Kept as is: measured at about
     * 160 ms per open on this project's 2-core machines (inside the 300 ms budget), and it keeps the
     * file readable by stock SQLCipher 4 tools with no extra settings.
     */
    static final int KDF_ITERATIONS = 256_000;

    /** How long a connection waits for another process's lock before SQLite reports it busy. */
    static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private final String key;

    /**
     * The driver takes the key as a String; this is the one copy of the passphrase that outlives
     * the caller's char[], and it lives only as long as this connector.
     */
    SqlCipherConnector(char[] passphrase) {
        this.key = keyOf(passphrase);
    }

    /**
     * A connector for a passphrase that is to lock a vault (a new vault, a new passphrase): refused
     * if the driver would take it as a raw key.
     */
    static SqlCipherConnector forNewPassphrase(char[] passphrase) {
        if (Passphrases.isRawKeyForm(passphrase)) {
            throw new IllegalArgumentException(Passphrases.RAW_KEY_REFUSAL);
        }
        return new SqlCipherConnector(passphrase);
    }

    static String keyOf(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0 || new String(passphrase).isBlank()) {
            // The driver skips an empty key without a word and opens the file unencrypted.
            throw new IllegalArgumentException("The passphrase is empty. The vault needs one: it is what encrypts it.");
        }
        for (char c : passphrase) {
            if (c == '\0') {
                throw new IllegalArgumentException("The passphrase contains a NUL character, which SQLCipher cannot take.");
            }
        }
        // The same passphrase typed on different systems may arrive in different Unicode forms.
        return Normalizer.normalize(new String(passphrase), Normalizer.Form.NFC);
    }

    @Override
    public Connection connect(Path file, boolean create) throws SQLException {
        requirePlainPath(file);
        requireCipherLibrary();
        SQLiteMCConfig config = SQLiteMCSqlCipherConfig.getV4Defaults()
                .setKdfIter(KDF_ITERATIONS)
                .withKey(key)
                .build();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        if (!create) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        return config.createConnection("jdbc:sqlite:" + file);
    }

    @Override
    public void checkBeforeOpen(Path file) {
        VaultFiles.requireLooksLikeVault(file);
    }

    @Override
    public void checkAfterOpen(Connection connection, Path file) throws SQLException {
        CipherLibrary.requireMultipleCiphers(connection);
        CipherLibrary.requireSqlCipherScheme(connection);
        if (VaultFiles.hasPlainSqliteHeader(file)) {
            throw new VaultException("The vault file " + file + " was written unencrypted; refusing to go on.");
        }
    }

    /** Re-encrypts the database behind {@code connection} (in rollback-journal mode) with this key. */
    void rekey(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA rekey = '" + key.replace("'", "''") + "'");
        }
    }

    @Override
    public String encryption() {
        return "SQLCipher 4 (AES-256-CBC, HMAC-SHA512, PBKDF2-HMAC-SHA512 with " + KDF_ITERATIONS + " rounds)";
    }

    /** The driver reads anything after a '?' in the file name as URL parameters (settings, even a key). */
    static void requirePlainPath(Path file) {
        if (file.toString().contains("?")) {
            throw new VaultException("The vault's path may not contain '?': " + file + ". Choose another data folder (--data-dir).");
        }
    }

    /** Checked once per process, on a throw-away in-memory database, before any file is touched. */
    private static void requireCipherLibrary() throws SQLException {
        if (!LibraryCheck.done) {
            synchronized (LibraryCheck.class) {
                if (!LibraryCheck.done) {
                    try (Connection memory = new SQLiteMCConfig.Builder().build().createConnection("jdbc:sqlite::memory:")) {
                        CipherLibrary.requireMultipleCiphers(memory);
                    }
                    LibraryCheck.done = true;
                }
            }
        }
    }

    private static final class LibraryCheck {
        static volatile boolean done;
    }
}
