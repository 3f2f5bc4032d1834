package dev.tartan.ui.items;

import dev.tartan.ui.common.FormDialog;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.PasteTokenFormViewModel;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.function.Consumer;

/** Adds an Item to the token book by its access token; /item/get tells Tartan the rest. */
final class AddItemDialog {

    private AddItemDialog() {
    }

    static void show(Window owner, PasteTokenFormViewModel form, Consumer<String> openLink) {
        PasswordField token = new PasswordField();
        token.setId("addItemToken");
        token.setPromptText("access-sandbox-\u2026 or access-production-\u2026");
        token.setPrefColumnCount(32);
        token.textProperty().bindBidirectional(form.tokenProperty());
        TextField label = Forms.field("addItemLabel", "optional: a name you will recognise", form.labelProperty());
        GridPane grid = Forms.grid(1);
        grid.addRow(0, Forms.label("Access token"), token);
        grid.addRow(1, Forms.label("Label"), label);
        new FormDialog<>(owner, "addItemDialog", "Add an Item", "Paste the Item's access token", grid, "Add",
                form, openLink).show();
    }
}
