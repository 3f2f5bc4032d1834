package dev.tartan.cli;

import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.store.Passphrases;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;
import dev.tartan.store.WrongPassphraseException;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    @BeforeEach
    void files() throws Exception {
        data = dir.resolve("data");
        passphraseFile = Files.writeString(dir.resolve("pass"), PASSPHRASE + "\n");
    }

    private static CliRun tartan(String... args) {
        return CliRun.run(Map.of(), args);
    }

    /** {@code tartan --data-dir DATA --passphrase-file PASS args...} */
    private CliRun unlocked(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString()));
        all.addAll(List.of(args));
        return tartan(all.toArray(String[]::new));
    }

    private CliRun withStdin(String input, String... args) {
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
        CliRun init = unlocked("vault", "init");
        assertThat(init.exitCode()).as((init.out() + init.err())).isZero();
        assertThat(init.out()).contains("Strong").contains("Created the vault at " + data.resolve("vault.db"));

        CliRun status = unlocked("vault", "status");
        assertThat(status.exitCode()).as((status.out() + status.err())).isZero();
        assertThat(status.out()).contains("SQLCipher 4").contains("Profiles:       0").contains("Audit entries:  1").contains("Transactions:   0");
    }

    @Test
    void initRefusesASecondVaultAndAWeakPassphrase() throws Exception {
        Files.writeString(passphraseFile, "password1\n");
        CliRun weak = unlocked("vault", "init");
        assertThat(weak.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(weak.err()).startsWith("error: That passphrase will not do. Too weak");
        assertThat(data.resolve("vault.db")).doesNotExist();

        Files.writeString(passphraseFile, PASSPHRASE);
        assertThat(unlocked("vault", "init").exitCode()).isZero();
        CliRun again = unlocked("vault", "init");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("already a vault");
    }

    @Test
    void withoutATerminalOrAPassphraseSourceTheCommandSaysWhatToDo() {
        assumeTrue(System.console() == null && System.getenv(Passphrases.VARIABLE) == null);
        CliRun result = tartan("--data-dir", data.toString(), "vault", "init");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("No passphrase").contains("--passphrase-file").contains("TARTAN_PASSPHRASE");
    }

    @Test
    void statusWithoutAVaultSaysHowToMakeOne() {
        CliRun result = unlocked("vault", "status");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("no vault").contains("tartan vault init");
    }

    @Test
    void aWrongPassphraseFileIsToldApart() throws Exception {
        unlocked("vault", "init");
        Files.writeString(passphraseFile, "some other long passphrase entirely");
        CliRun result = unlocked("profile", "list");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Wrong passphrase").contains("Nothing was changed");
    }

    @Test
    void onATerminalAMistypedPassphraseMayBeTypedAgain() {
        unlocked("vault", "init");
        ScriptedTerminal terminal = new ScriptedTerminal("first typo", "second typo", PASSPHRASE);
        try (Vault vault = terminal.access().open()) {
            assertThat(vault.isOpen()).isTrue();
        }
        assertThat(terminal.prompts).containsExactly(terminal.prompt(), terminal.prompt(), terminal.prompt());
        assertThat(terminal.err.toString()).isEqualTo(("Wrong passphrase; try again." + System.lineSeparator()).repeat(2));
        assertThat(terminal.typed).allSatisfy(passphrase -> assertThat(passphrase).containsOnly('\0'));
    }

    @Test
    void onATerminalTheThirdWrongPassphraseEndsTheTries() {
        unlocked("vault", "init");
        ScriptedTerminal terminal = new ScriptedTerminal("first typo", "second typo", "third typo", PASSPHRASE);
        assertThatThrownBy(() -> terminal.access().open()).isInstanceOf(WrongPassphraseException.class);
        assertThat(terminal.prompts).hasSize(3);
        assertThat(terminal.err.toString()).isEqualTo(("Wrong passphrase; try again." + System.lineSeparator()).repeat(2));
        assertThat(terminal.typed).allSatisfy(passphrase -> assertThat(passphrase).containsOnly('\0'));
    }

    /** Types the given passphrases, one per prompt, into {@code tartan --data-dir DATA vault status}'s vault access. */
    private final class ScriptedTerminal implements VaultAccess.PassphrasePrompt {
        final Deque<String> script;
        final List<String> prompts = new ArrayList<>();
        final List<char[]> typed = new ArrayList<>();
        final StringWriter err = new StringWriter();

        ScriptedTerminal(String... passphrases) {
            script = new ArrayDeque<>(List.of(passphrases));
        }

        VaultAccess access() {
            CommandLine commandLine = TartanCommand.commandLine();
            commandLine.setErr(new PrintWriter(err, true));
            commandLine.parseArgs("--data-dir", data.toString(), "vault", "status");
            return new VaultAccess(commandLine.getSubcommands().get("vault").getCommandSpec(), Map.of(), this);
        }

        String prompt() {
            return "Passphrase for " + data.resolve("vault.db") + ": ";
        }

        @Override
        public char[] readPassword(String format, Object... args) {
            prompts.add(String.format(format, args));
            char[] passphrase = script.remove().toCharArray();
            typed.add(passphrase);
            return passphrase;
        }
    }

    @Test
    void aPlainSqliteFileAtTheVaultPathIsNotTakenForAWrongPassphrase() throws Exception {
        Files.createDirectories(data);
        try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vault.db"))) {
            plain.createStatement().execute("CREATE TABLE t (x)");
        }
        CliRun result = unlocked("vault", "status");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("not a Tartan vault").contains("plain, unencrypted SQLite");
    }

    @Test
    void profilesAreAddedListedWithMaskedSecretsAndRemoved() {
        unlocked("vault", "init");
        CliRun add = unlocked("profile", "add", "sandbox", "--env", "sandbox", "--client-id", "client-123", "--secret", SECRET);
        assertThat(add.exitCode()).as((add.out() + add.err())).isZero();
        assertThat(add.out()).contains("Saved profile sandbox (Sandbox, client_id client-123");
        unlocked("profile", "add", "proxy", "--env", "https://proxy.example.test", "--no-production", "--client-id", "c2",
                "--secret", "other-secret-value");

        CliRun list = unlocked("profile", "list");
        assertThat(list.out()).contains("NAME").contains("sandbox").contains("client-123").contains("https://proxy.example.test")
                .contains(dev.tartan.model.Masking.maskSecret(SECRET));
        assertThat((list.out() + list.err()) + (add.out() + add.err())).doesNotContain(SECRET).doesNotContain("other-secret-value");

        CliRun remove = unlocked("profile", "remove", "SANDBOX");
        assertThat(remove.exitCode()).isZero();
        assertThat(remove.out()).contains("Removed profile sandbox");
        assertThat(unlocked("profile", "list").out()).doesNotContain("client-123");

        CliRun missing = unlocked("profile", "remove", "sandbox");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("No profile named 'sandbox'").contains("proxy");
    }

    @Test
    void theSecretCanComeFromStandardInput() {
        unlocked("vault", "init");
        CliRun add = withStdin(SECRET + "\n", "profile", "add", "piped", "--env", "production", "--client-id", "c", "--secret", "-");
        assertThat(add.exitCode()).as((add.out() + add.err())).isZero();
        try (Vault vault = Vault.open(new VaultLocation(data), PASSPHRASE.toCharArray())) {
            assertThat(vault.profiles().require("piped").credentials().secret()).isEqualTo(SECRET);
            assertThat(vault.profiles().require("piped").environment()).isEqualTo(PlaidEnvironment.PRODUCTION);
        }
        CliRun invisible = withStdin("\ufeff" + SECRET + "\n", "profile", "add", "bom", "--env", "sandbox", "--client-id", "c",
                "--secret", "-");
        assertThat(invisible.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(invisible.err()).contains("The secret has", "at its start", "Nothing was saved").doesNotContain(SECRET);
        CliRun empty = withStdin("", "profile", "add", "nothing", "--env", "sandbox", "--client-id", "c", "--secret", "-");
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err()).contains("standard input gave no secret");
    }

    @Test
    void aCustomUrlNeedsToBeSaidProductionOrNotAndPlainHttpToBeAllowed() {
        unlocked("vault", "init");
        CliRun unanswered = unlocked("profile", "add", "proxy", "--env", "https://proxy.example.test", "--client-id", "c",
                "--secret", SECRET);
        assertThat(unanswered.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unanswered.err()).contains("Does https://proxy.example.test reach Plaid Production?", "--production",
                "--no-production");

        CliRun clear = unlocked("profile", "add", "proxy", "--env", "http://proxy.example.test", "--production", "--client-id", "c",
                "--secret", SECRET);
        assertThat(clear.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(clear.err()).contains("unencrypted", "--allow-insecure-http", "Nothing was saved");

        CliRun added = unlocked("profile", "add", "proxy", "--env", "http://proxy.example.test", "--production",
                "--allow-insecure-http", "--client-id", "c", "--secret", SECRET);
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Production");
        assertThat(unlocked("profile", "list").out()).contains("http://proxy.example.test (production) (plain http allowed)");
        try (Vault vault = Vault.open(new VaultLocation(data), PASSPHRASE.toCharArray())) {
            PlaidEnvironment saved = vault.profiles().require("proxy").environment();
            assertThat(saved.isProduction()).isTrue();
            assertThat(saved.plainHttpAllowed()).isTrue();
        }

        CliRun local = unlocked("profile", "add", "local", "--env", "http://127.0.0.1:8080", "--client-id", "c", "--secret", SECRET);
        assertThat(local.exitCode()).as(local.err()).isZero();
    }

    @Test
    void addingAnExistingProfileNeedsReplace() {
        unlocked("vault", "init");
        unlocked("profile", "add", "p", "--env", "sandbox", "--client-id", "c1", "--secret", "first-secret-123");
        CliRun again = unlocked("profile", "add", "p", "--env", "sandbox", "--client-id", "c2", "--secret", "second-secret-456");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("already exists");
        CliRun replaced = unlocked("profile", "add", "p", "--env", "emulator", "--client-id", "c2", "--secret", "second-secret-456",
                "--replace");
        assertThat(replaced.exitCode()).isZero();
        assertThat(unlocked("profile", "list").out()).contains("c2").contains("emulator");
    }

    @Test
    void badInputIsExplained() {
        unlocked("vault", "init");
        CliRun env = unlocked("profile", "add", "p", "--env", "staging", "--client-id", "c", "--secret", "s");
        assertThat(env.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(env.err()).contains("Invalid value for option '--env'").contains("Not an environment: 'staging'");
        CliRun blank = unlocked("profile", "add", "p", "--env", "sandbox", "--client-id", "c", "--secret", " ");
        assertThat(blank.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(blank.err()).contains("secret is empty");
    }

    @Test
    void globalOptionsWorkAfterTheCommandToo() {
        unlocked("vault", "init");
        CliRun list = tartan("profile", "list", "--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString());
        assertThat(list.exitCode()).as((list.out() + list.err())).isZero();
        assertThat(list.out()).contains("No profiles yet");
    }

    @Test
    void passwdChangesThePassphraseAndTheAuditLogRecordsIt() throws Exception {
        unlocked("vault", "init");
        Path newFile = Files.writeString(dir.resolve("new"), NEW_PASSPHRASE);
        CliRun passwd = unlocked("vault", "passwd", "--new-passphrase-file", newFile.toString());
        assertThat(passwd.exitCode()).as((passwd.out() + passwd.err())).isZero();
        assertThat(passwd.out()).contains("passphrase is changed");

        assertThat(unlocked("vault", "status").err()).contains("Wrong passphrase");
        CliRun verify = tartan("--data-dir", data.toString(), "--passphrase-file", newFile.toString(), "vault", "verify-audit");
        assertThat(verify.exitCode()).as((verify.out() + verify.err())).isZero();
        assertThat(verify.out()).contains("intact: 2 entries");
    }

    @Test
    void passwdRefusesAWeakNewPassphraseAndChangesNothing() throws Exception {
        unlocked("vault", "init");
        Path weak = Files.writeString(dir.resolve("weak"), "qwerty123");
        CliRun passwd = unlocked("vault", "passwd", "--new-passphrase-file", weak.toString());
        assertThat(passwd.exitCode()).isEqualTo(ExitCodes.USAGE);
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
        CliRun verify = unlocked("vault", "verify-audit");
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.AUDIT_BROKEN);
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
