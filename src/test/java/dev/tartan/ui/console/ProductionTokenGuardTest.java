package dev.tartan.ui.console;

import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.service.SettingsService;
import dev.tartan.store.Vault;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A custom URL that is not marked Production still asks before a destructive call with a Production token. */
class ProductionTokenGuardTest {

    @TempDir
    Path home;
    TartanAppFixture app;
    MockWebServer proxy;

    @BeforeEach
    void start() throws Exception {
        proxy = new MockWebServer();
        proxy.start();
        TestVaults.create(home, new Profile("Staging proxy", PlaidEnvironment.custom(proxy.url("/plaid").uri()),
                new Credentials("staging-client", "staging-secret-0123456789")));
        try (Vault vault = TestVaults.open(home)) {
            vault.settings().put(SettingsService.ACTIVE_PROFILE, "Staging proxy");
        }
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#mainWindow", 60);
        app.openPane("API console");
        app.waitFor("#operationTree", 30);
        ComboBox<Profile> switcher = app.lookup("#profileSwitcher").query();
        app.waitUntil("the proxy profile", 10, () -> switcher.getValue() != null && switcher.getValue().name().equals("Staging proxy"));
    }

    @AfterEach
    void close() throws Exception {
        app.close();
        proxy.shutdown();
    }

    @Test
    void removingAnItemWithAProductionTokenAsksAndCancelSendsNothing() {
        app.typeInto("#operationSearch", "item remove");
        app.clickOn(node -> node instanceof Label label && "/item/remove".equals(label.getText())
                && app.lookup("#operationTree").query().lookupAll(".label").contains(label));
        app.waitUntil("/item/remove selected", 10, () -> "/item/remove".equals(app.lookup("#operationPath").queryAs(Label.class).getText()));
        app.clickOn("#requestEditor");
        app.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        app.press(KeyCode.DELETE).release(KeyCode.DELETE);
        app.write("{\"access_token\":\"access-production-2f6e8c1a-0d5b-4f3e-9a77-1c2d3e4f5a6b\"}");

        app.clickOn("#sendButton");
        DialogPane guard = app.waitFor("#productionGuard");
        assertThat(guard.getHeaderText()).contains("/item/remove", "PRODUCTION", "the body holds a Production token");
        app.screenshot("guard-production-token");
        app.clickOn((Button) guard.lookupButton(ButtonType.CANCEL));

        Label notice = app.waitFor("#consoleNotice");
        app.waitUntil("the refusal", 10, () -> notice.getText().contains("Not sent"));
        assertThat(proxy.getRequestCount()).isZero();
    }
}
