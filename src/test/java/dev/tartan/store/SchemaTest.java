package dev.tartan.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaTest {

    @TempDir
    Path dir;

    @Test
    void eachMigrationIsOneTransactionThatAlsoSetsTheVersion() throws Exception {
        List<List<String>> migrations = List.of(
                List.of("CREATE TABLE first (x)"),
                List.of("CREATE TABLE second (x)", "INSERT INTO second VALUES (1)", "THIS IS NOT SQL"));
        try (Connection connection = new SqlCipherConnector(TestVaults.passphrase()).connect(dir.resolve("m.db"), true)) {
            assertThatThrownBy(() -> Schema.migrate(connection, 0, migrations)).isInstanceOf(SQLException.class);
            assertThat(Schema.pragmaInt(connection, "user_version")).isEqualTo(1);
            assertThat(tables(connection)).containsExactly("first");

            Schema.migrate(connection, 1, List.of(migrations.get(0), List.of("CREATE TABLE second (x)")));
            assertThat(Schema.pragmaInt(connection, "user_version")).isEqualTo(2);
            assertThat(tables(connection)).containsExactly("first", "second");
        }
    }

    @Test
    void aNewVaultIsAtTheCurrentVersionWithTartansMark() throws Exception {
        TestVaults.create(dir).close();
        try (Connection raw = TestVaults.rawConnection(dir, TestVaults.PASSPHRASE)) {
            assertThat(Schema.pragmaInt(raw, "user_version")).isEqualTo(Schema.CURRENT_VERSION);
            assertThat(Schema.pragmaInt(raw, "application_id")).isEqualTo(Schema.APPLICATION_ID);
            assertThat(tables(raw)).contains("settings", "profiles", "tokens", "cached_results", "request_history", "audit_log");
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
