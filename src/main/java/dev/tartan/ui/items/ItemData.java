package dev.tartan.ui.items;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/** What the Items pane reads when an Item opens: one cache-through call each, with the Item's access token. */
public enum ItemData {
    OVERVIEW("/item/get"),
    ACCOUNTS("/accounts/get"),
    IDENTITY("/identity/get"),
    AUTH("/auth/get"),
    HOLDINGS("/investments/holdings/get"),
    INVESTMENT_TRANSACTIONS("/investments/transactions/get"),
    LIABILITIES("/liabilities/get"),
    RECURRING("/transactions/recurring/get");

    /** How far back the investment transactions go. */
    private static final int INVESTMENT_YEARS = 2;

    private final String path;

    ItemData(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** The read's request body for the Item of {@code accessToken} (as of {@code today}). */
    ObjectNode body(String accessToken, LocalDate today) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("access_token", accessToken);
        if (this == INVESTMENT_TRANSACTIONS) {
            body.put("start_date", today.minusYears(INVESTMENT_YEARS).toString());
            body.put("end_date", today.toString());
        }
        return body;
    }
}
