package dev.tartan.cli;

import dev.tartan.model.PassphraseVerdict;
import dev.tartan.model.Profile;
import dev.tartan.store.PassphraseStrength;
import dev.tartan.store.ProfileExistsException;
import dev.tartan.store.ProfileNotFoundException;
import dev.tartan.store.Passphrases;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultException;
import dev.tartan.store.VaultLocation;
import dev.tartan.store.WrongPassphraseException;
import picocli.CommandLine.Model.CommandSpec;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * How commands reach the vault: where it is (the global {@code --data-dir}, TARTAN_HOME or the OS
 * folder), its passphrase ({@code --passphrase-file}, TARTAN_PASSPHRASE, else asked on the
 * terminal), and how failures are told: one line on standard error, and exit code
 * {@link ExitCodes#USAGE} for what the user typed wrong (a wrong passphrase included),
 * {@link ExitCodes#FAILURE} for a vault that cannot be used.
 */
public final class VaultAccess {

    private static final int PROMPT_ATTEMPTS = 3;

    /** Reads a passphrase typed without echo, as {@link Console#readPassword(String, Object...)} does. */
    @FunctionalInterface
    interface PassphrasePrompt {
        char[] readPassword(String format, Object... args);
    }

    private final CommandSpec spec;
    private final Map<String, String> environment;
    private final PassphrasePrompt terminal;

    public VaultAccess(CommandSpec spec) {
        this(spec, System.getenv(), systemTerminal());
    }

    /** {@code terminal} is null when there is none to ask. */
    VaultAccess(CommandSpec spec, Map<String, String> environment, PassphrasePrompt terminal) {
        this.spec = spec;
        this.environment = environment;
        this.terminal = terminal;
    }

    private static PassphrasePrompt systemTerminal() {
        Console console = System.console();
        return console == null ? null : console::readPassword;
    }

    /** The profile called {@code name}, from the vault: what {@code tartan call --profile NAME} needs. */
    public static Profile profile(CommandSpec spec, String name) {
        try (Vault vault = new VaultAccess(spec).open()) {
            return vault.profiles().require(name);
        }
    }

    public VaultLocation location() {
        return VaultLocation.resolve(GlobalOptions.of(spec).dataDir());
    }

    /**
     * The vault, unlocked. On a terminal a wrong passphrase may be typed again; a passphrase from a
     * file or the environment gets one try.
     */
    public Vault open() {
        VaultLocation location = location();
        Optional<char[]> given = Passphrases.nonInteractive(GlobalOptions.of(spec).passphraseFile(), environment);
        if (given.isPresent()) {
            char[] passphrase = given.get();
            try {
                return Vault.open(location, passphrase);
            } finally {
                Passphrases.clear(passphrase);
            }
        }
        PassphrasePrompt prompt = requireTerminal();
        for (int attempt = 1; ; attempt++) {
            char[] passphrase = prompt.readPassword("Passphrase for %s: ", location.file());
            try {
                return Vault.open(location, passphrase == null ? new char[0] : passphrase);
            } catch (WrongPassphraseException e) {
                if (attempt == PROMPT_ATTEMPTS) {
                    throw e;
                }
                err().println("Wrong passphrase; try again.");
                err().flush();
            } finally {
                Passphrases.clear(passphrase);
            }
        }
    }

    /** The current passphrase, for a command that needs it besides opening the vault. */
    char[] currentPassphrase() {
        Optional<char[]> given = Passphrases.nonInteractive(GlobalOptions.of(spec).passphraseFile(), environment);
        return given.orElseGet(() -> requireTerminal().readPassword("Current passphrase: "));
    }

    /**
     * A new passphrase from {@code file} or {@code variable}, else typed twice on the terminal; refused
     * with its explanation unless it is strong enough. The verdict is printed either way.
     */
    char[] newPassphrase(Path file, String variable) {
        Optional<char[]> given = file != null ? Optional.of(Passphrases.fromFile(file))
                                              : Passphrases.fromVariable(environment, variable);
        char[] passphrase = given.orElseGet(this::typeNewPassphraseTwice);
        PassphraseVerdict verdict = PassphraseStrength.assess(passphrase);
        if (!verdict.acceptable()) {
            Passphrases.clear(passphrase);
            throw new CommandFailure("That passphrase will not do. " + verdict.explanation());
        }
        out().println(verdict.summary());
        return passphrase;
    }

    private char[] typeNewPassphraseTwice() {
        PassphrasePrompt prompt = requireTerminal();
        char[] first = prompt.readPassword("New passphrase (four or more random words make a good one): ");
        char[] second = prompt.readPassword("The same again: ");
        try {
            if (first == null || !Arrays.equals(first, second)) {
                Passphrases.clear(first);
                throw new CommandFailure("The two passphrases differ; nothing was changed.");
            }
            return first;
        } finally {
            Passphrases.clear(second);
        }
    }

    private PassphrasePrompt requireTerminal() {
        if (terminal == null) {
            throw new CommandFailure("No passphrase: run this in a terminal, or give --passphrase-file FILE, or set "
                    + Passphrases.VARIABLE + ".");
        }
        return terminal;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Runs a command's body; a failure the user can act on becomes one line on standard error and
     * an exit code (anything else is a bug and keeps its stack trace).
     */
    static int run(CommandSpec spec, Callable<Integer> body) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return body.call();
        } catch (CommandFailure e) {
            err.println("error: " + e.getMessage());
            return e.exitCode();
        } catch (IllegalArgumentException | WrongPassphraseException | ProfileNotFoundException | ProfileExistsException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (VaultException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.FAILURE;
        } finally {
            spec.commandLine().getOut().flush();
            err.flush();
        }
    }
}
