package dev.tartan.ui.transfers;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.tartan.model.FixAction;
import dev.tartan.model.TransferProposal;
import dev.tartan.model.TransferRow;
import dev.tartan.ui.common.Busy;
import dev.tartan.ui.common.Clipboards;
import dev.tartan.ui.common.FailureView;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.KeptSelection;
import dev.tartan.ui.common.data.DataPane;
import dev.tartan.ui.common.data.Formats;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The list of transfers (or refunds): the catch-up bar (sync, its state, CSV export), the filters,
 * and a virtualised table of every row the filters let through.
 */
final class TransferListView extends VBox {

    static final List<String> STATUSES = List.of("pending", "posted", "settled", "funds_available", "cancelled", "failed", "returned");

    private final TransferListViewModel model;
    private final DateTimeFormatter time;
    private final boolean refunds;

    /**
     * @param refunds  whether this lists the refunds (else the transfers)
     * @param openLink opens a documentation link
     */
    TransferListView(TransferListViewModel model, boolean refunds, ZoneId zone, Consumer<TransferRow> onOpen, Consumer<String> openLink) {
        this.model = model;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        this.refunds = refunds;
        String prefix = refunds ? "refund" : "transfer";
        setId(prefix + "ListView");
        setSpacing(8);
        setPadding(new Insets(8));
        FailureView failure = new FailureView(Fixes.none().with(FixAction.RETRY, model::sync), openLink);
        failure.setId(prefix + "ListFailure");
        failure.getStyleClass().add("inline-failure");
        failure.visibleProperty().bind(model.failureProperty().isNotNull());
        failure.managedProperty().bind(failure.visibleProperty());
        model.failureProperty().addListener((obs, old, report) -> failure.show(report));
        failure.show(model.failureProperty().get());
        TableView<TransferRow> table = refunds ? refundTable(onOpen) : transferTable(onOpen);
        StackPane stack = new StackPane(table, loading());
        VBox.setVgrow(stack, Priority.ALWAYS);
        getChildren().addAll(syncBar(prefix), filters(prefix, refunds), failure, stack);
    }

    private HBox syncBar(String prefix) {
        boolean refunds = this.refunds;
        Button sync = new Button("Sync", new FontIcon(Material2MZ.SYNC));
        sync.setId(prefix + "Sync");
        sync.setTooltip(new Tooltip("/transfer/event/sync: every event since the cursor the vault keeps"));
        sync.setOnAction(e -> model.sync());
        sync.disableProperty().bind(model.syncingProperty());
        Button cancel = Busy.stopButton("Stop", model.syncingProperty(), model::cancel);
        ProgressIndicator spinner = Busy.spinnerWhile(model.syncingProperty());
        Label state = new Label();
        state.setId(prefix + "SyncState");
        state.getStyleClass().add(Styles.TEXT_MUTED);
        state.textProperty().bind(Bindings.createStringBinding(() -> {
            var last = model.stateProperty().get();
            String held = plural(model.rows().size(), "transfer") + " \u00b7 " + plural(model.refunds().size(), "refund");
            if (model.syncingProperty().get()) {
                return held + " \u00b7 catching up\u2026";
            }
            return last == null ? held + " \u00b7 never synced" : held + " \u00b7 event " + last.cursor() + " \u00b7 "
                    + DataPane.describeAge(last.lastSyncedAt(), Instant.now()).replace("Updated", "synced");
        }, model.stateProperty(), model.syncingProperty(), model.rows(), model.refunds()));
        Label notice = new Label();
        notice.setId(prefix + "Notice");
        notice.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        notice.textProperty().bind(model.noticeProperty());
        notice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(notice, Priority.ALWAYS);
        Button export = new Button("Export CSV", new FontIcon(Material2MZ.SAVE_ALT));
        export.setId(prefix + "Export");
        export.setTooltip(new Tooltip("Save the rows the filters show as a CSV file"));
        export.setOnAction(e -> exportCsv());
        export.disableProperty().bind(Bindings.isEmpty(refunds ? model.visibleRefunds() : model.visibleRows()));
        for (Control fixed : new Control[] {sync, cancel, export, state}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, sync, cancel, spinner, state, notice, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static String plural(int count, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
    }

    private VBox filters(String prefix, boolean refunds) {
        CustomTextField search = new CustomTextField();
        search.setId(prefix + "Search");
        search.setPromptText(refunds ? "Search refund or transfer id" : "Search id, description, user, client_user_id");
        search.setLeft(new FontIcon(Material2MZ.SEARCH));
        search.setPrefColumnCount(20);
        search.textProperty().bindBidirectional(model.searchProperty());
        ComboBox<String> status = choice(prefix + "StatusFilter", "Any status", STATUSES);
        status.valueProperty().bindBidirectional(model.statusProperty());
        DatePicker from = new DatePicker();
        from.setId(prefix + "From");
        from.setPromptText("From");
        from.setPrefWidth(125);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId(prefix + "To");
        to.setPromptText("To");
        to.setPrefWidth(125);
        to.valueProperty().bindBidirectional(model.toProperty());
        TextField min = amount(prefix + "Min", "Min $");
        min.textProperty().bindBidirectional(model.minAmountProperty());
        TextField max = amount(prefix + "Max", "Max $");
        max.textProperty().bindBidirectional(model.maxAmountProperty());
        FlowPane bar = new FlowPane(8, 6, search, status, from, to, min, max);
        if (!refunds) {
            ComboBox<String> type = choice("transferTypeFilter", "Debit or credit", TransferProposal.TYPES);
            type.valueProperty().bindBidirectional(model.typeProperty());
            ComboBox<String> network = choice("transferNetworkFilter", "Any network", TransferProposal.NETWORKS);
            network.valueProperty().bindBidirectional(model.networkProperty());
            ComboBox<String> account = new ComboBox<>();
            account.setId("transferAccountFilter");
            account.setPromptText("Any account");
            account.setPrefWidth(170);
            Runnable fill = () -> {
                String picked = account.getValue();
                ObservableList<String> items = FXCollections.observableArrayList(model.accounts());
                items.add(0, null);
                account.setItems(items);
                account.setValue(picked);
            };
            model.accounts().addListener((javafx.collections.ListChangeListener<String>) change -> fill.run());
            fill.run();
            account.valueProperty().bindBidirectional(model.accountProperty());
            bar.getChildren().addAll(type, network, account);
        }
        Button clear = new Button("Clear", new FontIcon(Material2AL.CLEAR_ALL));
        clear.setId(prefix + "ClearFilters");
        clear.setOnAction(e -> model.clearFilters());
        Label count = new Label();
        count.setId(prefix + "Count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        ObservableList<TransferRow> visible = refunds ? model.visibleRefunds() : model.visibleRows();
        ObservableList<TransferRow> all = refunds ? model.refunds() : model.rows();
        count.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d of %,d", visible.size(), all.size()),
                visible, all));
        bar.getChildren().addAll(clear, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId(prefix + "FilterProblem");
        problem.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        problem.textProperty().bind(model.filterProblemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return new VBox(4, bar, problem);
    }

    private static ComboBox<String> choice(String id, String any, List<String> values) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        ObservableList<String> items = FXCollections.observableArrayList(values);
        items.add(0, null);
        box.setItems(items);
        box.setPromptText(any);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? any : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        return box;
    }

    private static TextField amount(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(6);
        return field;
    }

    private TableView<TransferRow> transferTable(Consumer<TransferRow> onOpen) {
        TableView<TransferRow> table = table("transferTable", model.visibleRows(), onOpen,
                "No transfers here yet: make one with New transfer, sync, or clear the filters.");
        table.getColumns().add(chipColumn());
        table.getColumns().add(text("Type", 60, TransferRow::type));
        table.getColumns().add(text("Network", 90, row -> row.network() == null ? (row.detailed() ? "\u2014" : "\u2026") : row.network()));
        table.getColumns().add(amountColumn());
        table.getColumns().add(text("Created", 125, row -> row.created() == null ? "\u2014" : time.format(row.created())));
        table.getColumns().add(text("Updated", 125, row -> row.updated() == null ? "\u2014" : time.format(row.updated())));
        table.getColumns().add(text("Description", 110, TransferRow::description));
        table.getColumns().add(text("Failure or return", 170, TransferRow::failureText));
        table.getColumns().add(text("Account", 120, TransferRow::accountId));
        TableColumn<TransferRow, String> id = text("transfer_id", 270, TransferRow::id);
        id.getStyleClass().add("mono");
        table.getColumns().add(id);
        // A transfer opened from elsewhere (New transfer, Ctrl+K, a recurring transfer) is marked in the list too.
        model.selectedProperty().addListener((obs, old, row) -> {
            TransferRow shown = table.getSelectionModel().getSelectedItem();
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (shown == null || !shown.id().equals(row.id())) {
                table.getItems().stream().filter(item -> item.id().equals(row.id())).findFirst().ifPresent(item -> {
                    table.getSelectionModel().select(item);
                    table.scrollTo(item);
                });
            }
        });
        return table;
    }

    private TableView<TransferRow> refundTable(Consumer<TransferRow> onOpen) {
        TableView<TransferRow> table = table("refundTable", model.visibleRefunds(), onOpen,
                "No refunds held: refund a debit from its transfer, or clear the filters.");
        table.getColumns().add(chipColumn());
        table.getColumns().add(amountColumn());
        table.getColumns().add(text("Created", 125, row -> row.created() == null ? "\u2014" : time.format(row.created())));
        table.getColumns().add(text("Updated", 125, row -> row.updated() == null ? "\u2014" : time.format(row.updated())));
        table.getColumns().add(text("Failure or return", 170, TransferRow::failureText));
        TableColumn<TransferRow, String> id = text("refund_id", 270, TransferRow::id);
        id.getStyleClass().add("mono");
        table.getColumns().add(id);
        TableColumn<TransferRow, String> transfer = text("transfer_id", 270, TransferRow::transferId);
        transfer.getStyleClass().add("mono");
        table.getColumns().add(transfer);
        return table;
    }

    private static TableView<TransferRow> table(String id, javafx.collections.transformation.SortedList<TransferRow> rows,
                                                Consumer<TransferRow> onOpen, String empty) {
        TableView<TransferRow> table = new TableView<>(rows);
        table.setId(id);
        rows.comparatorProperty().bind(table.comparatorProperty());
        table.setPlaceholder(new Label(empty));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // A catch-up or a filter changes the rows under the selection: it stays on the same transfer, never moves to another.
        KeptSelection.keep(table, TransferRow::id, onOpen);
        table.setRowFactory(view -> {
            TableRow<TransferRow> row = new TableRow<>();
            MenuItem copyId = new MenuItem("Copy id");
            copyId.setOnAction(e -> Clipboards.copy(row.getItem().id()));
            MenuItem copyTransfer = new MenuItem("Copy transfer_id");
            copyTransfer.setOnAction(e -> Clipboards.copy(row.getItem().transferId()));
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null)
                    .otherwise(new ContextMenu(copyId, copyTransfer)));
            return row;
        });
        return table;
    }

    private static TableColumn<TransferRow, String> chipColumn() {
        TableColumn<TransferRow, String> status = text("Status", 135, TransferRow::status);
        status.setCellFactory(column -> TransferChips.cell());
        return status;
    }

    private static TableColumn<TransferRow, Long> amountColumn() {
        TableColumn<TransferRow, Long> amount = new TableColumn<>("Amount");
        amount.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().amountCents()));
        amount.setMinWidth(95);
        amount.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long cents, boolean empty) {
                super.updateItem(cents, empty);
                TransferRow row = empty ? null : getTableRow().getItem();
                setText(empty || cents == null || row == null ? null : Formats.money(cents / 100.0, row.currency()));
            }
        });
        amount.getStyleClass().add("amount");
        return amount;
    }

    private static TableColumn<TransferRow, String> text(String title, double width, Function<TransferRow, String> value) {
        TableColumn<TransferRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 60));
        return column;
    }

    private VBox loading() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(36, 36);
        Label text = new Label("Reading the stored transfers\u2026");
        VBox box = new VBox(8, spinner, text);
        box.setAlignment(Pos.CENTER);
        box.visibleProperty().bind(model.loadingProperty().and(Bindings.isEmpty(model.rows())));
        box.setMouseTransparent(true);
        return box;
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(refunds ? "refunds.csv" : "transfers.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    /** Writes what the filters show to {@code file} (what Export CSV does once a file is chosen). */
    public void exportTo(Path file) {
        if (refunds) {
            model.exportRefundsCsv(file);
        } else {
            model.exportCsv(file);
        }
    }
}
