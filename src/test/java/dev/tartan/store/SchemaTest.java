package dev.tartan.store;

import dev.tartan.model.AuditEntry;
import dev.tartan.model.AuditVerification;
import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.model.TransactionRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
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
            assertThat(tables(raw)).contains("settings", "profiles", "tokens", "cached_results", "request_history", "audit_log",
                    "audit_head");
        }
    }

    @Test
    void aVersion1VaultUpgradesToTransactionsKeepingItsData() throws Exception {
        VaultLocation location = new VaultLocation(dir);
        try (Connection v1 = new SqlCipherConnector(TestVaults.passphrase()).connect(location.file(), true);
             Statement statement = v1.createStatement()) {
            Schema.migrate(v1, 0, Schema.MIGRATIONS.subList(0, 1));
            statement.execute("INSERT INTO profiles VALUES ('Sandbox', 'sandbox', 'client', 'secret-value-1', 1, 1)");
            statement.execute("INSERT INTO tokens (kind, value, owner_id, created_at) VALUES ('ACCESS', 'access-sandbox-1234-abcd', 'item-1', 1)");
            assertThat(Schema.pragmaInt(v1, "user_version")).isEqualTo(1);
        }

        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.status().schemaVersion()).isEqualTo(Schema.CURRENT_VERSION);
            assertThat(vault.profiles().names()).containsExactly("Sandbox");
            assertThat(vault.tokens().byToken("access-sandbox-1234-abcd").orElseThrow().ownerId()).isEqualTo("item-1");
            vault.transactions().apply("Sandbox", "item:item-1", TransactionStore.Changes.update(List.of(new TransactionRow("t", "a",
                    LocalDate.of(2024, 1, 2), null, "Coffee", null, 3.5, "USD", null, false, null, null, null, null)), List.of(), "c", null));
            assertThat(vault.transactions().rows("Sandbox", "item:item-1")).hasSize(1);
        }
        try (Connection raw = TestVaults.rawConnection(dir, TestVaults.PASSPHRASE)) {
            assertThat(tables(raw)).contains("transaction_sources", "transactions");
        }
    }

    @Test
    void aVersion2VaultUpgradesToAnAuditHeadAtTheEndOfItsChain() throws Exception {
        VaultLocation location = new VaultLocation(dir);
        String lastHash = AuditLog.GENESIS_HASH;
        try (Connection v2 = new SqlCipherConnector(TestVaults.passphrase()).connect(location.file(), true);
             Statement statement = v2.createStatement()) {
            Schema.migrate(v2, 0, Schema.MIGRATIONS.subList(0, 2));
            for (long seq = 1; seq <= 3; seq++) {
                Instant at = Instant.ofEpochMilli(1_714_557_600_000L + seq);
                String hash = AuditLog.hashOf(seq, at, "dana", "profile.add", List.of("p" + seq), "success", null, lastHash);
                statement.execute("INSERT INTO audit_log VALUES (" + seq + ", " + at.toEpochMilli() + ", 'dana', 'profile.add', "
                        + "'[\"p" + seq + "\"]', 'success', NULL, '" + lastHash + "', '" + hash + "')");
                lastHash = hash;
            }
        }

        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.audit().verify()).isEqualTo(AuditVerification.intact(3));
            AuditEntry next = vault.audit().append("profile.add", List.of("p4"), "success", null);
            assertThat(next.seq()).isEqualTo(4);
            assertThat(next.previousHash()).isEqualTo(lastHash);
            assertThat(vault.audit().verify()).isEqualTo(AuditVerification.intact(4));
        }
    }

    @Test
    void aVersion3VaultUpgradesKeepingItsProfilesWhichAreNotMarked() throws Exception {
        VaultLocation location = new VaultLocation(dir);
        try (Connection v3 = new SqlCipherConnector(TestVaults.passphrase()).connect(location.file(), true);
             Statement statement = v3.createStatement()) {
            Schema.migrate(v3, 0, Schema.MIGRATIONS.subList(0, 3));
            statement.execute("INSERT INTO profiles VALUES ('Proxy', 'https://plaid-proxy.example.test', 'client', 'secret-value-1', 1, 1)");
            assertThat(Schema.pragmaInt(v3, "user_version")).isEqualTo(3);
        }

        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.status().schemaVersion()).isEqualTo(Schema.CURRENT_VERSION);
            PlaidEnvironment proxy = vault.profiles().require("Proxy").environment();
            assertThat(proxy.baseUrl()).hasToString("https://plaid-proxy.example.test");
            assertThat(proxy.markedProduction()).isFalse();
            assertThat(proxy.plainHttpAllowed()).isFalse();
            vault.profiles().save(new Profile("Proxy", proxy.withProductionMark(true), new Credentials("client", "secret-value-1")));
            assertThat(vault.profiles().require("Proxy").environment().isProduction()).isTrue();
        }
        try (Connection raw = TestVaults.rawConnection(dir, TestVaults.PASSPHRASE)) {
            assertThat(tables(raw)).contains("audit_head_seal");
        }
    }

    @Test
    void theUpgradeTo4IsOneTransaction() throws Exception {
        VaultLocation location = new VaultLocation(dir);
        try (Connection connection = new SqlCipherConnector(TestVaults.passphrase()).connect(location.file(), true)) {
            Schema.migrate(connection, 0, Schema.MIGRATIONS.subList(0, 3));
            List<String> brokenStep4 = new ArrayList<>(Schema.MIGRATIONS.get(3));
            brokenStep4.add("THIS IS NOT SQL");
            List<List<String>> migrations = new ArrayList<>(Schema.MIGRATIONS.subList(0, 3));
            migrations.add(brokenStep4);
            assertThatThrownBy(() -> Schema.migrate(connection, 3, migrations)).isInstanceOf(SQLException.class);
            assertThat(Schema.pragmaInt(connection, "user_version")).isEqualTo(3);
            assertThat(tables(connection)).doesNotContain("audit_head_seal");
            assertThat(columns(connection, "profiles")).doesNotContain("marked_production", "plain_http_allowed");
        }
    }

    @Test
    void theUpgradeTo2IsOneTransaction() throws Exception {
        VaultLocation location = new VaultLocation(dir);
        try (Connection connection = new SqlCipherConnector(TestVaults.passphrase()).connect(location.file(), true)) {
            Schema.migrate(connection, 0, Schema.MIGRATIONS.subList(0, 1));
            List<String> brokenStep2 = new ArrayList<>(Schema.MIGRATIONS.get(1));
            brokenStep2.add("THIS IS NOT SQL");
            assertThatThrownBy(() -> Schema.migrate(connection, 1, List.of(Schema.MIGRATIONS.get(0), brokenStep2)))
                    .isInstanceOf(SQLException.class);
            assertThat(Schema.pragmaInt(connection, "user_version")).isEqualTo(1);
            assertThat(tables(connection)).doesNotContain("transaction_sources", "transactions");
        }
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM pragma_table_info('" + table + "')")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
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
