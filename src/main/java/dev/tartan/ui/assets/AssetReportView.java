package dev.tartan.ui.assets;

import atlantafx.base.theme.Styles;
import dev.tartan.model.AssetReportDigest;
import dev.tartan.model.AssetReportFacts;
import dev.tartan.model.AssetReportStatus;
import dev.tartan.model.TokenEntry;
import dev.tartan.ui.common.Busy;
import dev.tartan.ui.common.Clipboards;
import dev.tartan.ui.common.Confirmation;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.ProductionGuard;
import dev.tartan.ui.common.StatusChip;
import dev.tartan.ui.common.TokenRow;
import dev.tartan.ui.common.data.ActionStatus;
import dev.tartan.ui.common.data.CallLogView;
import dev.tartan.ui.common.data.DataPane;
import dev.tartan.ui.common.data.Outcome;
import dev.tartan.ui.common.data.TransactionsPanel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The open asset report: a header (where it stands, what it covers, the chain of reports it belongs
 * to, the actions), and a tab per thing to see: summary, balances over time, transactions, owners,
 * insights, the PDF, audit copies, and the calls made (Raw JSON).
 */
final class AssetReportView extends VBox {

    private final AssetsViewModel pane;
    private final AssetReportViewModel model;
    private final Navigator navigator;
    private final ObjectProperty<Instant> clock;

    AssetReportView(AssetsViewModel pane, Navigator navigator, ObjectProperty<Instant> clock) {
        this.pane = pane;
        this.model = pane.detail();
        this.navigator = navigator;
        this.clock = clock;
        setId("assetReport");
        TabPane tabs = tabs();
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(header(), banner(), tabs);
    }

    // --- header -------------------------------------------------------------------------------------

    private Node header() {
        Label title = new Label();
        title.setId("assetTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(Bindings.createStringBinding(() -> titleOf(model.reportProperty().get()), model.reportProperty()));
        Label chip = StatusChip.of(Bindings.createStringBinding(() -> model.statusProperty().get() == null ? null
                : model.statusProperty().get().word(), model.statusProperty()), "checking\u2026", AssetsView::chipStyle);
        chip.setId("assetStatus");
        Label token = new Label();
        token.setId("assetToken");
        token.getStyleClass().addAll("mono", Styles.TEXT_SMALL);
        token.textProperty().bind(Bindings.createStringBinding(() -> model.reportProperty().get() == null ? ""
                : model.reportProperty().get().maskedValue(), model.reportProperty()));
        Button copy = new Button(null, new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copy.setId("assetCopyToken");
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        copy.setTooltip(new Tooltip("Copy the asset report token"));
        copy.setOnAction(e -> {
            if (model.reportProperty().get() != null) {
                Clipboards.copy(model.reportProperty().get().value());
            }
        });
        HBox titleRow = new HBox(8, title, chip);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        HBox tokenRow = new HBox(4, token, copy);
        tokenRow.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(2, titleRow, tokenRow);
        HBox.setHgrow(left, Priority.ALWAYS);

        Label facts = Forms.paragraph("", Styles.TEXT_MUTED);
        facts.setId("assetFacts");
        facts.getStyleClass().add(Styles.TEXT_SMALL);
        facts.textProperty().bind(Bindings.createStringBinding(this::factsLine, model.reportProperty(), model.digestProperty()));

        HBox top = new HBox(12, left, actions());
        top.setAlignment(Pos.TOP_LEFT);
        ActionStatus<String> last = new ActionStatus<>("assetAction", model.lastActionProperty(), message -> message, Fixes.none(),
                navigator::openLink);
        VBox header = new VBox(4, top, facts, chain(), last);
        header.setPadding(new Insets(10, 12, 6, 12));
        return header;
    }

    private static String titleOf(TokenEntry entry) {
        if (entry == null) {
            return "";
        }
        AssetReportFacts facts = AssetReportFacts.of(entry);
        return entry.label() != null ? entry.label() : facts.applicant() != null ? facts.applicant() : "Asset report";
    }

    /** "asset_report_id … · 2 Items: A, B · 60 days · generated Mar 7, 2026 14:03 · client_report_id loan-4711". */
    private String factsLine() {
        TokenEntry entry = model.reportProperty().get();
        if (entry == null) {
            return "";
        }
        AssetReportFacts facts = AssetReportFacts.of(entry);
        List<String> parts = new ArrayList<>();
        parts.add("asset_report_id " + (entry.ownerId() == null ? "not known yet" : entry.ownerId()));
        parts.add(AssetsView.itemsLine(facts));
        Outcome<AssetReportDigest> digest = model.digestProperty().get();
        if (digest.hasData() && digest.data().dateGenerated() != null) {
            parts.add("generated " + AssetsView.WHEN.format(digest.data().dateGenerated()));
        } else if (entry.createdAt() != null) {
            parts.add("asked for " + AssetsView.WHEN.format(entry.createdAt()));
        }
        String clientReportId = digest.hasData() && digest.data().clientReportId() != null ? digest.data().clientReportId()
                : facts.clientReportId();
        if (clientReportId != null) {
            parts.add("client_report_id " + clientReportId);
        }
        if (facts.webhook() != null) {
            parts.add("webhook " + facts.webhook());
        }
        return String.join("  \u00b7  ", parts);
    }

    private Node actions() {
        Button refresh = new Button("Refresh", new FontIcon(Material2MZ.REFRESH));
        refresh.setId("assetRefresh");
        refresh.setTooltip(new Tooltip("/asset_report/refresh: a new report over the same Items with today's data"));
        refresh.setOnAction(e -> ReportDialogs.refresh(getScene().getWindow(), model.newRefreshForm(), navigator::openLink));
        Button filter = new Button("Filter accounts", new FontIcon(Material2AL.FILTER_LIST));
        filter.setId("assetFilterAccounts");
        filter.setTooltip(new Tooltip("/asset_report/filter: a new report without the accounts you tick"));
        filter.setOnAction(e -> ReportDialogs.filter(getScene().getWindow(), model.newFilterForm(), navigator::openLink));
        filter.disableProperty().bind(model.readyProperty().not().or(Bindings.createBooleanBinding(
                () -> !model.digestProperty().get().hasData(), model.digestProperty())));
        refresh.disableProperty().bind(model.readyProperty().not());
        Button remove = new Button("Remove", new FontIcon(Material2OutlinedAL.DELETE_OUTLINE));
        remove.setId("assetRemove");
        remove.getStyleClass().addAll(Styles.DANGER, Styles.FLAT);
        remove.setOnAction(e -> remove());
        remove.disableProperty().bind(Bindings.createBooleanBinding(() -> model.statusProperty().get() == AssetReportStatus.REMOVED,
                model.statusProperty()));
        MenuItem copyId = Forms.menuItem("Copy asset_report_id", "assetCopyId", Material2OutlinedAL.CONTENT_COPY, () -> {
            TokenEntry entry = model.reportProperty().get();
            if (entry != null && entry.ownerId() != null) {
                Clipboards.copy(entry.ownerId());
            }
        });
        MenuItem forget = Forms.menuItem("Forget (token book only)\u2026", "assetForget", Material2OutlinedAL.CLEAR, this::forget);
        MenuButton more = new MenuButton(null, new FontIcon(Material2MZ.MORE_HORIZ), copyId, forget);
        more.setId("assetMore");
        more.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON);
        HBox row = new HBox(6, refresh, filter, remove, more);
        row.getChildren().forEach(node -> ((Region) node).setMinWidth(Region.USE_PREF_SIZE));
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }

    private void remove() {
        TokenEntry entry = model.reportProperty().get();
        if (entry != null && ProductionGuard.allowDestructive(getScene().getWindow(), model.profileProperty().get(),
                "Remove the asset report " + titleOf(entry), entry.ownerId() == null ? entry.maskedValue() : entry.ownerId())) {
            model.remove();
        }
    }

    private void forget() {
        TokenRow row = pane.list().selectedProperty().get();
        if (row != null && new Confirmation(getScene().getWindow(), "forgetAssetReport", "Forget an asset report",
                "Forget " + row.displayName() + "?", "Tartan forgets the token; Plaid is not told, and the report keeps working for "
                + "whoever else holds its token. To make Plaid delete it, use Remove.", "Forget", false).ask()) {
            pane.list().forget(row.entry());
        }
    }

    /** The chain of reports this one belongs to: original, then refreshed and filtered ones, each a link but this one. */
    private Node chain() {
        FlowPane chain = new FlowPane(4, 2);
        chain.setId("assetChain");
        chain.setAlignment(Pos.CENTER_LEFT);
        Runnable show = () -> {
            chain.getChildren().clear();
            List<TokenRow> rows = pane.chain();
            if (rows.isEmpty()) {
                return;
            }
            Label caption = new Label("Chain:");
            caption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            chain.getChildren().add(caption);
            TokenRow open = pane.list().selectedProperty().get();
            for (int i = 0; i < rows.size(); i++) {
                TokenRow row = rows.get(i);
                if (i > 0) {
                    Label arrow = new Label("\u2192");
                    arrow.getStyleClass().add(Styles.TEXT_MUTED);
                    chain.getChildren().add(arrow);
                }
                String text = chainName(row);
                if (open != null && row.entry().value().equals(open.entry().value())) {
                    Label here = new Label(text);
                    here.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
                    here.setId("assetChainHere");
                    chain.getChildren().add(here);
                } else {
                    Hyperlink link = new Hyperlink(text);
                    link.getStyleClass().add(Styles.TEXT_SMALL);
                    link.setOnAction(e -> model.openInChain(row.entry().value()));
                    chain.getChildren().add(link);
                }
            }
        };
        pane.chain().addListener((ListChangeListener<TokenRow>) change -> show.run());
        show.run();
        return chain;
    }

    /** "refreshed Mar 7 14:03 (ready)". */
    private static String chainName(TokenRow row) {
        AssetReportFacts facts = AssetReportFacts.of(row.entry());
        String how = switch (facts.origin()) {
            case CREATED, PASTED -> "original";
            case REFRESHED -> "refreshed";
            case FILTERED -> "filtered";
        };
        String when = row.entry().createdAt() == null ? "" : " " + AssetsView.WHEN.format(row.entry().createdAt());
        return how + when + (facts.status() == null ? "" : " (" + facts.status().word() + ")");
    }

    // --- where it stands ----------------------------------------------------------------------------

    /** While the report is being generated: how long it has been waiting, and a check now; once gone: that it is gone. */
    private Node banner() {
        ProgressIndicator spinner = Busy.spinner(Busy.INLINE);
        Label text = new Label();
        text.setId("assetWaiting");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            AssetReportStatus status = model.statusProperty().get();
            TokenEntry entry = model.reportProperty().get();
            if (status == null || entry == null) {
                return "";
            }
            return switch (status) {
                case WAITING -> "Plaid is generating this report: waiting " + AssetsView.elapsed(entry.createdAt(), clock.get())
                        + ". Tartan asks again with a growing pause (or hears the webhook); the status bar can cancel the wait.";
                case ERROR -> "Plaid could not generate this report (" + model.errorCodeProperty().get() + "): see why in its tabs.";
                case REMOVED -> "This report was removed: Plaid refuses its token and its audit copies.";
                case READY -> "";
            };
        }, model.statusProperty(), model.reportProperty(), clock, model.errorCodeProperty()));
        Button check = new Button("Check now", new FontIcon(Material2MZ.REFRESH));
        check.setId("assetCheckNow");
        check.getStyleClass().add(Styles.SMALL);
        check.setOnAction(e -> {
            if (model.reportProperty().get() != null) {
                pane.checkNow(model.reportProperty().get());
            }
        });
        ObservableValue<Boolean> waiting = Bindings.createBooleanBinding(() -> model.statusProperty().get() == AssetReportStatus.WAITING,
                model.statusProperty());
        spinner.visibleProperty().bind(waiting);
        spinner.managedProperty().bind(spinner.visibleProperty());
        check.visibleProperty().bind(waiting);
        check.managedProperty().bind(check.visibleProperty());
        check.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox banner = new HBox(8, spinner, text, check);
        banner.setId("assetBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("asset-banner");
        banner.visibleProperty().bind(text.textProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        model.statusProperty().addListener((obs, old, now) -> {
            banner.getStyleClass().removeAll("asset-banner-error", "asset-banner-removed");
            if (now == AssetReportStatus.ERROR) {
                banner.getStyleClass().add("asset-banner-error");
            } else if (now == AssetReportStatus.REMOVED) {
                banner.getStyleClass().add("asset-banner-removed");
            }
        });
        return banner;
    }

    // --- tabs ---------------------------------------------------------------------------------------

    private TabPane tabs() {
        SummaryView summary = new SummaryView();
        BalanceChart chart = new BalanceChart();
        OwnersView owners = new OwnersView();
        Tab chartTab = Forms.tab("Balances", "balancesTab", digestPane("balancesPane", chart, digest -> chart.show(digest, model.itemNames())));
        chart.showWhen(chartTab.selectedProperty());
        InsightsView insightsView = new InsightsView();
        DataPane insightsPane = new DataPane(insightsView, Fixes.retry(model::reloadInsights), navigator::openLink);
        insightsPane.setId("insightsPane");
        insightsPane.bind(model.insightsProperty(), insightsView::show);
        Tab insightsTab = Forms.tab("Insights", "insightsTab", insightsPane);
        Tab pdfTab = Forms.tab("PDF", "pdfTab", new PdfView(model.pdf(), navigator::openLink));
        TabPane tabs = Forms.tabs("assetTabs",
                Forms.tab("Summary", "summaryTab", digestPane("summaryPane", summary, digest -> summary.show(digest, model.itemNames()))),
                chartTab,
                Forms.tab("Transactions", "assetTransactionsTab", transactionsTab()),
                Forms.tab("Owners", "ownersTab", digestPane("ownersPane", owners, owners::show)),
                insightsTab,
                pdfTab,
                Forms.tab("Audit copies", "auditCopiesTab", new AuditCopiesView(model, navigator::openLink)),
                Forms.tab("Raw JSON", "assetRawTab", new CallLogView(model.calls())));
        // Insights and the PDF cost a call each: they are fetched when their tab is first shown for a report.
        Runnable fetchShown = () -> {
            if (insightsTab.isSelected()) {
                model.loadInsights();
            }
            if (pdfTab.isSelected()) {
                model.pdf().show();
            }
        };
        // A tab's own selected flag: the tab pane's selected item changes before it is set.
        insightsTab.selectedProperty().addListener((obs, was, now) -> fetchShown.run());
        pdfTab.selectedProperty().addListener((obs, was, now) -> fetchShown.run());
        model.statusProperty().addListener((obs, old, now) -> fetchShown.run());
        model.reportProperty().addListener((obs, old, now) -> fetchShown.run());
        return tabs;
    }

    /** A tab over the report's digest: loading (or waiting), the data, empty, or its failure with a "Try again". */
    private <V extends Node> DataPane digestPane(String id, V view, Consumer<AssetReportDigest> render) {
        DataPane dataPane = new DataPane(view, Fixes.retry(model::reload), navigator::openLink);
        dataPane.setId(id);
        dataPane.bind(model.digestProperty(), render);
        return dataPane;
    }

    private Node transactionsTab() {
        TransactionsPanel panel = new TransactionsPanel(model.transactions(), Fixes.none(), navigator::openLink);
        DataPane dataPane = new DataPane(panel, Fixes.retry(model::reload), navigator::openLink);
        dataPane.setId("assetTransactionsPane");
        dataPane.bind(model.digestProperty(), digest -> { });
        return dataPane;
    }
}
