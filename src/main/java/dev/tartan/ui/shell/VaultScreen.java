package dev.tartan.ui.shell;

import atlantafx.base.controls.PasswordTextField;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * What the first-run and unlock screens share: a centred card with the app's name, a status line
 * with a spinner for the slow steps (key derivation, starting the emulator), and an error line.
 */
abstract class VaultScreen {

    protected final StackPane root = new StackPane();
    private final VBox card = new VBox(14);
    /** Where each screen puts its fields, between the introduction and the status and error lines. */
    protected final VBox fields = new VBox(12);
    private final Label error = new Label();
    private final Label status = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();

    VaultScreen(VaultViewModel model, String title, String subtitle) {
        FontIcon logo = new FontIcon(Material2MZ.TEXTURE);
        logo.getStyleClass().add("app-logo");
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label(subtitle);
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        error.setId("vaultError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        spinner.setMaxSize(18, 18);
        status.setId("vaultStatus");
        status.textProperty().bind(model.statusProperty());
        HBox busy = new HBox(8, spinner, status);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(status.textProperty().isNotEmpty());
        busy.managedProperty().bind(busy.visibleProperty());

        card.getChildren().addAll(logo, heading, intro, fields, busy, error);
        card.getStyleClass().add("vault-card");
        card.setPadding(new Insets(32));
        card.setMaxWidth(500);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        root.getChildren().add(card);
        root.getStyleClass().add("vault-screen");
    }

    public Parent root() {
        return root;
    }

    /** Empties {@code secrets} once the vault is open, so the passphrase does not stay in a field while Tartan runs. */
    protected static void clearWhenOpened(VaultViewModel model, PasswordTextField... secrets) {
        model.openedProperty().addListener((obs, was, open) -> {
            if (open) {
                for (PasswordTextField secret : secrets) {
                    secret.clear();
                }
            }
        });
    }

    protected static PasswordTextField passphraseField(String id, String prompt) {
        PasswordTextField field = new PasswordTextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.getStyleClass().add(Styles.LARGE);
        return field;
    }
}
