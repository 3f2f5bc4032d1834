package dev.tartan.ui.shell;

import dev.tartan.model.Masking;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.store.Vault;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import dev.tartan.ui.common.TokenRow;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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

        // A processor token opens in the Processor pane (and enters the token book).
        String processorToken = "processor-sandbox-0a1b2c3d-4e5f-4789-abcd-ef0123456789";
        choose(processorToken, "Processor token", "omnibox-1-processor-token");
        ListView<?> processorTokens = app.waitFor("#processorTokens", 20);
        app.waitUntil("the processor token listed", 20, () -> processorTokens.getItems().stream()
                .anyMatch(t -> ((TokenRow) t).entry().value().equals(processorToken)));

        // A screening id opens in the Watchlist pane (this emulator has no such screening: the pane says so).
        choose("scr_52xR9LKo77r1Np", "Individual watchlist screening", "omnibox-2-screening");
        Label missing = app.waitFor("#watchlistFailureWhat", 30);
        app.waitUntil("the screening looked up", 20, () -> missing.getText().contains("scr_52xR9LKo77r1Np"));

        // Pasted and Enter at once, before the lookup had a moment: it still goes there.
        app.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        javafx.scene.control.TextField field = app.waitFor("#omniboxField");
        app.onFx(() -> {
            field.setText("entscr_52xR9LKo77r1Np");
            field.fireEvent(new javafx.event.ActionEvent()); // Enter, in the same instant
        });
        app.waitUntil("the entity screening looked up", 20, () -> missing.getText().contains("entscr_52xR9LKo77r1Np"));

        // Its console calls stay one arrow key away.
        app.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        app.waitFor("#omniboxField");
        app.write("scr_52xR9LKo77r1Np");
        app.waitUntil("choices", 10, () -> app.lookup("#omniboxResults").queryListView().getItems().size() > 1);
        app.press(KeyCode.DOWN).release(KeyCode.DOWN).press(KeyCode.DOWN).release(KeyCode.DOWN);
        app.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitForConsole("/watchlist_screening/individual/get", "\"watchlist_screening_id\" : \"scr_52xR9LKo77r1Np\"");

        // An access token opens its Item.
        choose(demoToken, "Access token", "omnibox-3-access-token");
        Label title = app.waitFor("#itemTitle", 20);
        app.waitUntil("the demo Item", 20, () -> "Demo Item".equals(title.getText()));

        // An item_id alone says nothing about its token: the token book does.
        app.openPane("API console");
        choose(demoItemId, "Item, account or transaction id", "omnibox-4-item-id");
        Label again = app.waitFor("#itemTitle", 20);
        app.waitUntil("the demo Item again", 20, () -> "Demo Item".equals(again.getText()));

        // The other choices stay one arrow key away: the console call for the same token.
        app.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        app.waitFor("#omniboxField");
        app.write(demoToken);
        app.waitUntil("choices", 10, () -> app.lookup("#omniboxResults").queryListView().getItems().size() > 1);
        app.press(KeyCode.DOWN).release(KeyCode.DOWN).press(KeyCode.DOWN).release(KeyCode.DOWN);
        app.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitForConsole("/item/get", Masking.maskToken(demoToken));
        assertThat(app.lookup("#requestEditor .json-editor").queryAs(CodeArea.class).getText()).as("masked on screen").doesNotContain(demoToken);
    }

    private void choose(String pasted, String kind, String screenshot) {
        app.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        app.waitFor("#omniboxField");
        app.write(pasted);
        Label kindLabel = app.lookup("#omniboxKind").queryAs(Label.class);
        app.waitUntil("the kind of " + pasted, 10, () -> kind.equals(kindLabel.getText()));
        app.waitUntil("a destination", 10, () -> !app.lookup("#omniboxResults").queryListView().getItems().isEmpty());
        app.screenshot(screenshot);
        app.press(KeyCode.ENTER).release(KeyCode.ENTER);
    }

    private void waitForConsole(String expectedPath, String expectedInBody) {
        Label path = app.waitFor("#operationPath", 20);
        app.waitUntil(expectedPath, 10, () -> expectedPath.equals(path.getText()));
        CodeArea editor = app.lookup("#requestEditor .json-editor").query();
        app.waitUntil("the prepared body", 10, () -> editor.getText().contains(expectedInBody));
    }
}
