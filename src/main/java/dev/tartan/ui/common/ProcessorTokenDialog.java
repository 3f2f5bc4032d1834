package dev.tartan.ui.common;

import dev.tartan.model.TokenEntry;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Makes a processor token for one account of an Item, from the Items pane (for the Item open
 * there) or the Processor pane (for an Item picked from the token book). Stays open until the
 * token exists; a failure shows under the form.
 */
public final class ProcessorTokenDialog {

    private ProcessorTokenDialog() {
    }

    /** Shows the dialog and waits: the new token, or empty if the user cancelled. */
    public static Optional<TokenEntry> show(Window owner, ProcessorTokenFormViewModel form, Consumer<String> openLink) {
        ComboBox<String> processor = Forms.picker("processorTokenProcessor", form.processors(), name -> name);
        processor.setVisibleRowCount(12);
        processor.valueProperty().bindBidirectional(form.processorProperty());
        TextField label = Forms.field("processorTokenLabel", "optional: a name for the token book", form.labelProperty());

        GridPane grid = Forms.grid(1);
        int row = ItemAccountPicker.addTo(grid, 0, form.itemAccount(), "processorToken");
        grid.addRow(row, Forms.label("Processor"), processor);
        grid.addRow(row + 1, Forms.label("Label"), label);
        return new FormDialog<>(owner, "processorTokenDialog", "Create a processor token",
                "A processor token lets a payment partner use one account of an Item (/processor/token/create). "
                        + "Tartan keeps it in the token book.",
                grid, "Create", form, openLink).showAndWait();
    }
}
