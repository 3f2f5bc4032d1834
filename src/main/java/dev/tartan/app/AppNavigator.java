package dev.tartan.app;

import dev.tartan.model.ConsoleDraft;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.console.ConsoleViewModel;
import dev.tartan.ui.shell.MainWindow;
import javafx.application.HostServices;

import java.util.function.Supplier;

/** Moves the user between panes: the panes ask for a place, this knows where it is. */
final class AppNavigator implements Navigator {

    private final HostServices host;
    private final Supplier<ConsoleViewModel> console;
    private final String consolePaneId;
    private MainWindow window;

    AppNavigator(HostServices host, Supplier<ConsoleViewModel> console, String consolePaneId) {
        this.host = host;
        this.console = console;
        this.consolePaneId = consolePaneId;
    }

    /** The window is built after the panes that navigate, so it is attached afterwards. */
    void attach(MainWindow mainWindow) {
        this.window = mainWindow;
    }

    @Override
    public void openInConsole(ConsoleDraft draft) {
        window.show(consolePaneId);
        console.get().open(draft);
    }

    @Override
    public void openLink(String url) {
        host.showDocument(url);
    }
}
