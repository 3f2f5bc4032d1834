package dev.tartan.ui.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.TokenEntry;
import dev.tartan.ui.common.data.Accounts;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.GridPane;

/** The Item and account pickers of an {@link ItemAccountChoice}, as rows of a form grid. */
public final class ItemAccountPicker {

    private ItemAccountPicker() {
    }

    /**
     * Adds "Item" and "Account" rows to {@code grid} from {@code row} on; the pickers' ids are
     * {@code idPrefix + "Item"} and {@code idPrefix + "Account"}. Returns the next free row.
     */
    public static int addTo(GridPane grid, int row, ItemAccountChoice choice, String idPrefix) {
        ComboBox<TokenEntry> item = Forms.picker(idPrefix + "Item", choice.items(), entry ->
                entry.label() != null ? entry.label() : entry.maskedValue());
        item.valueProperty().bindBidirectional(choice.itemProperty());
        item.setDisable(choice.itemIsFixed());
        ComboBox<JsonNode> account = Forms.picker(idPrefix + "Account", choice.accounts(), a -> Accounts.title(a)
                + "  (" + a.path("subtype").asText(a.path("type").asText()) + ")");
        account.valueProperty().bindBidirectional(choice.accountProperty());
        grid.addRow(row, Forms.label("Item"), item);
        grid.addRow(row + 1, Forms.label("Account"), account);
        return row + 2;
    }
}
