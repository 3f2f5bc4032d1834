package dev.tartan.store;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The vault's own code on an unencrypted file, for the benchmark's side-by-side figures only.
 * Lives in the test sources: Tartan itself has no way to make a vault without a key.
 */
public final class UnencryptedVaults {

    private UnencryptedVaults() {
    }

    public static Vault create(Path directory) {
        return Vault.create(new VaultLocation(directory), new PlainConnector(), Clock.systemUTC());
    }

    public static Vault open(Path directory) {
        return Vault.open(new VaultLocation(directory), new PlainConnector(), Clock.systemUTC());
    }

    private static final class PlainConnector implements Connector {

        @Override
        public Connection connect(Path file, boolean create) throws SQLException {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(SqlCipherConnector.BUSY_TIMEOUT_MILLIS);
            if (!create) {
                config.resetOpenMode(SQLiteOpenMode.CREATE);
            }
            return config.createConnection("jdbc:sqlite:" + file);
        }

        @Override
        public void checkBeforeOpen(Path file) {
            if (!Files.exists(file)) {
                throw new VaultNotFoundException(file);
            }
        }

        @Override
        public void checkAfterOpen(Connection connection, Path file) {
            // Unencrypted on purpose.
        }

        @Override
        public String encryption() {
            return "none";
        }
    }
}
