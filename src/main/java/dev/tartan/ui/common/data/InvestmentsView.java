package dev.tartan.ui.common.data;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Holdings and investment transactions, each joined with its security and account. */
public final class InvestmentsView extends VBox {

    private final JsonTable holdings = new JsonTable("holdingsTable", "No holdings.")
            .field("Account", "_account")
            .field("Security", "_security", "name")
            .field("Ticker", "_security", "ticker_symbol")
            .field("Quantity", "quantity")
            .money("Price", "institution_price")
            .money("Value", "institution_value")
            .money("Cost basis", "cost_basis");
    private final JsonTable transactions = new JsonTable("investmentTransactionsTable", "No investment transactions.")
            .field("Date", "date")
            .field("Account", "_account")
            .field("Security", "_security", "name")
            .column("Type", row -> Formats.text(row.path("type")) + " \u00b7 " + Formats.text(row.path("subtype")))
            .field("Quantity", "quantity")
            .money("Price", "price")
            .money("Amount", "amount")
            .money("Fees", "fees");

    public InvestmentsView() {
        setId("investmentsView");
        setSpacing(6);
        Label holdingsHeading = new Label("Holdings");
        holdingsHeading.getStyleClass().add(Styles.TEXT_BOLD);
        Label transactionsHeading = new Label("Investment transactions");
        transactionsHeading.getStyleClass().add(Styles.TEXT_BOLD);
        VBox.setVgrow(holdings, Priority.ALWAYS);
        VBox.setVgrow(transactions, Priority.ALWAYS);
        getChildren().addAll(holdingsHeading, holdings, transactionsHeading, transactions);
    }

    /** Shows an /investments/holdings/get reply. */
    public void showHoldings(JsonNode reply) {
        holdings.show(joined(reply.path("holdings"), reply));
    }

    /** Shows an /investments/transactions/get reply. */
    public void showTransactions(JsonNode reply) {
        transactions.show(joined(reply.path("investment_transactions"), reply));
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
