package dev.tartan.ui.items;

import java.util.function.Consumer;
import dev.tartan.ui.common.Fixes;
import atlantafx.base.theme.Styles;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.service.FailureDescriber;
import dev.tartan.ui.common.FailureView;
import dev.tartan.ui.common.FxAsync;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Adds an Item to the token book by its access token; /item/get tells Tartan the rest. */
final class AddItemDialog extends Dialog<TokenEntry> {

    AddItemDialog(Window owner, ItemsViewModel model, Consumer<String> openLink) {
        initOwner(owner);
        setTitle("Add an Item");
        setHeaderText("Paste the Item's access token");
        getDialogPane().setId("addItemDialog");

        PasswordField token = new PasswordField();
        token.setId("addItemToken");
        token.setPromptText("access-sandbox-\u2026 or access-production-\u2026");
        TextField label = new TextField();
        label.setId("addItemLabel");
        label.setPromptText("optional: a name you will recognise");
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, FieldName.of("Access token"), token);
        form.addRow(1, FieldName.of("Label"), label);
        GridPane.setHgrow(token, Priority.ALWAYS);
        token.setPrefColumnCount(32);

        Label problem = new Label();
        problem.setId("addItemProblem");
        problem.getStyleClass().add(Styles.DANGER);
        StringBinding problems = Bindings.createStringBinding(() -> {
            String text = token.getText().strip();
            if (text.isEmpty()) {
                return "";
            }
            TokenKind kind = TokenKind.of(text);
            if (kind == null) {
                return "That is not a Plaid token.";
            }
            return kind == TokenKind.ACCESS ? "" : "That is a " + kind.displayName().toLowerCase() + ", not an access token.";
        }, token.textProperty());
        problem.textProperty().bind(problems);
        FailureView failure = new FailureView(Fixes.none(), openLink);
        failure.setVisible(false);
        failure.managedProperty().bind(failure.visibleProperty());
        getDialogPane().setContent(new VBox(10, form, problem, failure));

        ButtonType add = new ButtonType("Add", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
        Button addButton = (Button) getDialogPane().lookupButton(add);
        addButton.setId("addItemButton");
        addButton.disableProperty().bind(problems.isNotEmpty().or(token.textProperty().isEmpty()));
        addButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            addButton.disableProperty().unbind();
            addButton.setDisable(true);
            FxAsync.whenDone(model.addByToken(token.getText(), label.getText()), added -> {
                setResult(added);
                close();
            }, error -> {
                addButton.disableProperty().bind(problems.isNotEmpty().or(token.textProperty().isEmpty()));
                failure.show(FailureDescriber.describe(error));
                failure.setVisible(true);
            });
        });
        setResultConverter(button -> null);
    }
}
