package dev.tartan.ui.shell;

import dev.tartan.service.VaultGate;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;
import dev.tartan.testing.Screenshots;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import atlantafx.base.controls.PasswordTextField;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unlock screen while the key is derived: the work is held back on purpose, so the test can
 * look at the window in the middle of it without depending on how long the derivation takes.
 */
class UnlockViewTest {

    @TempDir
    Path home;
    private final CountDownLatch derivationMayRun = new CountDownLatch(1);
    private final AtomicInteger derivations = new AtomicInteger();
    private volatile boolean testOver;

    @AfterEach
    void close() throws Exception {
        testOver = true; // a derivation still held back must not open the vault while its folder is deleted
        derivationMayRun.countDown();
        FxToolkit.cleanupStages();
    }

    /** Runs each task on its own thread, once the test lets it; counts them. */
    private Executor heldBack() {
        return task -> {
            derivations.incrementAndGet();
            Thread thread = new Thread(() -> {
                try {
                    if (derivationMayRun.await(60, TimeUnit.SECONDS) && !testOver) {
                        task.run();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "held-derivation");
            thread.setDaemon(true);
            thread.start();
        };
    }

    @Test
    void theWindowKeepsAnsweringWhileTheKeyIsDerived() throws Exception {
        TestVaults.create(home);
        VaultGate gate = new VaultGate(new VaultLocation(home), heldBack());
        FxToolkit.registerPrimaryStage();
        Stage stage = FxToolkit.setupStage(s -> {
            Theme.apply(false);
            Scene scene = new Scene(new UnlockView(new VaultViewModel(gate)).root(), 900, 600);
            Theme.install(scene);
            s.setScene(scene);
            s.show();
        });
        FxRobot robot = new FxRobot();
        robot.clickOn("#unlockPassphrase").write(TartanAppFixture.PASSPHRASE);
        robot.clickOn("#unlockButton");

        // Mid-derivation: the screen says what is happening, the field cannot be sent twice, and the FX thread is free.
        Label status = robot.lookup("#vaultStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("Deriving the key"));
        assertThat(robot.lookup("#unlockPassphrase").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#unlockButton").query().isDisabled()).isTrue();
        assertThat(WaitForAsyncUtils.asyncFx(() -> "answered").get(5, TimeUnit.SECONDS)).isEqualTo("answered");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER); // a second try while the first runs
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(derivations.get()).as("one derivation, however often the user presses").isEqualTo(1);
        assertThat(gate.opened()).isNotDone();
        Screenshots.save(stage, "unlock-5-deriving");

        derivationMayRun.countDown();
        try (Vault vault = gate.opened().get(60, TimeUnit.SECONDS)) {
            assertThat(vault).isNotNull();
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("Opening Tartan"));
        assertThat(robot.lookup("#unlockPassphrase").queryAs(PasswordTextField.class).getPassword())
                .as("the field no longer holds the passphrase").isEmpty();
    }
}
