package dev.tartan.ui.processor;

import dev.tartan.ui.common.FormDialog;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.InstitutionPicker;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.function.Consumer;

/** Sandbox only: an institution; Plaid makes the Item and a token for its first checking or savings account. */
final class SandboxTokenDialog {

    private SandboxTokenDialog() {
    }

    static void show(Window owner, SandboxTokenFormViewModel form, Consumer<String> openLink) {
        GridPane grid = Forms.grid(1);
        grid.addRow(0, Forms.label("Institution"), new InstitutionPicker(form.institution()));
        grid.addRow(1, Forms.label("Label"), Forms.field("sandboxLabel", "optional: a name for the token book", form.labelProperty()));
        new FormDialog<>(owner, "sandboxTokenDialog", "New sandbox processor token", "Calls /sandbox/processor_token/create: "
                + "a new sandbox Item at the institution, and a processor token for its first checking or savings account.",
                grid, "Create", form, openLink).show();
    }
}
