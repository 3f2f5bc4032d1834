package dev.tartan.ui.shell;

import dev.tartan.store.Vault;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import javafx.application.Application;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The dark theme, switched from the toolbar and remembered across starts; the last pane and the window's place and size too. */
class ThemeTest {

    @TempDir
    Path home;
    TartanAppFixture app;

    @AfterEach
    void close() throws Exception {
        app.close();
        app.onFx(() -> Theme.apply(false));
    }

    @Test
    void theDarkThemeTheLastPaneAndTheWindowAreRemembered() throws Exception {
        TestVaults.create(home);
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#operationPath", 60);
        app.clickOn("#themeToggle");
        app.waitUntil("the dark theme", 10, () -> Application.getUserAgentStylesheet().contains("dark"));
        app.clickOn("Send");
        app.waitFor("#replyTree", 30);
        app.screenshot("theme-1-dark-console");
        app.openPane("Items");
        app.waitFor("#itemList");
        app.clickOn("Demo Item");
        app.waitFor("#itemDetails", 30);
        app.screenshot("theme-2-dark-items");
        app.onFx(() -> {
            app.stage().setX(120);
            app.stage().setY(60);
            app.stage().setWidth(1100);
            app.stage().setHeight(700);
        });
        app.close();

        try (Vault vault = TestVaults.open(home)) {
            assertThat(vault.settings().get("ui.theme")).contains("dark");
            assertThat(vault.settings().get("ui.last_pane")).contains("items");
            assertThat(vault.settings().get("ui.window")).contains("120,60,1100,700,false");
        }
        app.onFx(() -> Theme.apply(false));
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#itemList", 60);
        app.waitUntil("the dark theme again", 10, () -> Application.getUserAgentStylesheet().contains("dark"));
        app.waitUntil("the window where it was", 10, () -> app.stage().getX() == 120 && app.stage().getY() == 60
                && app.stage().getWidth() == 1100 && app.stage().getHeight() == 700);
    }
}
