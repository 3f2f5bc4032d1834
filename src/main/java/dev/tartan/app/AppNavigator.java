package dev.tartan.app;

import dev.tartan.model.ConsoleDraft;
import dev.tartan.model.PaneTarget;
import dev.tartan.model.PlaidLinks;
import dev.tartan.ui.assets.AssetsView;
import dev.tartan.ui.assets.AssetsViewModel;
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
import dev.tartan.ui.watchlist.WatchlistView;
import dev.tartan.ui.watchlist.WatchlistViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Moves the user between panes: the panes ask for a place, this knows where it is. The view
 * models come from suppliers because each pane is built on first use.
 */
final class AppNavigator implements Navigator {

    private static final Logger LOG = LoggerFactory.getLogger(AppNavigator.class);

    private final Supplier<ConsoleViewModel> console;
    private final Supplier<ItemsViewModel> items;
    private final Supplier<ProcessorViewModel> processor;
    private final Supplier<TransfersViewModel> transfers;
    private final Supplier<WatchlistViewModel> watchlist;
    private final Supplier<AssetsViewModel> assets;
    private MainWindow window;

    AppNavigator(Supplier<ConsoleViewModel> console, Supplier<ItemsViewModel> items, Supplier<ProcessorViewModel> processor,
                 Supplier<TransfersViewModel> transfers, Supplier<WatchlistViewModel> watchlist, Supplier<AssetsViewModel> assets) {
        this.console = console;
        this.items = items;
        this.processor = processor;
        this.transfers = transfers;
        this.watchlist = watchlist;
        this.assets = assets;
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
            case ASSET_REPORT -> {
                window.show(AssetsView.INFO.id());
                assets.get().open(target.token());
            }
            case SCREENING -> {
                window.show(WatchlistView.INFO.id());
                watchlist.get().open(target.token());
            }
            default -> {
                window.show(TransfersView.INFO.id());
                transfers.get().open(target.kind(), target.token());
            }
        }
    }

    @Override
    public void openLink(String url) {
        PlaidLinks.plaidPage(url).ifPresentOrElse(AppNavigator::open, () -> LOG.warn("Not opening a link that is not a plaid.com page: {}", url));
    }

    @Override
    public void openFile(Path file) {
        showFile(file);
    }

    /** Opens a file in the program the desktop chooses for it (the console's PDFs and zips). */
    static void showFile(Path file) {
        open(file.toUri());
    }

    private static void open(URI target) {
        try {
            ChildProcesses.open(target);
        } catch (IOException e) {
            LOG.warn("Could not open {}: {}", target, e.getMessage());
        }
    }
}
