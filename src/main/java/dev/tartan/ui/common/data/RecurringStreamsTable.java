package dev.tartan.ui.common.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Recurring inflows (payroll) and outflows (rent, subscriptions) Plaid detected. */
public final class RecurringStreamsTable extends JsonTable {

    public RecurringStreamsTable() {
        super("recurringTable", "No recurring streams detected yet.");
        field("Direction", "_direction");
        column("Description", row -> row.hasNonNull("merchant_name") ? row.path("merchant_name").asText() : row.path("description").asText());
        field("Frequency", "frequency");
        column("Average", row -> Formats.money(row.path("average_amount").path("amount"), Formats.currencyOf(row.path("average_amount"))));
        column("Last", row -> Formats.money(row.path("last_amount").path("amount"), Formats.currencyOf(row.path("last_amount"))));
        field("Last date", "last_date");
        field("Next expected", "predicted_next_date");
        field("Status", "status");
        field("Category", "personal_finance_category", "primary");
    }

    /** Shows a /transactions/recurring/get reply: inflows first, then outflows. */
    public void showStreams(JsonNode reply) {
        List<JsonNode> rows = new ArrayList<>();
        add(rows, reply.path("inflow_streams"), "in");
        add(rows, reply.path("outflow_streams"), "out");
        show(rows);
    }

    private static void add(List<JsonNode> rows, JsonNode streams, String direction) {
        for (JsonNode stream : streams) {
            ObjectNode copy = stream.deepCopy();
            copy.put("_direction", direction);
            rows.add(copy);
        }
    }
}
