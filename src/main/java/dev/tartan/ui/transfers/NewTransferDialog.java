package dev.tartan.ui.transfers;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.TransferProposal;
import dev.tartan.ui.common.Busy;
import dev.tartan.ui.common.FailureView;
import dev.tartan.ui.common.Figures;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.FormDialog;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.ItemAccountPicker;
import dev.tartan.ui.common.data.Outcome;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * New transfer: the form, then Plaid's decision on it (with its rationale) before anything is
 * created, then the transfer. The dialog stays open until the transfer exists.
 */
final class NewTransferDialog {

    private NewTransferDialog() {
    }

    static Optional<JsonNode> show(Window owner, NewTransferFormViewModel form, Consumer<String> openLink) {
        GridPane grid = Forms.grid(1);
        int row = termsRows(grid, 0, form.terms(), "newTransfer");
        if (form.asksAmountTwice()) {
            TextField again = Forms.field("newTransferAmountAgain", "the amount again: this is Production", form.amountAgainProperty());
            grid.addRow(row, Forms.label("Amount again"), again);
        }
        VBox content = new VBox(10, grid, decision(form, openLink));
        return new FormDialog<>(owner, "newTransferDialog", "New transfer",
                "Plaid authorizes a transfer before it is created (/transfer/authorization/create): its decision shows here first. "
                        + "Nothing moves until you press Create transfer.",
                content, form.goLabel(), form, openLink).showAndWait();
    }

    /** The rows of a transfer's fields, from {@code row} on; returns the next free row. */
    static int termsRows(GridPane grid, int row, TransferTerms terms, String prefix) {
        int next = ItemAccountPicker.addTo(grid, row, terms.itemAccount(), prefix);
        TextField amount = Forms.field(prefix + "Amount", "in dollars, as 12.34", terms.amountProperty());
        ChoiceBox<String> type = choices(prefix + "Type", TransferProposal.TYPES, terms.typeProperty());
        ChoiceBox<String> network = choices(prefix + "Network", TransferProposal.NETWORKS, terms.networkProperty());
        ChoiceBox<String> achClass = choices(prefix + "AchClass", TransferProposal.ACH_CLASSES, terms.achClassProperty());
        achClass.disableProperty().bind(terms.networkProperty().isEqualTo("rtp").or(terms.networkProperty().isEqualTo("wire")));
        TextField name = Forms.field(prefix + "Name", "the account holder's legal name", terms.legalNameProperty());
        TextField description = Forms.field(prefix + "Description", "on their statement: 10 characters over ACH",
                terms.descriptionProperty());
        grid.addRow(next++, Forms.label("Amount"), amount);
        HBox kind = new HBox(8, type, Forms.label("over"), network, Forms.label("ACH class"), achClass);
        kind.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(next++, Forms.label("Type"), kind);
        grid.addRow(next++, Forms.label("Account holder"), name);
        grid.addRow(next++, Forms.label("Description"), description);
        if (terms.testClocks() != null) {
            ComboBox<String> clock = Forms.picker(prefix + "Clock", terms.testClocks(), id -> id);
            clock.setPromptText("optional: a Sandbox test clock");
            clock.valueProperty().bindBidirectional(terms.testClockProperty());
            grid.addRow(next++, Forms.label("Test clock"), clock);
        }
        return next;
    }

    private static ChoiceBox<String> choices(String id, List<String> values, javafx.beans.property.ObjectProperty<String> value) {
        ChoiceBox<String> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    /** Plaid's decision: under way, approved, declined with its rationale, or why it could not be had. */
    private static Node decision(NewTransferFormViewModel form, Consumer<String> openLink) {
        VBox box = new VBox(6);
        box.setId("newTransferDecision");
        FailureView failure = new FailureView(Fixes.none(), openLink);
        failure.getStyleClass().add("inline-failure");
        Consumer<Outcome<JsonNode>> show = state -> {
            switch (state.phase()) {
                case LOADING -> {
                    HBox row = new HBox(8, Busy.spinner(Busy.INLINE), new Label(state.message()));
                    row.setAlignment(Pos.CENTER_LEFT);
                    box.getChildren().setAll(row);
                }
                case DATA -> {
                    JsonNode authorization = state.data();
                    String decided = authorization.path("decision").asText();
                    Label title = new Label("Plaid's decision: " + decided.replace('_', ' '));
                    title.setId("newTransferDecisionTitle");
                    title.getStyleClass().addAll(Styles.TITLE_4, "approved".equals(decided) ? Styles.SUCCESS : Styles.DANGER);
                    JsonNode rationale = authorization.path("decision_rationale");
                    Label why = Forms.paragraph(rationale.isObject() ? rationale.path("code").asText() + ": "
                            + rationale.path("description").asText() : "No rationale: nothing stood in the way.", null);
                    why.setId("newTransferRationale");
                    Label id = Forms.paragraph("authorization_id " + authorization.path("id").asText()
                            + ("approved".equals(decided) ? " \u00b7 press Create transfer to make it; it is valid for an hour" : ""),
                            Styles.TEXT_MUTED);
                    id.getStyleClass().add(Styles.TEXT_SMALL);
                    VBox card = new VBox(4, title, why, id);
                    card.getStyleClass().add(Figures.CARD);
                    box.getChildren().setAll(card);
                }
                case FAILED -> {
                    failure.show(state.failure());
                    box.getChildren().setAll(failure);
                }
                case EMPTY -> box.getChildren().clear();
            }
            if (box.getScene() != null && box.getScene().getWindow() != null) {
                box.getScene().getWindow().sizeToScene();
            }
        };
        form.authorizationProperty().addListener((obs, old, now) -> show.accept(now));
        show.accept(form.authorizationProperty().get());
        return box;
    }
}
