package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.ReturnCode;
import dev.tartan.model.ReturnRisk;
import dev.tartan.model.RiskLevel;
import dev.tartan.model.SignalAssessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Signal's scores in plain words: what each return risk is, what share of debits its tier expects
 * back (Plaid's published tier ranges), and what the tier suggests doing (Tartan's advice).
 */
public final class SignalExplanations {

    static final String CUSTOMER_TITLE = "Customer-initiated return risk";
    static final String BANK_TITLE = "Bank-initiated return risk";

    private static final String CUSTOMER_MEANING = "The chance that the account holder disputes this debit and has "
            + "their bank send it back: they say they never authorised it, revoked the authorisation, or it was not "
            + "what they agreed to (return codes R05, R07, R10, R11, R29). Consumers can raise these up to 60 days "
            + "after the debit settles.";
    private static final String BANK_MEANING = "The chance that the account holder's bank sends this debit back on "
            + "its own, usually within two banking days: not enough money (R01, R09), an account that is closed, "
            + "unknown or frozen (R02, R03, R16), or an invalid account number (R04).";

    /** Plaid's expected return rate per tier, tier 1 first. */
    private static final List<String> CUSTOMER_INCIDENCE = List.of(
            "0% to 0.02%", "0.02% to 0.05%", "0.05% to 0.1%", "0.1% to 0.5%", "more than 0.5%");
    private static final List<String> BANK_INCIDENCE = List.of(
            "0% to 0.5%", "0.5% to 1.5%", "1.5% to 3%", "3% to 5%", "5% to 10%", "10% to 15%", "15% to 50%", "more than 50%");

    /** The tier's level, tier 1 first. */
    private static final List<RiskLevel> CUSTOMER_LEVELS = List.of(
            RiskLevel.LOW, RiskLevel.LOW, RiskLevel.MODERATE, RiskLevel.ELEVATED, RiskLevel.HIGH);
    private static final List<RiskLevel> BANK_LEVELS = List.of(
            RiskLevel.LOW, RiskLevel.LOW, RiskLevel.MODERATE, RiskLevel.MODERATE,
            RiskLevel.ELEVATED, RiskLevel.ELEVATED, RiskLevel.HIGH, RiskLevel.HIGH);

    private static final List<ReturnCode> RETURN_CODES = List.of(
            new ReturnCode("R01", "Insufficient funds", false),
            new ReturnCode("R02", "Account closed", false),
            new ReturnCode("R03", "No account, or the account cannot be found", false),
            new ReturnCode("R04", "Invalid account number", false),
            new ReturnCode("R05", "Unauthorised debit to a consumer account", true),
            new ReturnCode("R07", "Authorisation revoked by the customer", true),
            new ReturnCode("R08", "Payment stopped by the customer", true),
            new ReturnCode("R09", "Uncollected funds", false),
            new ReturnCode("R10", "Customer says the debit was not authorised", true),
            new ReturnCode("R11", "Customer says the debit breaks the terms they authorised", true),
            new ReturnCode("R16", "Account frozen", false),
            new ReturnCode("R20", "Not a transaction account", false),
            new ReturnCode("R29", "Business customer says the debit was not authorised", true));

    private SignalExplanations() {
    }

    /** Explains an evaluate reply for the debit evaluated as {@code clientTransactionId}. */
    public static SignalAssessment assess(String clientTransactionId, JsonNode reply) {
        JsonNode scores = reply.path("scores");
        String result = reply.path("ruleset").path("result").asText(null);
        List<String> warnings = new ArrayList<>();
        reply.path("warnings").forEach(w -> warnings.add(w.path("warning_code").asText(w.path("warning_type").asText("warning"))
                + (w.hasNonNull("warning_message") ? ": " + w.path("warning_message").asText() : "")));
        return new SignalAssessment(clientTransactionId,
                customerInitiated(scores.path("customer_initiated_return_risk")),
                bankInitiated(scores.path("bank_initiated_return_risk")),
                result, result == null ? null : rulesetMeaning(result), warnings,
                reply.path("core_attributes"), reply.path("request_id").asText(null));
    }

    /** The customer-initiated score ({@code score}, {@code risk_tier}) explained. */
    public static ReturnRisk customerInitiated(JsonNode score) {
        return risk(CUSTOMER_TITLE, CUSTOMER_MEANING, score, CUSTOMER_INCIDENCE, CUSTOMER_LEVELS, true);
    }

    /** The bank-initiated score ({@code score}, {@code risk_tier}) explained. */
    public static ReturnRisk bankInitiated(JsonNode score) {
        return risk(BANK_TITLE, BANK_MEANING, score, BANK_INCIDENCE, BANK_LEVELS, false);
    }

    /** What a ruleset result asks of the caller. */
    public static String rulesetMeaning(String result) {
        return switch (result) {
            case "ACCEPT" -> "Your Signal ruleset accepts this debit: send it.";
            case "REVIEW" -> "Your Signal ruleset asks for a manual review before the debit is sent.";
            case "REROUTE" -> "Your Signal ruleset suggests taking this payment another way (a card, a real-time payment) rather than by ACH.";
            default -> "Your Signal ruleset answered " + result + ".";
        };
    }

    /** The common NACHA return codes, for the return report. */
    public static List<ReturnCode> returnCodes() {
        return RETURN_CODES;
    }

    public static Optional<ReturnCode> returnCode(String code) {
        String wanted = code == null ? "" : code.strip();
        return RETURN_CODES.stream().filter(c -> c.code().equalsIgnoreCase(wanted)).findFirst();
    }

    private static ReturnRisk risk(String title, String meaning, JsonNode score, List<String> incidence,
                                   List<RiskLevel> levels, boolean customer) {
        Integer value = score.path("score").isNumber() ? score.path("score").asInt() : null;
        Integer tier = score.path("risk_tier").isNumber() ? score.path("risk_tier").asInt() : null;
        boolean known = tier != null && tier >= 1 && tier <= levels.size();
        RiskLevel level = known ? levels.get(tier - 1) : RiskLevel.UNKNOWN;
        return new ReturnRisk(title, meaning, value, tier, levels.size(), known ? incidence.get(tier - 1) : null,
                level, customer ? customerAdvice(level) : bankAdvice(level));
    }

    private static String customerAdvice(RiskLevel level) {
        return switch (level) {
            case LOW -> "Few account holders dispute a debit like this one: treat it as routine.";
            case MODERATE -> "Some disputes are to be expected: routine amounts can go ahead; for a large or a first "
                    + "debit, make sure the customer's authorisation is on record.";
            case ELEVATED -> "Disputes are noticeably likely: confirm that the customer authorised this debit "
                    + "(step-up verification) before sending it.";
            case HIGH -> "The account holder may well claim they never authorised this debit: verify the customer "
                    + "first, or take the payment another way.";
            case UNKNOWN -> "Plaid sent no known tier for this score.";
        };
    }

    private static String bankAdvice(RiskLevel level) {
        return switch (level) {
            case LOW -> "The account is very likely open and funded: proceed as usual.";
            case MODERATE -> "A return by the bank is possible: consider holding the funds until the debit settles.";
            case ELEVATED -> "A return by the bank (insufficient funds, most often) is quite likely: hold the funds "
                    + "until settlement, lower the amount, or ask for another payment method.";
            case HIGH -> "The debit will probably come back (insufficient funds, closed or frozen account): do not "
                    + "release funds before it settles, and consider declining or rerouting it.";
            case UNKNOWN -> "Plaid sent no known tier for this score.";
        };
    }
}
