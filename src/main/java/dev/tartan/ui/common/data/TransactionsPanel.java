package dev.tartan.ui.common.data;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.tartan.model.FixAction;
import dev.tartan.model.TransactionRow;
import dev.tartan.ui.common.Busy;
import dev.tartan.ui.common.Clipboards;
import dev.tartan.ui.common.FailureView;
import dev.tartan.ui.common.Fixes;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.io.File;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The transactions tab: filters (text, dates, pending or posted, category, amount), a virtualised
 * table over every stored transaction, the sync with its progress, and CSV export of what the
 * filters show.
 */
public final class TransactionsPanel extends VBox {

    private final TransactionsViewModel model;

    /**
     * @param fixes what the pane around it can fix (an update-mode Link token, ...); "Try again"
     *              and "Restart the sync" are the panel's own: they sync again
     */
    public TransactionsPanel(TransactionsViewModel model, Fixes fixes, Consumer<String> openLink) {
        this.model = model;
        setId("transactionsPanel");
        setSpacing(8);
        setPadding(new Insets(8));

        FailureView failure = new FailureView(fixes.with(FixAction.RETRY, model::sync).with(FixAction.RESTART_SYNC, model::sync), openLink);
        failure.setId("transactionsFailure");
        failure.getStyleClass().add("inline-failure");
        failure.visibleProperty().bind(model.failureProperty().isNotNull());
        failure.managedProperty().bind(failure.visibleProperty());
        model.failureProperty().addListener((obs, old, report) -> failure.show(report));

        StackPane table = new StackPane(table(), loading());
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(syncBar(), filters(), failure, table);
    }

    private HBox syncBar() {
        Button sync = new Button("Sync", new FontIcon(Material2MZ.SYNC));
        sync.setId("txnSync");
        sync.setTooltip(new Tooltip("/transactions/sync: every page of changes since the last sync"));
        sync.setOnAction(e -> model.sync());
        sync.disableProperty().bind(model.syncingProperty());
        // Transactions that came whole with their subject (an asset report's) have nothing to sync.
        sync.visibleProperty().bind(model.syncableProperty());
        sync.managedProperty().bind(sync.visibleProperty());
        Button cancel = Busy.stopButton("Cancel", model.syncingProperty(), model::cancelSync);
        ProgressIndicator spinner = Busy.spinnerWhile(model.syncingProperty());

        Label state = new Label();
        state.setId("txnState");
        state.getStyleClass().add(Styles.TEXT_MUTED);
        state.textProperty().bind(Bindings.createStringBinding(() -> {
            var last = model.stateProperty().get();
            String stored = String.format("%,d stored", model.rows().size());
            if (!model.syncableProperty().get()) {
                return String.format("%,d in all", model.rows().size());
            }
            if (model.syncingProperty().get()) {
                return stored + " \u00b7 syncing\u2026";
            }
            return last == null ? stored + " \u00b7 never synced"
                    : stored + " \u00b7 " + DataPane.describeAge(last.lastSyncedAt(), Instant.now()).replace("Updated", "synced");
        }, model.stateProperty(), model.syncingProperty(), model.rows(), model.syncableProperty()));
        Label notice = new Label();
        notice.setId("txnNotice");
        notice.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        notice.textProperty().bind(model.noticeProperty());

        Button export = new Button("Export CSV", new FontIcon(Material2MZ.SAVE_ALT));
        export.setId("txnExport");
        export.setTooltip(new Tooltip("Save the transactions the filters show as a CSV file"));
        export.setOnAction(e -> exportCsv());
        export.disableProperty().bind(Bindings.isEmpty(model.visibleRows()));
        for (javafx.scene.control.Control fixed : new javafx.scene.control.Control[] {sync, cancel, export, state}) {
            fixed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox.setHgrow(notice, Priority.ALWAYS);
        notice.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(8, sync, cancel, spinner, state, notice, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private FlowPane filters() {
        CustomTextField search = new CustomTextField();
        search.setId("txnSearch");
        search.setPromptText("Search name, merchant, category, transaction_id");
        search.setLeft(new FontIcon(Material2MZ.SEARCH));
        search.setPrefColumnCount(22);
        search.textProperty().bindBidirectional(model.searchProperty());

        DatePicker from = new DatePicker();
        from.setId("txnFrom");
        from.setPromptText("From");
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("txnTo");
        to.setPromptText("To");
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(model.toProperty());

        ComboBox<TransactionsViewModel.Status> status = new ComboBox<>(FXCollections.observableArrayList(TransactionsViewModel.Status.values()));
        status.setId("txnStatus");
        status.valueProperty().bindBidirectional(model.statusProperty());
        status.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TransactionsViewModel.Status value) {
                return value == null ? "" : switch (value) {
                    case ALL -> "Pending and posted";
                    case PENDING -> "Pending only";
                    case POSTED -> "Posted only";
                };
            }

            @Override
            public TransactionsViewModel.Status fromString(String text) {
                return null;
            }
        });

        ComboBox<String> category = new ComboBox<>();
        category.setId("txnCategory");
        category.setPromptText("Any category");
        category.setPrefWidth(190);
        model.categories().addListener((ListChangeListener<String>) change -> {
            category.getItems().setAll(model.categories());
            category.getItems().add(0, null);
        });
        category.valueProperty().bindBidirectional(model.categoryProperty());

        ComboBox<String> account = new ComboBox<>();
        account.setId("txnAccount");
        account.setPromptText("Every account");
        account.setPrefWidth(150);
        account.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String accountId) {
                return accountId == null ? "Every account" : model.accountNamesProperty().get().getOrDefault(accountId, accountId);
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        Runnable listAccounts = () -> {
            java.util.List<String> ids = new java.util.ArrayList<>();
            ids.add(null);
            ids.addAll(model.accountNamesProperty().get().keySet());
            account.getItems().setAll(ids);
        };
        model.accountNamesProperty().addListener((obs, old, now) -> listAccounts.run());
        listAccounts.run();
        account.valueProperty().bindBidirectional(model.accountProperty());
        // One account needs no picking.
        account.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.accountNamesProperty().get().size() > 1,
                model.accountNamesProperty()));
        account.managedProperty().bind(account.visibleProperty());

        TextField min = amountField("txnMin", "Min amount");
        TextField max = amountField("txnMax", "Max amount");
        bindAmount(min, model.minAmountProperty());
        bindAmount(max, model.maxAmountProperty());

        Button clear = new Button("Clear", new FontIcon(Material2AL.CLEAR_ALL));
        clear.setId("txnClearFilters");
        clear.setOnAction(e -> {
            model.clearFilters();
            min.clear();
            max.clear();
        });
        Label count = new Label();
        count.setId("txnCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.createStringBinding(
                () -> String.format("%,d of %,d", model.visibleRows().size(), model.rows().size()), model.visibleRows(), model.rows()));

        FlowPane bar = new FlowPane(8, 6, search, account, from, to, status, category, min, max, clear, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static TextField amountField(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(7);
        return field;
    }

    /** A number typed into {@code field} sets {@code target}; anything else clears it and marks the field. */
    private static void bindAmount(TextField field, javafx.beans.property.ObjectProperty<Double> target) {
        field.textProperty().addListener((obs, old, text) -> {
            field.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            if (text == null || text.isBlank()) {
                target.set(null);
                return;
            }
            try {
                target.set(Double.parseDouble(text.strip().replace(",", "")));
            } catch (NumberFormatException e) {
                field.pseudoClassStateChanged(Styles.STATE_DANGER, true);
                target.set(null);
            }
        });
    }

    private TableView<TransactionRow> table() {
        TableView<TransactionRow> table = new TableView<>(model.visibleRows());
        table.setId("txnTable");
        model.visibleRows().comparatorProperty().bind(table.comparatorProperty());
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(model.syncableProperty())
                .then("No transactions here yet: sync to fetch them, or clear the filters.")
                .otherwise("No transaction matches the filters."));
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TransactionRow, LocalDate> date = new TableColumn<>("Date");
        date.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().date()));
        date.setMinWidth(100);
        table.getColumns().add(date);
        table.getColumns().add(text("Description", 220, row -> row.merchantName() != null ? row.merchantName() : row.name()));
        TableColumn<TransactionRow, Double> amount = new TableColumn<>("Amount");
        amount.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().amount()));
        amount.setMinWidth(110);
        amount.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Double value, boolean empty) {
                super.updateItem(value, empty);
                TransactionRow row = empty ? null : getTableRow().getItem();
                setText(empty || value == null || row == null ? null : Formats.money(value, row.currency()));
                // Plaid signs amounts from the account's view: negative is money coming in.
                pseudoClassStateChanged(Styles.STATE_SUCCESS, !empty && value != null && value < 0);
            }
        });
        amount.getStyleClass().add("amount");
        table.getColumns().add(amount);
        table.getColumns().add(text("Status", 80, row -> row.pending() ? "pending" : "posted"));
        table.getColumns().add(text("Category", 160, row -> row.categoryPrimary() == null ? "\u2014" : row.categoryPrimary()));
        table.getColumns().add(text("Account", 140, row -> model.accountNamesProperty().get().getOrDefault(row.accountId(), row.accountId())));
        table.getColumns().add(text("Channel", 90, row -> row.paymentChannel() == null ? "\u2014" : row.paymentChannel()));
        TableColumn<TransactionRow, String> id = text("transaction_id", 200, TransactionRow::transactionId);
        id.getStyleClass().add("mono");
        table.getColumns().add(id);
        table.setRowFactory(view -> {
            TableRow<TransactionRow> row = new TableRow<>();
            MenuItem copyId = new MenuItem("Copy transaction_id");
            copyId.setOnAction(e -> Clipboards.copy(row.getItem().transactionId()));
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(new ContextMenu(copyId)));
            return row;
        });
        model.accountNamesProperty().addListener((obs, old, now) -> table.refresh());
        return table;
    }

    private static TableColumn<TransactionRow, String> text(String title, double minWidth, Function<TransactionRow, String> value) {
        TableColumn<TransactionRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setMinWidth(minWidth);
        return column;
    }

    private VBox loading() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(36, 36);
        Label text = new Label("Reading the stored transactions\u2026");
        VBox box = new VBox(8, spinner, text);
        box.setAlignment(Pos.CENTER);
        box.visibleProperty().bind(model.loadingProperty());
        box.setMouseTransparent(true);
        return box;
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("transactions.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    /** Writes what the filters show to {@code file} (what Export CSV does once a file is chosen). */
    public void exportTo(java.nio.file.Path file) {
        model.exportCsv(file);
    }
}
