package dev.tartan.ui.processor;

import dev.tartan.model.PlaidResponse;
import dev.tartan.model.ReturnCode;
import dev.tartan.model.SignalAssessment;
import dev.tartan.service.SignalExplanations;
import dev.tartan.service.SignalService.DecisionReport;
import dev.tartan.service.SignalService.ReturnReport;
import dev.tartan.service.SignalService.SignalRequest;
import dev.tartan.service.SignalService;
import dev.tartan.ui.common.Choices;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.List;

/**
 * Signal for the open token: evaluate a planned debit, prepare the token, and report what became
 * of an evaluated debit. The reports start from the last evaluated client_transaction_id.
 */
public final class SignalViewModel {

    static final String NOT_YET = "Give the amount of a planned ACH debit from this account and press Evaluate: Plaid "
            + "scores how likely it is to come back, and Tartan explains the scores.";

    /** The evaluate form: the planned debit, and the optional facts that sharpen its scores. */
    public record DebitFields(StringProperty amount, StringProperty clientTransactionId, ObjectProperty<Boolean> userPresent,
                              StringProperty clientUserId, ObjectProperty<Boolean> recurring, StringProperty rulesetKey) {
    }

    /** The decision report form: whether the evaluated debit was sent, and how. */
    public record DecisionFields(StringProperty clientTransactionId, BooleanProperty initiated, StringProperty daysFundsOnHold,
                                 ObjectProperty<String> outcome, ObjectProperty<String> paymentMethod,
                                 StringProperty amountInstantlyAvailable) {
    }

    /** The return report form: which debit came back, with the bank's return code. */
    public record ReturnFields(StringProperty clientTransactionId, StringProperty code) {
    }

    /** The tab's three forms. */
    public record Fields(DebitFields debit, DecisionFields decision, ReturnFields returned) {
    }

    private final ProcessorViewModel owner;
    private final SignalService service;

    private final DebitFields debit = new DebitFields(new SimpleStringProperty(""),
            new SimpleStringProperty(SignalService.newClientTransactionId()), new SimpleObjectProperty<>(), new SimpleStringProperty(""),
            new SimpleObjectProperty<>(), new SimpleStringProperty(""));
    private final DecisionFields decisionFields = new DecisionFields(new SimpleStringProperty(""), new SimpleBooleanProperty(true),
            new SimpleStringProperty(""), new SimpleObjectProperty<>(), new SimpleObjectProperty<>(), new SimpleStringProperty(""));
    private final ReturnFields returnFields = new ReturnFields(new SimpleStringProperty(""), new SimpleStringProperty("R01"));
    private final Choices<String> decisionOutcomes;
    private final Choices<String> paymentMethods;

    private final ObjectProperty<Outcome<SignalAssessment>> assessment = new SimpleObjectProperty<>(Outcome.empty(NOT_YET));
    private final ObjectProperty<Outcome<PlaidResponse>> prepare = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<Outcome<PlaidResponse>> decision = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<Outcome<PlaidResponse>> returned = new SimpleObjectProperty<>(Outcome.nothing());

    SignalViewModel(ProcessorViewModel owner, SignalService service) {
        this.owner = owner;
        this.service = service;
        this.decisionOutcomes = new Choices<>(service::decisionOutcomes);
        this.paymentMethods = new Choices<>(service::paymentMethods);
        decisionOutcomes.load();
        paymentMethods.load();
    }

    /** A new token is open: what was evaluated belongs to the previous one. */
    void reset() {
        assessment.set(Outcome.empty(NOT_YET));
        prepare.set(Outcome.nothing());
        decision.set(Outcome.nothing());
        returned.set(Outcome.nothing());
        decisionFields.clientTransactionId().set("");
        returnFields.clientTransactionId().set("");
    }

    /** Scores the planned debit; the reports then start from its client_transaction_id, and the form gets a new one. */
    public void evaluate() {
        String id = debit.clientTransactionId().get();
        String amountText = debit.amount().get();
        Boolean present = debit.userPresent().get();
        String userId = debit.clientUserId().get();
        Boolean isRecurring = debit.recurring().get();
        String ruleset = debit.rulesetKey().get();
        owner.run(assessment, "Evaluating with Signal", (token, log) -> {
            SignalRequest request = new SignalRequest(parseAmount(amountText, "amount"), id, present, userId, isRecurring, ruleset);
            return service.evaluateSignal(token.profile(), token.value(), request, log);
        }, result -> {
            decisionFields.clientTransactionId().set(result.clientTransactionId());
            returnFields.clientTransactionId().set(result.clientTransactionId());
            newTransactionId();
        });
    }

    /** Puts a fresh, unique client_transaction_id in the evaluate form. */
    public void newTransactionId() {
        debit.clientTransactionId().set(SignalService.newClientTransactionId());
    }

    public void prepare() {
        owner.run(prepare, "Preparing the token for Signal",
                (token, log) -> service.prepareSignal(token.profile(), token.value(), log), done -> { });
    }

    public void reportDecision() {
        String id = decisionFields.clientTransactionId().get();
        boolean wasInitiated = decisionFields.initiated().get();
        String days = decisionFields.daysFundsOnHold().get();
        String outcome = decisionFields.outcome().get();
        String method = decisionFields.paymentMethod().get();
        String instantly = decisionFields.amountInstantlyAvailable().get();
        owner.run(decision, "Reporting the decision", (token, log) -> {
            DecisionReport report = new DecisionReport(id, wasInitiated, parseDays(days), outcome, method,
                    isBlank(instantly) ? null : parseAmount(instantly, "amount instantly available"));
            return service.reportDecision(token.profile(), token.value(), report, log);
        }, done -> { });
    }

    public void reportReturn() {
        ReturnReport report = new ReturnReport(returnFields.clientTransactionId().get(), returnFields.code().get(), null);
        owner.run(returned, "Reporting the return",
                (token, log) -> service.reportReturn(token.profile(), token.value(), report, log), done -> { });
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

    // --- what the tab shows -------------------------------------------------------------------------

    /** What the user types into the tab's forms. */
    public Fields fields() {
        return new Fields(debit, decisionFields, returnFields);
    }

    /** decision_outcome values, from the request schema. */
    public ObservableList<String> decisionOutcomes() {
        return decisionOutcomes.items();
    }

    /** payment_method values, from the request schema. */
    public ObservableList<String> paymentMethods() {
        return paymentMethods.items();
    }

    /** The NACHA return codes Signal knows, for the return report's picker. */
    public List<String> returnCodes() {
        return SignalExplanations.returnCodes().stream().map(ReturnCode::code).toList();
    }

    /** What the return code typed means, and which of the two scores predicts such returns. */
    public StringBinding returnCodeMeaning() {
        StringProperty code = returnFields.code();
        return Bindings.createStringBinding(() -> SignalExplanations.returnCode(code.get())
                .map(c -> c.code() + ": " + c.description() + ". " + (c.customerInitiated()
                        ? "A customer-initiated return: the first score above predicts these."
                        : "A bank-initiated return: the second score above predicts these."))
                .orElse("Any NACHA return code the bank sent, such as R01."), code);
    }

    public ReadOnlyObjectProperty<Outcome<SignalAssessment>> assessmentProperty() {
        return assessment;
    }

    public ReadOnlyObjectProperty<Outcome<PlaidResponse>> prepareProperty() {
        return prepare;
    }

    public ReadOnlyObjectProperty<Outcome<PlaidResponse>> decisionProperty() {
        return decision;
    }

    public ReadOnlyObjectProperty<Outcome<PlaidResponse>> returnedProperty() {
        return returned;
    }
}
