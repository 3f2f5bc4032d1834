package dev.tartan.ui.processor;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.tartan.model.TransactionsPage;
import dev.tartan.service.ProcessorAccountService;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.data.DataPane;
import dev.tartan.ui.common.data.JsonTable;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The Transactions by date tab: a date range, then its transactions a page at a time (/processor/transactions/get). */
final class TransactionsByDateTab {

    private final TransactionsByDateViewModel model;
    private final Consumer<String> openLink;
    private final Label summary = new Label();
    private final JsonTable table = new JsonTable("byDateTable", "No transactions in this range.")
            .field("Date", "date")
            .column("Name", row -> row.hasNonNull("merchant_name") ? row.path("merchant_name").asText() : row.path("name").asText())
            .money("Amount", "amount")
            .column("Status", row -> row.path("pending").asBoolean() ? "pending" : "posted")
            .field("Category", "personal_finance_category", "primary")
            .id("transaction_id", "transaction_id");

    TransactionsByDateTab(TransactionsByDateViewModel model, Consumer<String> openLink) {
        this.model = model;
        this.openLink = openLink;
    }

    Node build() {
        DatePicker start = datePicker("byDateStart");
        start.valueProperty().bindBidirectional(model.startProperty());
        DatePicker end = datePicker("byDateEnd");
        end.valueProperty().bindBidirectional(model.endProperty());
        Spinner<Integer> pageSize = new Spinner<>(1, ProcessorAccountService.MAX_PAGE_SIZE, model.pageSizeProperty().get(), 50);
        pageSize.setId("byDatePageSize");
        pageSize.setEditable(true);
        pageSize.setPrefWidth(100);
        pageSize.valueProperty().addListener((obs, old, now) -> model.pageSizeProperty().set(now));
        Button get = new Button("Get", new FontIcon(Material2MZ.SEARCH));
        get.setId("byDateGet");
        get.getStyleClass().add(Styles.ACCENT);
        get.setOnAction(e -> model.get());
        get.disableProperty().bind(loading());
        HBox form = new HBox(8, Forms.label("From"), start, Forms.label("To"), end, Forms.label("Page size"), pageSize, get);
        form.setAlignment(Pos.CENTER_LEFT);

        summary.setId("byDateSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        Button previous = pageButton("byDatePrevious", "Previous page", new FontIcon(Material2AL.CHEVRON_LEFT),
                TransactionsPage::hasPrevious, model::previous);
        Button next = pageButton("byDateNext", "Next page", new FontIcon(Material2AL.CHEVRON_RIGHT),
                TransactionsPage::hasNext, model::next);
        HBox pager = new HBox(8, summary, new Spacer(), previous, next);
        pager.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(8, pager, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        DataPane result = new DataPane(content, Fixes.retry(model::get), openLink);
        result.setId("byDateResult");
        result.bind(model.pageProperty(), this::show);
        VBox.setVgrow(result, Priority.ALWAYS);

        VBox page = new VBox(14, Forms.heading("Transactions by date", "Calls /processor/transactions/get: the transactions "
                + "of this token's account dated within the range, newest first, a page at a time. To keep a copy up to "
                + "date, the Transactions tab's sync is the better tool."), form, result);
        page.setPadding(new Insets(12));
        return page;
    }

    private void show(TransactionsPage page) {
        int shown = page.transactions().size();
        summary.setText(shown == 0
                ? String.format(Locale.ROOT, "No transactions from %s to %s (request_id %s).", page.start(), page.end(), page.requestId())
                : String.format(Locale.ROOT, "Transactions %,d\u2013%,d of %,d, from %s to %s (request_id %s).",
                        page.offset() + 1, page.offset() + shown, page.total(), page.start(), page.end(), page.requestId()));
        table.show(page.transactions());
        table.fitColumnsToContent();
    }

    private Button pageButton(String id, String text, FontIcon icon, Predicate<TransactionsPage> exists, Runnable go) {
        Button button = new Button(text, icon);
        button.setId(id);
        button.getStyleClass().add(Styles.SMALL);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> go.run());
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            Outcome<TransactionsPage> state = model.pageProperty().get();
            return state.isLoading() || state.data() == null || !exists.test(state.data());
        }, model.pageProperty()));
        return button;
    }

    private BooleanBinding loading() {
        return Bindings.createBooleanBinding(() -> model.pageProperty().get().isLoading(), model.pageProperty());
    }

    private static DatePicker datePicker(String id) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPrefWidth(140);
        return picker;
    }
}
