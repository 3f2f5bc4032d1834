package dev.tartan.ui.sandbox;

import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import dev.tartan.ui.shell.Theme;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Sandbox pane in Tartan's window, on the built-in emulator, as the app wires it today: with no
 * webhook inbox, simulations run and say that their webhooks are not shown.
 */
class SandboxInWindowTest {

    @TempDir
    Path home;
    TartanAppFixture app;

    @BeforeEach
    void start() throws Exception {
        TestVaults.create(home);
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#mainWindow", 60);
        Label path = app.waitFor("#operationPath", 30);
        app.waitUntil("the demo call", 20, () -> "/accounts/get".equals(path.getText()));
    }

    @AfterEach
    void close() throws Exception {
        app.onFx(() -> Theme.apply(false));
        app.close();
    }

    @Test
    void theSandboxPaneIsInTheNavigationAndRunsASimulation() throws Exception {
        app.openPane("Sandbox");
        app.waitFor("#sandboxPane");
        app.clickOn("#sandboxFilter");
        app.write("need a new login");
        Label line = app.waitFor("#sandboxEntryTitle");
        app.waitUntil("the reset login line", 20, () -> app.lookup("#sandboxEntryTitle")
                .match((Predicate<Node>) n -> ((Label) n).getText().equals("Make the Item need a new login")).tryQuery().isPresent());
        app.clickOn(app.lookup("#sandboxEntryTitle")
                .match((Predicate<Node>) n -> ((Label) n).getText().equals("Make the Item need a new login")).<Node>query());
        assertThat(line).isNotNull();
        // The demo Item, the newest in the token book, is the one picked.
        app.waitUntil("the demo Item picked", 20, () -> app.lookup("#field-access_token").queryComboBox().getEditor().getText()
                .startsWith("Demo Item"));
        app.clickOn("#simulationRun");
        Label done = app.waitFor("#simulationStatusDone", 30);
        assertThat(done.getText()).startsWith("Done (request_id ");
        VBox webhooks = app.waitFor("#simulationWebhooks");
        assertThat(app.from(webhooks).lookup(".label").queryAllAs(Label.class)).anyMatch(label -> label.getText()
                .contains("as Tartan's inbox receives them"));
        app.screenshot("sandbox-window-light");
        app.onFx(() -> Theme.apply(true));
        app.screenshot("sandbox-window-dark");
    }
}
