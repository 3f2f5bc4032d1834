package dev.tartan.app;

import dev.tartan.model.ConsoleDraft;
import dev.tartan.model.PaneTarget;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.console.ConsoleView;
import dev.tartan.ui.console.ConsoleViewModel;
import dev.tartan.ui.items.ItemsView;
import dev.tartan.ui.items.ItemsViewModel;
import dev.tartan.ui.processor.ProcessorView;
import dev.tartan.ui.processor.ProcessorViewModel;
import dev.tartan.ui.shell.MainWindow;
import dev.tartan.ui.transfers.TransfersView;
import dev.tartan.ui.transfers.TransfersViewModel;
import javafx.application.HostServices;

import java.util.function.Supplier;

/**
 * Moves the user between panes: the panes ask for a place, this knows where it is. The view
 * models come from suppliers because each pane is built on first use.
 */
final class AppNavigator implements Navigator {

    private final HostServices host;
    private final Supplier<ConsoleViewModel> console;
    private final Supplier<ItemsViewModel> items;
    private final Supplier<ProcessorViewModel> processor;
    private final Supplier<TransfersViewModel> transfers;
    private MainWindow window;

    AppNavigator(HostServices host, Supplier<ConsoleViewModel> console, Supplier<ItemsViewModel> items,
                 Supplier<ProcessorViewModel> processor, Supplier<TransfersViewModel> transfers) {
        this.host = host;
        this.console = console;
        this.items = items;
        this.processor = processor;
        this.transfers = transfers;
    }

    /** The window is built after the panes that navigate, so it is attached afterwards. */
    void attach(MainWindow mainWindow) {
        this.window = mainWindow;
    }

    @Override
    public void openInConsole(ConsoleDraft draft) {
        window.show(ConsoleView.INFO.id());
        console.get().open(draft);
    }

    @Override
    public void openInPane(PaneTarget target) {
        switch (target.kind()) {
            case ITEM -> {
                window.show(ItemsView.INFO.id());
                items.get().open(target.token());
            }
            case PROCESSOR_TOKEN -> {
                window.show(ProcessorView.INFO.id());
                processor.get().open(target.token());
            }
            default -> {
                window.show(TransfersView.INFO.id());
                transfers.get().open(target.kind(), target.token());
            }
        }
    }

    @Override
    public void openLink(String url) {
        host.showDocument(url);
    }
}
