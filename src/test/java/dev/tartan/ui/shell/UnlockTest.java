package dev.tartan.ui.shell;

import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A returning user unlocks the vault; a wrong passphrase says so and lets them try again. */
class UnlockTest {

    @TempDir
    Path home;
    TartanAppFixture app;

    @AfterEach
    void close() throws Exception {
        app.close();
    }

    @Test
    void aWrongPassphraseIsRefusedThenTheRightOneOpensTheWindow() throws Exception {
        TestVaults.create(home);
        byte[] before = Files.readAllBytes(home.resolve("vault.db"));
        app = new TartanAppFixture(home).start();

        app.waitFor("#unlockPassphrase");
        app.screenshot("unlock-1-screen");
        app.clickOn("#unlockPassphrase").write("not the passphrase");
        app.clickOn("#unlockButton");

        Label error = app.waitFor("#vaultError");
        assertThat(error.getText()).contains("Wrong passphrase");
        app.waitUntil("the field to come back", 10, () -> !app.lookup("#unlockPassphrase").query().isDisabled());
        assertThat(Files.readAllBytes(home.resolve("vault.db"))).as("a wrong passphrase changes nothing").isEqualTo(before);
        app.screenshot("unlock-2-wrong-passphrase");

        // The field is selected after a failure: typing replaces what was there.
        app.write(TartanAppFixture.PASSPHRASE);
        app.clickOn("#unlockButton");
        app.waitFor("#mainWindow", 60);
        app.waitFor("#operationTree", 20);
        app.screenshot("unlock-3-main-window");
    }

    @Test
    void aPassphraseFileUnlocksWithoutAsking() throws Exception {
        TestVaults.create(home);
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#mainWindow", 60);
        assertThat(app.lookup("#unlockPassphrase").tryQuery()).isEmpty();
        app.screenshot("unlock-4-passphrase-file");
    }
}
