package dev.tartan.ui.shell;

import atlantafx.base.controls.PasswordTextField;
import atlantafx.base.theme.Styles;
import dev.tartan.model.PassphraseVerdict;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/**
 * The first start: a short welcome that creates the vault with a passphrase the user chooses.
 * The strength check explains itself; the vault is created off the FX thread.
 */
public final class WelcomeView extends VaultScreen {

    private final VaultViewModel model;
    private final PasswordTextField passphrase = passphraseField("newPassphrase", "Choose a passphrase");
    private final PasswordTextField repeat = passphraseField("repeatPassphrase", "Type it again");
    private final ObjectProperty<PassphraseVerdict> verdict = new SimpleObjectProperty<>();
    private final Button create = new Button("Create the vault and start");

    public WelcomeView(VaultViewModel model) {
        super(model, "Welcome to Tartan",
                "Tartan keeps your Plaid credentials, tokens, request history and audit log in one encrypted file on this "
                        + "computer (" + model.file() + "). Choose a passphrase to lock it. You will start on the built-in "
                        + "Plaid emulator: no account or network needed.");
        this.model = model;

        ProgressBar meter = new ProgressBar(0);
        meter.setId("strengthMeter");
        meter.setMaxWidth(Double.MAX_VALUE);
        Label verdictText = new Label();
        verdictText.setId("strengthVerdict");
        verdictText.setWrapText(true);
        passphrase.passwordProperty().addListener((obs, old, text) -> {
            PassphraseVerdict assessed = model.assess(text.toCharArray());
            verdict.set(assessed);
            meter.setProgress(switch (assessed.level()) {
                case EMPTY -> 0;
                case TOO_WEAK -> 0.15;
                case WEAK -> 0.35;
                case GOOD -> 0.7;
                case STRONG -> 1;
            });
            meter.getStyleClass().removeIf(style -> style.startsWith("strength-"));
            meter.getStyleClass().add("strength-" + assessed.level().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            verdictText.setText(assessed.level() == PassphraseVerdict.Level.EMPTY ? "" : assessed.explanation());
        });

        Label mismatch = new Label("The two passphrases differ.");
        mismatch.setId("passphraseMismatch");
        mismatch.getStyleClass().add(Styles.WARNING);
        mismatch.visibleProperty().bind(repeat.passwordProperty().isNotEmpty().and(repeat.passwordProperty().isNotEqualTo(passphrase.passwordProperty())));
        mismatch.managedProperty().bind(mismatch.visibleProperty());

        create.setId("createVault");
        create.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        create.setMaxWidth(Double.MAX_VALUE);
        create.setDefaultButton(true);
        create.disableProperty().bind(model.busyProperty().or(Bindings.createBooleanBinding(
                () -> verdict.get() == null || !verdict.get().acceptable() || !repeat.getPassword().equals(passphrase.getPassword()),
                verdict, repeat.passwordProperty(), passphrase.passwordProperty())));
        passphrase.disableProperty().bind(model.busyProperty());
        repeat.disableProperty().bind(model.busyProperty());
        clearWhenOpened(model, passphrase, repeat);
        create.setOnAction(e -> create());
        repeat.setOnAction(e -> {
            if (!create.isDisabled()) {
                create();
            }
        });

        Label forgotten = new Label("There is no way to recover a forgotten passphrase: the vault cannot be opened without it.");
        forgotten.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        forgotten.setWrapText(true);
        fields.getChildren().addAll(passphrase, new VBox(4, meter, verdictText), repeat, mismatch, forgotten, create);
        javafx.application.Platform.runLater(passphrase::requestFocus);
    }

    private void create() {
        model.create(passphrase.getPassword().toCharArray());
    }
}
