package dev.tartan.ui.assets;

import atlantafx.base.theme.Styles;
import dev.tartan.model.AssetReportInsights;
import dev.tartan.ui.common.Figures;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.data.Formats;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/**
 * The Asset Report with Insights, summed up: money in and out over the period, by credit category
 * and by merchant. Read when the tab is first shown (an extra /asset_report/get with include_insights).
 */
final class InsightsView extends VBox {

    private final Label inflow = Figures.figure("insightsInflow");
    private final Label outflow = Figures.figure("insightsOutflow");
    private final Label uncategorized = new Label();
    private final TableView<AssetReportInsights.Total> categories = totals("insightsCategories", "Category");
    private final TableView<AssetReportInsights.Total> merchants = totals("insightsMerchants", "Merchant");
    private String currency;

    InsightsView() {
        VBox content = this;
        FlowPane figures = new FlowPane(28, 8, Figures.captioned(inflow, "money in (posted)"), Figures.captioned(outflow, "money out (posted)"));
        figures.getStyleClass().addAll(Figures.CARD, "asset-card");
        uncategorized.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        uncategorized.visibleProperty().bind(uncategorized.textProperty().isNotEmpty());
        uncategorized.managedProperty().bind(uncategorized.visibleProperty());
        VBox byCategory = new VBox(4, Forms.heading("By category", "Plaid's credit_category of each transaction."), categories);
        VBox byMerchant = new VBox(4, Forms.heading("By merchant", "Where Plaid recognised the merchant."), merchants);
        VBox.setVgrow(categories, Priority.ALWAYS);
        VBox.setVgrow(merchants, Priority.ALWAYS);
        HBox.setHgrow(byCategory, Priority.ALWAYS);
        HBox.setHgrow(byMerchant, Priority.ALWAYS);
        HBox tables = new HBox(12, byCategory, byMerchant);
        VBox.setVgrow(tables, Priority.ALWAYS);
        content.setSpacing(10);
        content.setPadding(new javafx.geometry.Insets(4, 8, 8, 8));
        content.getChildren().addAll(figures, uncategorized, tables);
    }

    void show(AssetReportInsights insights) {
        currency = insights.currency();
        inflow.setText(Formats.money(insights.inflow(), currency));
        outflow.setText(Formats.money(insights.outflow(), currency));
        uncategorized.setText(insights.uncategorized() == 0 ? "" : String.format("%,d posted transactions have no category.",
                insights.uncategorized()));
        categories.getItems().setAll(insights.categories());
        merchants.getItems().setAll(insights.merchants());
    }

    private TableView<AssetReportInsights.Total> totals(String id, String what) {
        TableView<AssetReportInsights.Total> table = new TableView<>();
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("None."));
        column(table, what, 130, AssetReportInsights.Total::name);
        column(table, "Count", 60, total -> String.format("%,d", total.count())).getStyleClass().add("amount");
        column(table, "Money out", 95, total -> Formats.money(total.outflow(), currency)).getStyleClass().add("amount");
        column(table, "Money in", 95, total -> Formats.money(total.inflow(), currency)).getStyleClass().add("amount");
        return table;
    }

    private static TableColumn<AssetReportInsights.Total, String> column(TableView<AssetReportInsights.Total> table, String title,
                                                                         double minWidth, Function<AssetReportInsights.Total, String> value) {
        TableColumn<AssetReportInsights.Total, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setMinWidth(minWidth);
        table.getColumns().add(column);
        return column;
    }

}
