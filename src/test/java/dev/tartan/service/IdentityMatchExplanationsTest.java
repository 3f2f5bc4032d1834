package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tartan.model.FieldMatch;
import dev.tartan.model.MatchLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityMatchExplanationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
            "100, 85, PERFECT", "99, 85, STRONG", "85, 85, STRONG", "84, 85, PARTIAL", "70, 85, PARTIAL", "69, 85, MISMATCH",
            "0, 85, MISMATCH", "99, 100, PARTIAL", "70, 100, PARTIAL", "90, 90, STRONG", "89, 90, PARTIAL"})
    void scoresFallInPlaidsBands(int score, int strongFrom, MatchLevel level) {
        assertThat(IdentityMatchExplanations.level(score, strongFrom)).isEqualTo(level);
    }

    @Test
    void explainsEveryFieldInFormOrder() throws Exception {
        JsonNode account = JSON.readTree("""
                {"legal_name": {"score": 90, "is_first_name_or_last_name_match": true, "is_nickname_match": false,
                                "is_business_name_detected": true},
                 "email_address": {"score": 40},
                 "phone_number": null,
                 "address": {"score": 75, "is_postal_code_match": false}}""");
        List<FieldMatch> fields = IdentityMatchExplanations.explain(account);
        assertThat(fields).extracting(FieldMatch::field).containsExactly("Legal name", "Email address", "Phone number", "Address");

        FieldMatch name = fields.get(0);
        assertThat(name.level()).isEqualTo(MatchLevel.STRONG);
        assertThat(name.verdict()).isEqualTo("Strong match");
        assertThat(name.notes()).hasSize(2).anySatisfy(note -> assertThat(note).contains("first or the last name"))
                .anySatisfy(note -> assertThat(note).contains("business"));

        assertThat(fields.get(1).level()).isEqualTo(MatchLevel.MISMATCH);
        assertThat(fields.get(1).verdict()).isEqualTo("Mismatch");

        FieldMatch phone = fields.get(2);
        assertThat(phone.score()).isNull();
        assertThat(phone.level()).isEqualTo(MatchLevel.NOT_COMPARED);
        assertThat(phone.meaning()).contains("left it blank");

        FieldMatch address = fields.get(3);
        assertThat(address.level()).isEqualTo(MatchLevel.PARTIAL);
        assertThat(address.notes()).containsExactly("The postal code does not match.");
    }

    @Test
    void aWeakAddressIsCalledWeakNotAMismatch() throws Exception {
        JsonNode account = JSON.readTree("{\"address\": {\"score\": 30}}");
        FieldMatch address = IdentityMatchExplanations.explain(account).get(3);
        assertThat(address.level()).isEqualTo(MatchLevel.MISMATCH);
        assertThat(address.verdict()).isEqualTo("Weak match");
    }
}
