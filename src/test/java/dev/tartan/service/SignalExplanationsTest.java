package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tartan.model.ReturnRisk;
import dev.tartan.model.RiskLevel;
import dev.tartan.model.SignalAssessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SignalExplanationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode score(int score, int tier) {
        return JSON.createObjectNode().put("score", score).put("risk_tier", tier);
    }

    @ParameterizedTest
    @CsvSource({"1, 0% to 0.02%, LOW", "2, 0.02% to 0.05%, LOW", "3, 0.05% to 0.1%, MODERATE",
            "4, 0.1% to 0.5%, ELEVATED", "5, more than 0.5%, HIGH"})
    void customerInitiatedTiersReadAsPlaidPublishesThem(int tier, String incidence, RiskLevel level) {
        ReturnRisk risk = SignalExplanations.customerInitiated(score(40, tier));
        assertThat(risk.tier()).isEqualTo(tier);
        assertThat(risk.tierCount()).isEqualTo(5);
        assertThat(risk.incidence()).isEqualTo(incidence);
        assertThat(risk.level()).isEqualTo(level);
        assertThat(risk.meaning()).contains("disputes", "R10");
    }

    @ParameterizedTest
    @CsvSource({"1, 0% to 0.5%, LOW", "3, 1.5% to 3%, MODERATE", "4, 3% to 5%, MODERATE", "5, 5% to 10%, ELEVATED",
            "6, 10% to 15%, ELEVATED", "7, 15% to 50%, HIGH", "8, more than 50%, HIGH"})
    void bankInitiatedTiersHaveEightBands(int tier, String incidence, RiskLevel level) {
        ReturnRisk risk = SignalExplanations.bankInitiated(score(72, tier));
        assertThat(risk.tierCount()).isEqualTo(8);
        assertThat(risk.incidence()).isEqualTo(incidence);
        assertThat(risk.level()).isEqualTo(level);
        assertThat(risk.meaning()).contains("on its own", "R01");
    }

    @Test
    void theAdviceFollowsTheLevelAndTheKindOfReturn() {
        assertThat(SignalExplanations.bankInitiated(score(90, 8)).implication()).contains("do not release funds");
        assertThat(SignalExplanations.bankInitiated(score(5, 1)).implication()).contains("proceed as usual");
        assertThat(SignalExplanations.customerInitiated(score(95, 5)).implication()).contains("verify the customer");
        assertThat(SignalExplanations.customerInitiated(score(3, 1)).implication()).contains("routine");
    }

    @Test
    void aMissingOrUnknownTierIsSaidPlainly() {
        ReturnRisk missing = SignalExplanations.bankInitiated(JSON.createObjectNode());
        assertThat(missing.score()).isNull();
        assertThat(missing.tier()).isNull();
        assertThat(missing.level()).isEqualTo(RiskLevel.UNKNOWN);
        assertThat(missing.incidence()).isNull();
        assertThat(SignalExplanations.customerInitiated(score(50, 9)).level()).isEqualTo(RiskLevel.UNKNOWN);
    }

    @Test
    void assessesAWholeReply() throws Exception {
        JsonNode reply = JSON.readTree("""
                {"scores": {"customer_initiated_return_risk": {"score": 9, "risk_tier": 1},
                            "bank_initiated_return_risk": {"score": 72, "risk_tier": 7}},
                 "core_attributes": {"days_since_first_plaid_connection": 510},
                 "ruleset": {"ruleset_key": "default", "result": "REROUTE"},
                 "warnings": [{"warning_type": "BANK_ERROR", "warning_code": "ITEM_LOGIN_REQUIRED", "warning_message": "login needed"}],
                 "request_id": "req-1"}""");
        SignalAssessment assessment = SignalExplanations.assess("txn-1", reply);
        assertThat(assessment.clientTransactionId()).isEqualTo("txn-1");
        assertThat(assessment.customerInitiated().level()).isEqualTo(RiskLevel.LOW);
        assertThat(assessment.bankInitiated().level()).isEqualTo(RiskLevel.HIGH);
        assertThat(assessment.rulesetResult()).isEqualTo("REROUTE");
        assertThat(assessment.rulesetMeaning()).contains("another way");
        assertThat(assessment.warnings()).containsExactly("ITEM_LOGIN_REQUIRED: login needed");
        assertThat(assessment.coreAttributes().path("days_since_first_plaid_connection").asInt()).isEqualTo(510);
        assertThat(assessment.requestId()).isEqualTo("req-1");
    }

    @Test
    void returnCodesSayWhoAskedForTheReturn() {
        assertThat(SignalExplanations.returnCode("r01")).hasValueSatisfying(code -> {
            assertThat(code.description()).isEqualTo("Insufficient funds");
            assertThat(code.customerInitiated()).isFalse();
        });
        assertThat(SignalExplanations.returnCode(" R10 ")).hasValueSatisfying(code -> assertThat(code.customerInitiated()).isTrue());
        assertThat(SignalExplanations.returnCode("R99")).isEmpty();
        assertThat(SignalExplanations.returnCodes()).extracting(c -> c.code()).doesNotHaveDuplicates().contains("R01", "R29");
    }
}
