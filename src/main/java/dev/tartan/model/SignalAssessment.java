package dev.tartan.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A /signal/evaluate (or /processor/signal/evaluate) reply, explained.
 *
 * @param clientTransactionId the id the debit was evaluated under (for the decision and return reports)
 * @param customerInitiated   the risk that the account holder has the debit sent back
 * @param bankInitiated       the risk that the account holder's bank sends it back
 * @param rulesetResult       the Signal ruleset's result (ACCEPT, REVIEW, REROUTE), or null
 * @param rulesetMeaning      what that result asks for, or null
 * @param warnings            Plaid's warnings, one line each
 * @param coreAttributes      the reply's core_attributes, as sent
 * @param requestId           the reply's request_id
 */
public record SignalAssessment(String clientTransactionId, ReturnRisk customerInitiated, ReturnRisk bankInitiated,
                               String rulesetResult, String rulesetMeaning, List<String> warnings,
                               JsonNode coreAttributes, String requestId) {

    public SignalAssessment {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
