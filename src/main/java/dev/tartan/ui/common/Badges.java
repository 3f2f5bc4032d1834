package dev.tartan.ui.common;

import dev.tartan.model.Operation;
import dev.tartan.model.OperationFlag;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The small coloured labels that say what an operation does. */
public final class Badges {
    private Badges() {
    }

    public static Label of(OperationFlag flag) {
        Label badge = new Label(flag.label());
        badge.getStyleClass().addAll("badge", "badge-" + flag.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        badge.setTooltip(new Tooltip(explanation(flag)));
        return badge;
    }

    /** All of an operation's badges, in a fixed order. */
    public static HBox of(Operation operation) {
        HBox row = new HBox(4);
        for (OperationFlag flag : OperationFlag.values()) {
            if (operation.is(flag)) {
                row.getChildren().add(of(flag));
            }
        }
        return row;
    }

    private static String explanation(OperationFlag flag) {
        return switch (flag) {
            case READ_ONLY -> "Changes nothing at Plaid";
            case DESTRUCTIVE -> "Removes, invalidates or cancels something for good";
            case MOVES_MONEY -> "Moves real money outside the Sandbox";
            case SANDBOX_ONLY -> "Works only in the Sandbox (and the emulator)";
            case DEPRECATED -> "Plaid has deprecated this operation";
        };
    }
}
