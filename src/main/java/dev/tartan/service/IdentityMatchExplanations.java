package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.FieldMatch;
import dev.tartan.model.MatchLevel;

import java.util.ArrayList;
import java.util.List;

/**
 * Identity match scores in plain words. The bands are Plaid's (spec 2020-09-14): 100 is a perfect
 * match and 70 the usual threshold for all four fields; names and addresses also have a "strong"
 * band just below perfect.
 */
public final class IdentityMatchExplanations {

    private static final String NOT_COMPARED = "Not compared: you left it blank, or the bank has none on file.";

    private IdentityMatchExplanations() {
    }

    /** One row per field, in form order, from the {@code account} of an identity match reply. */
    public static List<FieldMatch> explain(JsonNode account) {
        List<FieldMatch> fields = new ArrayList<>();
        JsonNode name = account.path("legal_name");
        List<String> nameNotes = new ArrayList<>();
        note(nameNotes, name, "is_first_name_or_last_name_match", "The first or the last name matches on its own.");
        note(nameNotes, name, "is_nickname_match", "A nickname was recognised (Bob for Robert).");
        note(nameNotes, name, "is_business_name_detected", "One of the names looks like a business (LLC, INC, CORP).");
        fields.add(field("Legal name", name, 85, "Mismatch", "100 is perfect, 85 to 99 strong, 70 to 84 partial, below 70 a mismatch.", nameNotes));
        fields.add(field("Email address", account.path("email_address"), 100, "Mismatch",
                "100 is perfect, 70 to 99 partial (the same address with another +tag), below 70 a mismatch.", List.of()));
        fields.add(field("Phone number", account.path("phone_number"), 100, "Mismatch",
                "100 is perfect, 70 to 99 partial (the same number with or without an extension), below 70 a mismatch.", List.of()));
        JsonNode address = account.path("address");
        List<String> addressNotes = new ArrayList<>();
        if (address.path("is_postal_code_match").isBoolean()) {
            addressNotes.add(address.path("is_postal_code_match").asBoolean()
                    ? "The postal code matches." : "The postal code does not match.");
        }
        fields.add(field("Address", address, 90, "Weak match", "100 is perfect, 90 to 99 strong, 70 to 89 partial, below 70 weak.", addressNotes));
        return fields;
    }

    /** The verdict for a score, given where the field's "strong" band starts (100 when it has none). */
    static MatchLevel level(Integer score, int strongFrom) {
        if (score == null) {
            return MatchLevel.NOT_COMPARED;
        }
        if (score >= 100) {
            return MatchLevel.PERFECT;
        }
        if (score >= strongFrom) {
            return MatchLevel.STRONG;
        }
        return score >= 70 ? MatchLevel.PARTIAL : MatchLevel.MISMATCH;
    }

    private static FieldMatch field(String title, JsonNode result, int strongFrom, String lowVerdict, String bands,
                                    List<String> notes) {
        Integer score = result.path("score").isNumber() ? result.path("score").asInt() : null;
        MatchLevel level = level(score, strongFrom);
        String verdict = switch (level) {
            case PERFECT -> "Perfect match";
            case STRONG -> "Strong match";
            case PARTIAL -> "Partial match";
            case MISMATCH -> lowVerdict;
            case NOT_COMPARED -> "Not compared";
        };
        return new FieldMatch(title, score, level, verdict, level == MatchLevel.NOT_COMPARED ? NOT_COMPARED : bands, notes);
    }

    private static void note(List<String> notes, JsonNode result, String flag, String text) {
        if (result.path(flag).asBoolean(false)) {
            notes.add(text);
        }
    }
}
