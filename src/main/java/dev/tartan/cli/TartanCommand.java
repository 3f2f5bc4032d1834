package dev.tartan.cli;

import dev.tartan.model.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * The root of Tartan's command line. With no subcommand the launcher opens the window instead
 * (see {@code dev.tartan.app.Main}); this class only describes the commands.
 */
@Command(name = "tartan",
        mixinStandardHelpOptions = true,
        versionProvider = TartanCommand.Version.class,
        description = "A console for the Plaid API. With no command, opens the Tartan window.",
        subcommands = {OpsCommand.class, CallCommand.class, EmulatorCommand.class, VaultCommand.class,
            ProfileCommand.class, CommandLine.HelpCommand.class})
public final class TartanCommand {

    @Mixin
    private GlobalOptions globalOptions = new GlobalOptions();

    public GlobalOptions globalOptions() {
        return globalOptions;
    }

    /** A command line with every Tartan command and Tartan's error handling. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The same, with commands made by {@code factory} (tests give commands their own environment). */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cl = new RedactedErrors(new TartanCommand(), factory);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExpandAtFiles(false); // "--body @file" is ours to read, not picocli's argument file
        cl.setErr(cl.getErr()); // hands every subcommand the redacting writer
        return cl;
    }

    /** A command line whose standard error, whoever sets it, is redacted line by line. */
    private static final class RedactedErrors extends CommandLine {
        RedactedErrors(Object command, IFactory factory) {
            super(command, factory);
        }

        @Override
        public CommandLine setErr(PrintWriter err) {
            return super.setErr(RedactingPrintWriter.around(err));
        }
    }

    /** {@code tartan --version}: the version, the build, and the Java runtime it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo build = BuildInfo.current();
            return new String[] {"Tartan " + build.version(), build.build(),
                "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("java.home")};
        }
    }
}
