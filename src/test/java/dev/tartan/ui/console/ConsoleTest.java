package dev.tartan.ui.console;

import dev.tartan.model.HistoryEntry;
import dev.tartan.model.Masking;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The API console against the built-in emulator, driven the way a user drives it. */
class ConsoleTest {

    @TempDir
    Path home;
    TartanAppFixture app;
    String demoToken;

    @BeforeEach
    void start() throws Exception {
        TestVaults.create(home);
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#operationTree", 60);
        // The returning user's vault had no profile: Tartan made the emulator's and a demo Item.
        Label path = app.waitFor("#operationPath", 30);
        app.waitUntil("the demo call", 20, () -> "/accounts/get".equals(path.getText()) && editor().getText().contains("access-"));
        // The editor shows the token masked; the eye shows it whole.
        assertThat(editor().getText()).contains("\"access-sandbox-\u2022\u2022\u2022\u2022");
        assertThat(FULL_TOKEN.matcher(editor().getText()).find()).as("no whole token on screen").isFalse();
        app.clickOn("#revealRequestTokens");
        app.waitUntil("the whole token", 5, () -> FULL_TOKEN.matcher(editor().getText()).find());
        Matcher token = FULL_TOKEN.matcher(editor().getText());
        assertThat(token.find()).isTrue();
        demoToken = token.group();
        app.clickOn("#revealRequestTokens");
        app.waitUntil("the token masked again", 5, () -> editor().getText().contains(Masking.maskToken(demoToken)));
    }

    private static final Pattern FULL_TOKEN = Pattern.compile("access-sandbox-[0-9a-f-]{36}");

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

        app.typeInto("#historyFilter", "institutions");
        app.waitUntil("only the institutions calls", 10, () -> !history.getItems().isEmpty()
                && history.getItems().stream().allMatch(e -> e.operation().startsWith("/institutions/")));
        long before = history.getItems().stream().filter(e -> e.operation().equals("/institutions/get")).count();
        app.onFx(() -> history.getSelectionModel().select(history.getItems().stream()
                .filter(e -> e.operation().equals("/institutions/get")).findFirst().orElseThrow()));
        app.clickOn("#historyRunAgain");
        app.waitUntil("the call run again", 30, () -> history.getItems().stream()
                .filter(e -> e.operation().equals("/institutions/get")).count() == before + 1);
        assertThat(app.lookup("#replyStatus").queryAs(Label.class).getText()).startsWith("HTTP 200");

        app.typeInto("#historyFilter", "zzz-no-such-call");
        app.waitUntil("nothing matches", 10, () -> history.getItems().isEmpty());
    }

    @Test
    void invalidJsonIsRefusedWithAMessageAndNothingIsSent() {
        pick("item get", "/item/get");
        replaceBody("{\"access_token\": ");
        Label syntax = app.waitFor("#syntaxError");
        assertThat(syntax.getText()).contains("Not valid JSON", "line 1");

        app.clickOn("#sendButton");
        Label notice = app.waitFor("#consoleNotice");
        assertThat(notice.getText()).startsWith("Not sent.");
        app.screenshot("console-4-invalid-json");
    }

    @Test
    void aSchemaProblemNamesTheFieldAndIsSentOnlyWhenTheUserInsists() {
        pick("item get", "/item/get");
        replaceBody("{\"acess_token\": \"x\"}");
        Label problems = app.waitFor("#schemaProblems");
        assertThat(problems.getText()).contains("acess_token", "access_token");
        app.screenshot("console-5-schema-problem");

        app.clickOn("#sendButton");
        DialogPane question = app.waitFor("#schemaGuard");
        assertThat(((Label) question.getContent()).getText()).contains("acess_token");
        app.screenshot("console-7-schema-question");
        app.clickOn((Button) question.lookupButton(ButtonType.CANCEL));
        Label notice = app.waitFor("#consoleNotice");
        assertThat(notice.getText()).startsWith("Not sent.").contains("access_token");

        app.clickOn("#sendButton");
        DialogPane again = app.waitFor("#schemaGuard");
        app.clickOn((Button) again.lookupButton(again.getButtonTypes().get(0)));
        Label title = app.waitFor("#failureTitle", 30);
        assertThat(title.getText()).as("the emulator, like Plaid, refuses it").isIn("UNKNOWN_FIELDS", "MISSING_FIELDS");
    }

    @Test
    void aTokenFromTheTokenBookGoesIntoTheBodyThroughThePicker() {
        pick("item get", "/item/get");
        assertThat(editor().getText()).doesNotContain(demoToken);
        app.clickOn("#insertToken");
        app.waitUntil("the token menu", 10, () -> menuEntry("Demo Item") != null);
        app.screenshot("console-8-token-picker");
        app.clickOn(menuEntry("Demo Item"));
        app.waitUntil("the token in the body, masked", 10, () -> editor().getText().contains(Masking.maskToken(demoToken)));
        assertThat(editor().getText()).doesNotContain(demoToken);

        // It goes to Plaid whole: the Item answers.
        app.clickOn("#sendButton");
        TreeView<?> tree = app.waitFor("#replyTree", 30);
        app.waitUntil("the reply tree", 20, () -> tree.getRoot() != null);
        assertThat(app.lookup("#replyStatus").queryAs(Label.class).getText()).startsWith("HTTP 200");
    }

    @Test
    void theSmallestWindowKeepsEveryEditorButtonWhole() {
        MenuButton insertToken = app.lookup("#insertToken").query();
        app.onFx(() -> app.stage().setWidth(1700));
        app.waitUntil("names in a wide window", 10, () -> insertToken.getContentDisplay() == ContentDisplay.LEFT);
        app.onFx(() -> {
            app.stage().setWidth(app.stage().getMinWidth());
            app.stage().setHeight(app.stage().getMinHeight());
        });
        app.waitUntil("icons only", 10, () -> insertToken.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY);
        Button send = app.lookup("#sendButton").queryButton();
        app.waitUntil("the layout", 10, () -> send.getWidth() >= send.prefWidth(-1) - 1);
        app.screenshot("console-10-smallest-window");
    }

    @Test
    void aMaskedTokenTartanCannotFillInIsNotSent() {
        pick("item get", "/item/get");
        // As if copied from a masked view elsewhere (the robot types no bullets); no token of this editor has that mask.
        app.onFx(() -> editor().replaceText("{\"access_token\": \"access-sandbox-\u2022\u2022\u2022\u2022zzzz\"}"));
        app.clickOn("#sendButton");
        Label notice = app.waitFor("#consoleNotice");
        app.screenshot("console-9-unknown-mask");
        // The refusal comes before anything is under way (ConsoleViewModelTest shows no request leaves).
        assertThat(notice.getText()).startsWith("Not sent").contains("access-sandbox-\u2022\u2022\u2022\u2022zzzz");
        assertThat(app.lookup("#sendButton").queryButton().isDisabled()).as("no send under way").isFalse();
        assertThat(app.lookup("#replyStatus").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void copyAsCurlMasksTheSecretAndTokensUnlessTheUserAsks() {
        app.clickOn("#copyAsCurl").clickOn("Copy as curl (secrets masked)");
        app.waitUntil("the copied command", 10, () -> clipboard().startsWith("curl -X POST"));
        String masked = clipboard();
        assertThat(masked).contains("/accounts/get", "PLAID-CLIENT-ID: ", "\u2022").doesNotContain(demoToken);
        assertThat(secretLine(masked)).contains("\u2022");

        app.clickOn("#copyAsCurl").clickOn("Copy as curl with secrets\u2026");
        DialogPane question = app.waitFor("#curlSecretsConfirm");
        app.clickOn((Button) question.lookupButton(question.getButtonTypes().get(0)));
        app.waitUntil("the runnable command", 10, () -> clipboard().contains(demoToken));
        assertThat(secretLine(clipboard())).doesNotContain("\u2022").matches(".*PLAID-SECRET: \\S{8,}'.*");
    }

    private String clipboard() {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> String.valueOf(javafx.scene.input.Clipboard.getSystemClipboard().getString()))
                    .get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String secretLine(String curl) {
        return curl.lines().filter(line -> line.contains("PLAID-SECRET")).findFirst().orElseThrow();
    }

    /** The token picker's entry whose text contains {@code text}, or null while the menu is not showing it. */
    private Node menuEntry(String text) {
        return app.lookup(".context-menu .label").match((java.util.function.Predicate<Node>) node ->
                node instanceof Label label && label.getText() != null && label.getText().contains(text)).tryQuery().orElse(null);
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
}
