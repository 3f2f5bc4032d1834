package dev.tartan.ui.items;

import atlantafx.base.theme.Styles;
import dev.tartan.model.TokenEntry;
import dev.tartan.ui.common.StatusChip;
import dev.tartan.ui.common.EmptyState;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.PaneFailureView;
import dev.tartan.ui.common.PaneInfo;
import dev.tartan.ui.common.PaneView;
import dev.tartan.ui.common.TokenListView;
import dev.tartan.ui.common.TokenRow;
import dev.tartan.ui.common.data.DataPane;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.time.Instant;

/** The Items pane: the Items Tartan knows on the left, the one being looked at on the right. */
public final class ItemsView implements PaneView {

    public static final PaneInfo INFO = new PaneInfo("items", "Items", Material2AL.ACCOUNT_BALANCE);

    private final ItemsViewModel model;
    private final SplitPane root = new SplitPane();

    public ItemsView(ItemsViewModel model, Navigator navigator) {
        this.model = model;
        root.setId("itemsPane");
        StackPane right = new StackPane(nothingSelected(), new PaneFailureView(model.list(), "items", navigator::openLink));
        // The Item view (nine tabs of tables) is built when the first Item opens, not before.
        model.list().selectedProperty().addListener((obs, old, row) -> {
            if (row != null && right.getChildren().size() == 2) {
                ItemView detail = new ItemView(model.detail(), navigator);
                detail.visibleProperty().bind(model.list().selectedProperty().isNotNull().and(model.list().failureProperty().isNull()));
                right.getChildren().add(0, detail);
            }
        });
        root.getItems().addAll(list(navigator), right);
        root.setDividerPositions(0.28);
        SplitPane.setResizableWithParent(root.getItems().get(0), false);
    }


    @Override
    public Node node() {
        return root;
    }

    public ItemsViewModel model() {
        return model;
    }

    private Node list(Navigator navigator) {
        MenuItem add = Forms.menuItem("Paste an access token\u2026", "addItem", Material2OutlinedAL.CONTENT_PASTE,
                () -> AddItemDialog.show(root.getScene().getWindow(), model.newAddForm(), navigator::openLink));
        MenuItem create = Forms.menuItem("Create a sandbox Item\u2026", "createSandboxItem", Material2OutlinedAL.ADD_CIRCLE_OUTLINE,
                () -> CreateSandboxItemDialog.show(root.getScene().getWindow(), model.newSandboxItemForm(), model.inbox(),
                        navigator::openLink));
        create.disableProperty().bind(model.sandboxProperty().not());
        MenuButton addMenu = new MenuButton("Add an Item", new FontIcon(Material2AL.ADD), add, create);
        addMenu.setId("addItemMenu");
        addMenu.getStyleClass().add(Styles.ACCENT);
        addMenu.setTooltip(new Tooltip("Paste an access token, or create a sandbox Item (Sandbox or the built-in emulator)"));

        ListView<TokenRow> list = TokenListView.list(model.list(), "itemList", TokenListView.cells("itemCellName", ItemsView::itemCell),
                "No Items yet for this profile.\nCreate a sandbox Item, or add one by its access token.",
                "No Item matches the filter.");
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8,
                TokenListView.filter(model.list(), "itemFilter", "Filter: label, institution, item_id, status",
                        "Words of the label, institution, item_id or status; or a whole access token"),
                new HBox(6, addMenu), list, TokenListView.count(model.list(), "itemCount", "Items"));
        box.setPadding(new Insets(10, 6, 8, 10));
        box.setMinWidth(280);
        return box;
    }

    private Node nothingSelected() {
        VBox box = EmptyState.of(Material2AL.ACCOUNT_BALANCE, "Pick an Item",
                "Its status, accounts, transactions and everything Plaid knows about it open here.");
        box.visibleProperty().bind(model.list().selectedProperty().isNull().and(model.list().failureProperty().isNull()));
        return box;
    }

    /** Name and status chip; institution and item_id; profile and when the status was checked. */
    private static Node itemCell(TokenRow row, Label name) {
        TokenEntry entry = row.entry();
        Label status = StatusChip.of(row.statusProperty(), "not checked");
        String id = entry.ownerId() == null ? entry.maskedValue() : entry.ownerId();
        Label detail = new Label();
        detail.setId("itemCellInstitution");
        detail.textProperty().bind(Bindings.createStringBinding(() -> row.institution() == null ? id : row.institution() + " \u00b7 " + id,
                row.institutionNameProperty()));
        detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label checked = new Label();
        checked.setId("itemCellProfile");
        checked.textProperty().bind(Bindings.createStringBinding(() -> "profile " + entry.profile()
                + (row.checkedAtProperty().get() == null ? "" : " \u00b7 " + age(row.checkedAtProperty().get())), row.checkedAtProperty()));
        checked.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox top = new HBox(6, name, status);
        top.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, top, detail, checked);
    }

    private static String age(Instant checkedAt) {
        return DataPane.describeAge(checkedAt, Instant.now()).replace("Updated", "Checked");
    }
}
