package dev.tartan.app;

import dev.tartan.cli.TartanCommand;
import javafx.application.Application;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The one entry point: {@code tartan COMMAND ...} runs the command line; {@code tartan} with no
 * command (global options allowed) opens the window.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine commandLine = TartanCommand.commandLine();
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            // Let picocli print its usage message and exit code.
            System.exit(commandLine.execute(args));
            return;
        }
        if (parsed.hasSubcommand() || parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
            System.exit(commandLine.execute(args));
            return;
        }
        EarlyUnlock.begin(commandLine.<TartanCommand>getCommand().globalOptions());
        Application.launch(TartanApplication.class, args);
    }
}
