package dev.tartan.ui.shell;

import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.Latency;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status bar: every task under way with its own cancel, and the last failure from anywhere in
 * the window with its details. Against a standalone emulator that answers slowly, so a call is
 * still running when the test looks.
 */
class StatusBarTest {

    @TempDir
    Path home;
    PlaidEmulator slowPlaid;
    TartanAppFixture app;

    @BeforeEach
    void start() throws Exception {
        slowPlaid = PlaidEmulator.start(EmulatorConfig.builder().latency(new Latency(4000, 4000)).build());
        TestVaults.create(home, new Profile("Slow proxy", PlaidEnvironment.custom(slowPlaid.baseUrl()),
                new Credentials(slowPlaid.clientId(), slowPlaid.secret())));
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#mainWindow", 60);
    }

    @AfterEach
    void close() throws Exception {
        app.close();
        slowPlaid.close();
    }

    @Test
    void eachRunningTaskIsListedAndCanBeCancelledOnItsOwn() {
        app.openPane("API console");
        app.waitFor("#operationTree", 30);
        app.typeInto("#operationSearch", "institutions get");
        app.clickOn(node -> node instanceof Label label && "/institutions/get".equals(label.getText())
                && app.lookup("#operationTree").query().lookupAll(".label").contains(label));
        app.waitUntil("its example", 10, () -> !app.lookup("#requestEditor .json-editor").queryAs(org.fxmisc.richtext.CodeArea.class)
                .getText().isBlank());
        app.clickOn("#sendButton");

        Button tasks = app.waitFor("#statusTasks", 10);
        assertThat(tasks.getText()).contains("/institutions/get");
        app.clickOn(tasks);
        Node list = app.waitFor("#taskList", 10);
        assertThat(list.lookupAll(".task-row")).hasSize(1);
        app.screenshot("status-1-running-tasks");
        app.clickOn(list.lookup(".cancel-task"));

        Label notice = app.waitFor("#consoleNotice", 10);
        assertThat(notice.getText()).contains("Cancelled");
        app.waitUntil("no task left", 10, () -> !tasks.getParent().isVisible());
        assertThat(app.lookup("#lastErrorButton").queryAs(Button.class).isVisible())
                .as("a cancel is not an error").isFalse();
    }

    @Test
    void aFailureInAnyPaneReachesTheStatusBarWithItsDetails() {
        app.openPane("Items");
        app.clickOn("#addItemMenu").clickOn("#addItem");
        app.waitFor("#addItemDialog");
        app.clickOn("#addItemToken").write("access-sandbox-00000000-0000-0000-0000-000000000000");
        app.clickOn("#addItemDialogGo");

        Button lastError = app.waitFor("#lastErrorButton", 30);
        assertThat(lastError.getText()).isEqualTo("INVALID_ACCESS_TOKEN");
        app.screenshot("status-2-last-error");
        app.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        app.clickOn(lastError);
        Label requestId = app.waitFor("#statusFailure #failure-request_id", 10);
        assertThat(requestId.getText()).isNotBlank();
        assertThat(app.lookup("#statusFailure #failure-error_code").queryAs(Label.class).getText()).isEqualTo("INVALID_ACCESS_TOKEN");
        app.screenshot("status-3-last-error-details");
    }
}
