package dev.tartan.app;

import dev.tartan.cli.TartanCommand;
import javafx.application.Application;

import java.util.Optional;

/**
 * The one entry point: {@code tartan COMMAND ...} runs the command line; {@code tartan} with no
 * command (the global options allowed) opens the window.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        UncaughtFailures.install();
        Optional<WindowOptions> window = WindowOptions.parse(args);
        if (window.isEmpty()) {
            // A command, --help, --version or a mistake: picocli runs it or explains.
            System.exit(TartanCommand.commandLine().execute(args));
            return;
        }
        EarlyUnlock.begin(window.get());
        Application.launch(TartanApplication.class, args);
    }
}
