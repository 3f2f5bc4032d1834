package dev.tartan.ui.transfers;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.TransferLifecycle;
import dev.tartan.model.TransferRow;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.FormDialog;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.data.ActionStatus;
import dev.tartan.ui.common.data.DataPane;
import dev.tartan.ui.common.data.Formats;
import dev.tartan.ui.common.data.JsonTable;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.util.List;
import java.util.function.Consumer;

/** The Sweeps, Recurring and Test clocks tabs: each a list of Plaid's objects and the one picked. */
final class SubjectsView {

    private SubjectsView() {
    }

    // --- sweeps ----------------------------------------------------------------------------------------

    static Node sweeps(TransfersViewModel pane, Consumer<String> openLink) {
        SweepsViewModel model = pane.sweeps();
        JsonTable table = new JsonTable("sweepTable", "No sweeps.");
        table.moment("Created", "created");
        table.column("Status", sweep -> sweep.path("status").asText());
        table.column("Amount", sweep -> "$" + sweep.path("amount").asText());
        table.field("Trigger", "trigger");
        table.column("Kind", sweep -> !SweepsViewModel.isLedgerSweep(sweep) ? "aggregate sweep"
                : SweepsViewModel.isDeposit(sweep) ? "deposit" : "withdrawal");
        table.field("Settled", "settled");
        table.id("sweep_id", "id");
        TransferDetailView.chips(table, 1);
        table.setItems(model.sweeps());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, sweep) -> {
            if (sweep != null) {
                model.selectedProperty().set(sweep);
            }
        });
        DataPane list = new DataPane(table, Fixes.retry(model::load), openLink);
        list.setId("sweepListPane");
        list.bind(model.stateProperty(), sweeps -> { });
        Button more = new Button("Load more", new FontIcon(Material2MZ.MORE_HORIZ));
        more.setId("sweepsMore");
        more.setOnAction(e -> model.loadMore());
        Button reload = new Button("Reload", new FontIcon(Material2MZ.REFRESH));
        reload.setId("sweepsReload");
        reload.setOnAction(e -> model.load());
        Button simulate = new Button("Simulate a sweep", new FontIcon(Material2MZ.SWAP_HORIZ));
        simulate.setId("simulateSweep");
        simulate.setTooltip(new Tooltip("Sandbox: /sandbox/transfer/sweep/simulate, Plaid's older aggregate sweep of the transfers not swept yet"));
        simulate.setOnAction(e -> model.simulateSweep());
        simulate.visibleProperty().bind(pane.sandboxProperty());
        simulate.managedProperty().bind(simulate.visibleProperty());
        ActionStatus<String> status = new ActionStatus<>("sweepAction", model.actionProperty(), message -> message, Fixes.none(), openLink);
        HBox bar = new HBox(8, reload, more, simulate);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(8, bar, status, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(8));

        Facts facts = new Facts("sweepFacts");
        Label movedTitle = new Label("Transfers it moved");
        movedTitle.getStyleClass().add(Styles.TITLE_4);
        ListView<String> transfers = new ListView<>();
        transfers.setId("sweepTransferIds");
        transfers.setPrefHeight(140);
        transfers.setPlaceholder(new Label("No listed transfer was moved by this sweep."));
        transfers.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && transfers.getSelectionModel().getSelectedItem() != null) {
                pane.openTransfer(transfers.getSelectionModel().getSelectedItem());
            }
        });
        HBox simulations = nextEvents("sweep", model.next(), model.actionProperty(), model::simulate, model.returnCodeProperty(),
                pane.transfer().returnCodes());
        simulations.visibleProperty().bind(pane.sandboxProperty().and(model.next().isNotNull()));
        simulations.managedProperty().bind(simulations.visibleProperty());
        VBox right = new VBox(8, facts, simulations, movedTitle, transfers);
        right.setPadding(new Insets(8));
        model.selectedProperty().addListener((obs, old, sweep) -> {
            facts.clear();
            transfers.getItems().clear();
            if (sweep == null) {
                return;
            }
            facts.id("sweep_id", sweep.path("id").asText());
            facts.add("status", sweep.path("status").asText(null));
            facts.add("amount", "$" + sweep.path("amount").asText());
            facts.add("kind", !SweepsViewModel.isLedgerSweep(sweep) ? "Plaid's aggregate sweep"
                    : SweepsViewModel.isDeposit(sweep) ? "deposit into the ledger" : "withdrawal from the ledger");
            facts.add("created", Formats.moment(sweep.path("created")));
            facts.add("settled", sweep.path("settled").asText(null));
            facts.add("description", sweep.path("description").asText(null));
            facts.id("funding_account_id", sweep.path("funding_account_id").asText(null));
            facts.id("ledger_id", sweep.path("ledger_id").asText(null));
            JsonNode failure = sweep.path("failure_reason");
            facts.add("failure_reason", failure.isObject() ? failure.path("description").asText() : null);
            model.transfersOf(sweep).stream().map(TransferRow::id).forEach(transfers.getItems()::add);
        });
        return split(left, new ScrollPane(right));
    }

    /** The next events a ledger deposit or withdrawal may take, as buttons. */
    private static HBox nextEvents(String prefix, ObservableValue<TransferLifecycle.Next> next, ObservableValue<Outcome<String>> action,
                                   Consumer<String> simulate, javafx.beans.property.ObjectProperty<String> returnCode, List<String> codes) {
        Button forward = new Button("Next event", new FontIcon(Material2MZ.SKIP_NEXT));
        forward.setId(prefix + "Next");
        Button fail = new Button("Fail", new FontIcon(Material2OutlinedAL.ERROR_OUTLINE));
        fail.setId(prefix + "Fail");
        Button ret = new Button("Return", new FontIcon(Material2AL.ASSIGNMENT_RETURN));
        ret.setId(prefix + "Return");
        ComboBox<String> code = new ComboBox<>();
        code.getItems().setAll(codes);
        code.valueProperty().bindBidirectional(returnCode);
        Runnable follow = () -> {
            TransferLifecycle.Next allowed = next.getValue();
            boolean busy = action.getValue() != null && action.getValue().isLoading();
            forward.setText(allowed == null || allowed.nextEvent() == null ? "Next event" : "Next: " + allowed.nextEvent());
            forward.setDisable(busy || allowed == null || allowed.nextEvent() == null);
            fail.setDisable(busy || allowed == null || !allowed.canFail());
            ret.setDisable(busy || allowed == null || !allowed.canReturn());
        };
        next.addListener((obs, old, now) -> follow.run());
        action.addListener((obs, old, now) -> follow.run());
        follow.run();
        forward.setOnAction(e -> simulate.accept(next.getValue().nextEvent()));
        fail.setOnAction(e -> simulate.accept(prefix + ".failed"));
        ret.setOnAction(e -> simulate.accept(prefix + ".returned"));
        Label sandbox = new Label("Sandbox");
        sandbox.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        HBox bar = new HBox(8, sandbox, forward, fail, ret, code);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("sandbox-bar");
        return bar;
    }

    // --- recurring transfers -------------------------------------------------------------------------

    static Node recurring(TransfersViewModel pane, Consumer<String> openLink) {
        RecurringViewModel model = pane.recurring();
        JsonTable table = new JsonTable("recurringTable", "No recurring transfers.");
        table.moment("Created", "created");
        table.column("Status", r -> r.path("status").asText());
        table.column("Amount", r -> "$" + r.path("amount").asText());
        table.field("Type", "type");
        table.column("Schedule", Schedules::schedule);
        table.field("Next", "next_origination_date");
        table.column("Transfers", r -> String.valueOf(r.path("transfer_ids").size()));
        table.id("recurring_transfer_id", "recurring_transfer_id");
        table.setItems(model.recurring());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, r) -> {
            if (r != null) {
                model.selectedProperty().set(r);
            }
        });
        DataPane list = new DataPane(table, Fixes.retry(model::load), openLink);
        list.setId("recurringListPane");
        list.bind(model.stateProperty(), reply -> { });
        Button create = new Button("New recurring transfer\u2026", new FontIcon(Material2AL.ADD_CIRCLE_OUTLINE));
        create.setId("newRecurring");
        create.setOnAction(e -> newRecurring(create, pane, openLink));
        Button cancel = new Button("Cancel it", new FontIcon(Material2AL.BLOCK));
        cancel.setId("cancelRecurring");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.disableProperty().bind(model.selectedProperty().isNull());
        cancel.setOnAction(e -> model.cancel());
        Button reload = new Button("Reload", new FontIcon(Material2MZ.REFRESH));
        reload.setId("recurringReload");
        reload.setOnAction(e -> model.load());
        ActionStatus<String> status = new ActionStatus<>("recurringAction", model.actionProperty(), message -> message, Fixes.none(),
                openLink);
        HBox bar = new HBox(8, create, cancel, reload);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(8, bar, status, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(8));

        Facts facts = new Facts("recurringFacts");
        ListView<String> transfers = new ListView<>();
        transfers.setId("recurringTransferIds");
        transfers.setPrefHeight(180);
        transfers.setPlaceholder(new Label("It has originated no transfers yet."));
        transfers.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && transfers.getSelectionModel().getSelectedItem() != null) {
                pane.openTransfer(transfers.getSelectionModel().getSelectedItem());
            }
        });
        Label originated = new Label("Transfers it originated (double-click to open)");
        originated.getStyleClass().add(Styles.TITLE_4);
        VBox right = new VBox(8, facts, originated, transfers);
        right.setPadding(new Insets(8));
        model.selectedProperty().addListener((obs, old, r) -> {
            facts.clear();
            transfers.getItems().clear();
            if (r == null) {
                return;
            }
            facts.id("recurring_transfer_id", r.path("recurring_transfer_id").asText());
            facts.add("status", r.path("status").asText());
            facts.add("amount", r.path("type").asText() + " $" + r.path("amount").asText() + " over " + r.path("network").asText());
            facts.add("schedule", Schedules.schedule(r));
            facts.add("next_origination_date", r.path("next_origination_date").asText(null));
            facts.add("description", r.path("description").asText(null));
            facts.id("account_id", r.path("account_id").asText(null));
            facts.id("test_clock_id", r.path("test_clock_id").asText(null));
            facts.add("created", Formats.moment(r.path("created")));
            r.path("transfer_ids").forEach(id -> transfers.getItems().add(id.asText()));
        });
        return split(left, new ScrollPane(right));
    }

    private static void newRecurring(Node owner, TransfersViewModel pane, Consumer<String> openLink) {
        RecurringFormViewModel form = pane.recurring().newForm(pane.zone());
        var grid = Forms.grid(1);
        int row = NewTransferDialog.termsRows(grid, 0, form.terms(), "recurring");
        ChoiceBox<String> unit = new ChoiceBox<>();
        unit.setId("recurringUnit");
        unit.getItems().setAll("week", "month");
        unit.valueProperty().bindBidirectional(form.intervalUnitProperty());
        Spinner<Integer> count = new Spinner<>(1, 12, 1);
        count.setId("recurringCount");
        count.setPrefWidth(80);
        count.getValueFactory().valueProperty().bindBidirectional(form.intervalCountProperty());
        Spinner<Integer> day = new Spinner<>(-5, 28, 1);
        day.setId("recurringDay");
        day.setPrefWidth(80);
        day.setTooltip(new Tooltip("Weekly: 1 (Monday) to 5 (Friday). Monthly: 1 to 28, or -1 (the last day) to -5."));
        day.getValueFactory().valueProperty().bindBidirectional(form.executionDayProperty());
        HBox every = new HBox(8, Forms.label("every"), count, unit, Forms.label("on day"), day);
        every.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(row++, Forms.label("Repeats"), every);
        DatePicker start = new DatePicker();
        start.setId("recurringStart");
        start.valueProperty().bindBidirectional(form.startDateProperty());
        DatePicker end = new DatePicker();
        end.setId("recurringEnd");
        end.setPromptText("optional");
        end.valueProperty().bindBidirectional(form.endDateProperty());
        HBox dates = new HBox(8, start, Forms.label("until"), end);
        dates.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(row, Forms.label("From"), dates);
        new FormDialog<>(owner.getScene().getWindow(), "recurringDialog", "New recurring transfer",
                "Plaid authorizes a recurring transfer when it is created (/transfer/recurring/create), then originates a transfer "
                        + "on each day of its schedule. On a test clock, advancing the clock runs the schedule.",
                grid, "Create", form, openLink).showAndWait().ifPresent(reply -> {
                    if (!"approved".equals(reply.path("decision").asText())) {
                        JsonNode rationale = reply.path("decision_rationale");
                        new dev.tartan.ui.common.Confirmation(owner.getScene().getWindow(), "recurringDeclined", "Not approved",
                                "Plaid's decision: " + reply.path("decision").asText(),
                                rationale.isObject() ? rationale.path("code").asText() + ": " + rationale.path("description").asText() : "",
                                "OK", false).ask();
                    }
                });
    }

    // --- test clocks ----------------------------------------------------------------------------------

    static Node clocks(TransfersViewModel pane, Consumer<String> openLink) {
        TestClocksViewModel model = pane.clocks();
        JsonTable table = new JsonTable("clockTable", "No test clocks.");
        table.id("test_clock_id", "test_clock_id");
        table.moment("Virtual time", "virtual_time");
        table.setItems(model.clocks());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, clock) -> {
            if (clock != null) {
                model.selectedProperty().set(clock);
            }
        });
        model.selectedProperty().addListener((obs, old, clock) -> {
            if (clock != null && table.getSelectionModel().getSelectedItem() != clock) {
                table.getSelectionModel().select(clock);
            }
        });
        DataPane list = new DataPane(table, Fixes.retry(model::load), openLink);
        list.setId("clockListPane");
        list.bind(model.stateProperty(), clocks -> { });
        Button create = new Button("New test clock", new FontIcon(Material2AL.ADD_ALARM));
        create.setId("newClock");
        create.setOnAction(e -> model.create());
        Spinner<Integer> days = new Spinner<>(1, 365, 7);
        days.setId("clockDays");
        days.setEditable(true);
        days.setPrefWidth(90);
        days.getValueFactory().valueProperty().bindBidirectional(model.daysProperty());
        Button advance = new Button("Advance", new FontIcon(Material2AL.FAST_FORWARD));
        advance.setId("advanceClock");
        advance.disableProperty().bind(model.selectedProperty().isNull());
        advance.setOnAction(e -> model.advance());
        Button reload = new Button("Reload", new FontIcon(Material2MZ.REFRESH));
        reload.setId("clocksReload");
        reload.setOnAction(e -> model.load());
        HBox bar = new HBox(8, create, Forms.label("Advance the clock picked by"), days, Forms.label("days"), advance, reload);
        bar.setAlignment(Pos.CENTER_LEFT);
        ActionStatus<String> status = new ActionStatus<>("clockAction", model.actionProperty(), message -> message, Fixes.none(), openLink);
        ListView<String> originated = new ListView<>(model.originated());
        originated.setId("clockOriginated");
        originated.setPlaceholder(new Label("The transfers an advance originates show here (double-click one to open it)."));
        originated.setPrefHeight(160);
        originated.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && originated.getSelectionModel().getSelectedItem() != null) {
                pane.openTransfer(originated.getSelectionModel().getSelectedItem());
            }
        });
        Label title = new Label("Originated by the last advance");
        title.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(8, bar, status, list, title, originated);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        box.setId("clocksView");
        return box;
    }

    private static SplitPane split(Node left, Node right) {
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.6);
        if (right instanceof ScrollPane scroll) {
            scroll.setFitToWidth(true);
        }
        return split;
    }
}
