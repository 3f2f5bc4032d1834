package dev.tartan.ui.transfers;

import atlantafx.base.theme.Styles;
import dev.tartan.model.TransferVolume;
import dev.tartan.ui.common.Figures;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.FormDialog;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.data.ActionStatus;
import dev.tartan.ui.common.data.DataPane;
import dev.tartan.ui.common.data.Formats;
import dev.tartan.ui.common.data.JsonTable;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.LocalDate;
import java.util.function.Consumer;

/** The Plaid Ledger: balance, deposit and withdraw, Sandbox's "make available", the volume chart and the ledger's events. */
final class LedgerView extends VBox {

    private final LedgerViewModel model;
    private final TransfersViewModel pane;
    private final Consumer<String> openLink;

    LedgerView(TransfersViewModel pane, Consumer<String> openLink) {
        this.model = pane.ledger();
        this.pane = pane;
        this.openLink = openLink;
        setId("ledgerView");
        setSpacing(10);
        setPadding(new Insets(10));
        Node events = events();
        VBox.setVgrow(events, Priority.ALWAYS);
        getChildren().addAll(balance(), actions(), chart(), events);
    }

    private Node balance() {
        Label available = Figures.figure("ledgerAvailable");
        Label pending = Figures.figure("ledgerPending");
        Label name = new Label();
        name.getStyleClass().add(Styles.TITLE_4);
        Label id = new Label();
        id.getStyleClass().addAll("mono", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox figures = new HBox(32, Figures.captioned(available, "Available"), Figures.captioned(pending, "Pending"));
        VBox card = new VBox(6, new VBox(0, name, id), figures);
        card.getStyleClass().add(Figures.CARD);
        DataPane data = new DataPane(card, Fixes.retry(model::load), openLink);
        data.setId("ledgerBalancePane");
        data.bind(model.balanceProperty(), ledger -> {
            name.setText((ledger.path("name").asText("Ledger")) + (ledger.path("is_default").asBoolean() ? " (default)" : ""));
            id.setText("ledger_id " + ledger.path("ledger_id").asText());
            available.setText(Formats.money(ledger.path("balance").path("available").asDouble(), "USD"));
            pending.setText(Formats.money(ledger.path("balance").path("pending").asDouble(), "USD"));
        });
        data.setMaxHeight(Region.USE_PREF_SIZE);
        return data;
    }



    private Node actions() {
        Button deposit = new Button("Deposit\u2026", new FontIcon(Material2AL.ADD_CIRCLE_OUTLINE));
        deposit.setId("ledgerDeposit");
        deposit.setTooltip(new Tooltip("/transfer/ledger/deposit: from the funding account into the ledger"));
        deposit.setOnAction(e -> move(true));
        Button withdraw = new Button("Withdraw\u2026", new FontIcon(Material2MZ.REMOVE_CIRCLE_OUTLINE));
        withdraw.setId("ledgerWithdraw");
        withdraw.setTooltip(new Tooltip("/transfer/ledger/withdraw: from the ledger to the funding account"));
        withdraw.setOnAction(e -> move(false));
        Button available = new Button("Make pending funds available", new FontIcon(Material2AL.FAST_FORWARD));
        available.setId("ledgerSimulateAvailable");
        available.setTooltip(new Tooltip("Sandbox: /sandbox/transfer/ledger/simulate_available"));
        available.setOnAction(e -> model.simulateAvailable());
        available.visibleProperty().bind(pane.sandboxProperty());
        available.managedProperty().bind(available.visibleProperty());
        Button reload = new Button(null, new FontIcon(Material2MZ.REFRESH));
        reload.setId("ledgerReload");
        reload.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        reload.setOnAction(e -> model.load());
        ActionStatus<String> status = new ActionStatus<>("ledgerAction", model.actionProperty(), message -> message, Fixes.none(), openLink);
        HBox bar = new HBox(8, deposit, withdraw, available, reload, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void move(boolean deposit) {
        LedgerMoveFormViewModel form = model.newMoveForm(deposit);
        var grid = Forms.grid(1);
        grid.addRow(0, Forms.label("Amount"), Forms.field("ledgerMoveAmount", "in dollars, as 100.00", form.amountProperty()));
        ChoiceBox<String> network = new ChoiceBox<>();
        network.setId("ledgerMoveNetwork");
        network.getItems().setAll(LedgerMoveFormViewModel.NETWORKS);
        network.valueProperty().bindBidirectional(form.networkProperty());
        grid.addRow(1, Forms.label("Network"), network);
        grid.addRow(2, Forms.label("Description"), Forms.field("ledgerMoveDescription", "optional", form.descriptionProperty()));
        new FormDialog<>(getScene().getWindow(), "ledgerMoveDialog", deposit ? "Deposit into the ledger" : "Withdraw from the ledger",
                deposit ? "Moves money from the funding account into the Plaid Ledger (/transfer/ledger/deposit)."
                        : "Moves money from the Plaid Ledger to the funding account (/transfer/ledger/withdraw), at most what is available.",
                grid, deposit ? "Deposit" : "Withdraw", form, openLink).showAndWait();
    }

    /** Daily volume and returns of the transfers the list shows. */
    private Node chart() {
        NumberAxis days = new NumberAxis();
        days.setForceZeroInRange(false);
        days.setAutoRanging(false);
        days.setMinorTickVisible(false);
        days.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number day) {
                return LocalDate.ofEpochDay(Math.round(day.doubleValue())).toString().substring(5);
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        NumberAxis dollars = new NumberAxis();
        dollars.setLabel("$ per day");
        LineChart<Number, Number> chart = new LineChart<>(days, dollars);
        chart.setId("volumeChart");
        chart.getStyleClass().add("volume-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setPrefHeight(220);
        chart.setMinHeight(180);
        chart.setLegendVisible(true);
        XYChart.Series<Number, Number> volume = new XYChart.Series<>();
        volume.setName("Volume (debits and credits)");
        XYChart.Series<Number, Number> returns = new XYChart.Series<>();
        returns.setName("Returned");
        chart.getData().setAll(java.util.List.of(volume, returns));
        Runnable draw = () -> {
            volume.getData().clear();
            returns.getData().clear();
            if (!model.volume().isEmpty()) {
                // One day a tick, or fewer ticks over a long range; a day of margin either side.
                long first = model.volume().get(0).day().toEpochDay();
                long last = model.volume().get(model.volume().size() - 1).day().toEpochDay();
                days.setLowerBound(first - 1);
                days.setUpperBound(last + 1);
                days.setTickUnit(Math.max(1, Math.ceil((last - first + 2) / 12.0)));
            }
            for (TransferVolume day : model.volume()) {
                volume.getData().add(new XYChart.Data<>(day.day().toEpochDay(), (day.debitCents() + day.creditCents()) / 100.0));
                returns.getData().add(new XYChart.Data<>(day.day().toEpochDay(), day.returnedCents() / 100.0));
            }
        };
        model.volume().addListener((ListChangeListener<TransferVolume>) change -> draw.run());
        draw.run();
        Label summary = new Label();
        summary.setId("volumeSummary");
        summary.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        summary.textProperty().bind(model.volumeSummaryProperty());
        Button redraw = new Button("Chart the listed transfers", new FontIcon(Material2MZ.SHOW_CHART));
        redraw.setId("volumeRedraw");
        redraw.setTooltip(new Tooltip("The transfers the Transfers tab's filters show, per day"));
        redraw.setOnAction(e -> model.chart());
        HBox caption = new HBox(10, redraw, summary);
        caption.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, caption, chart);
    }

    private Node events() {
        JsonTable table = new JsonTable("ledgerEvents", "No ledger events.");
        table.moment("Time", "timestamp");
        table.field("Type", "type");
        table.column("Amount", event -> "$" + event.path("amount").asText());
        table.column("Available after", event -> "$" + event.path("available_balance").asText());
        table.column("Pending after", event -> "$" + event.path("pending_balance").asText());
        table.field("Description", "description");
        table.column("Source", event -> event.hasNonNull("transfer_id") ? "transfer " + event.path("transfer_id").asText()
                : event.hasNonNull("refund_id") ? "refund " + event.path("refund_id").asText()
                : event.hasNonNull("sweep_id") ? "sweep " + event.path("sweep_id").asText() : "\u2014");
        DataPane data = new DataPane(table, Fixes.retry(model::load), openLink);
        data.setId("ledgerEventsPane");
        data.bind(model.eventsProperty(), reply -> table.show(reply.path("ledger_events")));
        return data;
    }
}
