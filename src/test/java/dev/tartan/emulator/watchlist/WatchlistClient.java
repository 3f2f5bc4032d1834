package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.testing.SpecSchemas;

import java.util.ArrayList;
import java.util.List;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monitor calls for tests, over loopback: every successful answer is checked against the spec's response
 * schema (the rescan extension's against /get's), and every refusal can be read as Plaid's error.
 */
public final class WatchlistClient {
    /** The seeded programs and Dashboard users tests use. */
    public static final String CARDHOLDERS = "prg_2eRPsDnL66rZ7H";
    public static final String HIGH_RISK = "prg_7Hc2WqLm4Zx9Tb";
    public static final String ONBOARDING_NO_RESCAN = "prg_Qk38sNvE1pYt6R";
    public static final String WIRE_STRICT = "prg_bM5xR2aJ9dLw3F";
    public static final String LEGACY_ARCHIVED = "prg_X4nT8gVh6KcP2s";
    public static final String BUSINESS = "entprg_2eRPsDnL66rZ7H";
    public static final String HIGH_RISK_BUSINESS = "entprg_9Lp3VdQw7Ks2Hn";
    public static final String VENDORS_NO_RESCAN = "entprg_Tz6Nc1Rb8Mf4Gy";
    public static final String LEAD_REVIEWER = "54350110fedcbaf01234ffee";
    public static final String REVIEWER = "6a1f0c3e9b2d4a7f8c5e1b03";
    public static final String DEACTIVATED_USER = "9e4a3f6b2c1d0e5f4a3b2c6d";

    final EmulatorClient http;

    public WatchlistClient(PlaidEmulator emulator) {
        this.http = new EmulatorClient(emulator);
    }

    /** Posts, requires 200 and a body valid for the operation's response schema. */
    public JsonNode ok(String path, ObjectNode request) {
        JsonNode answer = http.ok(path, request);
        if (path.startsWith("/sandbox/watchlist_screening/")) {
            String component = path.contains("/entity/") ? "WatchlistScreeningEntityGetResponse" : "WatchlistScreeningIndividualGetResponse";
            assertThat(SpecSchemas.componentProblems(component, answer)).as("schema problems of %s: %s", path, answer).isEmpty();
        } else {
            assertThat(SpecSchemas.responseProblems(path, answer)).as("schema problems of %s: %s", path, answer).isEmpty();
        }
        return answer;
    }

    /** Posts a request Plaid refuses; returns the error after checking its HTTP status and code. */
    public JsonNode refused(String path, ObjectNode request, int status, String errorCode) {
        EmulatorClient.Answer answer = http.post(path, request);
        assertThat(answer.status()).as("%s answered %s", path, answer.json()).isEqualTo(status);
        assertThat(answer.errorCode()).as("%s answered %s", path, answer.json()).isEqualTo(errorCode);
        return answer.json();
    }

    /** A refusal with INVALID_FIELD whose message starts by naming {@code field}; returns the message. */
    public String invalid(String path, ObjectNode request, String field) {
        String message = refused(path, request, 400, "INVALID_FIELD").path("error_message").asText();
        assertThat(message).startsWith(field + ": ");
        return message;
    }

    public static ObjectNode individual(String programId, String legalName) {
        ObjectNode request = body();
        request.putObject("search_terms").put("watchlist_program_id", programId).put("legal_name", legalName);
        return request;
    }

    public static ObjectNode entity(String programId, String legalName) {
        ObjectNode request = body();
        request.putObject("search_terms").put("entity_watchlist_program_id", programId).put("legal_name", legalName);
        return request;
    }

    public static ObjectNode terms(ObjectNode request) {
        return (ObjectNode) request.get("search_terms");
    }

    public JsonNode createIndividual(ObjectNode request) {
        return ok("/watchlist_screening/individual/create", request);
    }

    public JsonNode createEntity(ObjectNode request) {
        return ok("/watchlist_screening/entity/create", request);
    }

    public JsonNode get(String screeningId) {
        return ok("/watchlist_screening/individual/get", body().put("watchlist_screening_id", screeningId));
    }

    /** Every hit of an individual screening, following the cursors. */
    public List<JsonNode> hits(String screeningId) {
        return all("/watchlist_screening/individual/hit/list", body().put("watchlist_screening_id", screeningId), "watchlist_screening_hits");
    }

    public List<JsonNode> entityHits(String screeningId) {
        return all("/watchlist_screening/entity/hit/list", body().put("entity_watchlist_screening_id", screeningId),
                "entity_watchlist_screening_hits");
    }

    /** Every item of a list, following next_cursor page by page. */
    public List<JsonNode> all(String path, ObjectNode request, String field) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            ObjectNode page = request.deepCopy();
            if (cursor != null) {
                page.put("cursor", cursor);
            }
            JsonNode answer = ok(path, page);
            answer.path(field).forEach(items::add);
            cursor = answer.path("next_cursor").isNull() ? null : answer.path("next_cursor").asText();
        } while (cursor != null);
        return items;
    }

    /** A review of an individual screening. */
    public JsonNode review(String screeningId, List<String> confirmed, List<String> dismissed, String comment) {
        return ok("/watchlist_screening/individual/review/create", review(body().put("watchlist_screening_id", screeningId),
                confirmed, dismissed, comment));
    }

    public static ObjectNode review(ObjectNode request, List<String> confirmed, List<String> dismissed, String comment) {
        ArrayNode c = request.putArray("confirmed_hits");
        confirmed.forEach(c::add);
        ArrayNode d = request.putArray("dismissed_hits");
        dismissed.forEach(d::add);
        if (comment != null) {
            request.put("comment", comment);
        }
        return request;
    }

    public static List<String> ids(List<JsonNode> items) {
        return items.stream().map(item -> item.path("id").asText()).toList();
    }
}
