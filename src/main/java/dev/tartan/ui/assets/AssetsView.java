package dev.tartan.ui.assets;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.tartan.model.AssetReportFacts;
import dev.tartan.model.AssetReportStatus;
import dev.tartan.ui.common.EmptyState;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.PaneFailureView;
import dev.tartan.ui.common.PaneInfo;
import dev.tartan.ui.common.PaneView;
import dev.tartan.ui.common.StatusChip;
import dev.tartan.ui.common.TokenListView;
import dev.tartan.ui.common.TokenRow;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Assets pane: the asset reports of the active profile on the left, with where each stands
 * (a report being generated shows how long it has been waiting); the open report on the right.
 */
public final class AssetsView implements PaneView {

    public static final PaneInfo INFO = new PaneInfo("assets", "Assets", Material2AL.ASSESSMENT);

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm").withZone(ZoneId.systemDefault());
    private static final String STYLESHEET = Objects.requireNonNull(AssetsView.class.getResource("/css/assets.css"),
            "assets.css is missing from the build").toExternalForm();

    private final AssetsViewModel model;
    private final Navigator navigator;
    private final SplitPane root = new SplitPane();
    /** The time now, each second: what the waiting reports' elapsed times follow. */
    private final ObjectProperty<Instant> clock = new SimpleObjectProperty<>(Instant.now());

    public AssetsView(AssetsViewModel model, Navigator navigator) {
        this.model = model;
        this.navigator = navigator;
        root.setId("assetsPane");
        root.getStylesheets().add(STYLESHEET);
        Timeline ticking = new Timeline(new KeyFrame(Duration.seconds(1), e -> clock.set(Instant.now())));
        ticking.setCycleCount(Timeline.INDEFINITE);
        // A playing animation is held by the pulse timer: ticking only while the pane is in a window
        // on screen lets a closed window's pane (and all it holds) go.
        root.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false)
                .addListener((obs, was, showing) -> {
                    if (showing) {
                        clock.set(Instant.now());
                        ticking.play();
                    } else {
                        ticking.stop();
                    }
                });

        StackPane right = new StackPane(nothingOpen(), new PaneFailureView(model.list(), "assets", navigator::openLink));
        // The report view (eight tabs, a chart, a PDF viewer) is built when the first report opens.
        model.list().selectedProperty().addListener((obs, old, row) -> {
            if (row != null && right.getChildren().size() == 2) {
                AssetReportView detail = new AssetReportView(model, navigator, clock);
                detail.visibleProperty().bind(model.list().selectedProperty().isNotNull().and(model.list().failureProperty().isNull()));
                right.getChildren().add(0, detail);
            }
        });
        root.getItems().addAll(sidebar(), right);
        root.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(root.getItems().get(0), false);
    }

    @Override
    public Node node() {
        return root;
    }

    /** Another pane may have added Items or reports meanwhile. */
    @Override
    public void onShown() {
        model.list().reload();
    }

    private Node sidebar() {
        Label heading = new Label("Asset reports");
        heading.getStyleClass().add(Styles.TITLE_4);
        Button create = new Button("New report", new FontIcon(Material2OutlinedAL.ADD_CIRCLE_OUTLINE));
        create.setId("newAssetReport");
        create.getStyleClass().addAll(Styles.ACCENT, Styles.SMALL);
        create.setTooltip(new Tooltip("/asset_report/create: a report over Items of the token book"));
        create.setMinWidth(Region.USE_PREF_SIZE);
        create.setOnAction(e -> NewReportDialog.show(root.getScene().getWindow(), model.newReportForm(), navigator::openLink));
        create.disableProperty().bind(model.list().profileProperty().isNull());
        HBox top = new HBox(8, heading, new Spacer(), create);
        top.setAlignment(Pos.CENTER_LEFT);

        ListView<TokenRow> list = TokenListView.list(model.list(), "assetReports", TokenListView.cells("assetCellName", this::reportCell),
                "No asset reports for this profile yet. Make one with New report, or paste a token below.",
                "No report matches the filter.");
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, top,
                TokenListView.filter(model.list(), "assetFilter", "Filter: applicant, status, asset_report_id",
                        "Words of the applicant, label, asset_report_id or status; or a whole token"),
                list, TokenListView.pasteField(model.newPasteForm(), "asset", "Paste an asset report or audit copy token"),
                TokenListView.count(model.list(), "assetCount", "reports"));
        box.setPadding(new Insets(10, 6, 8, 10));
        box.setMinWidth(270);
        return box;
    }

    /** A report: its name and status (with the time waited while generating); its Items and days; when and how it was made. */
    private Node reportCell(TokenRow row, Label name) {
        Label status = StatusChip.of(row.statusProperty(), "not checked", AssetsView::chipStyle);
        status.setId("assetCellStatus");
        status.setMinWidth(Region.USE_PREF_SIZE);
        Label waited = new Label();
        waited.setId("assetCellWaited");
        waited.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        waited.textProperty().bind(Bindings.createStringBinding(() -> AssetReportStatus.WAITING.word().equals(row.statusProperty().get())
                ? elapsed(row.entry().createdAt(), clock.get()) : "", row.statusProperty(), clock, row.entryProperty()));
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.SOMETIMES);
        HBox top = new HBox(6, name, status, waited);
        top.setAlignment(Pos.CENTER_LEFT);
        Label items = new Label();
        items.setId("assetCellItems");
        items.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        items.textProperty().bind(Bindings.createStringBinding(() -> itemsLine(AssetReportFacts.of(row.entry())), row.entryProperty()));
        Label made = new Label();
        made.setId("assetCellMade");
        made.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        made.textProperty().bind(Bindings.createStringBinding(() -> madeLine(row), row.entryProperty()));
        return new VBox(1, top, items, made);
    }

    /** "2 Items: Platypus, Houndstooth · 60 days". */
    static String itemsLine(AssetReportFacts facts) {
        List<String> parts = new ArrayList<>();
        if (!facts.items().isEmpty()) {
            parts.add(facts.items().size() + (facts.items().size() == 1 ? " Item: " : " Items: ") + String.join(", ", facts.items()));
        }
        if (facts.daysRequested() != null) {
            parts.add(facts.daysRequested() + " days");
        }
        return parts.isEmpty() ? "Items not read yet" : String.join(" \u00b7 ", parts);
    }

    private static String madeLine(TokenRow row) {
        AssetReportFacts facts = AssetReportFacts.of(row.entry());
        String how = switch (facts.origin()) {
            case CREATED -> "created";
            case REFRESHED -> "refreshed";
            case FILTERED -> "filtered (" + facts.excludedAccounts().size() + " left out)";
            case PASTED -> "pasted";
        };
        return row.entry().createdAt() == null ? how : how + " " + WHEN.format(row.entry().createdAt());
    }

    /** The chip's colour for a report's status word. */
    static String chipStyle(String word) {
        AssetReportStatus status = AssetReportStatus.of(word);
        return status == null ? StatusChip.UNKNOWN : switch (status) {
            case READY -> StatusChip.OK;
            case WAITING -> StatusChip.WAITING;
            case ERROR -> StatusChip.ERROR;
            case REMOVED -> StatusChip.UNKNOWN;
        };
    }

    /** "0:07", "12:40", "1:02:03": the time since {@code since}. */
    static String elapsed(Instant since, Instant now) {
        if (since == null) {
            return "";
        }
        long seconds = Math.max(0, java.time.Duration.between(since, now).getSeconds());
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    private Node nothingOpen() {
        VBox box = EmptyState.of(INFO.icon(), "Open an asset report", "Pick a report on the left, paste its token, or make one "
                + "with New report from Items of the token book (made with the assets product). Its accounts, daily balances, "
                + "transactions, owners, insights and PDF open here.");
        box.visibleProperty().bind(model.list().selectedProperty().isNull().and(model.list().failureProperty().isNull()));
        return box;
    }
}
