package dev.tartan.store;

import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

import static dev.tartan.store.TestVaults.OTHER_PASSPHRASE;
import static dev.tartan.store.TestVaults.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PassphraseChangeTest {

    private static final Profile PROFILE = new Profile("kept", PlaidEnvironment.SANDBOX,
            new Credentials("client-kept", "secret-kept-0123456789"));

    @TempDir
    Path dir;

    private void createWithProfile() {
        try (Vault vault = TestVaults.create(dir)) {
            vault.profiles().add(PROFILE);
        }
    }

    @Test
    void afterAChangeOnlyTheNewPassphraseOpensAndEverythingIsThere() {
        try (Vault vault = TestVaults.create(dir)) {
            vault.profiles().add(PROFILE);
            vault.changePassphrase(TestVaults.passphrase(), TestVaults.otherPassphrase());
            // The open vault carries on, on the re-keyed file.
            vault.audit().append("vault.passwd", java.util.List.of(), "success", null);
        }
        assertThatThrownBy(() -> TestVaults.open(dir, PASSPHRASE)).isInstanceOf(WrongPassphraseException.class);
        try (Vault vault = TestVaults.open(dir, OTHER_PASSPHRASE)) {
            assertThat(vault.profiles().require("kept")).isEqualTo(PROFILE);
            assertThat(vault.audit().count()).isEqualTo(1);
        }
        assertThat(new VaultLocation(dir).rekeyFile()).doesNotExist();
    }

    @Test
    void aWrongCurrentPassphraseChangesNothing() throws Exception {
        createWithProfile();
        try (Vault vault = TestVaults.open(dir)) {
            assertThatThrownBy(() -> vault.changePassphrase("a guess".toCharArray(), TestVaults.otherPassphrase()))
                    .isInstanceOf(WrongPassphraseException.class);
            assertThat(vault.profiles().require("kept")).isEqualTo(PROFILE);
        }
        TestVaults.open(dir, PASSPHRASE).close();
        assertThatThrownBy(() -> TestVaults.open(dir, OTHER_PASSPHRASE)).isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void anEmptyNewPassphraseIsRefused() {
        createWithProfile();
        try (Vault vault = TestVaults.open(dir)) {
            assertThatThrownBy(() -> vault.changePassphrase(TestVaults.passphrase(), new char[0]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("passphrase is empty");
        }
        TestVaults.open(dir, PASSPHRASE).close();
    }

    @Test
    void aChangeIsRefusedWhileAnotherConnectionHasTheVault() {
        createWithProfile();
        try (Vault vault = TestVaults.open(dir); Vault other = TestVaults.open(dir)) {
            assertThatThrownBy(() -> vault.changePassphrase(TestVaults.passphrase(), TestVaults.otherPassphrase()))
                    .isInstanceOf(VaultBusyException.class)
                    .hasMessageContaining("another Tartan");
            assertThat(other.profiles().require("kept")).isEqualTo(PROFILE);
            vault.profiles().save(PROFILE);
        }
        TestVaults.open(dir, PASSPHRASE).close();
    }

    @Test
    void aDamagedCopyIsRefusedAndTheVaultKeepsItsPassphrase() throws Exception {
        createWithProfile();
        long profilesPage = rootPageOf("profiles");
        Path copy = new VaultLocation(dir).rekeyFile();
        try (Vault vault = TestVaults.open(dir)) {
            assertThatThrownBy(() -> vault.changePassphrase(TestVaults.passphrase(), TestVaults.otherPassphrase(), step -> {
                if (step == PassphraseChange.Step.COPY_REKEYED) {
                    damagePage(copy, profilesPage);
                }
            }))
                    .isInstanceOf(VaultException.class)
                    .hasMessageContaining("copy of the vault is damaged")
                    .hasMessageContaining("passphrase was not changed");
            assertThat(vault.profiles().require("kept")).isEqualTo(PROFILE);
        }
        assertThat(copy).doesNotExist();
        assertThatThrownBy(() -> TestVaults.open(dir, OTHER_PASSPHRASE)).isInstanceOf(WrongPassphraseException.class);
        try (Vault vault = TestVaults.open(dir, PASSPHRASE)) {
            assertThat(vault.profiles().list()).containsExactly(PROFILE);
        }
    }

    /** The page number of a (one-page) table; the copy has the vault's pages in the same places. */
    private long rootPageOf(String table) throws Exception {
        try (Connection raw = TestVaults.rawConnection(dir, PASSPHRASE);
             Statement statement = raw.createStatement();
             ResultSet row = statement.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = '" + table + "'")) {
            assertThat(row.next()).isTrue();
            return row.getLong(1);
        }
    }

    /** Overwrites bytes inside page {@code page} (numbered from 1), which then fails its HMAC; opening never reads it. */
    private static void damagePage(Path file, long page) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0x55, 0x55, 0x55, 0x55}), (page - 1) * VaultFiles.PAGE_SIZE + 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-journal", "-wal"})
    void whatAKilledProcessLeftBesideTheCopyIsNotReplayedIntoTheNextCopy(String companion) throws Exception {
        createWithProfile();
        Path copy = new VaultLocation(dir).rekeyFile();
        Files.copy(companionOfAnotherDatabase(companion), copy.resolveSibling(copy.getFileName() + companion));
        try (Vault vault = TestVaults.open(dir)) {
            vault.changePassphrase(TestVaults.passphrase(), TestVaults.otherPassphrase());
        }
        assertThatThrownBy(() -> TestVaults.open(dir, PASSPHRASE)).isInstanceOf(WrongPassphraseException.class);
        try (Vault vault = TestVaults.open(dir, OTHER_PASSPHRASE)) {
            assertThat(vault.profiles().list()).containsExactly(PROFILE);
        }
    }

    /**
     * SQLite's {@code companion} file of another database, caught as a kill would leave it: its WAL
     * before any checkpoint, or its rollback journal once a transaction has written pages to the file.
     */
    private Path companionOfAnotherDatabase(String companion) throws Exception {
        Path other = Files.createDirectory(dir.resolve("other")).resolve("other.db");
        Path caught = dir.resolve("caught" + companion);
        boolean wal = companion.equals("-wal");
        try (Connection connection = new SqlCipherConnector(TestVaults.passphrase()).connect(other, true);
             Statement statement = connection.createStatement()) {
            if (wal) {
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA wal_autocheckpoint = 0");
            }
            statement.execute("CREATE TABLE filler (x)");
            statement.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
                    + "INSERT INTO filler SELECT randomblob(1000) FROM n");
            if (!wal) {
                // A tiny page cache spills changed pages to the file before the commit, behind a synced journal.
                statement.execute("PRAGMA cache_size = 2");
                statement.execute("BEGIN");
                statement.execute("UPDATE filler SET x = randomblob(1000)");
            }
            Files.copy(other.resolveSibling(other.getFileName() + companion), caught);
        }
        return caught;
    }

    @ParameterizedTest
    @EnumSource(value = PassphraseChange.Step.class, names = {"ORIGINAL_LOCKED", "ORIGINAL_RELEASED", "REPLACED"})
    void whileAnotherTartanChangesThePassphraseTheVaultDoesNotOpenAndSaysWhy(PassphraseChange.Step step) throws Exception {
        createWithProfile();
        try (ChildJvm child = ChildJvm.start(PassphraseChangeProcess.class, "pause-at", dir.toString(), step.name())) {
            assertThat(child.readLine()).isEqualTo("paused");
            assertThatThrownBy(() -> Vault.open(new VaultLocation(dir), new SqlCipherConnector(TestVaults.passphrase()),
                    Clock.systemUTC(), Duration.ofMillis(300)))
                    .isInstanceOf(VaultBusyException.class)
                    .hasMessageContaining("its passphrase is being changed");
            resume(child);
        }
        try (Vault vault = TestVaults.open(dir, OTHER_PASSPHRASE)) {
            assertThat(vault.profiles().require("kept")).isEqualTo(PROFILE);
        }
    }

    @Test
    void aTartanOpeningWhileThePassphraseChangesWaitsAndWritesToTheNewVault() throws Exception {
        createWithProfile();
        Profile added = new Profile("added while changing", PlaidEnvironment.SANDBOX, new Credentials("client-2", "secret-2-0123456789"));
        try (ChildJvm child = ChildJvm.start(PassphraseChangeProcess.class, "pause-at", dir.toString(),
                PassphraseChange.Step.ORIGINAL_RELEASED.name())) {
            assertThat(child.readLine()).isEqualTo("paused");
            CompletableFuture<Vault> opening = new CompletableFuture<>();
            Thread opener = new Thread(() -> {
                try {
                    opening.complete(TestVaults.open(dir, OTHER_PASSPHRASE));
                } catch (RuntimeException e) {
                    opening.completeExceptionally(e);
                }
            });
            opener.start();
            waitUntilWaitingForTheLock(opener, opening);
            resume(child);
            try (Vault vault = opening.get(60, TimeUnit.SECONDS)) {
                vault.profiles().add(added);
            }
        }
        try (Vault vault = TestVaults.open(dir, OTHER_PASSPHRASE)) {
            assertThat(vault.profiles().list()).containsExactly(added, PROFILE);
        }
    }

    private static void resume(ChildJvm child) throws Exception {
        child.stdin().write('\n');
        child.stdin().flush();
        assertThat(child.readLine()).isEqualTo("changed");
        assertThat(child.waitFor()).isZero();
    }

    /** Until {@code opener} waits for the vault's lock (or, wrongly, opened the vault already). */
    private static void waitUntilWaitingForTheLock(Thread opener, CompletableFuture<Vault> opening) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!opening.isDone() && Arrays.stream(opener.getStackTrace())
                .noneMatch(frame -> frame.getClassName().equals(VaultLock.class.getName()) && frame.getMethodName().equals("waitFor"))) {
            assertThat(System.nanoTime()).as("the opener waits for the lock").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @ParameterizedTest
    @EnumSource(PassphraseChange.Step.class)
    void aCrashAtAnyStepLeavesAVaultThatOpensWithTheOldOrTheNewPassphrase(PassphraseChange.Step step) throws Exception {
        createWithProfile();
        try (ChildJvm child = ChildJvm.start(PassphraseChangeProcess.class, "crash-at", dir.toString(), step.name())) {
            assertThat(child.waitFor()).as("the child halted at %s", step).isEqualTo(137);
        }
        boolean replaced = step == PassphraseChange.Step.REPLACED;
        String opens = replaced ? OTHER_PASSPHRASE : PASSPHRASE;
        String doesNot = replaced ? PASSPHRASE : OTHER_PASSPHRASE;
        assertThatThrownBy(() -> TestVaults.open(dir, doesNot)).isInstanceOf(WrongPassphraseException.class);
        try (Vault vault = TestVaults.open(dir, opens)) {
            assertThat(vault.profiles().require("kept")).isEqualTo(PROFILE);
        }
        assertThat(new VaultLocation(dir).rekeyFile()).doesNotExist();
    }

    @Test
    void aKillAtARandomMomentOfRepeatedChangesLeavesAVaultThatOpens() throws Exception {
        createWithProfile();
        String lastAcknowledged = PASSPHRASE;
        try (ChildJvm child = ChildJvm.start(PassphraseChangeProcess.class, "flip", dir.toString())) {
            for (int changes = 0; changes < 2; changes++) {
                lastAcknowledged = "first".equals(child.readLine()) ? PASSPHRASE : OTHER_PASSPHRASE;
            }
            // A change takes a few key derivations; land somewhere inside the next one.
            Thread.sleep(ThreadLocalRandom.current().nextInt(0, 900));
            child.kill();
        }
        String next = lastAcknowledged.equals(PASSPHRASE) ? OTHER_PASSPHRASE : PASSPHRASE;
        Vault vault;
        try {
            vault = TestVaults.open(dir, lastAcknowledged);
        } catch (WrongPassphraseException e) {
            vault = TestVaults.open(dir, next);
        }
        try (Vault opened = vault) {
            assertThat(opened.profiles().require("kept")).isEqualTo(PROFILE);
        }
        assertThat(Files.exists(new VaultLocation(dir).rekeyFile())).isFalse();
    }
}
