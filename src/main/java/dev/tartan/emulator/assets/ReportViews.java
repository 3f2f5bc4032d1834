package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What a reader sees of a stored report: the report as generated, less what the request did not ask for.
 * A view never changes the stored report; it builds new objects around the parts it keeps unchanged.
 */
final class ReportViews {
    /**
     * Where a stored account keeps its transactions' insights, in the order of its {@code transactions} (which hold
     * the standard fields only): a standard view shows the stored transactions as they are, and only a view with
     * insights builds new objects. Never shown.
     */
    static final String STORED_INSIGHTS = "transaction_insights";
    /** The all-null objects a transaction's insights leave out when they have nothing in them. Never changed. */
    private static final Map<String, JsonNode> EMPTY_OBJECTS = Map.of(
            "location", nulls("address", "city", "region", "postal_code", "country", "lat", "lon", "store_number"),
            "payment_meta", nulls("reference_number", "ppd_id", "payee", "by_order_of", "payer", "payment_method",
                    "payment_processor", "reason"));

    private ReportViews() {
    }

    private static ObjectNode nulls(String... fields) {
        ObjectNode json = Json.object();
        for (String field : fields) {
            json.putNull(field);
        }
        return json;
    }

    /**
     * How a report is read.
     *
     * @param insights     keep the transaction fields of an Asset Report with Insights
     * @param fast         the Fast Asset Report: balances and identity only
     * @param daysToInclude at most this many days of transactions and balances (null: all)
     */
    record View(boolean insights, boolean fast, Integer daysToInclude) {
        static final View STANDARD = new View(false, false, null);
    }

    /** The body of /asset_report/get: {@code report} and {@code warnings}. */
    static ObjectNode response(ObjectNode stored, View view) {
        ObjectNode body = Json.object();
        body.set("report", report(stored, view));
        body.putArray("warnings");
        return body;
    }

    /** The report object as {@code view} reads it. */
    static ObjectNode report(ObjectNode stored, View view) {
        ObjectNode report = Json.object();
        LocalDate generatedOn = OffsetDateTime.parse(stored.path("date_generated").asText()).toLocalDate();
        LocalDate firstDay = view.daysToInclude() == null ? null : generatedOn.minusDays(view.daysToInclude());
        for (Iterator<Map.Entry<String, JsonNode>> fields = stored.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("items")) {
                ArrayNode items = report.putArray("items");
                field.getValue().forEach(item -> items.add(item((ObjectNode) item, view, firstDay)));
            } else {
                report.set(field.getKey(), field.getValue());
            }
        }
        return report;
    }

    private static ObjectNode item(ObjectNode stored, View view, LocalDate firstDay) {
        ObjectNode item = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> fields = stored.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("accounts")) {
                ArrayNode accounts = item.putArray("accounts");
                field.getValue().forEach(account -> accounts.add(account((ObjectNode) account, view, firstDay)));
            } else {
                item.set(field.getKey(), field.getValue());
            }
        }
        return item;
    }

    private static ObjectNode account(ObjectNode stored, View view, LocalDate firstDay) {
        ObjectNode account = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> fields = stored.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "transactions" -> account.set("transactions", view.fast() ? Json.object().arrayNode()
                        : transactions(field.getValue(), view.insights() ? stored.get(STORED_INSIGHTS) : null, firstDay));
                case STORED_INSIGHTS -> {
                }
                case "historical_balances" -> account.set("historical_balances", view.fast() ? Json.object().arrayNode()
                        : datedFrom(field.getValue(), firstDay));
                case "days_available" -> account.put("days_available", view.fast() ? 0
                        : view.daysToInclude() == null ? field.getValue().asInt()
                        : Math.min(field.getValue().asInt(), view.daysToInclude()));
                case "investments" -> {
                    if (!view.fast()) {
                        account.set("investments", field.getValue());
                    }
                }
                default -> account.set(field.getKey(), field.getValue());
            }
        }
        return account;
    }

    /** The stored transactions from {@code firstDay} on (all when null), each with its insights when they are given. */
    private static ArrayNode transactions(JsonNode stored, JsonNode insights, LocalDate firstDay) {
        if (insights == null && firstDay == null) {
            return (ArrayNode) stored;
        }
        ArrayNode out = Json.object().arrayNode();
        for (int i = 0; i < stored.size(); i++) {
            JsonNode transaction = stored.get(i);
            if (firstDay != null && LocalDate.parse(transaction.path("date").asText()).isBefore(firstDay)) {
                continue;
            }
            out.add(insights == null ? transaction : withInsights((ObjectNode) transaction, insights.get(i)));
        }
        return out;
    }

    /** A transaction with every field of an Asset Report with Insights, those left out when stored put back. */
    private static ObjectNode withInsights(ObjectNode transaction, JsonNode insights) {
        ObjectNode full = transaction.deepCopy();
        for (String field : ReportBuilder.INSIGHT_FIELDS) {
            JsonNode value = insights == null ? null : insights.get(field);
            full.set(field, value != null ? value : EMPTY_OBJECTS.getOrDefault(field, NullNode.getInstance()));
        }
        return full;
    }

    private static ArrayNode datedFrom(JsonNode stored, LocalDate firstDay) {
        if (firstDay == null) {
            return (ArrayNode) stored;
        }
        ArrayNode out = Json.object().arrayNode();
        for (JsonNode entry : stored) {
            if (!LocalDate.parse(entry.path("date").asText()).isBefore(firstDay)) {
                out.add(entry);
            }
        }
        return out;
    }

    /**
     * The report without the accounts named (and without Items left with no account), under a new id: what
     * /asset_report/filter stores. Its data, and so its date_generated, are the original's.
     */
    static ObjectNode without(ObjectNode stored, Set<String> accountIds, String reportId) {
        ObjectNode report = stored.deepCopy();
        report.put("asset_report_id", reportId);
        ArrayNode items = (ArrayNode) report.get("items");
        for (Iterator<JsonNode> item = items.elements(); item.hasNext(); ) {
            ArrayNode accounts = (ArrayNode) item.next().get("accounts");
            for (Iterator<JsonNode> account = accounts.elements(); account.hasNext(); ) {
                if (accountIds.contains(account.next().path("account_id").asText())) {
                    account.remove();
                }
            }
        }
        for (Iterator<JsonNode> item = items.elements(); item.hasNext(); ) {
            if (item.next().path("accounts").isEmpty()) {
                item.remove();
            }
        }
        return report;
    }
}
