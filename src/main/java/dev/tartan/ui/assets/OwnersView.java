package dev.tartan.ui.assets;

import atlantafx.base.theme.Styles;
import dev.tartan.model.AssetReportDigest;
import dev.tartan.ui.common.Figures;
import dev.tartan.ui.common.Forms;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.List;

/** The people and businesses named on the report's accounts, each once, with how to reach them and which accounts they hold. */
final class OwnersView extends ScrollPane {

    private final VBox cards = new VBox(10);

    OwnersView() {
        setId("assetOwners");
        setFitToWidth(true);
        cards.setPadding(new Insets(8));
        setContent(cards);
    }

    void show(AssetReportDigest digest) {
        cards.getChildren().clear();
        if (digest.owners().isEmpty()) {
            cards.getChildren().add(Forms.paragraph("The institutions named no owner on these accounts.", Styles.TEXT_MUTED));
            return;
        }
        for (AssetReportDigest.Owner owner : digest.owners()) {
            Label name = new Label(owner.names().isEmpty() ? "(no name)" : String.join(" / ", owner.names()));
            name.getStyleClass().add(Styles.TITLE_4);
            name.setId("ownerName");
            GridPane grid = Forms.grid(1);
            int row = 0;
            row = line(grid, row, "Emails", owner.emails());
            row = line(grid, row, "Phone numbers", owner.phoneNumbers());
            row = line(grid, row, "Addresses", owner.addresses());
            line(grid, row, "Accounts", owner.accounts());
            VBox card = new VBox(6, name, grid);
            card.getStyleClass().addAll(Figures.CARD, "asset-card");
            cards.getChildren().add(card);
        }
    }

    private static int line(GridPane grid, int row, String caption, List<String> values) {
        if (values.isEmpty()) {
            return row;
        }
        grid.addRow(row, Forms.label(caption), Forms.paragraph(String.join("\n", values), null));
        return row + 1;
    }
}
