package dev.tartan.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A dialog around a form whose action takes a while and may fail (create an Item, make a token,
 * authorize a transfer). The go-ahead button stays disabled while the form says what is missing;
 * pressed, it sends the form and the dialog stays open, busy, until the
 * action succeeds (the dialog closes with its result) or fails (the failure shows under the form,
 * which the user can change and send again).
 */
public final class FormDialog<T> {

    private final Dialog<T> dialog = new Dialog<>();
    private final Button goButton;
    private BooleanSupplier askFirst = () -> true;

    /**
     * @param id     the dialog pane's id; the go-ahead button's is {@code id + "Go"}, the problem line's {@code id + "Problem"}
     * @param fields the form's fields, bound to {@code form}
     */
    public FormDialog(Window owner, String id, String title, String header, Node fields, String goLabel, FormViewModel<T> form,
                      Consumer<String> openLink) {
        this(owner, id, title, header, fields, new javafx.beans.property.SimpleStringProperty(goLabel), form, openLink, false);
    }

    /**
     * As above, for a form of more than one step (authorize, then create): the go-ahead button
     * says what the next press does.
     */
    public FormDialog(Window owner, String id, String title, String header, Node fields, javafx.beans.value.ObservableValue<String> goLabel,
                      FormViewModel<T> form, Consumer<String> openLink) {
        this(owner, id, title, header, fields, goLabel, form, openLink, true);
    }

    private FormDialog(Window owner, String id, String title, String header, Node fields, javafx.beans.value.ObservableValue<String> goLabel,
                       FormViewModel<T> form, Consumer<String> openLink, boolean stepped) {
        ObservableStringValue problem = form.problem();
        Submission<T> submission = form.submission();
        submission.reset();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setResizable(true);
        dialog.getDialogPane().setId(id);

        Label problemLine = Forms.paragraph("", Styles.WARNING);
        problemLine.setId(id + "Problem");
        problemLine.textProperty().bind(problem);
        problemLine.visibleProperty().bind(Bindings.createBooleanBinding(() -> !problem.get().isEmpty(), problem));
        problemLine.managedProperty().bind(problemLine.visibleProperty());
        problemLine.visibleProperty().addListener((obs, old, shown) -> fitWindow());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(18, 18);
        Label doing = new Label();
        HBox busy = new HBox(8, spinner, doing);
        busy.setAlignment(Pos.CENTER_LEFT);
        FailureView failure = new FailureView(Fixes.none(), openLink);
        failure.setId(id + "Failure");
        failure.getStyleClass().add("inline-failure");
        VBox status = new VBox();

        VBox content = new VBox(10, fields, problemLine, status);
        content.setPadding(new Insets(8, 12, 4, 12));
        content.setPrefWidth(600);
        content.setMinHeight(Region.USE_PREF_SIZE);
        dialog.getDialogPane().setContent(content);

        ButtonType go = new ButtonType(goLabel.getValue(), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
        goButton = (Button) dialog.getDialogPane().lookupButton(go);
        goButton.setId(id + "Go");
        goButton.textProperty().bind(goLabel);
        if (stepped) {
            // A label that changes with the form's step keeps its whole text: the bar does not size it like Cancel.
            ButtonBar.setButtonUniformSize(goButton, false);
            goButton.setMinWidth(Region.USE_PREF_SIZE);
        }
        goButton.getStyleClass().add(Styles.ACCENT);
        goButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !problem.get().isEmpty() || submission.stateProperty().get().isLoading(), problem, submission.stateProperty()));
        goButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // the dialog closes when the action has succeeded, not before
            if (askFirst.getAsBoolean()) {
                form.submit();
            }
        });
        dialog.setResultConverter(button -> null);

        submission.stateProperty().addListener((obs, old, now) -> {
            switch (now.phase()) {
                case LOADING -> {
                    doing.setText(now.message());
                    status.getChildren().setAll(busy);
                }
                case FAILED -> {
                    failure.show(now.failure());
                    status.getChildren().setAll(failure);
                }
                case DATA -> {
                    dialog.setResult(now.data());
                    dialog.close();
                }
                case EMPTY -> status.getChildren().clear();
            }
            fitWindow();
        });
    }

    /**
     * A question asked when the go-ahead is pressed, before the form is sent ("in Production, are you
     * sure?"): false leaves the dialog open, unsent.
     */
    public void askFirst(BooleanSupplier question) {
        this.askFirst = question;
    }

    /** The go-ahead button (a keyboard shortcut may fire it). */
    public Button goButton() {
        return goButton;
    }

    /** The dialog, to add to what it shows or to size it. */
    public Dialog<T> dialog() {
        return dialog;
    }

    /** Shows the dialog and waits: the result once the action succeeded, empty if the user cancelled. */
    public Optional<T> showAndWait() {
        return dialog.showAndWait();
    }

    /** Shows the dialog without waiting. */
    public void show() {
        dialog.show();
    }

    /** Grows (or shrinks) the window to what the dialog now shows. */
    public void fitWindow() {
        if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
            dialog.getDialogPane().getScene().getWindow().sizeToScene();
        }
    }
}
