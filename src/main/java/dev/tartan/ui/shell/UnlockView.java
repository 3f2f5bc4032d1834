package dev.tartan.ui.shell;

import atlantafx.base.controls.PasswordTextField;
import atlantafx.base.theme.Styles;
import dev.tartan.service.VaultGate;
import dev.tartan.ui.common.FxAsync;
import javafx.scene.control.Button;

/**
 * Later starts: the passphrase unlocks the vault. The key is derived off the FX thread (the window
 * keeps painting); a wrong passphrase says so, changes nothing, and the user types it again.
 */
public final class UnlockView extends VaultScreen {

    private final VaultGate gate;
    private final PasswordTextField passphrase = passphraseField("unlockPassphrase", "Passphrase");
    private final Button unlock = new Button("Unlock");

    public UnlockView(VaultGate gate) {
        super("Unlock Tartan", "Your profiles, tokens and history are in the encrypted vault at " + gate.file() + ".");
        this.gate = gate;
        unlock.setId("unlockButton");
        unlock.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        unlock.setDefaultButton(true);
        unlock.setMaxWidth(Double.MAX_VALUE);
        unlock.disableProperty().bind(passphrase.passwordProperty().isEmpty());
        unlock.setOnAction(e -> unlock());
        passphrase.setOnAction(e -> unlock());
        fields.getChildren().addAll(passphrase, unlock);
        javafx.application.Platform.runLater(passphrase::requestFocus);
    }

    private void unlock() {
        if (passphrase.getPassword().isEmpty() || passphrase.isDisabled()) {
            return;
        }
        char[] typed = passphrase.getPassword().toCharArray();
        clearError();
        setStatus("Deriving the key and opening the vault\u2026");
        passphrase.setDisable(true);
        unlock.disableProperty().unbind();
        unlock.setDisable(true);
        FxAsync.whenDone(gate.unlock(typed), opened -> {
            passphrase.clear();
            setStatus("Opening Tartan\u2026");
        }, failure -> {
            showFailure(failure);
            passphrase.setDisable(false);
            unlock.disableProperty().bind(passphrase.passwordProperty().isEmpty());
            passphrase.selectAll();
            passphrase.requestFocus();
        });
    }
}
