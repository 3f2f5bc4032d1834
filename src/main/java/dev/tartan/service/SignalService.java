package dev.tartan.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.model.SignalAssessment;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Signal for a processor token: score a planned ACH debit (the scores explained), prepare the
 * token, and report what became of an evaluated debit. Every call is reported to the caller's call log.
 */
public final class SignalService {

    /**
     * A planned ACH debit to score.
     *
     * @param amount              the amount, more than 0
     * @param clientTransactionId a unique id of 1 to 36 characters (see {@link #newClientTransactionId()})
     * @param userPresent         whether the customer is present now, or null when not known
     * @param clientUserId        the customer's id in the caller's system, or null
     * @param recurring           whether the debit is part of a recurring series, or null
     * @param rulesetKey          the Signal ruleset to apply, or null for the default
     */
    public record SignalRequest(double amount, String clientTransactionId, Boolean userPresent, String clientUserId,
                                Boolean recurring, String rulesetKey) {
    }

    /**
     * Whether an evaluated debit was sent, for /processor/signal/decision/report.
     *
     * @param daysFundsOnHold          days the funds were held before being made available, or null
     * @param decisionOutcome          APPROVE, REVIEW, ... (see {@link #decisionOutcomes()}), or null
     * @param paymentMethod            SAME_DAY_ACH, ... (see {@link #paymentMethods()}), or null
     * @param amountInstantlyAvailable the part of the amount made available at once, or null
     */
    public record DecisionReport(String clientTransactionId, boolean initiated, Integer daysFundsOnHold,
                                 String decisionOutcome, String paymentMethod, Double amountInstantlyAvailable) {
    }

    /**
     * A returned debit, for /processor/signal/return/report.
     *
     * @param returnCode the NACHA code, such as R01
     * @param returnedAt when it came back, or null
     */
    public record ReturnReport(String clientTransactionId, String returnCode, Instant returnedAt) {
    }

    static final String SIGNAL_EVALUATE = "/processor/signal/evaluate";
    static final String SIGNAL_PREPARE = "/processor/signal/prepare";
    static final String DECISION_REPORT = "/processor/signal/decision/report";
    static final String RETURN_REPORT = "/processor/signal/return/report";

    private final CachedCalls calls;
    private final CatalogService catalog;

    public SignalService(CachedCalls calls, CatalogService catalog) {
        this.calls = calls;
        this.catalog = catalog;
    }

    /** A fresh client_transaction_id: unique (64 random bits), and well within the 36 characters Plaid allows. */
    public static String newClientTransactionId() {
        return "tartan-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Scores a planned debit: its customer- and bank-initiated return risks, explained. */
    public CompletableFuture<SignalAssessment> evaluateSignal(Profile profile, String processorToken, SignalRequest request,
                                                              Consumer<CallRecord> log) {
        String id = request.clientTransactionId() == null ? "" : request.clientTransactionId().strip();
        if (id.isEmpty() || id.length() > 36) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "The client_transaction_id must have 1 to 36 characters; it was " + id.length()));
        }
        if (!(request.amount() > 0)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("The amount must be more than 0"));
        }
        ObjectNode body = RequestBodies.of("processor_token", processorToken);
        body.put("client_transaction_id", id);
        body.put("amount", request.amount());
        if (request.userPresent() != null) {
            body.put("user_present", request.userPresent());
        }
        RequestBodies.putIfGiven(body, "client_user_id", request.clientUserId());
        if (request.recurring() != null) {
            body.put("is_recurring", request.recurring());
        }
        RequestBodies.putIfGiven(body, "ruleset_key", request.rulesetKey());
        return Futures.map(calls.send(profile, SIGNAL_EVALUATE, body, log), response -> SignalExplanations.assess(id, response.json()));
    }

    /** Opts the token into Signal's data collection ahead of its first evaluation. */
    public CompletableFuture<PlaidResponse> prepareSignal(Profile profile, String processorToken, Consumer<CallRecord> log) {
        return calls.send(profile, SIGNAL_PREPARE, RequestBodies.of("processor_token", processorToken), log);
    }

    /** Tells Signal whether an evaluated debit was sent, and how. */
    public CompletableFuture<PlaidResponse> reportDecision(Profile profile, String processorToken, DecisionReport report,
                                                           Consumer<CallRecord> log) {
        if (RequestBodies.isBlank(report.clientTransactionId())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Evaluate a debit first, or give its client_transaction_id"));
        }
        ObjectNode body = RequestBodies.of("processor_token", processorToken);
        body.put("client_transaction_id", report.clientTransactionId().strip());
        body.put("initiated", report.initiated());
        if (report.daysFundsOnHold() != null) {
            if (report.daysFundsOnHold() < 0) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("Days on hold cannot be negative"));
            }
            body.put("days_funds_on_hold", report.daysFundsOnHold());
        }
        RequestBodies.putIfGiven(body, "decision_outcome", report.decisionOutcome());
        RequestBodies.putIfGiven(body, "payment_method", report.paymentMethod());
        if (report.amountInstantlyAvailable() != null) {
            body.put("amount_instantly_available", report.amountInstantlyAvailable());
        }
        return calls.send(profile, DECISION_REPORT, body, log);
    }

    /** Tells Signal that an evaluated debit came back, with the bank's return code. */
    public CompletableFuture<PlaidResponse> reportReturn(Profile profile, String processorToken, ReturnReport report,
                                                         Consumer<CallRecord> log) {
        if (RequestBodies.isBlank(report.clientTransactionId())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Evaluate a debit first, or give its client_transaction_id"));
        }
        if (RequestBodies.isBlank(report.returnCode())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Give the return code the bank sent, such as R01"));
        }
        ObjectNode body = RequestBodies.of("processor_token", processorToken);
        body.put("client_transaction_id", report.clientTransactionId().strip());
        body.put("return_code", report.returnCode().strip().toUpperCase(Locale.ROOT));
        if (report.returnedAt() != null) {
            body.put("returned_at", DateTimeFormatter.ISO_INSTANT.format(report.returnedAt()));
        }
        return calls.send(profile, RETURN_REPORT, body, log);
    }

    /** The values /processor/signal/decision/report accepts for decision_outcome, from its schema. */
    public CompletableFuture<List<String>> decisionOutcomes() {
        return catalog.enumOf(DECISION_REPORT, "decision_outcome");
    }

    /** The values /processor/signal/decision/report accepts for payment_method, from its schema. */
    public CompletableFuture<List<String>> paymentMethods() {
        return catalog.enumOf(DECISION_REPORT, "payment_method");
    }
}
