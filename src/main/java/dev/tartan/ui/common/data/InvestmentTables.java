package dev.tartan.ui.common.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Holdings and investment transactions, each row joined with its security and account. */
public final class InvestmentTables {

    private InvestmentTables() {
    }

    /** For /investments/holdings/get replies: show them with {@link #showHoldings(JsonTable, JsonNode)}. */
    public static JsonTable holdings() {
        return new JsonTable("holdingsTable", "No holdings.")
                .field("Account", "_account")
                .field("Security", "_security", "name")
                .field("Ticker", "_security", "ticker_symbol")
                .field("Quantity", "quantity")
                .money("Price", "institution_price")
                .money("Value", "institution_value")
                .money("Cost basis", "cost_basis");
    }

    /** For /investments/transactions/get replies: show them with {@link #showTransactions(JsonTable, JsonNode)}. */
    public static JsonTable transactions() {
        return new JsonTable("investmentTransactionsTable", "No investment transactions.")
                .field("Date", "date")
                .field("Account", "_account")
                .field("Security", "_security", "name")
                .column("Type", row -> Formats.text(row.path("type")) + " \u00b7 " + Formats.text(row.path("subtype")))
                .field("Quantity", "quantity")
                .money("Price", "price")
                .money("Amount", "amount")
                .money("Fees", "fees");
    }

    public static void showHoldings(JsonTable table, JsonNode reply) {
        table.show(joined(reply.path("holdings"), reply));
    }

    public static void showTransactions(JsonTable table, JsonNode reply) {
        table.show(joined(reply.path("investment_transactions"), reply));
    }

    /** Each row with its security and account name attached as _security and _account. */
    private static List<JsonNode> joined(JsonNode rows, JsonNode reply) {
        Map<String, JsonNode> securities = new HashMap<>();
        reply.path("securities").forEach(s -> securities.put(s.path("security_id").asText(), s));
        Map<String, String> accounts = new HashMap<>();
        reply.path("accounts").forEach(a -> accounts.put(a.path("account_id").asText(), a.path("name").asText()));
        List<JsonNode> joined = new ArrayList<>();
        for (JsonNode row : rows) {
            ObjectNode copy = row.deepCopy();
            copy.set("_security", securities.getOrDefault(row.path("security_id").asText(), copy.objectNode()));
            copy.put("_account", accounts.getOrDefault(row.path("account_id").asText(), row.path("account_id").asText()));
            joined.add(copy);
        }
        return joined;
    }
}
