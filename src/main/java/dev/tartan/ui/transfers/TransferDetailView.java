package dev.tartan.ui.transfers;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.TransferAmount;
import dev.tartan.model.TransferLifecycle;
import dev.tartan.ui.common.Clipboards;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.FormDialog;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.UseInboxButton;
import dev.tartan.ui.common.data.ActionStatus;
import dev.tartan.ui.common.data.CallLogView;
import dev.tartan.ui.common.data.DataPane;
import dev.tartan.ui.common.data.Formats;
import dev.tartan.ui.common.data.JsonTable;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.util.ArrayList;
import java.util.List;

/**
 * The open transfer: a header with its status, what can be done to it (cancel, refund, copy ids;
 * in Sandbox the next events Plaid allows and the webhook), and tabs: its facts, its timeline, its
 * refunds, its sweep, its authorization's decision, and the calls made for it.
 */
final class TransferDetailView extends VBox {

    private final TransferViewModel model;
    private final TransfersViewModel pane;
    private final Navigator navigator;

    TransferDetailView(TransfersViewModel pane, Navigator navigator) {
        this.model = pane.transfer();
        this.pane = pane;
        this.navigator = navigator;
        setId("transferDetail");
        setMinWidth(0);
        Node tabs = tabs();
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(header(), actions(), sandboxBar(), status(), tabs);
    }

    // --- header ---------------------------------------------------------------------------------------

    private Node header() {
        Label title = new Label();
        title.setId("transferTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        Label chip = TransferChips.chip(null);
        chip.setId("transferStatus");
        Label id = new Label();
        id.setId("transferId");
        id.getStyleClass().addAll("mono", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label facts = new Label();
        facts.setId("transferFacts");
        facts.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        facts.setWrapText(true);
        facts.setMinHeight(Region.USE_PREF_SIZE);
        model.transferIdProperty().addListener((obs, old, now) -> id.setText(now == null ? "" : now));
        model.transfer().addListener((obs, old, transfer) -> {
            if (transfer == null) {
                title.setText(model.transferIdProperty().get() == null ? "" : "Transfer");
                TransferChips.show(chip, null);
                facts.setText("");
                return;
            }
            title.setText(capitalized(transfer.path("type").asText()) + " " + Formats.money(transfer.path("amount").asDouble(),
                    transfer.path("iso_currency_code").asText("USD")) + " \u00b7 " + transfer.path("network").asText());
            TransferChips.show(chip, transfer.path("status").asText());
            List<String> parts = new ArrayList<>();
            parts.add("created " + Formats.moment(transfer.path("created")));
            parts.add("account " + transfer.path("account_id").asText());
            if (transfer.hasNonNull("description")) {
                parts.add("\u201c" + transfer.path("description").asText() + "\u201d");
            }
            JsonNode failure = transfer.path("failure_reason");
            if (failure.isObject()) {
                parts.add((failure.hasNonNull("ach_return_code") ? failure.path("ach_return_code").asText() + ": " : "")
                        + failure.path("description").asText(""));
            }
            facts.setText(String.join("  \u00b7  ", parts));
        });
        Button reload = new Button(null, new FontIcon(Material2MZ.REFRESH));
        reload.setId("reloadTransfer");
        reload.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        reload.setTooltip(new Tooltip("Read the transfer and its events again"));
        reload.setOnAction(e -> model.reload());
        title.setMinWidth(0);
        FlowPane top = new FlowPane(10, 4, title, chip, reload);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(2, top, id, facts);
        header.setPadding(new Insets(10, 12, 4, 12));
        return header;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private Node actions() {
        Button cancel = new Button("Cancel transfer", new FontIcon(Material2AL.BLOCK));
        cancel.setId("cancelTransfer");
        cancel.getStyleClass().addAll(Styles.DANGER);
        cancel.setTooltip(new Tooltip("/transfer/cancel: Plaid allows it while the transfer is pending, before it is sent"));
        cancel.disableProperty().bind(model.cancellable().not());
        cancel.setOnAction(e -> model.cancel());
        Button refund = new Button("Refund\u2026", new FontIcon(Material2MZ.UNDO));
        refund.setId("refundTransfer");
        refund.setTooltip(new Tooltip("/transfer/refund/create: give back part or all of a debit"));
        refund.disableProperty().bind(model.refundable().lessThanOrEqualTo(0));
        refund.setOnAction(e -> refund());
        Label left = new Label();
        left.setId("refundableLeft");
        left.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        left.textProperty().bind(Bindings.createStringBinding(() -> model.transfer().get() == null
                || !"debit".equals(model.transfer().get().path("type").asText()) ? ""
                : model.refundable().get() == 0 ? "nothing left to refund"
                : "$" + TransferAmount.format(model.refundable().get()) + " left to refund", model.refundable(), model.transfer()));
        MenuButton copy = new MenuButton("Copy", new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copy.setId("copyIds");
        copy.setOnShowing(e -> {
            copy.getItems().clear();
            JsonNode transfer = model.transfer().get();
            if (transfer != null) {
                for (String field : List.of("id", "authorization_id", "account_id", "recurring_transfer_id", "network_trace_id")) {
                    if (transfer.hasNonNull(field)) {
                        copy.getItems().add(Forms.menuItem(field + "  " + transfer.path(field).asText(), "copy-" + field, null,
                                () -> Clipboards.copy(transfer.path(field).asText())));
                    }
                }
            }
        });
        FlowPane bar = new FlowPane(8, 6, cancel, refund, left, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 12, 6, 12));
        for (Node node : bar.getChildren()) {
            if (node instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return bar;
    }

    private void refund() {
        RefundFormViewModel form = model.newRefundForm();
        TextField amount = Forms.field("refundAmount", "at most " + TransferAmount.format(form.leftCents()), form.amountProperty());
        var grid = Forms.grid(1);
        grid.addRow(0, Forms.label("Amount"), amount);
        grid.addRow(1, Forms.label("Left to refund"), new Label("$" + TransferAmount.format(form.leftCents()) + " of $"
                + form.transferAmount()));
        new FormDialog<>(getScene().getWindow(), "refundDialog", "Refund the transfer",
                "A refund gives back part or all of a debit (/transfer/refund/create), at most what is left.",
                grid, "Refund", form, navigator::openLink).showAndWait();
    }

    /** Sandbox only: the next events Plaid allows, a failure, a return with its code, and the Transfer webhook. */
    private Node sandboxBar() {
        Button next = new Button("Next event", new FontIcon(Material2MZ.SKIP_NEXT));
        next.setId("simulateNext");
        Button fail = new Button("Fail", new FontIcon(Material2OutlinedAL.ERROR_OUTLINE));
        fail.setId("simulateFail");
        fail.getStyleClass().add(Styles.DANGER);
        Button ret = new Button("Return", new FontIcon(Material2AL.ASSIGNMENT_RETURN));
        ret.setId("simulateReturn");
        ret.getStyleClass().add(Styles.DANGER);
        ComboBox<String> code = new ComboBox<>();
        code.setId("returnCode");
        code.getItems().setAll(model.returnCodes());
        code.valueProperty().bindBidirectional(model.returnCodeProperty());
        code.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : TransferViewModel.meaningOf(value);
            }

            @Override
            public String fromString(String text) {
                return text == null ? null : text.split(" ")[0];
            }
        });
        code.setPrefWidth(220);
        Runnable follow = () -> {
            TransferLifecycle.Next allowed = model.next().get();
            boolean busy = model.actionProperty().get().isLoading();
            String nextEvent = allowed == null ? null : allowed.nextEvent();
            next.setText(nextEvent == null ? "Next event" : "Next: " + nextEvent.replace('_', ' '));
            next.setDisable(busy || nextEvent == null);
            fail.setDisable(busy || allowed == null || !allowed.canFail());
            ret.setDisable(busy || allowed == null || !allowed.canReturn());
            code.setDisable(allowed == null || !allowed.canReturn());
        };
        model.next().addListener((obs, old, now) -> follow.run());
        model.actionProperty().addListener((obs, old, now) -> follow.run());
        follow.run();
        next.setOnAction(e -> {
            TransferLifecycle.Next allowed = model.next().get();
            if (allowed != null && allowed.nextEvent() != null) {
                model.simulate(allowed.nextEvent());
            }
        });
        fail.setOnAction(e -> model.simulate("failed"));
        ret.setOnAction(e -> model.simulate("returned"));

        TextField webhook = Forms.field("transferWebhook", "Webhook URL (optional)", model.webhookUrlProperty());
        webhook.setPrefColumnCount(18);
        Button fire = new Button("Fire webhook", new FontIcon(Material2MZ.SEND));
        fire.setId("fireTransferWebhook");
        fire.setTooltip(new Tooltip("/sandbox/transfer/fire_webhook: TRANSFER_EVENTS_UPDATE to this URL"));
        fire.disableProperty().bind(model.webhookUrlProperty().isEmpty());
        fire.setOnAction(e -> model.fireWebhook());
        Label sandbox = new Label("Sandbox");
        sandbox.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        HBox returning = new HBox(6, ret, code);
        returning.setAlignment(Pos.CENTER_LEFT);
        // The field and its two buttons wrap one by one: as one row they ran out of a narrow window.
        FlowPane bar = new FlowPane(8, 6, sandbox, next, fail, returning, webhook, UseInboxButton.filling(webhook, pane.inbox()), fire);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("sandbox-bar");
        bar.setId("transferSandbox");
        VBox box = new VBox(bar);
        box.setPadding(new Insets(0, 12, 6, 12));
        box.visibleProperty().bind(pane.sandboxProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node status() {
        ActionStatus<String> status = new ActionStatus<>("transferAction", model.actionProperty(), message -> message, Fixes.none(),
                navigator::openLink);
        VBox box = new VBox(status);
        box.setPadding(new Insets(0, 12, 4, 12));
        // A long failure scrolls in its own place: the tabs below stay in view.
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        // A line for what an action achieved; a failure gets room for its explanation, and scrolls beyond it.
        java.util.function.Consumer<Outcome<String>> size = state -> scroll.setPrefViewportHeight(
                state.phase() == Outcome.Phase.FAILED ? 160 : 28);
        model.actionProperty().addListener((obs, old, now) -> size.accept(now));
        size.accept(model.actionProperty().get());
        scroll.setMinHeight(Region.USE_PREF_SIZE);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        scroll.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !isNothing(model.actionProperty().get()),
                model.actionProperty()));
        scroll.managedProperty().bind(scroll.visibleProperty());
        return scroll;
    }

    // --- tabs -------------------------------------------------------------------------------------------

    private Node tabs() {
        return Forms.tabs("transferTabs",
                Forms.tab("Overview", "transferOverviewTab", overview()),
                Forms.tab("Timeline", "transferTimelineTab", timeline()),
                Forms.tab("Refunds", "transferRefundsTab", refunds()),
                Forms.tab("Sweep", "transferSweepTab", sweep()),
                Forms.tab("Authorization", "transferAuthorizationTab", authorization()),
                Forms.tab("Raw JSON", "transferRawTab", new CallLogView(model.calls())));
    }

    private DataPane pane(String id, Node content, TransferData read, java.util.function.Consumer<JsonNode> render) {
        DataPane data = new DataPane(content, Fixes.retry(model::reload), navigator::openLink);
        data.setId(id);
        data.bind(model.stateOf(read), render);
        return data;
    }

    private Node overview() {
        Facts facts = new Facts("transferOverview");
        ScrollPane scroll = new ScrollPane(facts);
        scroll.setFitToWidth(true);
        facts.setPadding(new Insets(8));
        return pane("transferOverviewPane", scroll, TransferData.TRANSFER, reply -> {
            JsonNode t = reply.path("transfer");
            facts.clear();
            facts.id("transfer_id", t.path("id").asText());
            facts.add("status", t.path("status").asText());
            facts.add("type", t.path("type").asText());
            facts.add("amount", Formats.money(t.path("amount").asDouble(), t.path("iso_currency_code").asText("USD")));
            facts.add("network", t.path("network").asText());
            facts.add("ach_class", t.path("ach_class").asText(null));
            facts.add("created", Formats.moment(t.path("created")));
            facts.add("description", t.path("description").asText(null));
            facts.add("user", t.path("user").path("legal_name").asText(null));
            facts.id("account_id", t.path("account_id").asText(null));
            facts.id("authorization_id", t.path("authorization_id").asText(null));
            facts.id("ledger_id", t.path("ledger_id").asText(null));
            JsonNode failure = t.path("failure_reason");
            facts.add("failure_reason", failure.isObject() ? (failure.hasNonNull("ach_return_code")
                    ? failure.path("ach_return_code").asText() + ": " : "") + failure.path("description").asText("") : null);
            facts.add("cancellable", t.path("cancellable").asText());
            facts.add("expected_settlement_date", t.path("expected_settlement_date").asText(null));
            facts.add("expected_funds_available_date", t.path("expected_funds_available_date").asText(null));
            facts.add("standard_return_window", t.path("standard_return_window").asText(null));
            facts.add("unauthorized_return_window", t.path("unauthorized_return_window").asText(null));
            facts.add("sweep_status", t.path("sweep_status").asText(null));
            facts.add("guarantee_decision", t.path("guarantee_decision").asText(null));
            facts.id("recurring_transfer_id", t.path("recurring_transfer_id").asText(null));
            facts.id("network_trace_id", t.path("network_trace_id").asText(null));
            JsonNode metadata = t.path("metadata");
            if (metadata.isObject()) {
                metadata.fields().forEachRemaining(pair -> facts.add("metadata." + pair.getKey(), pair.getValue().asText()));
            }
        });
    }

    /** Each status with its time and reason, oldest first. */
    private Node timeline() {
        JsonTable table = new JsonTable("transferTimeline", "No events yet.");
        table.moment("Time", "timestamp");
        table.column("Event", event -> event.path("event_type").asText());
        table.column("Amount", event -> event.hasNonNull("transfer_amount") ? "$" + event.path("transfer_amount").asText() : "\u2014");
        table.column("Reason", event -> {
            JsonNode failure = event.path("failure_reason");
            return failure.isObject() ? (failure.hasNonNull("ach_return_code") ? failure.path("ach_return_code").asText() + ": " : "")
                    + failure.path("description").asText("") : "\u2014";
        });
        table.id("Refund", "refund_id");
        table.id("Sweep", "sweep_id");
        table.field("event_id", "event_id");
        chips(table, 1);
        return pane("transferTimelinePane", table, TransferData.EVENTS, reply -> {
            List<JsonNode> oldestFirst = new ArrayList<>();
            reply.path("transfer_events").forEach(event -> oldestFirst.add(0, event));
            table.show(oldestFirst);
            table.fitColumnsToContent();
        });
    }

    /** The transfer's refunds, with what can be done to the one picked. */
    private Node refunds() {
        JsonTable table = new JsonTable("transferRefunds", "No refunds. A debit can be refunded with Refund\u2026");
        table.id("refund_id", "id");
        table.column("Amount", refund -> "$" + refund.path("amount").asText());
        table.column("Status", refund -> refund.path("status").asText());
        table.moment("Created", "created");
        table.column("Failure", refund -> refund.path("failure_reason").isObject()
                ? refund.path("failure_reason").path("ach_return_code").asText("") + " " + refund.path("failure_reason").path("description").asText("")
                : "\u2014");
        chips(table, 2);
        Button cancel = new Button("Cancel refund", new FontIcon(Material2AL.BLOCK));
        cancel.setId("cancelRefund");
        cancel.getStyleClass().add(Styles.DANGER);
        Button next = new Button("Next event", new FontIcon(Material2MZ.SKIP_NEXT));
        next.setId("refundNext");
        Button fail = new Button("Fail", new FontIcon(Material2OutlinedAL.ERROR_OUTLINE));
        fail.setId("refundFail");
        Button ret = new Button("Return", new FontIcon(Material2AL.ASSIGNMENT_RETURN));
        ret.setId("refundReturn");
        Runnable follow = () -> {
            JsonNode refund = table.getSelectionModel().getSelectedItem();
            TransferLifecycle.Next allowed = refund == null ? null : model.nextForRefund(refund);
            cancel.setDisable(refund == null || !"pending".equals(refund.path("status").asText()));
            next.setText(allowed == null || allowed.nextEvent() == null ? "Next event" : "Next: " + allowed.nextEvent());
            next.setDisable(allowed == null || allowed.nextEvent() == null);
            fail.setDisable(allowed == null || !allowed.canFail());
            ret.setDisable(allowed == null || !allowed.canReturn());
        };
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> follow.run());
        follow.run();
        cancel.setOnAction(e -> model.cancelRefund(table.getSelectionModel().getSelectedItem().path("id").asText()));
        next.setOnAction(e -> {
            JsonNode refund = table.getSelectionModel().getSelectedItem();
            model.simulateRefund(refund.path("id").asText(), model.nextForRefund(refund).nextEvent());
        });
        fail.setOnAction(e -> model.simulateRefund(table.getSelectionModel().getSelectedItem().path("id").asText(), "refund.failed"));
        ret.setOnAction(e -> model.simulateRefund(table.getSelectionModel().getSelectedItem().path("id").asText(), "refund.returned"));
        HBox sandboxButtons = new HBox(6, next, fail, ret);
        sandboxButtons.visibleProperty().bind(pane.sandboxProperty());
        sandboxButtons.managedProperty().bind(sandboxButtons.visibleProperty());
        FlowPane bar = new FlowPane(8, 6, cancel, sandboxButtons);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(8, table, bar);
        content.setPadding(new Insets(8));
        VBox.setVgrow(table, Priority.ALWAYS);
        return pane("transferRefundsPane", content, TransferData.TRANSFER, reply -> {
            String picked = table.getSelectionModel().getSelectedItem() == null ? null
                    : table.getSelectionModel().getSelectedItem().path("id").asText();
            table.show(reply.path("transfer").path("refunds"));
            table.getItems().stream().filter(r -> r.path("id").asText().equals(picked)).findFirst()
                    .ifPresentOrElse(r -> table.getSelectionModel().select(r), () -> table.getSelectionModel().selectFirst());
            follow.run();
        });
    }

    private Node sweep() {
        Facts facts = new Facts("transferSweep");
        facts.setPadding(new Insets(8));
        return pane("transferSweepPane", facts, TransferData.SWEEP, reply -> {
            JsonNode sweep = reply.path("sweep");
            facts.clear();
            facts.id("sweep_id", sweep.path("id").asText());
            facts.add("status", sweep.path("status").asText(null));
            facts.add("amount", "$" + sweep.path("amount").asText());
            facts.add("trigger", sweep.path("trigger").asText(null));
            facts.add("created", Formats.moment(sweep.path("created")));
            facts.add("settled", sweep.path("settled").asText(null));
            facts.id("funding_account_id", sweep.path("funding_account_id").asText(null));
            facts.id("network_trace_id", sweep.path("network_trace_id").asText(null));
        });
    }

    private Node authorization() {
        Facts facts = new Facts("transferAuthorization");
        facts.setPadding(new Insets(8));
        DataPane data = new DataPane(facts, Fixes.none(), navigator::openLink);
        data.setId("transferAuthorizationPane");
        data.bind(model.authorizationProperty(), authorization -> {
            facts.clear();
            facts.id("authorization_id", authorization.path("id").asText());
            facts.add("decision", authorization.path("decision").asText());
            JsonNode rationale = authorization.path("decision_rationale");
            facts.add("rationale", rationale.isObject() ? rationale.path("code").asText() + ": " + rationale.path("description").asText()
                    : "none (approved without remarks)");
            facts.add("guarantee_decision", authorization.path("guarantee_decision").asText(null));
            facts.add("created", Formats.moment(authorization.path("created")));
            JsonNode proposed = authorization.path("proposed_transfer");
            facts.add("proposed", proposed.path("type").asText() + " $" + proposed.path("amount").asText() + " over "
                    + proposed.path("network").asText());
        });
        return data;
    }

    /** Shows a JsonTable's text column as status chips. */
    @SuppressWarnings("unchecked")
    static void chips(JsonTable table, int column) {
        ((javafx.scene.control.TableColumn<JsonNode, String>) table.getColumns().get(column)).setCellFactory(c -> TransferChips.cell());
    }

    /** Shows an outcome that is empty with no message as nothing (the states before anything is asked). */
    static boolean isNothing(Outcome<?> outcome) {
        return outcome.phase() == Outcome.Phase.EMPTY && (outcome.message() == null || outcome.message().isEmpty());
    }
}
