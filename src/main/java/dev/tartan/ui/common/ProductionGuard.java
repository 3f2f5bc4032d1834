package dev.tartan.ui.common;

import atlantafx.base.theme.Styles;
import dev.tartan.model.Operation;
import dev.tartan.model.OperationFlag;
import dev.tartan.model.Profile;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/**
 * Asks before a destructive or money-moving call goes to Production. Removing or cancelling needs
 * a click on a red button; moving money needs the operation's path typed out.
 */
public final class ProductionGuard {

    private ProductionGuard() {
    }

    /** True when the call may go ahead: not Production, harmless, or confirmed. */
    public static boolean allow(Window owner, Profile profile, Operation operation) {
        if (profile == null || !profile.environment().isProduction() || !operation.needsProductionConfirmation()) {
            return true;
        }
        boolean money = operation.is(OperationFlag.MOVES_MONEY);
        ButtonType go = new ButtonType(money ? "Move money in Production" : "Run in Production", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.WARNING, null, go, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Confirm a Production call");
        alert.setHeaderText(operation.path() + " in PRODUCTION");
        Label explanation = new Label(money
                ? "This moves real money through profile \"" + profile.name() + "\". It cannot be undone from Tartan."
                : "This " + (operation.is(OperationFlag.DESTRUCTIVE) ? "removes, invalidates or cancels" : "changes")
                + " real data through profile \"" + profile.name() + "\". It cannot be undone.");
        explanation.setWrapText(true);
        VBox content = new VBox(10, explanation);
        javafx.scene.Node goButton = alert.getDialogPane().lookupButton(go);
        goButton.getStyleClass().add(Styles.DANGER);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((javafx.scene.control.Button) goButton).setDefaultButton(false);
        if (money) {
            TextField typed = new TextField();
            typed.setId("guardConfirmText");
            typed.setPromptText(operation.path());
            content.getChildren().addAll(new Label("Type " + operation.path() + " to confirm:"), typed);
            goButton.disableProperty().bind(typed.textProperty().isNotEqualTo(operation.path()));
        }
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId("productionGuard");
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == go;
    }
}
