package dev.tartan.emulator.processor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.AccountRecord;
import dev.tartan.emulator.items.ItemRecord;
import dev.tartan.emulator.items.ItemViews;
import dev.tartan.emulator.items.ProcessorAccess;
import dev.tartan.emulator.state.StateStore;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.support.Mix;
import dev.tartan.emulator.wire.PlaidErrors;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Signal: return-risk scores for a proposed ACH debit, and the decision and return reports that
 * follow it, keyed by the client's transaction id. Scores are deterministic for an account and amount
 * and rise with the amount's share of the available balance. A report names a transaction its own
 * caller evaluated: the client through an Item, or a processor through a token for that account.
 * Call under the state's write lock.
 */
public final class SignalService {
    private final SignalState state;

    public SignalService(StateStore store) {
        this.state = store.section("signal", SignalState.class, SignalState::new);
    }

    /** The persisted "signal" section. */
    static final class SignalState {
        Map<String, Evaluation> evaluations = new HashMap<>();
    }

    static final class Evaluation {
        String itemId;
        String accountId;
        /** The processor that evaluated through its token; null when the client evaluated through the Item. */
        String processor;
        double amount;
        Instant evaluatedAt;
        Boolean initiated;
        String returnCode;
    }

    /** Who files reports: which evaluations are theirs, and where they make one. */
    record Reporter(String evaluatePath, Predicate<Evaluation> evaluated) {
        /** The client, reporting on what it evaluated through its Items. */
        static Reporter client() {
            return new Reporter("/signal/evaluate", evaluation -> evaluation.processor == null);
        }

        /** A processor, reporting on what it evaluated through a token for this account. */
        static Reporter processor(ProcessorAccess access) {
            return new Reporter("/processor/signal/evaluate", evaluation -> evaluation.itemId.equals(access.item().itemId())
                    && evaluation.accountId.equals(access.account().accountId())
                    && access.token().processor().equals(evaluation.processor));
        }
    }

    /** Scores a debit from {@code account}; {@code processor} names the processor evaluating, null for the client. */
    ObjectNode evaluate(ItemRecord item, AccountRecord account, String processor, String clientTransactionId, double amount,
                        Instant now) {
        Evaluation existing = state.evaluations.get(clientTransactionId);
        if (existing != null && (!existing.accountId.equals(account.accountId()) || existing.amount != amount
                || !Objects.equals(existing.processor, processor))) {
            throw PlaidErrors.of("CLIENT_TRANSACTION_ID_ALREADY_IN_USE");
        }
        if (existing == null) {
            Evaluation evaluation = new Evaluation();
            evaluation.itemId = item.itemId();
            evaluation.accountId = account.accountId();
            evaluation.processor = processor;
            evaluation.amount = amount;
            evaluation.evaluatedAt = now;
            state.evaluations.put(clientTransactionId, evaluation);
        }
        double available = account.available() != null ? account.available()
                : account.current() != null ? account.current() : 0;
        double share = available <= 0 ? 1 : Math.min(1, amount / available);
        long noise = Mix.of(item.dataSeed(), Mix.of(account.accountId()), Math.round(amount * 100));
        int customerScore = clamp((int) Math.round(5 + share * 70 + Mix.below(noise, 10)));
        int bankScore = clamp((int) Math.round(3 + share * 85 + Mix.below(Mix.value(noise), 8)));
        ObjectNode body = Json.object();
        ObjectNode scores = body.putObject("scores");
        ObjectNode customer = scores.putObject("customer_initiated_return_risk");
        customer.put("score", customerScore);
        customer.put("risk_tier", 1 + Math.min(4, customerScore / 20));
        ObjectNode bank = scores.putObject("bank_initiated_return_risk");
        bank.put("score", bankScore);
        bank.put("risk_tier", 1 + Math.min(7, bankScore / 13));
        ObjectNode attributes = body.putObject("core_attributes");
        putNumber(attributes, "available_balance", account.available());
        putNumber(attributes, "current_balance", account.current());
        attributes.put("balance_last_updated", ItemViews.timestamp(now));
        attributes.put("days_since_first_plaid_connection", Math.max(0, (int) ((now.getEpochSecond() - item.createdAt().getEpochSecond()) / 86_400)));
        attributes.put("is_savings_or_money_market_account", "savings".equals(account.subtype()) || "money market".equals(account.subtype()));
        ObjectNode ruleset = body.putObject("ruleset");
        ruleset.put("ruleset_key", "default");
        String result = bankScore >= 70 ? "REROUTE" : bankScore >= 40 ? "REVIEW" : "ACCEPT";
        ruleset.put("result", result);
        ruleset.put("outcome", result.toLowerCase());
        body.putArray("warnings");
        return body;
    }

    void reportDecision(Reporter reporter, String clientTransactionId, boolean initiated) {
        evaluation(reporter, clientTransactionId).initiated = initiated;
    }

    void reportReturn(Reporter reporter, String clientTransactionId, String returnCode) {
        Evaluation evaluation = evaluation(reporter, clientTransactionId);
        if (Boolean.FALSE.equals(evaluation.initiated)) {
            throw PlaidErrors.of("SIGNAL_TRANSACTION_NOT_INITIATED");
        }
        evaluation.returnCode = returnCode;
    }

    /** The reporter's evaluation; another caller's counts as none, as Plaid keeps each caller's apart. */
    private Evaluation evaluation(Reporter reporter, String clientTransactionId) {
        Evaluation evaluation = state.evaluations.get(clientTransactionId);
        if (evaluation == null || !reporter.evaluated().test(evaluation)) {
            throw PlaidErrors.invalidField("client_transaction_id " + clientTransactionId
                    + " was never evaluated by this caller: call " + reporter.evaluatePath() + " with it first");
        }
        return evaluation;
    }

    private static int clamp(int score) {
        return Math.max(1, Math.min(99, score));
    }

    private static void putNumber(ObjectNode json, String field, Double value) {
        if (value == null) {
            json.putNull(field);
        } else {
            json.put(field, value);
        }
    }
}
