package dev.tartan.emulator.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.wire.EmulatorModule;
import dev.tartan.emulator.wire.HandlerRegistry;
import dev.tartan.emulator.wire.OperationRequest;
import dev.tartan.emulator.wire.PlaidErrors;
import dev.tartan.emulator.wire.Reply;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** /institutions/get, /institutions/get_by_id and /institutions/search over the fixed catalogue. */
public final class InstitutionsModule implements EmulatorModule {
    private static final int SEARCH_LIMIT = 10;
    private static final List<String> STATUS_FIELDS = List.of("item_logins", "transactions_updates", "auth", "identity",
            "investments_updates", "liabilities_updates", "liabilities", "investments");

    private final Clock clock;

    public InstitutionsModule(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void register(HandlerRegistry registry) {
        registry.register("/institutions/get", this::get);
        registry.register("/institutions/get_by_id", this::getById);
        registry.register("/institutions/search", this::search);
    }

    private Reply get(OperationRequest request) {
        JsonNode options = request.object("options");
        Predicate<Institution> filter = inCountries(request.body().get("country_codes"))
                .and(offering(options.get("products")));
        if (options.hasNonNull("oauth")) {
            boolean oauth = options.get("oauth").asBoolean();
            filter = filter.and(i -> i.oauth() == oauth);
        }
        if (options.hasNonNull("routing_numbers") && !options.get("routing_numbers").isEmpty()) {
            Set<String> numbers = texts(options.get("routing_numbers"));
            filter = filter.and(i -> i.routingNumbers().stream().anyMatch(numbers::contains));
        }
        List<Institution> matching = Institutions.all().stream().filter(filter).toList();
        int offset = request.body().path("offset").asInt();
        int count = request.body().path("count").asInt();
        ObjectNode body = Json.object();
        ArrayNode institutions = body.putArray("institutions");
        matching.stream().skip(offset).limit(count).forEach(i -> institutions.add(json(i, options, false)));
        body.put("total", matching.size());
        return Reply.json(body);
    }

    private Reply getById(OperationRequest request) {
        String id = request.requiredText("institution_id");
        Institution institution = Institutions.byId(id)
                .filter(inCountries(request.body().get("country_codes")))
                .orElseThrow(() -> PlaidErrors.of("INVALID_INSTITUTION", "invalid institution_id provided: no institution "
                        + id + " in the requested countries"));
        JsonNode options = request.object("options");
        ObjectNode body = Json.object();
        body.set("institution", json(institution, options, options.path("include_status").asBoolean(false)));
        return Reply.json(body);
    }

    private Reply search(OperationRequest request) {
        String[] words = request.requiredText("query").toLowerCase(Locale.ROOT).trim().split("\\s+");
        JsonNode options = request.object("options");
        Predicate<Institution> filter = inCountries(request.body().get("country_codes"))
                .and(offering(request.body().get("products")));
        if (options.hasNonNull("oauth")) {
            boolean oauth = options.get("oauth").asBoolean();
            filter = filter.and(i -> i.oauth() == oauth);
        }
        ObjectNode body = Json.object();
        ArrayNode institutions = body.putArray("institutions");
        Institutions.all().stream().filter(filter).filter(i -> matches(i, words)).limit(SEARCH_LIMIT)
                .forEach(i -> institutions.add(json(i, options, false)));
        return Reply.json(body);
    }

    private static boolean matches(Institution institution, String[] words) {
        String name = institution.name().toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (!name.contains(word) && !institution.id().equals(word)) {
                return false;
            }
        }
        return true;
    }

    private static Predicate<Institution> inCountries(JsonNode countryCodes) {
        Set<String> countries = texts(countryCodes);
        return i -> countries.isEmpty() || i.countryCodes().stream().anyMatch(countries::contains);
    }

    private static Predicate<Institution> offering(JsonNode products) {
        Set<String> wanted = texts(products);
        return i -> i.products().containsAll(wanted);
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private ObjectNode json(Institution institution, JsonNode options, boolean withStatus) {
        ObjectNode json = Json.object();
        json.put("institution_id", institution.id());
        json.put("name", institution.name());
        ArrayNode products = json.putArray("products");
        institution.products().forEach(products::add);
        ArrayNode countries = json.putArray("country_codes");
        institution.countryCodes().forEach(countries::add);
        ArrayNode routing = json.putArray("routing_numbers");
        institution.routingNumbers().forEach(routing::add);
        json.put("oauth", institution.oauth());
        if (options.path("include_optional_metadata").asBoolean(false)) {
            json.put("url", institution.url());
            json.put("primary_color", institution.primaryColor());
            json.putNull("logo");
        }
        if (options.path("include_auth_metadata").asBoolean(false)) {
            ObjectNode methods = json.putObject("auth_metadata").putObject("supported_methods");
            boolean auth = institution.supports("auth");
            methods.put("instant_auth", auth);
            methods.put("instant_match", institution.id().equals("ins_109512"));
            methods.put("automated_micro_deposits", institution.id().equals("ins_109512"));
            methods.put("instant_micro_deposits", institution.id().equals("ins_135858"));
        }
        if (withStatus) {
            json.set("status", status(institution));
        }
        return json;
    }

    private ObjectNode status(Institution institution) {
        ObjectNode status = Json.object();
        String since = ItemViews.timestamp(clock.instant().minus(Duration.ofDays(3)));
        double success = switch (institution.health()) {
            case "DOWN" -> 0.0;
            case "DEGRADED" -> 0.71;
            default -> 0.99;
        };
        for (String field : STATUS_FIELDS) {
            ObjectNode product = status.putObject(field);
            product.put("status", institution.health());
            product.put("last_status_change", since);
            ObjectNode breakdown = product.putObject("breakdown");
            breakdown.put("success", success);
            breakdown.put("error_plaid", Math.round((1 - success) * 30) / 100.0);
            breakdown.put("error_institution", Math.round((1 - success) * 70) / 100.0);
            breakdown.put("refresh_interval", institution.health().equals("DOWN") ? "STOPPED"
                    : institution.health().equals("DEGRADED") ? "DELAYED" : "NORMAL");
        }
        status.putArray("health_incidents");
        return status;
    }
}
