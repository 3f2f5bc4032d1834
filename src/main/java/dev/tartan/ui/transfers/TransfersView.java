package dev.tartan.ui.transfers;

import atlantafx.base.theme.Styles;
import dev.tartan.model.Profile;
import dev.tartan.ui.common.EmptyState;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.PaneInfo;
import dev.tartan.ui.common.PaneView;
import dev.tartan.ui.common.ProductionGuard;
import dev.tartan.ui.common.data.ActionStatus;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Map;
import java.util.Objects;

/**
 * The Transfers pane: the profile's transfers (and refunds, sweeps, recurring transfers in their
 * own tabs), the open transfer beside the list, the ledger with its chart and, in Sandbox, test
 * clocks. New transfer walks authorization then creation.
 */
public final class TransfersView implements PaneView {

    public static final PaneInfo INFO = new PaneInfo("transfers", "Transfers", Material2MZ.PAYMENTS);

    private static final String STYLESHEET = Objects.requireNonNull(TransfersView.class.getResource("/css/transfers.css"),
            "transfers.css is missing from the build").toExternalForm();

    private final TransfersViewModel model;
    private final Navigator navigator;
    private final BorderPane root = new BorderPane();
    private TransferListView transferList;
    private TransferListView refundList;

    public TransfersView(TransfersViewModel model, Navigator navigator) {
        this.model = model;
        this.navigator = navigator;
        root.setId("transfersPane");
        root.getStylesheets().add(STYLESHEET);
        model.setChecks(new DialogChecks());
        root.setTop(header());
        root.setCenter(tabs());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void onShown() {
        model.onShown();
    }

    private Node header() {
        Label title = new Label("Transfers");
        title.getStyleClass().add(Styles.TITLE_3);
        Button create = new Button("New transfer\u2026", new FontIcon(Material2AL.ADD_CIRCLE_OUTLINE));
        create.setId("newTransfer");
        create.getStyleClass().add(Styles.ACCENT);
        create.setMinWidth(Region.USE_PREF_SIZE);
        create.setOnAction(e -> NewTransferDialog.show(root.getScene().getWindow(), model.newTransferForm(), navigator::openLink));
        create.disableProperty().bind(model.profileProperty().isNull());
        ActionStatus<String> lookup = new ActionStatus<>("transfersLookup", model.noticeProperty(), message -> message, Fixes.none(),
                navigator::openLink);
        HBox.setHgrow(lookup, Priority.ALWAYS);
        HBox header = new HBox(12, title, create, lookup);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 12, 4, 12));
        return header;
    }

    private Node tabs() {
        transferList = new TransferListView(model.list(), false, model.zone(), row -> model.list().selectedProperty().set(row),
                navigator::openLink);
        refundList = new TransferListView(model.list(), true, model.zone(), row -> model.openTransfer(row.transferId()),
                navigator::openLink);
        Tab transfers = Forms.tab("Transfers", "transfersTab", transfersTab());
        Tab refunds = Forms.tab("Refunds", "refundsTab", refundList);
        Tab sweeps = Forms.tab("Sweeps", "sweepsTab", SubjectsView.sweeps(model, navigator::openLink));
        Tab recurring = Forms.tab("Recurring", "recurringTab", SubjectsView.recurring(model, navigator::openLink));
        Tab ledger = Forms.tab("Ledger", "ledgerTab", new LedgerView(model, navigator::openLink));
        Tab clocks = Forms.tab("Test clocks", "clocksTab", SubjectsView.clocks(model, navigator::openLink));
        TabPane tabs = Forms.tabs("transfersTabs", transfers, refunds, sweeps, recurring, ledger, clocks);
        clocks.disableProperty().bind(model.sandboxProperty().not());
        Map<Tab, TransfersViewModel.Section> sections = Map.of(transfers, TransfersViewModel.Section.TRANSFERS,
                refunds, TransfersViewModel.Section.REFUNDS, sweeps, TransfersViewModel.Section.SWEEPS,
                recurring, TransfersViewModel.Section.RECURRING, ledger, TransfersViewModel.Section.LEDGER,
                clocks, TransfersViewModel.Section.TEST_CLOCKS);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            TransfersViewModel.Section shown = sections.get(tab);
            if (shown != null && shown != model.sectionProperty().get()) {
                model.show(shown);
            } else if (shown == TransfersViewModel.Section.LEDGER) {
                model.ledger().load();
            }
        });
        model.sectionProperty().addListener((obs, old, section) -> sections.forEach((tab, shown) -> {
            if (shown == section && tabs.getSelectionModel().getSelectedItem() != tab) {
                tabs.getSelectionModel().select(tab);
            }
        }));
        return tabs;
    }

    /** The list on the left, the open transfer on the right (or what to do when none is open). */
    private Node transfersTab() {
        TransferDetailView detail = new TransferDetailView(model, navigator);
        detail.visibleProperty().bind(model.transfer().transferIdProperty().isNotNull());
        VBox nothing = EmptyState.of(INFO.icon(), "Open a transfer", "Pick one in the list, or make one with New transfer. "
                + "Its facts, its timeline, its refunds and its sweep show here; in Sandbox it can be moved along its life.");
        nothing.visibleProperty().bind(model.transfer().transferIdProperty().isNull());
        StackPane right = new StackPane(detail, nothing);
        right.setMinWidth(0);
        transferList.setMinWidth(0);
        SplitPane split = new SplitPane(transferList, right);
        split.setDividerPositions(0.5);
        return split;
    }

    /** The transfers list (what Export CSV writes from). */
    public TransferListView transferList() {
        return transferList;
    }

    /** The refunds list. */
    public TransferListView refundList() {
        return refundList;
    }

    /** The checks answered by asking: the Production guard before money moves, a confirmation before a cancel. */
    private final class DialogChecks implements TransferChecks {
        @Override
        public boolean allowMoney(Profile profile, String path) {
            return ProductionGuard.allowMoney(root.getScene().getWindow(), profile, path);
        }

        @Override
        public boolean allowCancel(Profile profile, String action, String target) {
            return ProductionGuard.allowDestructive(root.getScene().getWindow(), profile, action, target);
        }
    }
}
