package dev.tartan.ui.assets;

import dev.tartan.model.AssetReportDigest;
import dev.tartan.ui.common.Clipboards;
import dev.tartan.ui.common.Figures;
import dev.tartan.ui.common.data.Formats;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A report at a glance: its totals, and each account with what a lender reads first (current and
 * available balance, days of history, average and lowest daily balance, transactions).
 */
final class SummaryView extends VBox {

    private final Label accounts = Figures.figure("summaryAccounts");
    private final Label current = Figures.figure("summaryCurrent");
    private final Label available = Figures.figure("summaryAvailable");
    private final Label average = Figures.figure("summaryAverage");
    private final Label days = Figures.figure("summaryDays");
    private final TableView<AssetReportDigest.AccountSummary> table = new TableView<>();
    private Map<String, String> itemNames = Map.of();

    SummaryView() {
        setSpacing(10);
        setPadding(new javafx.geometry.Insets(4, 8, 8, 8));
        FlowPane figures = new FlowPane(22, 8, Figures.captioned(accounts, "accounts"),
                Figures.captioned(current, "held (depository, investment)"), Figures.captioned(available, "available (depository)"),
                Figures.captioned(average, "average daily (depository)"), Figures.captioned(days, "days requested"));
        figures.getStyleClass().addAll(Figures.CARD, "asset-card");
        table.setId("assetAccounts");
        table.setPlaceholder(new Label("No accounts in this report."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column("Account", 170, AssetReportDigest.AccountSummary::title);
        column("Item", 120, a -> itemNames.getOrDefault(a.itemId(), a.institutionName()));
        column("Type", 90, a -> a.subtype() != null ? a.subtype() : a.type() == null ? "" : a.type());
        money("Current", a -> a.current(), a -> a.currency());
        money("Available", a -> a.available(), a -> a.currency());
        column("Days available", 95, a -> String.valueOf(a.daysAvailable())).getStyleClass().add("amount");
        money("Average balance", a -> a.averageBalance(), a -> a.currency());
        money("Lowest balance", a -> a.lowestBalance(), a -> a.currency());
        column("Transactions", 90, a -> String.format("%,d", a.transactionCount())).getStyleClass().add("amount");
        column("Owners", 150, a -> String.join(", ", a.ownerNames()));
        TableColumn<AssetReportDigest.AccountSummary, String> id = column("account_id", 150, AssetReportDigest.AccountSummary::accountId);
        id.getStyleClass().add("mono");
        table.setRowFactory(view -> {
            TableRow<AssetReportDigest.AccountSummary> row = new TableRow<>();
            MenuItem copyId = new MenuItem("Copy account_id");
            copyId.setOnAction(e -> Clipboards.copy(row.getItem().accountId()));
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(new ContextMenu(copyId)));
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(figures, table);
    }

    /**
     * Shows a report. The totals are what the applicant holds: depository and investment accounts
     * (a credit card's or a loan's balance is owed, not held), in one currency or not at all.
     *
     * @param names what the report's Items are called, by item_id
     */
    void show(AssetReportDigest digest, Map<String, String> names) {
        itemNames = names;
        String currency = digest.accounts().stream().map(AssetReportDigest.AccountSummary::currency).distinct().count() == 1
                && !digest.accounts().isEmpty() ? digest.accounts().get(0).currency() : null;
        Predicate<AssetReportDigest.AccountSummary> held = a -> "depository".equals(a.type()) || "investment".equals(a.type());
        Predicate<AssetReportDigest.AccountSummary> depository = a -> "depository".equals(a.type());
        accounts.setText(String.valueOf(digest.accounts().size()));
        current.setText(total(digest, held, AssetReportDigest.AccountSummary::current, currency));
        available.setText(total(digest, depository, AssetReportDigest.AccountSummary::available, currency));
        average.setText(total(digest, depository, AssetReportDigest.AccountSummary::averageBalance, currency));
        days.setText(String.valueOf(digest.daysRequested()));
        table.getItems().setAll(digest.accounts());
        table.refresh();
    }

    private static String total(AssetReportDigest digest, Predicate<AssetReportDigest.AccountSummary> which,
                                Function<AssetReportDigest.AccountSummary, Double> figure, String currency) {
        if (currency == null) {
            return "\u2014";
        }
        return Formats.money(digest.accounts().stream().filter(which).map(figure).filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue).sum(), currency);
    }

    private TableColumn<AssetReportDigest.AccountSummary, String> column(String title, double minWidth,
                                                                         Function<AssetReportDigest.AccountSummary, String> value) {
        TableColumn<AssetReportDigest.AccountSummary, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setMinWidth(minWidth);
        table.getColumns().add(column);
        return column;
    }

    private void money(String title, Function<AssetReportDigest.AccountSummary, Double> amount,
                       Function<AssetReportDigest.AccountSummary, String> currency) {
        column(title, 105, a -> amount.apply(a) == null ? "\u2014" : Formats.money(amount.apply(a), currency.apply(a)))
                .getStyleClass().add("amount");
    }

}
