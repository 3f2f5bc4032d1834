package dev.tartan.store;

import org.junit.jupiter.api.Test;
import org.sqlite.mc.SQLiteMCConfig;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CipherLibraryTest {

    @Test
    void theBundledLibraryIsSqlite3MultipleCiphers() throws Exception {
        try (Connection memory = new SQLiteMCConfig.Builder().build().createConnection("jdbc:sqlite::memory:")) {
            assertThat(CipherLibrary.requireMultipleCiphers(memory)).startsWith("SQLite3 Multiple Ciphers");
        }
    }

    @Test
    void aPlainSqliteIsRefusedWithTheLikelyCauses() {
        // What a plain SQLite answers: it has no sqlite3mc_version() function.
        Connection plain = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    throw new SQLException("[SQLITE_ERROR] SQL error or missing database (no such function: sqlite3mc_version)");
                });
        assertThatThrownBy(() -> CipherLibrary.requireMultipleCiphers(plain))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("not SQLite3 Multiple Ciphers")
                .hasMessageContaining("would not be encrypted")
                .hasMessageContaining("org.xerial:sqlite-jdbc")
                .hasMessageContaining("org.sqlite.lib.path");
    }

    @Test
    void aConnectionWithoutTheSqlCipherSchemeIsRefused() throws Exception {
        try (Connection chacha = new SQLiteMCConfig.Builder().build().createConnection("jdbc:sqlite::memory:")) {
            // The library's default scheme is ChaCha20, which is not the vault's format.
            assertThatThrownBy(() -> CipherLibrary.requireSqlCipherScheme(chacha))
                    .isInstanceOf(VaultException.class)
                    .hasMessageContaining("instead of SQLCipher");
        }
    }
}
