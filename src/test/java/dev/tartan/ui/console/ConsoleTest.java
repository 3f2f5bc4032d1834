package dev.tartan.ui.console;

import dev.tartan.model.HistoryEntry;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The API console against the built-in emulator, driven the way a user drives it. */
class ConsoleTest {

    @TempDir
    Path home;
    TartanAppFixture app;

    @BeforeEach
    void start() throws Exception {
        TestVaults.create(home);
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#operationTree", 60);
        // The returning user's vault had no profile: Tartan made the emulator's and a demo Item.
        Label path = app.waitFor("#operationPath", 30);
        app.waitUntil("the demo call", 20, () -> "/accounts/get".equals(path.getText()));
    }

    @AfterEach
    void close() throws Exception {
        app.close();
    }

    private void pick(String query, String operationPath) {
        app.typeInto("#operationSearch", query);
        app.clickOn(node -> node instanceof Label label && operationPath.equals(label.getText())
                && label.getParent() != null && app.lookup("#operationTree").query().lookupAll(".label").contains(label));
        Label path = app.lookup("#operationPath").queryAs(Label.class);
        app.waitUntil(operationPath + " selected", 10, () -> operationPath.equals(path.getText()));
        CodeArea editor = editor();
        app.waitUntil("its example", 10, () -> !editor.getText().isBlank());
    }

    private CodeArea editor() {
        return app.lookup("#requestEditor .json-editor").query();
    }

    private void replaceBody(String text) {
        app.clickOn("#requestEditor");
        app.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        app.press(KeyCode.DELETE).release(KeyCode.DELETE);
        app.write(text);
    }

    @Test
    void picksAnOperationSendsItAndReadsTheReply() {
        pick("institutions get", "/institutions/get");
        assertThat(editor().getText()).contains("\"count\"", "\"country_codes\"");
        app.screenshot("console-1-operation-picked");

        app.clickOn("#sendButton");
        TreeView<?> tree = app.waitFor("#replyTree", 30);
        app.waitUntil("the reply tree", 20, () -> tree.getRoot() != null);
        assertThat(app.lookup("#replyStatus").queryAs(Label.class).getText()).startsWith("HTTP 200");
        assertThat(app.lookup("#replyRequestId").queryAs(Label.class).getText()).isNotBlank();
        assertThat(app.lookup("#replyRaw").queryTextInputControl().getText()).contains("\"institutions\"", "\"institution_id\"");
        app.screenshot("console-2-reply");

        // The call is in the console's history, and can be run again from there.
        app.clickOn("History");
        ListView<HistoryEntry> history = app.waitFor("#historyList");
        app.waitUntil("the history", 10, () -> history.getItems().stream().anyMatch(e -> e.operation().equals("/institutions/get")));
        app.screenshot("console-3-history");
    }

    @Test
    void invalidJsonIsRefusedWithAMessageAndNothingIsSent() {
        pick("item get", "/item/get");
        replaceBody("{\"access_token\": ");
        Label syntax = app.waitFor("#syntaxError");
        assertThat(syntax.getText()).contains("Not valid JSON", "line 1");
        long before = historyCount();

        app.clickOn("#sendButton");
        Label notice = app.waitFor("#consoleNotice");
        assertThat(notice.getText()).startsWith("Not sent.");
        assertThat(historyCount()).isEqualTo(before);
        app.screenshot("console-4-invalid-json");
    }

    @Test
    void aSchemaProblemNamesTheField() {
        pick("item get", "/item/get");
        replaceBody("{\"acess_token\": \"x\"}");
        Label problems = app.waitFor("#schemaProblems");
        assertThat(problems.getText()).contains("acess_token", "access_token");
        app.screenshot("console-5-schema-problem");
    }

    @Test
    void aPlaidErrorShowsItsCodeAndRequestId() {
        pick("item get", "/item/get");
        replaceBody("{\"access_token\": \"access-sandbox-00000000-0000-0000-0000-000000000000\"}");
        app.clickOn("#sendButton");

        Label title = app.waitFor("#failureTitle", 30);
        assertThat(title.getText()).isEqualTo("INVALID_ACCESS_TOKEN");
        Label requestId = app.lookup("#failure-request_id").queryAs(Label.class);
        assertThat(requestId.getText()).isNotBlank();
        assertThat(app.lookup("#replyRequestId").queryAs(Label.class).getText()).isEqualTo(requestId.getText());
        assertThat(app.lookup("#replyStatus").queryAs(Label.class).getText()).isEqualTo("HTTP 400");
        app.screenshot("console-6-plaid-error");
    }

    /** What the History tab lists after a reload (the vault's request history, newest first). */
    private long historyCount() {
        app.clickOn("History");
        app.clickOn("#historyRefresh");
        app.sleep(300);
        ListView<HistoryEntry> history = app.lookup("#historyList").query();
        long count = history.getItems().size();
        app.clickOn("Operations");
        return count;
    }
}
