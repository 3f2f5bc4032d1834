package dev.tartan.ui.sandbox;

import atlantafx.base.theme.Styles;
import dev.tartan.ui.common.EmptyState;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.PaneInfo;
import dev.tartan.ui.common.PaneView;
import dev.tartan.ui.common.data.DataPane;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Sandbox pane: the simulations by product and the scenarios on the left, the one open on the
 * right; a band says why the pane is off when the profile is Production.
 */
public final class SandboxView implements PaneView {

    public static final PaneInfo INFO = new PaneInfo("sandbox", "Sandbox", Material2OutlinedMZ.SCIENCE);

    private final SandboxViewModel model;
    private final Navigator navigator;
    private final BorderPane root = new BorderPane();
    private final TreeView<SandboxViewModel.Entry> tree = new TreeView<>();
    private boolean following;

    public SandboxView(SandboxViewModel model, Navigator navigator) {
        this.model = model;
        this.navigator = navigator;
        root.setId("sandboxPane");
        SplitPane split = new SplitPane(list(), detail());
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        split.disableProperty().bind(model.enabledProperty().not());
        root.setTop(disabledBand());
        root.setCenter(split);
    }

    @Override
    public Node node() {
        return root;
    }

    public SandboxViewModel model() {
        return model;
    }

    private Node disabledBand() {
        FontIcon icon = new FontIcon(Material2OutlinedAL.BLOCK);
        Label reason = new Label();
        reason.setId("sandboxDisabledReason");
        reason.setWrapText(true);
        reason.textProperty().bind(model.disabledReasonProperty());
        Label title = new Label("The Sandbox pane is off");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        VBox text = new VBox(2, title, reason);
        HBox band = new HBox(10, icon, text);
        band.setId("sandboxDisabled");
        band.getStyleClass().add("sandbox-disabled");
        band.setAlignment(Pos.CENTER_LEFT);
        band.setPadding(new Insets(10, 14, 10, 14));
        band.visibleProperty().bind(model.enabledProperty().not());
        band.managedProperty().bind(band.visibleProperty());
        return band;
    }

    // --- the list ------------------------------------------------------------------------------

    private Node list() {
        TextField filter = Forms.field("sandboxFilter", "Filter: product, simulation, path, scenario", model.filterProperty());
        tree.setId("sandboxList");
        tree.setShowRoot(false);
        tree.setCellFactory(view -> new EntryCell());
        model.entries().addListener((ListChangeListener<SandboxViewModel.Entry>) change -> fillTree());
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!following && item != null && item.getValue() != null && item.getValue().title() != null
                    && (item.getValue().simulation() != null || item.getValue().scenario() != null)) {
                model.selectedProperty().set(item.getValue());
            }
        });
        model.selectedProperty().addListener((obs, old, entry) -> showSelected());
        fillTree();
        VBox.setVgrow(tree, Priority.ALWAYS);
        Label loading = new Label();
        loading.setId("sandboxListState");
        loading.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        loading.setWrapText(true);
        loading.textProperty().bind(Bindings.createStringBinding(() -> switch (model.catalogProperty().get().phase()) {
            case LOADING -> model.catalogProperty().get().message();
            case FAILED -> "The simulations could not be loaded: " + model.catalogProperty().get().failure().summary();
            default -> "";
        }, model.catalogProperty()));
        loading.visibleProperty().bind(loading.textProperty().isNotEmpty());
        loading.managedProperty().bind(loading.visibleProperty());
        VBox box = new VBox(8, filter, loading, tree, draft());
        box.setPadding(new Insets(10, 6, 8, 10));
        box.setMinWidth(280);
        return box;
    }

    /** The tree from the model's entries: a node per product (then the scenarios), the lines under it. */
    private void fillTree() {
        TreeItem<SandboxViewModel.Entry> top = new TreeItem<>();
        Map<String, TreeItem<SandboxViewModel.Entry>> groups = new LinkedHashMap<>();
        for (SandboxViewModel.Entry entry : model.entries()) {
            TreeItem<SandboxViewModel.Entry> group = groups.computeIfAbsent(entry.group(), name -> {
                TreeItem<SandboxViewModel.Entry> item = new TreeItem<>(new SandboxViewModel.Entry(name, null, null, null, null));
                item.setExpanded(true);
                top.getChildren().add(item);
                return item;
            });
            group.getChildren().add(new TreeItem<>(entry));
        }
        following = true;
        try {
            tree.setRoot(top);
        } finally {
            following = false;
        }
        showSelected();
    }

    private void showSelected() {
        SandboxViewModel.Entry wanted = model.selectedProperty().get();
        following = true;
        try {
            if (wanted == null) {
                tree.getSelectionModel().clearSelection();
                return;
            }
            for (TreeItem<SandboxViewModel.Entry> group : tree.getRoot().getChildren()) {
                for (TreeItem<SandboxViewModel.Entry> item : group.getChildren()) {
                    if (Objects.equals(item.getValue(), wanted)) {
                        tree.getSelectionModel().select(item);
                        return;
                    }
                }
            }
        } finally {
            following = false;
        }
    }

    /** A product or "Scenarios" in bold with its count; a simulation or scenario with its path or kind under it. */
    private static final class EntryCell extends TreeCell<SandboxViewModel.Entry> {
        EntryCell() {
            // As wide as the list and no wider: a long title ends in "..." (its tooltip has it whole)
            // rather than making the whole list scroll sideways.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SandboxViewModel.Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            setTooltip(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            if (entry.title() == null) {
                Label group = new Label(entry.group() + "  (" + getTreeItem().getChildren().size() + ")");
                group.getStyleClass().addAll(Styles.TEXT_BOLD, "sandbox-group");
                setGraphic(group);
                return;
            }
            Label title = new Label(entry.title());
            title.setId("sandboxEntryTitle");
            Label detail = new Label(entry.detail());
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, entry.isScenario() ? "sandbox-detail" : "mono");
            setGraphic(new VBox(1, title, detail));
            setTooltip(new Tooltip(entry.title() + "\n" + entry.detail()));
        }
    }

    private Node draft() {
        Label count = new Label();
        count.setId("draftCount");
        count.getStyleClass().add(Styles.TEXT_BOLD);
        count.textProperty().bind(Bindings.createStringBinding(() -> "Scenario draft: " + model.draft().size()
                + (model.draft().size() == 1 ? " step" : " steps"), model.draft()));
        Label last = new Label();
        last.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        last.setWrapText(true);
        last.textProperty().bind(Bindings.createStringBinding(() -> model.draft().isEmpty() ? ""
                : "last: " + model.draft().get(model.draft().size() - 1).title(), model.draft()));
        Button save = new Button("Save\u2026", new FontIcon(Material2OutlinedMZ.SAVE));
        save.setId("draftSave");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> SaveScenarioDialog.show(root.getScene().getWindow(), model.newSaveForm(), navigator::openLink));
        Button discard = new Button("Discard");
        discard.setId("draftDiscard");
        discard.setOnAction(e -> model.discardDraft());
        HBox buttons = new HBox(6, save, discard);
        VBox box = new VBox(4, count, last, buttons);
        box.setId("sandboxDraft");
        box.getStyleClass().add("sandbox-draft");
        box.setPadding(new Insets(8));
        box.visibleProperty().bind(Bindings.isNotEmpty(model.draft()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    // --- the detail ----------------------------------------------------------------------------

    private Node detail() {
        VBox nothing = EmptyState.of(Material2OutlinedMZ.SCIENCE, "Pick a simulation or a scenario",
                "Simulations make Sandbox (or the built-in emulator) do what users and banks do: a new Item, a login that "
                        + "breaks, a transfer returned. Scenarios run several as a checklist, with the webhooks each causes.");
        nothing.setId("sandboxNothing");
        nothing.visibleProperty().bind(model.selectedProperty().isNull());

        DataPane loading = new DataPane(new Region(), Fixes.retry(() -> {
            var entry = model.selectedProperty().get();
            model.selectedProperty().set(null);
            model.selectedProperty().set(entry);
        }), navigator::openLink);
        loading.setId("simulationFormState");
        loading.bind(model.formStateProperty(), form -> { });
        loading.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.formStateProperty().get().isLoading()
                || model.formStateProperty().get().phase() == dev.tartan.ui.common.data.Outcome.Phase.FAILED, model.formStateProperty()));

        StackPane open = new StackPane();
        model.openSimulationProperty().addListener((obs, old, simulation) -> open.getChildren().setAll(
                simulation == null ? java.util.List.of() : java.util.List.of(new SimulationView(simulation, model, navigator).node())));
        model.openScenarioProperty().addListener((obs, old, scenario) -> {
            if (scenario != null) {
                open.getChildren().setAll(new ScenarioView(scenario, model, navigator).node());
            } else if (model.openSimulationProperty().get() == null) {
                open.getChildren().clear();
            }
        });

        Label notice = new Label();
        notice.setId("sandboxNotice");
        notice.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        notice.setWrapText(true);
        notice.setPadding(new Insets(4, 14, 6, 14));
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        BorderPane detail = new BorderPane(new StackPane(open, loading, nothing));
        detail.setBottom(notice);
        return detail;
    }
}
