package dev.tartan.store;

import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

import static dev.tartan.store.TestVaults.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Creating and opening a vault, and every way opening can be refused. */
class VaultOpeningTest {

    private static final Profile PROFILE = new Profile("sandbox", PlaidEnvironment.SANDBOX,
            new Credentials("client-1", "secret-that-must-not-leak"));

    @TempDir
    Path dir;

    private Path vaultFile() {
        return new VaultLocation(dir).file();
    }

    @Test
    void aCreatedVaultReopensWithItsDataAndIsEncryptedWithSqlCipher4() throws Exception {
        try (Vault vault = TestVaults.create(dir)) {
            vault.profiles().add(PROFILE);
        }
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.profiles().require("sandbox")).isEqualTo(PROFILE);
            assertThat(vault.status().encryption()).contains("SQLCipher 4").contains("256000");
        }
        assertThat(VaultFiles.hasPlainSqliteHeader(vaultFile())).isFalse();
        try (Connection raw = TestVaults.rawConnection(dir, PASSPHRASE); Statement statement = raw.createStatement()) {
            assertThat(scalar(statement, "PRAGMA cipher")).isEqualTo("sqlcipher");
            assertThat(scalar(statement, "PRAGMA kdf_iter")).isEqualTo("256000");
            assertThat(scalar(statement, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(scalar(statement, "PRAGMA user_version")).isEqualTo(String.valueOf(Schema.CURRENT_VERSION));
        }
    }

    @Test
    void theVaultFileIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        TestVaults.create(dir).close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(vaultFile()))).isEqualTo("rw-------");
    }

    @Test
    void aDataFolderThatWasThereAlreadyIsMadeItsOwnersOnlyOnCreatingAndOnOpening() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        TestVaults.create(dir).close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");

        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxr-x"));
        TestVaults.open(dir).close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void aWrongPassphraseIsToldAsSuchChangesNothingAndTheRightOneStillWorks() throws Exception {
        try (Vault vault = TestVaults.create(dir)) {
            vault.profiles().add(PROFILE);
        }
        var before = TestVaults.snapshot(dir);

        assertThatThrownBy(() -> TestVaults.open(dir, "not the passphrase at all"))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("Wrong passphrase")
                .hasMessageContaining("Nothing was changed");

        assertThat(TestVaults.snapshot(dir)).isEqualTo(before);
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.profiles().list()).containsExactly(PROFILE);
        }
    }

    @Test
    void anEmptyPassphraseIsRefusedAndCreatesNothing() {
        VaultLocation location = new VaultLocation(dir);
        for (String empty : new String[] {"", "   "}) {
            assertThatThrownBy(() -> Vault.create(location, empty.toCharArray()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("passphrase is empty");
        }
        assertThatThrownBy(() -> Vault.create(location, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anEmptyPassphraseCannotOpenAVault() throws Exception {
        TestVaults.create(dir).close();
        var before = TestVaults.snapshot(dir);
        assertThatThrownBy(() -> Vault.open(new VaultLocation(dir), new char[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passphrase is empty");
        assertThat(TestVaults.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void aPlainSqliteFileIsNotAVaultAndIsLeftAlone() throws Exception {
        try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + vaultFile());
             Statement statement = plain.createStatement()) {
            statement.execute("CREATE TABLE notes (text TEXT)");
            statement.execute("INSERT INTO notes VALUES ('hello')");
        }
        var before = TestVaults.snapshot(dir);
        assertThatThrownBy(() -> TestVaults.open(dir))
                .isInstanceOf(NotAVaultException.class)
                .hasMessageContaining("plain, unencrypted SQLite database")
                .hasMessageContaining("not a Tartan vault");
        assertThat(TestVaults.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void aVaultWrittenWithoutItsKeyIsRefusedBeforeItTakesTheVaultsName() {
        assertThatThrownBy(() -> Vault.create(new VaultLocation(dir), new KeylessConnector(), Clock.systemUTC()))
                .isExactlyInstanceOf(VaultException.class)
                .hasMessageContaining("unencrypted")
                .hasMessageContaining("refusing to go on");
        assertThat(dir).isEmptyDirectory();
    }

    /** Tartan's real checks around connections that carry no key, as a driver that drops the key would give. */
    private static final class KeylessConnector implements Connector {
        private final SqlCipherConnector real = new SqlCipherConnector(TestVaults.passphrase());

        @Override
        public Connection connect(Path file, boolean create) throws SQLException {
            return SQLiteMCSqlCipherConfig.getV4Defaults().build().createConnection("jdbc:sqlite:" + file);
        }

        @Override
        public void checkBeforeOpen(Path file) {
            real.checkBeforeOpen(file);
        }

        @Override
        public void checkAfterOpen(Connection connection, Path file) throws SQLException {
            real.checkAfterOpen(connection, file);
        }

        @Override
        public String encryption() {
            return real.encryption();
        }
    }

    @Test
    void randomBytesAreNotAVault() throws Exception {
        byte[] junk = new byte[10_000];
        new SecureRandom().nextBytes(junk);
        Files.write(vaultFile(), junk);
        var before = TestVaults.snapshot(dir);
        assertThatThrownBy(() -> TestVaults.open(dir))
                .isInstanceOf(NotAVaultException.class)
                .hasMessageContaining("not a whole number of 4096-byte pages");
        assertThat(TestVaults.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void aTextFileOfWholePagesIsNotAVault() throws Exception {
        Files.writeString(vaultFile(), "{\"note\": \"just some JSON\"}\n".repeat(8192).substring(0, 8192), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TestVaults.open(dir))
                .isInstanceOf(NotAVaultException.class)
                .hasMessageContaining("not encrypted data");
    }

    @Test
    void anEmptyFileOrAFolderIsNotAVault() throws Exception {
        Files.createFile(vaultFile());
        assertThatThrownBy(() -> TestVaults.open(dir)).isInstanceOf(NotAVaultException.class).hasMessageContaining("empty");
        Files.delete(vaultFile());
        Files.createDirectory(vaultFile());
        assertThatThrownBy(() -> TestVaults.open(dir)).isInstanceOf(NotAVaultException.class).hasMessageContaining("folder");
    }

    @Test
    void randomBytesInWholePagesCanOnlyBeToldApartByTryingTheKey() throws Exception {
        // An encrypted page is indistinguishable from random bytes; this case reads as a wrong passphrase.
        byte[] junk = new byte[2 * VaultFiles.PAGE_SIZE];
        new SecureRandom().nextBytes(junk);
        Files.write(vaultFile(), junk);
        assertThatThrownBy(() -> TestVaults.open(dir)).isInstanceOf(WrongPassphraseException.class);
        assertThat(Files.readAllBytes(vaultFile())).isEqualTo(junk);
    }

    @Test
    void anotherProgramsEncryptedDatabaseIsNotAVault() throws Exception {
        Files.createFile(vaultFile());
        try (Connection other = new SqlCipherConnector(PASSPHRASE.toCharArray()).connect(vaultFile(), true);
             Statement statement = other.createStatement()) {
            statement.execute("CREATE TABLE things (x)");
        }
        assertThatThrownBy(() -> TestVaults.open(dir))
                .isInstanceOf(NotAVaultException.class)
                .hasMessageContaining("encrypted database of another program");
    }

    @Test
    void aVaultFromANewerTartanIsRefusedUnchanged() throws Exception {
        TestVaults.create(dir).close();
        try (Connection raw = TestVaults.rawConnection(dir, PASSPHRASE); Statement statement = raw.createStatement()) {
            statement.execute("PRAGMA user_version = " + (Schema.CURRENT_VERSION + 1));
        }
        var before = TestVaults.snapshot(dir);
        assertThatThrownBy(() -> TestVaults.open(dir))
                .isInstanceOf(VaultTooNewException.class)
                .hasMessageContaining("newer Tartan")
                .hasMessageContaining("schema version " + (Schema.CURRENT_VERSION + 1))
                .hasMessageContaining("was not changed");
        assertThat(TestVaults.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void openingWhereThereIsNoVaultSaysHowToCreateOneAndCreatesNothing() {
        assertThatThrownBy(() -> TestVaults.open(dir))
                .isInstanceOf(VaultNotFoundException.class)
                .hasMessageContaining("tartan vault init");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void creatingOverAnExistingFileIsRefused() throws Exception {
        Files.writeString(vaultFile(), "precious");
        assertThatThrownBy(() -> TestVaults.create(dir)).isInstanceOf(VaultExistsException.class);
        assertThat(Files.readString(vaultFile())).isEqualTo("precious");
    }

    @Test
    void creatingMakesTheDataFolderAndLeavesNoBuildingFileBehind() throws Exception {
        Path nested = dir.resolve("a").resolve("b");
        TestVaults.create(nested).close();
        try (var files = Files.list(nested)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(lastingFiles(new VaultLocation(nested)));
        }
    }

    @Test
    void staleFilesOfAnInterruptedChangeAndTheirJournalsAreRemovedOnOpen() throws Exception {
        TestVaults.create(dir).close();
        VaultLocation location = new VaultLocation(dir);
        for (Path temporary : List.of(location.rekeyFile(), location.creationFile())) {
            for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
                Files.writeString(temporary.resolveSibling(temporary.getFileName() + suffix), "half written");
            }
        }
        TestVaults.open(dir).close();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(lastingFiles(location));
        }
    }

    /** What a closed vault leaves in its folder: itself, its lock file and the copy of its audit log's head. */
    private static List<String> lastingFiles(VaultLocation location) {
        return List.of(VaultLocation.FILE_NAME, location.lockFile().getFileName().toString(),
                location.headCopyFile().getFileName().toString());
    }

    @Test
    void aPathTheDriverWouldReadAsUrlParametersIsRefused() {
        Path odd = dir.resolve("data?cipher=none");
        assertThatThrownBy(() -> TestVaults.create(odd))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("may not contain '?'");
        assertThat(odd.resolve(VaultLocation.FILE_NAME)).doesNotExist();
    }

    @Test
    void aClosedVaultSaysSo() {
        Vault vault = TestVaults.create(dir);
        vault.close();
        assertThat(vault.isOpen()).isFalse();
        assertThatThrownBy(() -> vault.profiles().list()).isInstanceOf(VaultException.class).hasMessageContaining("closed");
    }

    private static String scalar(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }
}
