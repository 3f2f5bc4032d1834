package dev.tartan.ui.common.data;

import com.fasterxml.jackson.databind.JsonNode;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** How Plaid's values read in Tartan's tables: money with its currency, times in the user's zone, blanks for nulls. */
public final class Formats {

    private static final Map<String, NumberFormat> MONEY = new ConcurrentHashMap<>();
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Formats() {
    }

    /** 1234.5 in USD reads "$1,234.50"; a null amount reads "—"; an unknown currency code keeps its code. */
    public static String money(JsonNode amount, String currencyCode) {
        if (amount == null || amount.isNull() || amount.isMissingNode()) {
            return "\u2014";
        }
        return money(amount.asDouble(), currencyCode);
    }

    public static String money(double amount, String currencyCode) {
        String code = currencyCode == null || currencyCode.isBlank() ? "USD" : currencyCode;
        NumberFormat format = MONEY.computeIfAbsent(code, Formats::formatFor);
        synchronized (format) {
            return format.format(amount);
        }
    }

    private static NumberFormat formatFor(String code) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        try {
            format.setCurrency(Currency.getInstance(code));
        } catch (IllegalArgumentException e) {
            // Unofficial currencies (crypto) have no ISO code: show the amount with the code after it.
            return new java.text.DecimalFormat("#,##0.00###### '" + code + "'");
        }
        return format;
    }

    /** The currency of an account's or a transaction's amounts. */
    public static String currencyOf(JsonNode node) {
        JsonNode official = node.path("iso_currency_code");
        return official.isTextual() ? official.asText() : node.path("unofficial_currency_code").asText("USD");
    }

    /** Text, or "—" for a missing or null value. */
    public static String text(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() || value.asText().isEmpty() ? "\u2014" : value.asText();
    }

    /**
     * A moment Plaid writes in RFC 3339 ("2026-12-04T08:24:47Z") as the user's clock read then
     * ("2026-12-04 09:24:47" in Paris); "—" for a missing value, other text as it is.
     */
    public static String moment(JsonNode value) {
        String text = text(value);
        try {
            return moment(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    /** A moment as the user's clock read then: "2026-12-04 09:24:47". */
    public static String moment(Instant instant) {
        return MOMENT.format(instant);
    }

    /** Shows all but the last four characters of an account number as dots. */
    public static String maskNumber(String number) {
        if (number == null || number.length() <= 4) {
            return number == null ? "\u2014" : number;
        }
        return "\u2022".repeat(Math.min(8, number.length() - 4)) + number.substring(number.length() - 4);
    }
}
