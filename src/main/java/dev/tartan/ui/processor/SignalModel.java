package dev.tartan.ui.processor;

import dev.tartan.model.PlaidResponse;
import dev.tartan.model.SignalAssessment;
import dev.tartan.service.ProcessorService;
import dev.tartan.service.ProcessorService.DecisionReport;
import dev.tartan.service.ProcessorService.ReturnReport;
import dev.tartan.service.ProcessorService.SignalRequest;
import dev.tartan.ui.common.FxAsync;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;

/**
 * Signal for the open token: evaluate a planned debit, prepare the token, and report what became
 * of an evaluated debit. The reports start from the last evaluated client_transaction_id.
 */
public final class SignalModel {

    static final String NOT_YET = "Give the amount of a planned ACH debit from this account and press Evaluate: Plaid "
            + "scores how likely it is to come back, and Tartan explains the scores.";

    private final ProcessorViewModel owner;
    private final ProcessorService service;

    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty clientTransactionId = new SimpleStringProperty(ProcessorService.newClientTransactionId());
    private final ObjectProperty<Boolean> userPresent = new SimpleObjectProperty<>();
    private final StringProperty clientUserId = new SimpleStringProperty("");
    private final ObjectProperty<Boolean> recurring = new SimpleObjectProperty<>();
    private final StringProperty rulesetKey = new SimpleStringProperty("");
    private final ObjectProperty<Outcome<SignalAssessment>> assessment = new SimpleObjectProperty<>(Outcome.empty(NOT_YET));
    private final StringProperty lastEvaluatedId = new SimpleStringProperty("");

    private final ObjectProperty<Outcome<PlaidResponse>> prepare = new SimpleObjectProperty<>(Outcome.empty(""));

    private final StringProperty decisionId = new SimpleStringProperty("");
    private final BooleanProperty initiated = new SimpleBooleanProperty(true);
    private final StringProperty daysFundsOnHold = new SimpleStringProperty("");
    private final ObjectProperty<String> decisionOutcome = new SimpleObjectProperty<>();
    private final ObjectProperty<String> paymentMethod = new SimpleObjectProperty<>();
    private final StringProperty amountInstantlyAvailable = new SimpleStringProperty("");
    private final ObservableList<String> decisionOutcomes = FXCollections.observableArrayList();
    private final ObservableList<String> paymentMethods = FXCollections.observableArrayList();
    private final ObjectProperty<Outcome<PlaidResponse>> decision = new SimpleObjectProperty<>(Outcome.empty(""));

    private final StringProperty returnId = new SimpleStringProperty("");
    private final StringProperty returnCode = new SimpleStringProperty("R01");
    private final ObjectProperty<Outcome<PlaidResponse>> returned = new SimpleObjectProperty<>(Outcome.empty(""));

    SignalModel(ProcessorViewModel owner, ProcessorService service) {
        this.owner = owner;
        this.service = service;
        FxAsync.whenDone(service.decisionOutcomes(), decisionOutcomes::setAll, error -> { });
        FxAsync.whenDone(service.paymentMethods(), paymentMethods::setAll, error -> { });
    }

    /** A new token is open: what was evaluated belongs to the previous one. */
    void reset() {
        assessment.set(Outcome.empty(NOT_YET));
        prepare.set(Outcome.empty(""));
        decision.set(Outcome.empty(""));
        returned.set(Outcome.empty(""));
        lastEvaluatedId.set("");
        decisionId.set("");
        returnId.set("");
    }

    /** Scores the planned debit; the reports then start from its client_transaction_id, and the form gets a new one. */
    public void evaluate() {
        String id = clientTransactionId.get();
        String amountText = amount.get();
        Boolean present = userPresent.get();
        String userId = clientUserId.get();
        Boolean isRecurring = recurring.get();
        String ruleset = rulesetKey.get();
        owner.run(assessment, "Evaluating with Signal", token -> {
            SignalRequest request = new SignalRequest(parseAmount(amountText, "amount"), id, present, userId, isRecurring, ruleset);
            return service.evaluateSignal(token.profile(), token.value(), request, owner.logFor(token));
        }, result -> {
            lastEvaluatedId.set(result.clientTransactionId());
            decisionId.set(result.clientTransactionId());
            returnId.set(result.clientTransactionId());
            newTransactionId();
        });
    }

    /** Puts a fresh, unique client_transaction_id in the evaluate form. */
    public void newTransactionId() {
        clientTransactionId.set(ProcessorService.newClientTransactionId());
    }

    public void prepare() {
        owner.run(prepare, "Preparing the token for Signal",
                token -> service.prepareSignal(token.profile(), token.value(), owner.logFor(token)), done -> { });
    }

    public void reportDecision() {
        String id = decisionId.get();
        boolean wasInitiated = initiated.get();
        String days = daysFundsOnHold.get();
        String outcome = decisionOutcome.get();
        String method = paymentMethod.get();
        String instantly = amountInstantlyAvailable.get();
        owner.run(decision, "Reporting the decision", token -> {
            DecisionReport report = new DecisionReport(id, wasInitiated, parseDays(days), outcome, method,
                    isBlank(instantly) ? null : parseAmount(instantly, "amount instantly available"));
            return service.reportDecision(token.profile(), token.value(), report, owner.logFor(token));
        }, done -> { });
    }

    public void reportReturn() {
        ReturnReport report = new ReturnReport(returnId.get(), returnCode.get(), null);
        owner.run(returned, "Reporting the return",
                token -> service.reportReturn(token.profile(), token.value(), report, owner.logFor(token)), done -> { });
    }

    /** Bad input ends the action as a failure: nothing is sent. */
    private static double parseAmount(String text, String what) {
        try {
            return new BigDecimal(text.strip().replace(",", "")).doubleValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The " + what + " must be a number, such as 102.05");
        }
    }

    private static Integer parseDays(String text) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Days on hold must be a whole number, such as 2");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    // --- properties ---------------------------------------------------------------------------------

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty clientTransactionIdProperty() {
        return clientTransactionId;
    }

    public ObjectProperty<Boolean> userPresentProperty() {
        return userPresent;
    }

    public StringProperty clientUserIdProperty() {
        return clientUserId;
    }

    public ObjectProperty<Boolean> recurringProperty() {
        return recurring;
    }

    public StringProperty rulesetKeyProperty() {
        return rulesetKey;
    }

    public ReadOnlyObjectProperty<Outcome<SignalAssessment>> assessmentProperty() {
        return assessment;
    }

    /** The client_transaction_id of the last debit evaluated for this token ("" before any). */
    public ReadOnlyStringProperty lastEvaluatedIdProperty() {
        return lastEvaluatedId;
    }

    public ReadOnlyObjectProperty<Outcome<PlaidResponse>> prepareProperty() {
        return prepare;
    }

    public StringProperty decisionIdProperty() {
        return decisionId;
    }

    public BooleanProperty initiatedProperty() {
        return initiated;
    }

    public StringProperty daysFundsOnHoldProperty() {
        return daysFundsOnHold;
    }

    public ObjectProperty<String> decisionOutcomeProperty() {
        return decisionOutcome;
    }

    public ObjectProperty<String> paymentMethodProperty() {
        return paymentMethod;
    }

    public StringProperty amountInstantlyAvailableProperty() {
        return amountInstantlyAvailable;
    }

    /** decision_outcome values, from the request schema. */
    public ObservableList<String> decisionOutcomes() {
        return decisionOutcomes;
    }

    /** payment_method values, from the request schema. */
    public ObservableList<String> paymentMethods() {
        return paymentMethods;
    }

    public ReadOnlyObjectProperty<Outcome<PlaidResponse>> decisionProperty() {
        return decision;
    }

    public StringProperty returnIdProperty() {
        return returnId;
    }

    public StringProperty returnCodeProperty() {
        return returnCode;
    }

    public ReadOnlyObjectProperty<Outcome<PlaidResponse>> returnedProperty() {
        return returned;
    }
}
