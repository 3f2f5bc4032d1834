package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.PlaidEmulator;

import java.util.List;

/**
 * Real Monitor objects for tests that send every operation a request built from the spec (AllOperationsTest):
 * the programs, screenings, hits and Dashboard users a request must name, and search terms that pass Monitor's
 * checks, so it is answered rather than refused.
 */
public final class WatchlistFixtures {
    private final WatchlistClient client;

    public WatchlistFixtures(PlaidEmulator emulator) {
        this.client = new WatchlistClient(emulator);
    }

    /** Replaces what a Monitor request names with values that exist and fit; other requests are left alone. */
    public void fill(String path, ObjectNode request) {
        boolean entity = path.startsWith("/watchlist_screening/entity/") || path.startsWith("/sandbox/watchlist_screening/entity/");
        if (path.startsWith("/watchlist_screening/") || path.startsWith("/sandbox/watchlist_screening/")) {
            fillWatchlist(path, request, entity);
        } else if (path.equals("/dashboard_user/get")) {
            request.put("dashboard_user_id", WatchlistClient.LEAD_REVIEWER);
        }
    }

    private void fillWatchlist(String path, ObjectNode request, boolean entity) {
        String programField = entity ? "entity_watchlist_program_id" : "watchlist_program_id";
        String program = entity ? WatchlistClient.BUSINESS : WatchlistClient.CARDHOLDERS;
        if (request.has(programField)) {
            request.put(programField, program);
        }
        if (request.path("search_terms").isObject()) {
            ObjectNode terms = (ObjectNode) request.get("search_terms");
            terms.put(programField, program);
            validTerms(terms, entity);
            request.remove("status"); // an update may not change the search terms and the status together
        }
        if (request.hasNonNull("assignee")) {
            request.put("assignee", WatchlistClient.REVIEWER);
            request.remove("reset_fields");
        }
        String idField = entity ? "entity_watchlist_screening_id" : "watchlist_screening_id";
        if (request.has(idField)) {
            String id = screeningWithHits(entity);
            request.put(idField, id);
            if (path.endsWith("/review/create")) {
                List<JsonNode> hits = entity ? client.entityHits(id) : client.hits(id);
                request.putArray("confirmed_hits");
                request.putArray("dismissed_hits").add(hits.get(0).path("id").asText());
            }
        }
    }

    /** Search terms a screening takes: the schema's placeholders become a real country, date, document and contacts. */
    private static void validTerms(ObjectNode terms, boolean entity) {
        if (terms.has("legal_name")) {
            terms.put("legal_name", entity ? "Al-Qaida" : "Joseph Kony");
        }
        if (terms.has("country")) {
            terms.put("country", entity ? "AF" : "CF");
        }
        if (terms.has("document_number")) {
            terms.put("document_number", "C31195855");
        }
        if (terms.has("date_of_birth")) {
            terms.put("date_of_birth", "1964-09-18");
        }
        if (terms.has("email_address")) {
            terms.put("email_address", "user@example.com");
        }
        if (terms.has("phone_number")) {
            terms.put("phone_number", "+14025671234");
        }
        if (terms.has("url")) {
            terms.put("url", "https://example.com");
        }
    }

    /** A new screening with pending hits (each review needs hits of its own to decide). */
    private String screeningWithHits(boolean entity) {
        if (entity) {
            return client.createEntity(WatchlistClient.entity(WatchlistClient.BUSINESS, "Al-Qaida")).path("id").asText();
        }
        return client.createIndividual(WatchlistClient.individual(WatchlistClient.CARDHOLDERS, "Joseph Kony")).path("id").asText();
    }
}
