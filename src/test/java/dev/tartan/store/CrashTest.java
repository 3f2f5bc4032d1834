package dev.tartan.store;

import dev.tartan.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 of a process in the middle of heavy writes loses nothing it had committed. */
class CrashTest {

    private static final int ROUNDS_BEFORE_KILL = 300;

    @TempDir
    Path dir;

    static String token(int round) {
        return String.format("access-sandbox-c0ffee00-0000-0000-0000-%012d", round);
    }

    @Test
    void everyCommittedRowSurvivesAKillDuringHeavyWrites() throws Exception {
        TestVaults.create(dir).close();
        int lastCommitted = -1;
        try (ChildJvm writer = ChildJvm.start(HeavyWriterProcess.class, dir.toString())) {
            String line;
            while (lastCommitted < ROUNDS_BEFORE_KILL && (line = writer.readLine()) != null) {
                lastCommitted = Integer.parseInt(line.trim());
            }
            writer.kill();
        }
        assertThat(lastCommitted).as("the writer got going before it was killed").isGreaterThanOrEqualTo(ROUNDS_BEFORE_KILL);

        try (Vault vault = TestVaults.open(dir)) {
            for (int round = 0; round <= lastCommitted; round++) {
                assertThat(vault.tokens().byToken(token(round))).as("token of round %d", round).isPresent();
                assertThat(vault.cache().get("crash", "/accounts/get", "{\"round\":" + round + "}")).as("reply %d", round).isPresent();
                assertThat(vault.history().byRequestId("req-" + round)).as("history %d", round).hasSize(1);
            }
            assertThat(vault.audit().count()).isGreaterThanOrEqualTo(lastCommitted + 1);
            assertThat(vault.audit().verify().isIntact()).isTrue();
        }
        try (Connection raw = TestVaults.rawConnection(dir, TestVaults.PASSPHRASE);
             Statement statement = raw.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA integrity_check")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("ok");
        }
    }
}
