package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.Profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Institutions, for the panes that name them: pickers of the environment's list, and names for ids. */
public final class InstitutionService {

    private static final String INSTITUTION_BY_ID = "/institutions/get_by_id";
    /** Every country Plaid serves (its CountryCode schema): an Item's institution may be in any of them. */
    private static final List<String> COUNTRY_CODES = List.of("US", "GB", "ES", "NL", "FR", "IE", "CA", "DE", "IT", "PL",
            "DK", "NO", "SE", "EE", "LT", "LV", "PT", "BE", "AT", "FI");
    /** The institution sandbox examples and Plaid's docs use; pickers start on it when the list has it. */
    public static final String USUAL_SANDBOX_INSTITUTION = "ins_109508";

    private final PlaidCalls plaid;
    private final CachedCalls calls;
    /** Lookups under way, by profile and institution: lists ask for the same name many times at once. */
    private final Map<String, CompletableFuture<Optional<String>>> namesUnderWay = new ConcurrentHashMap<>();

    public InstitutionService(PlaidCalls plaid, CachedCalls calls) {
        this.plaid = plaid;
        this.calls = calls;
    }

    /** The first {@code count} institutions of the profile's environment (/institutions/get). */
    public CompletableFuture<JsonNode> list(Profile profile, int count) {
        ObjectNode body = PlaidJson.mapper().createObjectNode();
        body.put("count", count);
        body.put("offset", 0);
        body.putArray("country_codes").add("US").add("CA").add("GB");
        return Futures.map(plaid.post(profile, "/institutions/get", body), r -> r.json().path("institutions"));
    }

    /**
     * The name of an institution, for lists: the vault's copy of /institutions/get_by_id when it
     * has one (names hardly ever change), else the call, whose reply the vault then keeps. Empty
     * when the reply names none. Asks made while one for the same institution is under way share it.
     */
    public CompletableFuture<Optional<String>> name(Profile profile, String institutionId) {
        String key = profile.name() + '\u0000' + institutionId;
        CompletableFuture<Optional<String>> asked = namesUnderWay.computeIfAbsent(key, k -> lookUp(profile, institutionId));
        asked.whenComplete((name, failure) -> namesUnderWay.remove(key, asked));
        return asked;
    }

    private CompletableFuture<Optional<String>> lookUp(Profile profile, String institutionId) {
        ObjectNode body = PlaidJson.mapper().createObjectNode();
        body.put("institution_id", institutionId);
        COUNTRY_CODES.forEach(body.putArray("country_codes")::add);
        CompletableFuture<CachedCalls.Fetched> reply = Futures.flatMap(calls.cached(profile, INSTITUTION_BY_ID, body),
                cached -> cached.isPresent() ? CompletableFuture.completedFuture(cached.get())
                        : calls.fetch(profile, INSTITUTION_BY_ID, body, call -> { }));
        return Futures.map(reply, fetched -> Optional.ofNullable(fetched.json().path("institution").path("name").asText(null)));
    }
}
