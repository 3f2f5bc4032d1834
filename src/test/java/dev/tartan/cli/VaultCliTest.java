package dev.tartan.cli;

import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.store.Passphrases;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The vault and profile commands, run in-process as {@code tartan ...} would run them. */
class VaultCliTest {

    private static final String PASSPHRASE = "correct horse battery staple tartan";
    private static final String NEW_PASSPHRASE = "purple elephant juggles seven quiet lanterns";
    private static final String SECRET = "plaid-secret-abcdef0123456789";

    @TempDir
    Path dir;
    Path data;
    Path passphraseFile;

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeEach
    void files() throws Exception {
        data = dir.resolve("data");
        passphraseFile = Files.writeString(dir.resolve("pass"), PASSPHRASE + "\n");
    }

    private Result tartan(String... args) {
        CommandLine commandLine = TartanCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** {@code tartan --data-dir DATA --passphrase-file PASS args...} */
    private Result unlocked(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString()));
        all.addAll(List.of(args));
        return tartan(all.toArray(String[]::new));
    }

    private Result withStdin(String input, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return unlocked(args);
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void initCreatesTheVaultAndStatusShowsWhatItHolds() {
        Result init = unlocked("vault", "init");
        assertThat(init.exitCode()).as(init.all()).isZero();
        assertThat(init.out()).contains("Strong").contains("Created the vault at " + data.resolve("vault.db"));

        Result status = unlocked("vault", "status");
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out()).contains("SQLCipher 4").contains("Profiles:       0").contains("Audit entries:  1");
    }

    @Test
    void initRefusesASecondVaultAndAWeakPassphrase() throws Exception {
        Files.writeString(passphraseFile, "password1\n");
        Result weak = unlocked("vault", "init");
        assertThat(weak.exitCode()).isEqualTo(1);
        assertThat(weak.err()).startsWith("tartan: That passphrase will not do. Too weak");
        assertThat(data.resolve("vault.db")).doesNotExist();

        Files.writeString(passphraseFile, PASSPHRASE);
        assertThat(unlocked("vault", "init").exitCode()).isZero();
        Result again = unlocked("vault", "init");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already a vault");
    }

    @Test
    void withoutATerminalOrAPassphraseSourceTheCommandSaysWhatToDo() {
        assumeTrue(System.console() == null && System.getenv(Passphrases.VARIABLE) == null);
        Result result = tartan("--data-dir", data.toString(), "vault", "init");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("No passphrase").contains("--passphrase-file").contains("TARTAN_PASSPHRASE");
    }

    @Test
    void statusWithoutAVaultSaysHowToMakeOne() {
        Result result = unlocked("vault", "status");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no vault").contains("tartan vault init");
    }

    @Test
    void aWrongPassphraseFileIsToldApart() throws Exception {
        unlocked("vault", "init");
        Files.writeString(passphraseFile, "some other long passphrase entirely");
        Result result = unlocked("profile", "list");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Wrong passphrase").contains("Nothing was changed");
    }

    @Test
    void aPlainSqliteFileAtTheVaultPathIsNotTakenForAWrongPassphrase() throws Exception {
        Files.createDirectories(data);
        try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vault.db"))) {
            plain.createStatement().execute("CREATE TABLE t (x)");
        }
        Result result = unlocked("vault", "status");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("not a Tartan vault").contains("plain, unencrypted SQLite");
    }

    @Test
    void profilesAreAddedListedWithMaskedSecretsAndRemoved() {
        unlocked("vault", "init");
        Result add = unlocked("profile", "add", "sandbox", "--env", "sandbox", "--client-id", "client-123", "--secret", SECRET);
        assertThat(add.exitCode()).as(add.all()).isZero();
        assertThat(add.out()).contains("Saved profile sandbox (Sandbox, client_id client-123");
        unlocked("profile", "add", "proxy", "--env", "https://proxy.example.test", "--client-id", "c2", "--secret", "other-secret-value");

        Result list = unlocked("profile", "list");
        assertThat(list.out()).contains("NAME").contains("sandbox").contains("client-123").contains("https://proxy.example.test")
                .contains(dev.tartan.model.Masking.maskSecret(SECRET));
        assertThat(list.all() + add.all()).doesNotContain(SECRET).doesNotContain("other-secret-value");

        Result remove = unlocked("profile", "remove", "SANDBOX");
        assertThat(remove.exitCode()).isZero();
        assertThat(remove.out()).contains("Removed profile sandbox");
        assertThat(unlocked("profile", "list").out()).doesNotContain("client-123");

        Result missing = unlocked("profile", "remove", "sandbox");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("No profile named 'sandbox'").contains("proxy");
    }

    @Test
    void theSecretCanComeFromStandardInput() {
        unlocked("vault", "init");
        Result add = withStdin(SECRET + "\n", "profile", "add", "piped", "--env", "production", "--client-id", "c", "--secret", "-");
        assertThat(add.exitCode()).as(add.all()).isZero();
        try (Vault vault = Vault.open(new VaultLocation(data), PASSPHRASE.toCharArray())) {
            assertThat(vault.profiles().require("piped").credentials().secret()).isEqualTo(SECRET);
            assertThat(vault.profiles().require("piped").environment()).isEqualTo(PlaidEnvironment.PRODUCTION);
        }
        Result empty = withStdin("", "profile", "add", "nothing", "--env", "sandbox", "--client-id", "c", "--secret", "-");
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err()).contains("standard input gave no secret");
    }

    @Test
    void addingAnExistingProfileNeedsReplace() {
        unlocked("vault", "init");
        unlocked("profile", "add", "p", "--env", "sandbox", "--client-id", "c1", "--secret", "first-secret-123");
        Result again = unlocked("profile", "add", "p", "--env", "sandbox", "--client-id", "c2", "--secret", "second-secret-456");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
        Result replaced = unlocked("profile", "add", "p", "--env", "emulator", "--client-id", "c2", "--secret", "second-secret-456",
                "--replace");
        assertThat(replaced.exitCode()).isZero();
        assertThat(unlocked("profile", "list").out()).contains("c2").contains("emulator");
    }

    @Test
    void badInputIsExplained() {
        unlocked("vault", "init");
        Result env = unlocked("profile", "add", "p", "--env", "staging", "--client-id", "c", "--secret", "s");
        assertThat(env.exitCode()).isEqualTo(2);
        assertThat(env.err()).contains("Invalid value for option '--env'").contains("Not an environment: 'staging'");
        Result blank = unlocked("profile", "add", "p", "--env", "sandbox", "--client-id", "c", "--secret", " ");
        assertThat(blank.exitCode()).isEqualTo(1);
        assertThat(blank.err()).contains("secret is empty");
    }

    @Test
    void globalOptionsWorkAfterTheCommandToo() {
        unlocked("vault", "init");
        Result list = tartan("profile", "list", "--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString());
        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.out()).contains("No profiles yet");
    }

    @Test
    void passwdChangesThePassphraseAndTheAuditLogRecordsIt() throws Exception {
        unlocked("vault", "init");
        Path newFile = Files.writeString(dir.resolve("new"), NEW_PASSPHRASE);
        Result passwd = unlocked("vault", "passwd", "--new-passphrase-file", newFile.toString());
        assertThat(passwd.exitCode()).as(passwd.all()).isZero();
        assertThat(passwd.out()).contains("passphrase is changed");

        assertThat(unlocked("vault", "status").err()).contains("Wrong passphrase");
        Result verify = tartan("--data-dir", data.toString(), "--passphrase-file", newFile.toString(), "vault", "verify-audit");
        assertThat(verify.exitCode()).as(verify.all()).isZero();
        assertThat(verify.out()).contains("intact: 2 entries");
    }

    @Test
    void passwdRefusesAWeakNewPassphraseAndChangesNothing() throws Exception {
        unlocked("vault", "init");
        Path weak = Files.writeString(dir.resolve("weak"), "qwerty123");
        Result passwd = unlocked("vault", "passwd", "--new-passphrase-file", weak.toString());
        assertThat(passwd.exitCode()).isEqualTo(1);
        assertThat(passwd.err()).contains("will not do");
        assertThat(unlocked("vault", "status").exitCode()).isZero();
    }

    @Test
    void verifyAuditReportsTheFirstBrokenEntry() throws Exception {
        unlocked("vault", "init");
        unlocked("profile", "add", "a", "--env", "sandbox", "--client-id", "c", "--secret", "secret-a-123456");
        unlocked("profile", "add", "b", "--env", "sandbox", "--client-id", "c", "--secret", "secret-b-123456");
        // Someone with the passphrase edits entry #2 behind Tartan's back.
        try (Connection raw = new org.sqlite.mc.SQLiteMCSqlCipherConfig().getV4Defaults().withKey(PASSPHRASE).build()
                .createConnection("jdbc:sqlite:" + data.resolve("vault.db"))) {
            raw.createStatement().execute("DROP TRIGGER audit_log_no_update");
            raw.createStatement().execute("UPDATE audit_log SET outcome = 'failure' WHERE seq = 2");
        }
        Result verify = unlocked("vault", "verify-audit");
        assertThat(verify.exitCode()).isEqualTo(VaultCommand.AUDIT_BROKEN);
        assertThat(verify.err()).contains("broken at entry #2");
    }

    @Test
    void aProfileCanBeLookedUpByNameForOtherCommands() {
        unlocked("vault", "init");
        unlocked("profile", "add", "live", "--env", "production", "--client-id", "client-live", "--secret", "live-secret-123456");
        CommandLine commandLine = TartanCommand.commandLine();
        commandLine.parseArgs("--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString(), "profile", "list");
        Profile profile = VaultAccess.profile(commandLine.getSubcommands().get("profile").getCommandSpec(), "live");
        assertThat(profile.environment()).isEqualTo(PlaidEnvironment.PRODUCTION);
        assertThat(profile.credentials().clientId()).isEqualTo("client-live");
        assertThat(profile.credentials().secret()).isEqualTo("live-secret-123456");
    }
}
