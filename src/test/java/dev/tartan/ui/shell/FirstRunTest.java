package dev.tartan.ui.shell;

import dev.tartan.ui.TartanAppFixture;
import javafx.scene.control.Label;
import javafx.scene.control.TreeView;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A new user types a passphrase twice and lands in a working console with data in it. */
class FirstRunTest {

    @TempDir
    Path home;
    TartanAppFixture app;

    @AfterEach
    void close() throws Exception {
        app.close();
    }

    @Test
    void aPassphraseIsAllItTakesToReachAWorkingConsole() throws Exception {
        app = new TartanAppFixture(home).start();

        app.waitFor("#newPassphrase");
        app.screenshot("first-run-1-welcome");
        app.clickOn("#newPassphrase").write("tartan");
        Label verdict = app.waitFor("#strengthVerdict");
        assertThat(verdict.getText()).isNotBlank();
        assertThat(app.lookup("#createVault").queryButton().isDisabled()).as("a weak passphrase is refused").isTrue();
        app.screenshot("first-run-2-weak-passphrase");

        app.eraseText("tartan".length()).write(TartanAppFixture.PASSPHRASE);
        app.clickOn("#repeatPassphrase").write(TartanAppFixture.PASSPHRASE);
        assertThat(app.lookup("#createVault").queryButton().isDisabled()).isFalse();
        app.screenshot("first-run-3-strong-passphrase");
        app.clickOn("#createVault");

        // The main window opens on the console, prefilled with the demo Item's /accounts/get.
        Label path = app.waitFor("#operationPath", 60);
        app.waitUntil("the demo call", 20, () -> "/accounts/get".equals(path.getText()));
        CodeArea editor = app.lookup("#requestEditor .json-editor").query();
        app.waitUntil("the demo Item's token in the body", 10, () -> editor.getText().contains("access-sandbox-"));
        assertThat(editor.getText()).contains("\"access_token\"");
        assertThat(Files.exists(home.resolve("vault.db"))).isTrue();
        app.screenshot("first-run-4-console-ready");

        app.clickOn("#sendButton");
        TreeView<?> tree = app.waitFor("#replyTree", 30);
        app.waitUntil("the reply", 20, () -> tree.getRoot() != null);
        assertThat(app.lookup("#replyStatus").queryAs(Label.class).getText()).startsWith("HTTP 200");
        assertThat(app.lookup("#replyRaw").queryTextInputControl().getText()).contains("\"accounts\"", "\"balances\"");
        app.screenshot("first-run-5-reply");
    }
}
