package dev.tartan.ui.shell;

import atlantafx.base.controls.PasswordTextField;
import atlantafx.base.theme.Styles;
import dev.tartan.model.FailureReport;
import dev.tartan.service.FailureDescriber;
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

    VaultScreen(String title, String subtitle) {
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
        error.setVisible(false);
        error.managedProperty().bind(error.visibleProperty());

        spinner.setMaxSize(18, 18);
        status.setId("vaultStatus");
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

    /** Shows a slow step under way ("Deriving the key…"); null or "" hides it. */
    public void setStatus(String text) {
        status.setText(text == null ? "" : text);
    }

    protected void showFailure(Throwable failure) {
        FailureReport report = FailureDescriber.describe(failure);
        String message = report.message() == null ? "" : report.message();
        // The store's messages usually start by naming the problem; do not say it twice.
        boolean namesItself = message.toLowerCase(java.util.Locale.ROOT).startsWith(report.title().toLowerCase(java.util.Locale.ROOT));
        error.setText(namesItself ? message : report.title() + ". " + message);
        error.setVisible(true);
        setStatus(null);
    }

    protected void clearError() {
        error.setVisible(false);
    }

    protected static PasswordTextField passphraseField(String id, String prompt) {
        PasswordTextField field = new PasswordTextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.getStyleClass().add(Styles.LARGE);
        return field;
    }
}
