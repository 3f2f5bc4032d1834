package dev.tartan.ui.processor;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.ReturnRisk;
import dev.tartan.model.SignalAssessment;
import dev.tartan.ui.common.Figures;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.data.ActionStatus;
import dev.tartan.ui.common.data.DataPane;
import dev.tartan.ui.common.data.Formats;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/** The Signal tab: evaluate a planned debit (scores explained), prepare, decision and return reports. */
final class SignalTab {

    private final SignalViewModel model;
    private final Consumer<String> openLink;
    private final VBox assessmentView = new VBox(12);

    SignalTab(SignalViewModel model, Consumer<String> openLink) {
        this.model = model;
        this.openLink = openLink;
    }

    Node build() {
        VBox page = new VBox(14,
                Forms.heading("Evaluate a planned debit", "Plaid scores how likely an ACH debit of this amount from this "
                        + "account is to come back, and why."),
                evaluateForm(), result(), new Separator(),
                Forms.heading("Prepare", "Opts this token into Signal's data collection before its first evaluation, "
                        + "which makes the first scores more accurate. Harmless to repeat."),
                prepareForm(), new Separator(),
                Forms.heading("Decision report", "Tells Signal whether you sent the evaluated debit, and how. "
                        + "It learns from what you decide."),
                decisionForm(), new Separator(),
                Forms.heading("Return report", "Tells Signal that a debit it scored came back, with the bank's return code."),
                returnForm());
        page.setPadding(new Insets(12));
        page.setId("signalPage");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node evaluateForm() {
        TextField amount = Forms.field("signalAmount", "102.05", model.fields().debit().amount());
        TextField transactionId = Forms.field("signalTransactionId", "", model.fields().debit().clientTransactionId());
        transactionId.getStyleClass().add("mono");
        Button newId = new Button(null, new FontIcon(Material2MZ.REFRESH));
        newId.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        newId.setTooltip(new Tooltip("A new unique client_transaction_id"));
        newId.setOnAction(e -> model.newTransactionId());
        HBox idRow = new HBox(4, transactionId, newId);
        HBox.setHgrow(transactionId, Priority.ALWAYS);
        ChoiceBox<String> present = Forms.yesNo("signalUserPresent", model.fields().debit().userPresent());
        ChoiceBox<String> recurring = Forms.yesNo("signalRecurring", model.fields().debit().recurring());
        TextField userId = Forms.field("signalClientUserId", "optional", model.fields().debit().clientUserId());
        TextField ruleset = Forms.field("signalRulesetKey", "default ruleset", model.fields().debit().rulesetKey());

        GridPane grid = Forms.grid();
        grid.addRow(0, Forms.label("Amount"), amount, Forms.label("client_transaction_id"), idRow);
        grid.addRow(1, Forms.label("Customer present"), present, Forms.label("Recurring debit"), recurring);
        grid.addRow(2, Forms.label("client_user_id"), userId, Forms.label("ruleset_key"), ruleset);
        Button evaluate = new Button("Evaluate");
        evaluate.setId("signalEvaluate");
        evaluate.getStyleClass().add(Styles.ACCENT);
        evaluate.setDefaultButton(false);
        evaluate.setOnAction(e -> model.evaluate());
        evaluate.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.assessmentProperty().get().isLoading(), model.assessmentProperty()));
        return new VBox(10, grid, evaluate);
    }

    private Node result() {
        DataPane pane = new DataPane(assessmentView, Fixes.retry(model::evaluate), openLink);
        pane.setId("signalResult");
        pane.bind(model.assessmentProperty(), this::showAssessment);
        return pane;
    }

    private void showAssessment(SignalAssessment assessment) {
        HBox cards = new HBox(12, riskCard(assessment.customerInitiated(), "customerRisk"),
                riskCard(assessment.bankInitiated(), "bankRisk"));
        assessmentView.getChildren().setAll(cards);
        if (assessment.rulesetResult() != null) {
            Label result = new Label("Ruleset result: " + assessment.rulesetResult());
            result.getStyleClass().add(Styles.TEXT_BOLD);
            result.setId("signalRuleset");
            assessmentView.getChildren().add(new VBox(2, result, Forms.paragraph(assessment.rulesetMeaning(), Styles.TEXT_MUTED)));
        }
        for (String warning : assessment.warnings()) {
            Message message = new Message("Warning", warning);
            message.getStyleClass().add(Styles.WARNING);
            assessmentView.getChildren().add(message);
        }
        GridPane attributes = Forms.grid();
        int row = 0;
        Iterator<Map.Entry<String, JsonNode>> fields = assessment.coreAttributes().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Label value = new Label(Formats.text(field.getValue()));
            value.getStyleClass().add("mono");
            attributes.addRow(row++, Forms.label(field.getKey()), value);
        }
        if (row > 0) {
            Label heading = new Label("What Plaid based the scores on (core_attributes)");
            heading.getStyleClass().add(Styles.TEXT_BOLD);
            assessmentView.getChildren().addAll(heading, attributes);
        }
        assessmentView.getChildren().add(Forms.paragraph("Evaluated as client_transaction_id " + assessment.clientTransactionId()
                + " (request_id " + assessment.requestId() + "). The reports below use it.", Styles.TEXT_MUTED));
    }

    private static Node riskCard(ReturnRisk risk, String id) {
        Label title = new Label(risk.title());
        title.getStyleClass().add(Styles.TITLE_4);
        Label score = new Label(risk.score() == null ? "\u2014" : String.valueOf(risk.score()));
        score.getStyleClass().addAll("figure", RiskStyles.of(risk.level()));
        score.setId(id + "Score");
        score.setMinWidth(Region.USE_PREF_SIZE);
        Label outOf = new Label("score, 1 to 99");
        outOf.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        outOf.setMinWidth(Region.USE_PREF_SIZE);
        Label tier = new Label(risk.tier() == null ? "No tier" : "Tier " + risk.tier() + " of " + risk.tierCount());
        tier.getStyleClass().addAll(Styles.TITLE_4, RiskStyles.of(risk.level()));
        tier.setId(id + "Tier");
        Label incidence = Forms.paragraph(risk.incidence() == null ? "" : "Plaid expects " + risk.incidence()
                + " of such debits to come back this way.", Styles.TEXT_SMALL);
        VBox tierBox = new VBox(2, tier, incidence);
        HBox.setHgrow(tierBox, Priority.ALWAYS);
        HBox figures = new HBox(16, new VBox(0, score, outOf), tierBox);
        figures.setAlignment(Pos.CENTER_LEFT);
        Label implication = Forms.paragraph(risk.implication(), Styles.TEXT_BOLD);
        implication.setId(id + "Implication");

        VBox card = new VBox(10, title, figures, implication, Forms.paragraph(risk.meaning(), Styles.TEXT_MUTED));
        card.getStyleClass().add(Figures.CARD);
        card.setId(id);
        card.setPrefWidth(0);
        card.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(card, Priority.ALWAYS);
        return card;
    }

    private Node prepareForm() {
        Button prepare = new Button("Prepare for Signal");
        prepare.setId("signalPrepare");
        prepare.setOnAction(e -> model.prepare());
        ActionStatus<?> status = new ActionStatus<>("signalPrepareStatus", model.prepareProperty(),
                response -> "Prepared (request_id " + response.requestId() + ").", Fixes.retry(model::prepare), openLink);
        return new VBox(8, prepare, status);
    }

    private Node decisionForm() {
        TextField id = Forms.field("decisionTransactionId", "evaluate a debit first", model.fields().decision().clientTransactionId());
        id.getStyleClass().add("mono");
        CheckBox initiated = new CheckBox("The debit was sent (initiated)");
        initiated.setMinWidth(Region.USE_PREF_SIZE);
        initiated.setId("decisionInitiated");
        initiated.selectedProperty().bindBidirectional(model.fields().decision().initiated());
        TextField days = Forms.field("decisionDaysOnHold", "optional", model.fields().decision().daysFundsOnHold());
        ComboBox<String> outcome = Forms.choices("decisionOutcome", model.decisionOutcomes(), model.fields().decision().outcome());
        ComboBox<String> method = Forms.choices("decisionPaymentMethod", model.paymentMethods(), model.fields().decision().paymentMethod());
        TextField instantly = Forms.field("decisionInstantAmount", "optional", model.fields().decision().amountInstantlyAvailable());

        GridPane grid = Forms.grid();
        grid.add(Forms.label("client_transaction_id"), 0, 0);
        grid.add(id, 1, 0, 3, 1);
        grid.add(initiated, 1, 1, 3, 1);
        grid.addRow(2, Forms.label("Decision"), outcome, Forms.label("Payment method"), method);
        grid.addRow(3, Forms.label("Days funds on hold"), days, Forms.label("Amount available at once"), instantly);
        Button report = new Button("Report the decision");
        report.setId("decisionReport");
        report.setOnAction(e -> model.reportDecision());
        ActionStatus<?> status = new ActionStatus<>("decisionStatus", model.decisionProperty(),
                response -> "Reported (request_id " + response.requestId() + ").", Fixes.retry(model::reportDecision), openLink);
        return new VBox(10, grid, report, status);
    }

    private Node returnForm() {
        TextField id = Forms.field("returnTransactionId", "evaluate a debit first", model.fields().returned().clientTransactionId());
        id.getStyleClass().add("mono");
        ComboBox<String> code = new ComboBox<>();
        code.setId("returnCode");
        code.setEditable(true);
        code.getItems().setAll(model.returnCodes());
        code.valueProperty().bindBidirectional(model.fields().returned().code());
        Label explained = Forms.paragraph("", Styles.TEXT_MUTED);
        explained.setId("returnCodeMeaning");
        explained.textProperty().bind(model.returnCodeMeaning());

        GridPane grid = Forms.grid();
        grid.add(Forms.label("client_transaction_id"), 0, 0);
        grid.add(id, 1, 0, 3, 1);
        grid.addRow(1, Forms.label("Return code"), code);
        Button report = new Button("Report the return");
        report.setId("returnReport");
        report.setOnAction(e -> model.reportReturn());
        ActionStatus<?> status = new ActionStatus<>("returnStatus", model.returnedProperty(),
                response -> "Reported (request_id " + response.requestId() + ").", Fixes.retry(model::reportReturn), openLink);
        return new VBox(10, grid, explained, report, status);
    }
}
