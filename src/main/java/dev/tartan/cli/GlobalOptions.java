package dev.tartan.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;

/**
 * Options every command accepts, before or after the command name:
 * {@code tartan --data-dir D profile list} and {@code tartan profile list --data-dir D} are the same.
 * Picocli copies inherited options into each subcommand; the value lands on the root's instance,
 * which {@link #of(CommandSpec)} finds from any command.
 */
public final class GlobalOptions {

    /** The option names, for code that must read them without picocli (the window's fast start). */
    public static final String DATA_DIR = "--data-dir";
    public static final String PASSPHRASE_FILE = "--passphrase-file";

    @Option(names = DATA_DIR, paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where Tartan keeps its vault and the emulator's state (default: TARTAN_HOME, else the OS's per-user data folder).")
    Path dataDir;

    @Option(names = PASSPHRASE_FILE, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Unlock the vault with the passphrase in FILE (first line) instead of asking; TARTAN_PASSPHRASE works too.")
    Path passphraseFile;

    public Path dataDir() {
        return dataDir;
    }

    public Path passphraseFile() {
        return passphraseFile;
    }

    /** The global options of the command line that {@code spec} belongs to. */
    public static GlobalOptions of(CommandSpec spec) {
        CommandSpec root = spec;
        while (root.parent() != null) {
            root = root.parent();
        }
        return ((TartanCommand) root.userObject()).globalOptions();
    }
}
