package dev.tartan.ui.console;

import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.store.Vault;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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
        app.close();
        try (Vault vault = TestVaults.open(home)) {
            assertThat(vault.history().recent(50)).noneMatch(entry -> entry.operation().equals("/item/remove"));
        }
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
        app.close();
        try (Vault vault = TestVaults.open(home)) {
            assertThat(vault.history().recent(50)).noneMatch(entry -> entry.operation().equals("/transfer/create"));
        }
    }
}
