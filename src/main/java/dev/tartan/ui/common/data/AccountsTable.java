package dev.tartan.ui.common.data;

import com.fasterxml.jackson.databind.JsonNode;

/** An Item's (or a processor token's) accounts with their balances. */
public final class AccountsTable extends JsonTable {

    public AccountsTable() {
        super("accountsTable", "No accounts.");
        column("Account", Accounts::title);
        column("Type", a -> a.path("type").asText() + (a.hasNonNull("subtype") ? " \u00b7 " + a.path("subtype").asText() : ""));
        column("Current", a -> balance(a, "current"));
        column("Available", a -> balance(a, "available"));
        column("Limit", a -> balance(a, "limit"));
        getColumns().subList(2, 5).forEach(c -> {
            c.getStyleClass().add("amount");
            c.setMinWidth(105);
        });
        getColumns().get(0).setMinWidth(190);
        getColumns().get(1).setMinWidth(150);
        field("Verification", "verification_status");
        id("account_id", "account_id");
    }

    private static String balance(JsonNode account, String field) {
        JsonNode balances = account.path("balances");
        return Formats.money(balances.path(field), Formats.currencyOf(balances));
    }
}
