package dev.tartan.ui.items;

import dev.tartan.ui.common.Fixes;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.tartan.model.TokenEntry;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.EmptyState;
import dev.tartan.ui.common.FailureView;
import dev.tartan.ui.common.PaneInfo;
import dev.tartan.ui.common.PaneView;
import dev.tartan.ui.common.data.DataPane;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.time.Instant;
import java.util.function.Consumer;

/** The Items pane: the Items Tartan knows on the left, the one being looked at on the right. */
public final class ItemsView implements PaneView {

    public static final PaneInfo INFO = new PaneInfo("items", "Items", Material2AL.ACCOUNT_BALANCE);

    private final ItemsViewModel model;
    private final SplitPane root = new SplitPane();

    public ItemsView(ItemsViewModel model, Navigator navigator) {
        this.model = model;
        root.setId("itemsPane");
        StackPane right = new StackPane(nothingSelected(), failure(navigator));
        // The Item view (nine tabs of tables) is built when the first Item opens, not before.
        model.selectedProperty().addListener((obs, old, row) -> {
            if (row != null && right.getChildren().size() == 2) {
                ItemView detail = new ItemView(model.detail(), navigator,
                        () -> model.enumOf("/sandbox/item/fire_webhook", "webhook_code"));
                detail.visibleProperty().bind(model.selectedProperty().isNotNull().and(model.failureProperty().isNull()));
                right.getChildren().add(0, detail);
            }
        });
        root.getItems().addAll(list(navigator::openLink), right);
        root.setDividerPositions(0.28);
        SplitPane.setResizableWithParent(root.getItems().get(0), false);
    }

    @Override
    public PaneInfo info() {
        return INFO;
    }

    @Override
    public Node node() {
        return root;
    }

    public ItemsViewModel model() {
        return model;
    }

    private Node list(Consumer<String> openLink) {
        CustomTextField filter = new CustomTextField();
        filter.setId("itemFilter");
        filter.setPromptText("Filter: label, institution, item_id, status");
        filter.setLeft(new FontIcon(Material2MZ.SEARCH));
        filter.textProperty().bindBidirectional(model.filterProperty());

        MenuItem add = new MenuItem("Paste an access token\u2026", new FontIcon(Material2OutlinedAL.CONTENT_PASTE));
        add.setId("addItem");
        add.setOnAction(e -> new AddItemDialog(root.getScene().getWindow(), model, openLink).showAndWait());
        MenuItem create = new MenuItem("Create a sandbox Item\u2026", new FontIcon(Material2OutlinedAL.ADD_CIRCLE_OUTLINE));
        create.setId("createSandboxItem");
        create.setOnAction(e -> new CreateSandboxItemDialog(root.getScene().getWindow(), model, openLink).showAndWait());
        create.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canCreateSandboxItems(), model.profileProperty()));
        MenuButton addMenu = new MenuButton("Add an Item", new FontIcon(Material2AL.ADD), add, create);
        addMenu.setId("addItemMenu");
        addMenu.getStyleClass().add(Styles.ACCENT);
        addMenu.setTooltip(new Tooltip("Paste an access token, or create a sandbox Item (Sandbox or the built-in emulator)"));
        HBox buttons = new HBox(6, addMenu);

        ListView<ItemsViewModel.ItemRow> list = new ListView<>(model.visibleRows());
        list.setId("itemList");
        list.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(view -> new ItemCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.selectedProperty().set(row));
        model.selectedProperty().addListener((obs, old, row) -> {
            if (row != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(row);
            }
        });
        Label empty = new Label("No Items yet for this profile.\nCreate a sandbox Item, or add one by its access token.");
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);

        Label count = new Label();
        count.setId("itemCount");
        count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        count.textProperty().bind(Bindings.createStringBinding(() -> model.visibleRows().size() + " of " + model.rows().size() + " Items",
                model.visibleRows(), model.rows()));
        VBox box = new VBox(8, filter, buttons, list, count);
        box.setPadding(new Insets(10, 6, 8, 10));
        box.setMinWidth(280);
        return box;
    }

    private Node nothingSelected() {
        VBox box = EmptyState.of(Material2AL.ACCOUNT_BALANCE, "Pick an Item",
                "Its status, accounts, transactions and everything Plaid knows about it open here.");
        box.visibleProperty().bind(model.selectedProperty().isNull().and(model.failureProperty().isNull()));
        return box;
    }

    /** What failed in the pane itself (adding a pasted Item, listing the Items), in place of the Item until dismissed. */
    private Node failure(Navigator navigator) {
        Label what = new Label();
        what.setId("itemsFailureWhat");
        what.getStyleClass().add(Styles.TITLE_3);
        what.setWrapText(true);
        Button dismiss = new Button("Dismiss");
        dismiss.setId("itemsFailureDismiss");
        dismiss.setOnAction(e -> model.failureProperty().set(null));
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        HBox heading = new HBox(12, what, new Spacer(), dismiss);
        heading.setAlignment(Pos.CENTER_LEFT);
        FailureView report = new FailureView(Fixes.retry(() -> {
            if (model.failureProperty().get() != null) {
                model.failureProperty().get().retry().run();
            }
        }), navigator::openLink);
        report.getStyleClass().add("inline-failure");
        model.failureProperty().addListener((obs, old, failure) -> {
            what.setText(failure == null ? "" : failure.what());
            report.show(failure == null ? null : failure.report());
        });
        VBox box = new VBox(10, heading, report);
        box.setId("itemsFailure");
        box.setPadding(new Insets(14));
        box.visibleProperty().bind(model.failureProperty().isNotNull());
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.visibleProperty().bind(box.visibleProperty());
        return scroll;
    }

    /** Label (or institution), status badge; institution name and item_id; profile and when the status was checked. */
    private static final class ItemCell extends ListCell<ItemsViewModel.ItemRow> {
        ItemCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ItemsViewModel.ItemRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            TokenEntry entry = row.entry();
            StringBinding institution = Bindings.createStringBinding(() -> row.institutionNameProperty().get() != null
                    ? row.institutionNameProperty().get() : entry.institution(), row.institutionNameProperty());
            Label name = new Label(entry.label());
            name.setId("itemCellName");
            if (entry.label() == null) {
                name.textProperty().bind(Bindings.when(institution.isNotNull()).then(institution).otherwise(entry.maskedValue()));
            }
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label status = new Label();
            status.textProperty().bind(Bindings.createStringBinding(
                    () -> row.statusProperty().get() == null ? "not checked" : row.statusProperty().get(), row.statusProperty()));
            status.getStyleClass().add("status-chip");
            row.statusProperty().addListener((obs, old, now) -> style(status, now));
            style(status, row.statusProperty().get());
            String id = entry.ownerId() == null ? entry.maskedValue() : entry.ownerId();
            Label detail = new Label();
            detail.setId("itemCellInstitution");
            detail.textProperty().bind(Bindings.createStringBinding(() -> institution.get() == null ? id
                    : institution.get() + " \u00b7 " + id, institution));
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            Label checked = new Label();
            checked.setId("itemCellProfile");
            checked.textProperty().bind(Bindings.createStringBinding(() -> "profile " + entry.profile()
                    + (row.checkedAtProperty().get() == null ? "" : " \u00b7 " + age(row.checkedAtProperty().get())),
                    row.checkedAtProperty()));
            checked.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            HBox top = new HBox(6, name, status);
            top.setAlignment(Pos.CENTER_LEFT);
            setGraphic(new VBox(2, top, detail, checked));
        }

        private static void style(Label status, String value) {
            status.getStyleClass().removeAll("status-ok", "status-error", "status-unknown");
            status.getStyleClass().add(value == null ? "status-unknown" : "healthy".equals(value) ? "status-ok" : "status-error");
        }

        private static String age(Instant checkedAt) {
            return checkedAt == null ? "" : DataPane.describeAge(checkedAt, Instant.now()).replace("Updated", "Checked");
        }
    }
}
