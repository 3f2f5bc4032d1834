package dev.tartan.store;

import dev.tartan.model.AuditEntry;
import dev.tartan.model.AuditVerification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.tartan.store.TestVaults.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditLogTest {

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00.123Z"));

    private Vault vaultWithEntries(int count) {
        Vault vault = TestVaults.create(dir, clock);
        for (int i = 1; i <= count; i++) {
            vault.audit().append("item.remove", List.of("item-" + i), "success", "req-" + i);
            clock.advance(Duration.ofSeconds(1));
        }
        return vault;
    }

    @Test
    void entriesFormAChainFromTheGenesisHash() {
        try (Vault vault = vaultWithEntries(3)) {
            List<AuditEntry> entries = vault.audit().recent(10);
            assertThat(entries).extracting(AuditEntry::seq).containsExactly(3L, 2L, 1L);
            assertThat(entries.get(2).previousHash()).isEqualTo(AuditLog.GENESIS_HASH);
            assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(2).hash());
            assertThat(entries.get(0).previousHash()).isEqualTo(entries.get(1).hash());
            assertThat(entries.get(0).targets()).containsExactly("item-3");
            assertThat(vault.audit().verify()).isEqualTo(AuditVerification.intact(3));
        }
    }

    @Test
    void whoIsTheOsUserOrTheConfiguredOperator() {
        try (Vault vault = TestVaults.create(dir, clock)) {
            assertThat(vault.audit().append("profile.add", List.of("p"), "success", null).actor())
                    .isEqualTo(System.getProperty("user.name"));
            vault.settings().put(Settings.AUDIT_OPERATOR, "Dana from support");
            assertThat(vault.audit().append("profile.add", List.of("q"), "success", null).actor())
                    .isEqualTo("Dana from support");
        }
    }

    @Test
    void tokensAreMaskedBeforeTheyAreWritten() {
        try (Vault vault = TestVaults.create(dir, clock)) {
            AuditEntry entry = vault.audit().append("item.access_token.invalidate",
                    List.of("access-sandbox-12345678-aaaa-bbbb-cccc-deadbeefcafe"), "success", "req-1");
            assertThat(entry.targets().get(0)).startsWith("access-sandbox-").endsWith("cafe").doesNotContain("12345678");
            assertThat(vault.audit().verify().isIntact()).isTrue();
        }
    }

    @Test
    void tartanItselfCannotChangeOrRemoveAnEntryNorMoveTheHeadBack() throws Exception {
        vaultWithEntries(2).close();
        try (Connection raw = TestVaults.rawConnection(dir, PASSPHRASE); Statement statement = raw.createStatement()) {
            assertThatThrownBy(() -> statement.execute("UPDATE audit_log SET outcome = 'failure' WHERE seq = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("DELETE FROM audit_log WHERE seq = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("UPDATE audit_head SET seq = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("only moves forward");
            assertThatThrownBy(() -> statement.execute("UPDATE audit_head SET hash = 'forged'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("only moves forward");
            assertThatThrownBy(() -> statement.execute("DELETE FROM audit_head"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("cannot be removed");
            assertThatThrownBy(() -> statement.execute("INSERT OR REPLACE INTO audit_head VALUES (1, 0, 'forged')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("one head");
        }
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.audit().verify()).isEqualTo(AuditVerification.intact(2));
        }
    }

    @Test
    void changingOneEntryIsReportedAtThatEntry() throws Exception {
        vaultWithEntries(5).close();
        tamper("UPDATE audit_log SET outcome = 'failure' WHERE seq = 3");
        try (Vault vault = TestVaults.open(dir)) {
            AuditVerification result = vault.audit().verify();
            assertThat(result.isIntact()).isFalse();
            assertThat(result.firstBrokenSeq()).hasValue(3);
            assertThat(result.problem()).contains("entry #3 was changed");
        }
    }

    @Test
    void rewritingAnEntryWithAFreshHashBreaksTheNextLink() throws Exception {
        vaultWithEntries(5).close();
        String forged = AuditLog.hashOf(2, Instant.parse("2024-05-01T10:00:01.123Z"), "mallory", "item.remove",
                List.of("item-2"), "success", "req-2", "whatever");
        tamper("UPDATE audit_log SET actor = 'mallory', prev_hash = 'whatever', hash = '" + forged + "' WHERE seq = 2");
        try (Vault vault = TestVaults.open(dir)) {
            AuditVerification result = vault.audit().verify();
            assertThat(result.firstBrokenSeq()).hasValue(2);
            assertThat(result.problem()).contains("does not follow");
        }
    }

    @Test
    void removingAnEntryIsReportedWhereItIsMissing() throws Exception {
        vaultWithEntries(5).close();
        tamper("DELETE FROM audit_log WHERE seq = 4");
        try (Vault vault = TestVaults.open(dir)) {
            AuditVerification result = vault.audit().verify();
            assertThat(result.firstBrokenSeq()).hasValue(4);
            assertThat(result.problem()).contains("entry #4 is missing");
        }
    }

    @Test
    void removingTheLastEntriesIsReportedAsATruncation() throws Exception {
        vaultWithEntries(5).close();
        tamper("DELETE FROM audit_log WHERE seq > 3");
        try (Vault vault = TestVaults.open(dir)) {
            AuditVerification result = vault.audit().verify();
            assertThat(result.entriesChecked()).isEqualTo(3);
            assertThat(result.firstBrokenSeq()).hasValue(4);
            assertThat(result.problem()).contains("truncated").contains("should end at entry #5").contains("from #4 on");
        }
    }

    @Test
    void aTruncationStaysVisibleAfterLaterEntries() throws Exception {
        vaultWithEntries(5).close();
        tamper("DELETE FROM audit_log WHERE seq > 3");
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.audit().append("profile.add", List.of("p"), "success", null).seq()).isEqualTo(6);
            AuditVerification result = vault.audit().verify();
            assertThat(result.firstBrokenSeq()).hasValue(4);
            assertThat(result.problem()).contains("entry #4 is missing");
        }
    }

    @Test
    void replacingTheLastEntryIsReported() throws Exception {
        vaultWithEntries(3).close();
        String secondHash;
        try (Vault vault = TestVaults.open(dir)) {
            secondHash = vault.audit().recent(2).get(1).hash();
        }
        Instant at = Instant.parse("2024-05-01T10:00:02.123Z");
        String forged = AuditLog.hashOf(3, at, "mallory", "item.remove", List.of("item-3"), "success", null, secondHash);
        tamper("DELETE FROM audit_log WHERE seq = 3",
                "INSERT INTO audit_log VALUES (3, " + at.toEpochMilli() + ", 'mallory', 'item.remove', '[\"item-3\"]', "
                        + "'success', NULL, '" + secondHash + "', '" + forged + "')");
        try (Vault vault = TestVaults.open(dir)) {
            AuditVerification result = vault.audit().verify();
            assertThat(result.firstBrokenSeq()).hasValue(3);
            assertThat(result.problem()).contains("entry #3 is not the one written last");
        }
    }

    @Test
    void anEntryAddedAfterTheHeadIsReported() throws Exception {
        AuditEntry last;
        try (Vault vault = vaultWithEntries(2)) {
            last = vault.audit().recent(1).get(0);
        }
        Instant at = Instant.parse("2024-05-01T11:00:00Z");
        String hash = AuditLog.hashOf(3, at, "mallory", "item.remove", List.of(), "success", null, last.hash());
        tamper("INSERT INTO audit_log VALUES (3, " + at.toEpochMilli() + ", 'mallory', 'item.remove', '[]', 'success', NULL, '"
                + last.hash() + "', '" + hash + "')");
        try (Vault vault = TestVaults.open(dir)) {
            AuditVerification result = vault.audit().verify();
            assertThat(result.firstBrokenSeq()).hasValue(3);
            assertThat(result.problem()).contains("entry #3 was added around Tartan");
        }
    }

    @Test
    void aRemovedHeadIsReportedAndStopsFurtherEntries() throws Exception {
        vaultWithEntries(2).close();
        tamper("DROP TRIGGER audit_head_no_delete", "DELETE FROM audit_head");
        try (Vault vault = TestVaults.open(dir)) {
            AuditVerification result = vault.audit().verify();
            assertThat(result.firstBrokenSeq()).hasValue(3);
            assertThat(result.problem()).contains("head was removed");
            assertThatThrownBy(() -> vault.audit().append("profile.add", List.of("p"), "success", null))
                    .isInstanceOf(VaultException.class).hasMessageContaining("head is missing");
            assertThat(vault.audit().count()).isEqualTo(2);
        }
    }

    @Test
    void aVaultPutBackFromAnOlderCopyIsOlderThanItsLog() throws Exception {
        vaultWithEntries(3).close();
        Path older = dir.resolve("vault-backup.db");
        Files.copy(new VaultLocation(dir).file(), older);
        try (Vault vault = TestVaults.open(dir)) {
            vault.audit().append("item.remove", List.of("item-4"), "success", null);
            vault.audit().append("item.remove", List.of("item-5"), "success", null);
        }
        Files.copy(older, new VaultLocation(dir).file(), StandardCopyOption.REPLACE_EXISTING);

        try (Vault vault = TestVaults.open(dir)) {
            AuditVerification result = vault.audit().verify();
            assertThat(result.firstBrokenSeq()).hasValue(4);
            assertThat(result.problem()).contains("older than its audit log", "up to #5", "ends at #3");
        }
    }

    @Test
    void aCopyOfTheHeadThatIsChangedOrMissingIsReported() throws Exception {
        vaultWithEntries(2).close();
        Path copy = new VaultLocation(dir).headCopyFile();
        Files.writeString(copy, Files.readString(copy).replace("seq 2", "seq 9"));
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.audit().verify().problem()).contains("vault.db.head", "changed around Tartan");
        }
        Files.delete(copy);
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.audit().verify().problem()).contains("vault.db.head", "missing");
        }
    }

    @Test
    void theCopyFollowsEveryWriterAndEveryPassphrase() {
        try (Vault first = vaultWithEntries(2); Vault second = TestVaults.open(dir)) {
            second.audit().append("profile.add", List.of("p"), "success", null);
            first.audit().append("profile.add", List.of("q"), "success", null);
        }
        try (Vault vault = TestVaults.open(dir)) {
            vault.changePassphrase(TestVaults.passphrase(), TestVaults.otherPassphrase());
            vault.audit().append("vault.passwd", List.of(), "success", null);
            assertThat(vault.audit().verify()).isEqualTo(AuditVerification.intact(5));
        }
    }

    @Test
    void garbageInAnEntryIsReportedNotThrown() throws Exception {
        vaultWithEntries(2).close();
        tamper("UPDATE audit_log SET targets = 'not json' WHERE seq = 1");
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.audit().verify().firstBrokenSeq()).hasValue(1);
        }
    }

    @Test
    void theHashCoversEveryField() {
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        String base = AuditLog.hashOf(1, at, "a", "act", List.of("t"), "ok", null, AuditLog.GENESIS_HASH);
        assertThat(List.of(
                AuditLog.hashOf(2, at, "a", "act", List.of("t"), "ok", null, AuditLog.GENESIS_HASH),
                AuditLog.hashOf(1, at.plusMillis(1), "a", "act", List.of("t"), "ok", null, AuditLog.GENESIS_HASH),
                AuditLog.hashOf(1, at, "b", "act", List.of("t"), "ok", null, AuditLog.GENESIS_HASH),
                AuditLog.hashOf(1, at, "a", "act2", List.of("t"), "ok", null, AuditLog.GENESIS_HASH),
                AuditLog.hashOf(1, at, "a", "act", List.of("t", ""), "ok", null, AuditLog.GENESIS_HASH),
                AuditLog.hashOf(1, at, "a", "act", List.of("t"), "ko", null, AuditLog.GENESIS_HASH),
                AuditLog.hashOf(1, at, "a", "act", List.of("t"), "ok", "", AuditLog.GENESIS_HASH),
                AuditLog.hashOf(1, at, "a", "act", List.of("t"), "ok", null, "1".repeat(64))))
                .doesNotContain(base)
                .doesNotHaveDuplicates();
    }

    @Test
    void anEntryNeedsAnActionAndAnOutcome() {
        try (Vault vault = TestVaults.create(dir, clock)) {
            assertThatThrownBy(() -> vault.audit().append(" ", List.of(), "success", null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action");
            assertThatThrownBy(() -> vault.audit().append("x", List.of(), null, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outcome");
            assertThat(vault.audit().count()).isZero();
        }
    }

    /** Goes around Tartan (and the audit log's triggers) as someone holding the passphrase could. */
    private void tamper(String... sql) throws Exception {
        try (Connection raw = TestVaults.rawConnection(dir, PASSPHRASE); Statement statement = raw.createStatement()) {
            statement.execute("DROP TRIGGER audit_log_no_update");
            statement.execute("DROP TRIGGER audit_log_no_delete");
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
