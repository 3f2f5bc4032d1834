package dev.tartan.ui.shell;

import atlantafx.base.controls.PasswordTextField;
import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;

/**
 * Later starts: the passphrase unlocks the vault. The key is derived off the FX thread (the window
 * keeps painting); a wrong passphrase says so, changes nothing, and the user types it again.
 */
public final class UnlockView extends VaultScreen {

    private final VaultViewModel model;
    private final PasswordTextField passphrase = passphraseField("unlockPassphrase", "Passphrase");

    public UnlockView(VaultViewModel model) {
        super(model, "Unlock Tartan", "Your profiles, tokens and history are in the encrypted vault at " + model.file() + ".");
        this.model = model;
        Button unlock = new Button("Unlock");
        unlock.setId("unlockButton");
        unlock.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        unlock.setDefaultButton(true);
        unlock.setMaxWidth(Double.MAX_VALUE);
        unlock.disableProperty().bind(passphrase.passwordProperty().isEmpty().or(model.busyProperty()));
        passphrase.disableProperty().bind(model.busyProperty());
        unlock.setOnAction(e -> unlock());
        passphrase.setOnAction(e -> unlock());
        // After a failed try the passphrase is there to correct: selected, with the focus.
        model.errorProperty().addListener((obs, old, error) -> {
            if (!error.isEmpty()) {
                passphrase.selectAll();
                passphrase.requestFocus();
            }
        });
        clearWhenOpened(model, passphrase);
        fields.getChildren().addAll(passphrase, unlock);
        javafx.application.Platform.runLater(passphrase::requestFocus);
    }

    private void unlock() {
        if (!passphrase.getPassword().isEmpty() && !model.busyProperty().get()) {
            model.unlock(passphrase.getPassword().toCharArray());
        }
    }
}
