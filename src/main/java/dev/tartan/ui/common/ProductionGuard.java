package dev.tartan.ui.common;

import dev.tartan.model.Operation;
import dev.tartan.model.OperationFlag;
import dev.tartan.model.Profile;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;


/**
 * Asks before a destructive or money-moving call goes to Production, and before a named
 * destructive action anywhere. Removing or cancelling needs a click on a red button; moving money
 * needs the operation's path typed out.
 */
public final class ProductionGuard {

    private ProductionGuard() {
    }

    /**
     * True when the call may go ahead: harmless, neither the profile nor a token in {@code body}
     * is Production, or the user confirmed.
     */
    public static boolean allow(Window owner, Profile profile, Operation operation, String body) {
        if (profile == null || !operation.needsProductionConfirmation() || !profile.environment().isProductionCall(body)) {
            return true;
        }
        String where = profile.environment().isProduction() ? " in PRODUCTION" : " in PRODUCTION (the body holds a Production token)";
        return ask(owner, profile, operation.path() + where, operation.path(),
                operation.is(OperationFlag.MOVES_MONEY), operation.is(OperationFlag.DESTRUCTIVE), true);
    }

    /**
     * Asks before a call of {@code path} that moves money goes to Production, whichever pane sends it:
     * the path must be typed out. True when the call may go ahead: not Production, or confirmed.
     */
    public static boolean allowMoney(Window owner, Profile profile, String path) {
        if (profile == null || !profile.environment().isProduction()) {
            return true;
        }
        return ask(owner, profile, path + " in PRODUCTION", path, true, false, true);
    }

    /**
     * Asks before a named destructive action (remove an Item, rotate its token) in any environment;
     * in Production the question says so loudly.
     *
     * @param action what will happen, e.g. "Remove the Item"
     * @param target what it happens to, e.g. the Item's label
     */
    public static boolean allowDestructive(Window owner, Profile profile, String action, String target) {
        boolean production = profile != null && profile.environment().isProduction();
        return ask(owner, profile, action + (production ? " in PRODUCTION" : ""), target, false, true, production);
    }

    /**
     * Asks before a change to a record that matters (a compliance review) when the profile is
     * Production; elsewhere the change goes ahead without a question.
     *
     * @param action what will happen, e.g. "Submit the review"
     * @param target what it happens to, e.g. the screening's name and id
     */
    public static boolean allowInProduction(Window owner, Profile profile, String action, String target) {
        if (profile == null || !profile.environment().isProduction()) {
            return true;
        }
        return ask(owner, profile, action + " in PRODUCTION: " + target, target, false, false, true);
    }

    private static boolean ask(Window owner, Profile profile, String header, String typeToConfirm, boolean money, boolean destructive,
                               boolean production) {
        String through = profile == null ? "" : " through profile \"" + profile.name() + "\"";
        Label explanation = new Label(money
                ? "This moves real money" + through + ". It cannot be undone from Tartan."
                : "This " + (destructive ? "removes, invalidates or cancels" : "changes") + (production ? " real data" : " data")
                + through + ". It cannot be undone.");
        explanation.setWrapText(true);
        VBox content = new VBox(10, explanation);
        Confirmation confirmation = new Confirmation(owner, production ? "productionGuard" : "confirmDestructive",
                production ? "Confirm a Production call" : "Confirm", header, content,
                money ? "Move money" : production ? "Run in Production" : "Go ahead", true);
        if (money) {
            TextField typed = new TextField();
            typed.setId("guardConfirmText");
            typed.setPromptText(typeToConfirm);
            content.getChildren().addAll(new Label("Type " + typeToConfirm + " to confirm:"), typed);
            confirmation.goButton().disableProperty().bind(typed.textProperty().isNotEqualTo(typeToConfirm));
        }
        return confirmation.ask();
    }
}
