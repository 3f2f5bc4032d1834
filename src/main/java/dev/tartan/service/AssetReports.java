package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.AssetReportDigest;
import dev.tartan.model.AssetReportFacts;
import dev.tartan.model.AssetReportInsights;
import dev.tartan.model.SharedValues;
import dev.tartan.model.TransactionRow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads an /asset_report/get (or audit copy) reply into what the Assets pane shows. Pure functions. */
public final class AssetReports {

    private AssetReports() {
    }

    /** The digest of a reply (its {@code report}, or the report itself). */
    public static AssetReportDigest digest(JsonNode reply) {
        return digest(reply, true);
    }

    /**
     * The digest of a reply without its transactions (an empty list): what the Summary, Balances and
     * Owners tabs need, made in a fraction of the time for a report of tens of thousands of transactions.
     */
    public static AssetReportDigest summary(JsonNode reply) {
        return digest(reply, false);
    }

    /** Every transaction of a reply, newest first. */
    public static List<TransactionRow> transactions(JsonNode reply) {
        return digest(reply, true).transactions();
    }

    private static AssetReportDigest digest(JsonNode reply, boolean withTransactions) {
        JsonNode report = reply.has("report") ? reply.path("report") : reply;
        SharedValues shared = new SharedValues();
        List<AssetReportDigest.ItemSummary> items = new ArrayList<>();
        List<AssetReportDigest.AccountSummary> accounts = new ArrayList<>();
        List<TransactionRow> transactions = new ArrayList<>();
        Map<String, OwnerBuilder> owners = new LinkedHashMap<>();
        boolean insights = false;
        for (JsonNode item : report.path("items")) {
            String itemId = item.path("item_id").asText();
            String institution = item.path("institution_name").asText(item.path("institution_id").asText(""));
            items.add(new AssetReportDigest.ItemSummary(itemId, item.path("institution_id").asText(null), institution,
                    instant(item.path("date_last_updated").asText(null)), item.path("accounts").size()));
            for (JsonNode account : item.path("accounts")) {
                AssetReportDigest.AccountSummary summary = account(itemId, institution, account);
                accounts.add(summary);
                for (JsonNode transaction : account.path("transactions")) {
                    insights |= transaction.has("credit_category") || transaction.has("merchant_name");
                    if (!withTransactions) {
                        break;
                    }
                    transactions.add(TransactionRows.fromAssetReport(transaction, shared));
                }
                for (JsonNode owner : account.path("owners")) {
                    List<String> names = texts(owner.path("names"), value -> value.asText());
                    String key = String.join("|", names).toLowerCase(java.util.Locale.ROOT);
                    owners.computeIfAbsent(key, k -> new OwnerBuilder(names)).add(owner, summary.title());
                }
            }
        }
        transactions.sort(TransactionRow.NEWEST_FIRST);
        return new AssetReportDigest(report.path("asset_report_id").asText(null), text(report, "client_report_id"),
                instant(report.path("date_generated").asText(null)), report.path("days_requested").asInt(),
                AssetReportFacts.nameOf(report.path("user")), items, accounts,
                owners.values().stream().map(OwnerBuilder::build).toList(), transactions, insights);
    }

    private static AssetReportDigest.AccountSummary account(String itemId, String institution, JsonNode account) {
        JsonNode balances = account.path("balances");
        List<AssetReportDigest.BalancePoint> history = new ArrayList<>();
        for (JsonNode day : account.path("historical_balances")) {
            try {
                if (day.path("current").isNumber()) {
                    history.add(new AssetReportDigest.BalancePoint(LocalDate.parse(day.path("date").asText()), day.path("current").asDouble()));
                }
            } catch (DateTimeParseException e) {
                // a day Plaid dated oddly is left out of the series
            }
        }
        history.sort(Comparator.comparing(AssetReportDigest.BalancePoint::date));
        Double current = number(balances, "current");
        Double average = history.isEmpty() ? current : history.stream().mapToDouble(AssetReportDigest.BalancePoint::current).average().orElse(0);
        Double lowest = history.isEmpty() ? current : history.stream().mapToDouble(AssetReportDigest.BalancePoint::current).min().orElse(0);
        List<String> ownerNames = new ArrayList<>();
        account.path("owners").forEach(owner -> owner.path("names").forEach(name -> {
            if (!ownerNames.contains(name.asText())) {
                ownerNames.add(name.asText());
            }
        }));
        String currency = text(balances, "iso_currency_code") != null ? text(balances, "iso_currency_code")
                : text(balances, "unofficial_currency_code");
        return new AssetReportDigest.AccountSummary(itemId, institution, account.path("account_id").asText(),
                account.path("name").asText(""), text(account, "mask"), text(account, "official_name"), text(account, "type"),
                text(account, "subtype"), current, number(balances, "available"), currency, account.path("days_available").asInt(),
                average == null ? null : Math.round(average * 100) / 100.0, lowest, account.path("transactions").size(), history,
                ownerNames);
    }

    /**
     * Money in and out of the report's transactions, by category and by merchant (what an Asset
     * Report with Insights tells). Pending transactions are left out: they may never post.
     */
    public static AssetReportInsights insights(AssetReportDigest digest) {
        Map<String, double[]> categories = new LinkedHashMap<>();
        Map<String, double[]> merchants = new LinkedHashMap<>();
        double in = 0;
        double out = 0;
        int uncategorized = 0;
        java.util.Set<String> currencies = new java.util.HashSet<>();
        for (TransactionRow row : digest.transactions()) {
            if (row.pending()) {
                continue;
            }
            currencies.add(String.valueOf(row.currency()));
            double amount = row.amount();
            // Plaid signs amounts from the account's side: positive is money leaving it.
            if (amount >= 0) {
                out += amount;
            } else {
                in -= amount;
            }
            if (row.categoryPrimary() == null) {
                uncategorized++;
            } else {
                add(categories, row.categoryPrimary(), amount);
            }
            if (row.merchantName() != null) {
                add(merchants, row.merchantName(), amount);
            }
        }
        return new AssetReportInsights(round(in), round(out), currencies.size() == 1 ? currencies.iterator().next() : null,
                totals(categories), totals(merchants), uncategorized);
    }

    private static void add(Map<String, double[]> totals, String name, double amount) {
        double[] total = totals.computeIfAbsent(name, k -> new double[3]);
        total[0]++;
        if (amount >= 0) {
            total[2] += amount;
        } else {
            total[1] -= amount;
        }
    }

    private static List<AssetReportInsights.Total> totals(Map<String, double[]> totals) {
        return totals.entrySet().stream()
                .map(entry -> new AssetReportInsights.Total(entry.getKey(), (int) entry.getValue()[0], round(entry.getValue()[1]),
                        round(entry.getValue()[2])))
                .sorted(Comparator.comparingDouble(AssetReportInsights.Total::outflow).reversed()
                        .thenComparing(Comparator.comparingDouble(AssetReportInsights.Total::inflow).reversed())
                        .thenComparing(AssetReportInsights.Total::name))
                .toList();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static final class OwnerBuilder {
        private final List<String> names;
        private final List<String> emails = new ArrayList<>();
        private final List<String> phones = new ArrayList<>();
        private final List<String> addresses = new ArrayList<>();
        private final List<String> accounts = new ArrayList<>();

        OwnerBuilder(List<String> names) {
            this.names = names;
        }

        void add(JsonNode owner, String account) {
            addNew(emails, texts(owner.path("emails"), email -> email.path("data").asText()));
            addNew(phones, texts(owner.path("phone_numbers"), phone -> phone.path("data").asText()));
            addNew(addresses, texts(owner.path("addresses"), address -> address(address.path("data"))));
            addNew(accounts, List.of(account));
        }

        AssetReportDigest.Owner build() {
            return new AssetReportDigest.Owner(names, emails, phones, addresses, accounts);
        }

        private static void addNew(List<String> into, List<String> values) {
            values.stream().filter(value -> !value.isBlank() && !into.contains(value)).forEach(into::add);
        }
    }

    /** "2992 Cameron Road, Malakoff, NY 14236, US". */
    private static String address(JsonNode data) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("street", "city")) {
            if (data.hasNonNull(field)) {
                parts.add(data.path(field).asText());
            }
        }
        String regionAndCode = String.join(" ", texts(data, List.of("region", "postal_code")));
        if (!regionAndCode.isBlank()) {
            parts.add(regionAndCode);
        }
        if (data.hasNonNull("country")) {
            parts.add(data.path("country").asText());
        }
        return String.join(", ", parts);
    }

    private static List<String> texts(JsonNode json, List<String> fields) {
        return fields.stream().filter(json::hasNonNull).map(field -> json.path(field).asText()).toList();
    }

    private static List<String> texts(JsonNode array, java.util.function.Function<JsonNode, String> value) {
        List<String> out = new ArrayList<>();
        array.forEach(element -> out.add(value.apply(element)));
        return out.stream().filter(Objects::nonNull).toList();
    }

    private static Double number(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
