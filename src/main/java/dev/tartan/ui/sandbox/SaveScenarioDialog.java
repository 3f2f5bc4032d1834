package dev.tartan.ui.sandbox;

import atlantafx.base.theme.Styles;
import dev.tartan.model.Scenario;
import dev.tartan.ui.common.FormDialog;
import dev.tartan.ui.common.Forms;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.Consumer;

/** Names the scenario draft and keeps it in the vault; stays open until it is saved. */
final class SaveScenarioDialog {

    private SaveScenarioDialog() {
    }

    static void show(Window owner, SaveScenarioFormViewModel form, Consumer<String> openLink) {
        GridPane grid = Forms.grid(1);
        grid.addRow(0, Forms.label("Name"), Forms.field("scenarioName", "e.g. Item needs re-login after a refund", form.nameProperty()));
        grid.addRow(1, Forms.label("Description"), Forms.field("scenarioDescription", "optional: what it shows",
                form.descriptionProperty()));
        VBox steps = new VBox(2);
        steps.setId("scenarioDraftSteps");
        int number = 1;
        for (Scenario.Step step : form.steps()) {
            Label line = new Label(number++ + ". " + step.title() + "  \u00b7  " + step.path()
                    + (step.expect().isEmpty() ? "" : "  \u00b7  expects " + String.join(", ", step.expect())));
            line.getStyleClass().add(Styles.TEXT_SMALL);
            steps.getChildren().add(line);
        }
        Label help = Forms.paragraph("Values an earlier step gave (an access token, a transfer_id) are filled in from that step "
                + "when the scenario runs; Tartan's inbox stands for whichever inbox is connected then.", Styles.TEXT_MUTED);
        help.getStyleClass().add(Styles.TEXT_SMALL);
        new FormDialog<>(owner, "saveScenarioDialog", "Save the scenario", "Keep these steps as a scenario you can run with one click",
                new VBox(10, grid, steps, help), "Save", form, openLink).show();
    }
}
