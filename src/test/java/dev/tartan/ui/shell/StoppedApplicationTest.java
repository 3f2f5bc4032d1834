package dev.tartan.ui.shell;

import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stopped Tartan lets go of everything it held (its services, its emulator, its window's
 * content), even though the stage it ran on lives on: a listener left on the stage or an animation
 * left playing would keep all of it, and a long test run (or a stage reused by an embedding
 * application) would run out of memory.
 */
class StoppedApplicationTest {

    private static final List<String> PANES = List.of("Items", "API console", "Processor tokens", "Transfers",
            "Watchlist", "Assets", "Sandbox", "Webhooks");

    @TempDir
    Path home;

    @Test
    void aStoppedApplicationWithEveryPaneOpenedCanBeCollected() throws Exception {
        TestVaults.create(home);
        WeakReference<Object> application;
        WeakReference<Node> window;
        try (TartanAppFixture app = new TartanAppFixture(home).startUnlocked()) {
            window = new WeakReference<>(app.waitFor("#mainWindow", 60));
            for (String pane : PANES) {
                app.openPane(pane);
            }
            application = new WeakReference<>(app.application());
        }
        // The next application takes the stage over, as the next test does.
        try (TartanAppFixture next = new TartanAppFixture(home).startUnlocked()) {
            next.waitFor("#mainWindow", 60);
        }

        for (int attempt = 0; attempt < 20 && (application.get() != null || window.get() != null); attempt++) {
            System.gc();
            Thread.sleep(100);
        }
        assertThat(application.get()).as("the stopped application").isNull();
        assertThat(window.get()).as("the stopped application's main window").isNull();
    }
}
