package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.SharedValues;
import dev.tartan.model.TransactionRow;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Plaid's Transaction JSON (from sync or get, Item or processor) to the rows Tartan keeps. */
final class TransactionRows {

    private TransactionRows() {
    }

    /**
     * The row for one transaction. Fields Tartan does not keep are ignored, and so are unknown ones.
     *
     * @throws IllegalArgumentException if it lacks its id, account, date or amount, saying which
     */
    static TransactionRow fromJson(JsonNode json, SharedValues shared) {
        String id = text(json, "transaction_id");
        if (id == null) {
            throw new IllegalArgumentException("a transaction has no transaction_id");
        }
        String accountId = text(json, "account_id");
        if (accountId == null) {
            throw new IllegalArgumentException("transaction " + id + " has no account_id");
        }
        JsonNode amount = json.get("amount");
        if (amount == null || !amount.isNumber()) {
            throw new IllegalArgumentException("transaction " + id + " has no numeric amount");
        }
        LocalDate date = date(json, "date", id, shared);
        if (date == null) {
            throw new IllegalArgumentException("transaction " + id + " has no date");
        }
        JsonNode category = json.path("personal_finance_category");
        return new TransactionRow(id, shared.text(accountId), date, date(json, "authorized_date", id, shared),
                shared.text(text(json, "name")), shared.text(text(json, "merchant_name")), amount.asDouble(),
                shared.text(text(json, "iso_currency_code")), shared.text(text(json, "unofficial_currency_code")),
                json.path("pending").asBoolean(false), text(json, "pending_transaction_id"),
                shared.text(text(category, "primary")), shared.text(text(category, "detailed")),
                shared.text(text(json, "payment_channel")));
    }

    /**
     * The row for one transaction of an asset report (an AssetReportTransaction): its statement text
     * is {@code original_description} unless the report has insights (then {@code name}), and its
     * category is the insights' {@code credit_category}.
     *
     * @throws IllegalArgumentException if it lacks its id, account, date or amount, saying which
     */
    static TransactionRow fromAssetReport(JsonNode json, SharedValues shared) {
        String id = text(json, "transaction_id");
        if (id == null) {
            throw new IllegalArgumentException("a transaction has no transaction_id");
        }
        String accountId = text(json, "account_id");
        JsonNode amount = json.get("amount");
        if (accountId == null || amount == null || !amount.isNumber()) {
            throw new IllegalArgumentException("transaction " + id + " has no account_id or no numeric amount");
        }
        LocalDate date = date(json, "date", id, shared);
        if (date == null) {
            throw new IllegalArgumentException("transaction " + id + " has no date");
        }
        String name = text(json, "name") != null ? text(json, "name") : text(json, "original_description");
        JsonNode category = json.path("credit_category");
        return new TransactionRow(id, shared.text(accountId), date, date(json, "date_transacted", id, shared),
                shared.text(name), shared.text(text(json, "merchant_name")), amount.asDouble(),
                shared.text(text(json, "iso_currency_code")), shared.text(text(json, "unofficial_currency_code")),
                json.path("pending").asBoolean(false), text(json, "pending_transaction_id"),
                shared.text(text(category, "primary")), shared.text(text(category, "detailed")), null);
    }

    /** The transaction_id of a {@code removed} entry of a sync page. */
    static String removedId(JsonNode json) {
        String id = text(json, "transaction_id");
        if (id == null) {
            throw new IllegalArgumentException("a removed transaction has no transaction_id");
        }
        return id;
    }

    private static LocalDate date(JsonNode json, String field, String id, SharedValues shared) {
        String text = text(json, field);
        try {
            return shared.date(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("transaction " + id + " has a " + field + " that is not YYYY-MM-DD: '" + text + "'");
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
