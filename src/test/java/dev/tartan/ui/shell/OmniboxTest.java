package dev.tartan.ui.shell;

import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.store.Vault;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl+K: paste an id or token, land in the right place. */
class OmniboxTest {

    @TempDir
    Path home;
    TartanAppFixture app;

    @AfterEach
    void close() throws Exception {
        app.close();
    }

    @Test
    void routesTokensAndIdsByTheirShapeAndTheTokenBook() throws Exception {
        TestVaults.create(home);
        app = new TartanAppFixture(home).startUnlocked();
        Label path = app.waitFor("#operationPath", 60);
        app.waitUntil("the demo call", 20, () -> "/accounts/get".equals(path.getText()));

        String demoToken;
        String demoItemId;
        app.close();
        try (Vault vault = TestVaults.open(home)) {
            TokenEntry demo = vault.tokens().list(null).stream().filter(t -> t.kind() == TokenKind.ACCESS).findFirst().orElseThrow();
            demoToken = demo.value();
            demoItemId = demo.ownerId();
        }
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#operationTree", 60);

        open("processor-sandbox-0a1b2c3d-4e5f-4789-abcd-ef0123456789", "Processor token", "/processor/account/get",
                "\"processor_token\"", "omnibox-1-processor-token");
        open("scr_52xR9LKo77r1Np", "Individual watchlist screening", "/watchlist_screening/individual/get",
                "\"watchlist_screening_id\" : \"scr_52xR9LKo77r1Np\"", "omnibox-2-screening");
        open(demoToken, "Access token", "/item/get", demoToken, "omnibox-3-access-token");
        // An item_id alone says nothing about its token: the token book does.
        open(demoItemId, "Item, account or transaction id", "/item/get", demoToken, "omnibox-4-item-id");
    }

    private void open(String pasted, String kind, String expectedPath, String expectedInBody, String screenshot) {
        app.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        app.waitFor("#omniboxField");
        app.write(pasted);
        Label kindLabel = app.lookup("#omniboxKind").queryAs(Label.class);
        app.waitUntil("the kind of " + pasted, 10, () -> kind.equals(kindLabel.getText()));
        app.waitUntil("a destination", 10, () -> !app.lookup("#omniboxResults").queryListView().getItems().isEmpty());
        app.screenshot(screenshot);
        app.press(KeyCode.ENTER).release(KeyCode.ENTER);

        Label path = app.lookup("#operationPath").queryAs(Label.class);
        app.waitUntil(expectedPath, 10, () -> expectedPath.equals(path.getText()));
        CodeArea editor = app.lookup("#requestEditor .json-editor").query();
        app.waitUntil("the prepared body", 10, () -> editor.getText().contains(expectedInBody));
    }
}
