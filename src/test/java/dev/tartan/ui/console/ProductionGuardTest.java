package dev.tartan.ui.console;

import dev.tartan.model.Credentials;
import dev.tartan.model.HistoryEntry;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.store.Vault;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Production, destructive and money-moving calls ask first, and a cancel sends nothing. (Only
 * the cancel paths run here: a test never calls Plaid's real hosts.)
 */
class ProductionGuardTest {

    @TempDir
    Path home;
    TartanAppFixture app;

    @BeforeEach
    void start() throws Exception {
        TestVaults.create(home, new Profile("Support", PlaidEnvironment.PRODUCTION, new Credentials("prod-client", "prod-secret-0123456789")));
        try (Vault vault = TestVaults.open(home)) {
            // A cancel made yesterday, as the request history keeps it.
            vault.history().record(HistoryEntry.of(Instant.now().minus(Duration.ofDays(1)), "Support", "/transfer/cancel", 200,
                    Duration.ofMillis(300), "req-yesterday", "{\"transfer_id\":\"460cbe92-2dcc-8eae-5ad6-b37d0ec90fd9\"}", "{}"));
        }
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#mainWindow", 60);
        app.openPane("API console");
        app.waitFor("#operationTree", 30);
        ComboBox<Profile> switcher = app.lookup("#profileSwitcher").query();
        app.waitUntil("the production profile", 10, () -> switcher.getValue() != null && switcher.getValue().name().equals("Support"));
    }

    @AfterEach
    void close() throws Exception {
        app.close();
    }

    /** What the vault's request history holds once Tartan has closed. */
    private java.util.List<HistoryEntry> historyAfterClosing() throws Exception {
        app.close();
        try (Vault vault = TestVaults.open(home)) {
            return vault.history().recent(50);
        }
    }

    private void pick(String query, String operationPath) {
        app.typeInto("#operationSearch", query);
        app.clickOn(node -> node instanceof Label label && operationPath.equals(label.getText())
                && app.lookup("#operationTree").query().lookupAll(".label").contains(label));
        Label path = app.lookup("#operationPath").queryAs(Label.class);
        app.waitUntil(operationPath + " selected", 10, () -> operationPath.equals(path.getText()));
    }

    @Test
    void removingAnItemAsksAndCancelSendsNothing() throws Exception {
        pick("item remove", "/item/remove");
        app.clickOn("#sendButton");
        DialogPane guard = app.waitFor("#productionGuard");
        assertThat(guard.getHeaderText()).contains("/item/remove", "PRODUCTION");
        app.screenshot("guard-1-destructive");
        app.clickOn((Button) guard.lookupButton(javafx.scene.control.ButtonType.CANCEL));

        Label notice = app.waitFor("#consoleNotice");
        assertThat(notice.getText()).contains("Not sent");
        assertThat(historyAfterClosing()).noneMatch(entry -> entry.operation().equals("/item/remove"));
    }

    @Test
    void movingMoneyNeedsThePathTypedOut() throws Exception {
        pick("transfer create", "/transfer/create");
        app.clickOn("#sendButton");
        DialogPane guard = app.waitFor("#productionGuard");
        Button go = (Button) guard.lookupButton(guard.getButtonTypes().get(0));
        assertThat(go.isDisabled()).as("disabled until the path is typed").isTrue();
        app.clickOn("#guardConfirmText").write("/transfer/creat");
        assertThat(go.isDisabled()).isTrue();
        app.screenshot("guard-2-moves-money");
        app.clickOn((Button) guard.lookupButton(javafx.scene.control.ButtonType.CANCEL));

        app.waitFor("#consoleNotice");
        assertThat(historyAfterClosing()).noneMatch(entry -> entry.operation().equals("/transfer/create"));
    }

    @Test
    void runningADestructiveCallAgainFromTheHistoryAsksAboutThatCall() throws Exception {
        // The editor holds a harmless read; the history entry is a cancel: the question is about the cancel.
        pick("institutions get", "/institutions/get");
        app.clickOn("History");
        ListView<HistoryEntry> history = app.waitFor("#historyList");
        app.waitUntil("yesterday's cancel", 10, () -> history.getItems().stream().anyMatch(e -> e.operation().equals("/transfer/cancel")));
        app.onFx(() -> history.getSelectionModel().select(history.getItems().stream()
                .filter(e -> e.operation().equals("/transfer/cancel")).findFirst().orElseThrow()));
        app.clickOn("#historyRunAgain");

        DialogPane guard = app.waitFor("#productionGuard");
        assertThat(guard.getHeaderText()).contains("/transfer/cancel", "PRODUCTION");
        app.screenshot("guard-3-history-run-again");
        app.clickOn((Button) guard.lookupButton(javafx.scene.control.ButtonType.CANCEL));

        Label notice = app.waitFor("#consoleNotice");
        assertThat(notice.getText()).contains("Not sent");
        assertThat(historyAfterClosing()).filteredOn(entry -> entry.operation().equals("/transfer/cancel"))
                .extracting(HistoryEntry::requestId).containsExactly("req-yesterday");
    }
}
