package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.AccountRecord;
import dev.tartan.emulator.items.ItemRecord;
import dev.tartan.emulator.items.ItemViews;
import dev.tartan.emulator.items.Items;
import dev.tartan.emulator.products.Investments;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.transactions.TransactionsService;
import dev.tartan.emulator.wire.ApiException;
import dev.tartan.emulator.wire.PlaidErrors;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates an asset report from the Items' own data, as /accounts/get, /identity/get and /transactions/get
 * show it at that moment: accounts and balances, owners, every transaction of the requested days (with the
 * fields of an Asset Report with Insights, which {@link ReportViews} leaves out unless asked), each day's
 * balance worked back from the current one, and days_available. Call under the state's read lock.
 */
final class ReportBuilder {
    /** The fields an Asset Report with Insights adds to each transaction. */
    static final List<String> INSIGHT_FIELDS = List.of("category", "category_id", "credit_category", "check_number",
            "date_transacted", "location", "name", "merchant_name", "payment_meta", "pending_transaction_id", "account_owner",
            "transaction_type");
    private static final String INVESTMENTS = "investments";

    private final Items items;
    private final TransactionsService transactions;

    ReportBuilder(Items items, TransactionsService transactions) {
        this.items = items;
        this.transactions = transactions;
    }

    /** A generated report, or why it could not be. */
    record Outcome(ObjectNode report, ApiException error) {
    }

    /** The full report (insights included) of {@code request}, generated at {@code now}. */
    Outcome build(AssetFact.Requested request, Instant now) {
        ArrayNode causes = Json.object().arrayNode();
        List<ItemRecord> readable = new ArrayList<>();
        for (String itemId : request.itemIds()) {
            ItemRecord item = items.item(itemId).orElse(null);
            ApiException problem = item == null ? PlaidErrors.of("ITEM_NOT_FOUND")
                    : item.errorCode() == null ? null : Items.errorOf(item);
            if (problem == null) {
                readable.add(item);
            } else {
                ObjectNode cause = problem.toJson();
                cause.remove("causes");
                cause.put("item_id", itemId);
                causes.add(cause);
            }
        }
        if (!causes.isEmpty() && (request.options().requireAllItems() || readable.isEmpty())) {
            return new Outcome(null, AssetErrors.dataUnavailable(causes));
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Set<String> excluded = new HashSet<>(request.excluded());
        ObjectNode report = Json.object();
        report.put("asset_report_id", request.reportId());
        report.put("client_report_id", request.options().clientReportId());
        report.put("date_generated", ItemViews.timestamp(now));
        report.put("days_requested", request.daysRequested());
        report.set("user", request.options().user().toJson());
        ArrayNode itemsJson = report.putArray("items");
        for (ItemRecord item : readable) {
            boolean filteredOut = !item.accounts().isEmpty()
                    && item.accounts().stream().allMatch(account -> excluded.contains(account.accountId()));
            if (!filteredOut) {
                itemsJson.add(item(item, request, excluded, today, now));
            }
        }
        return new Outcome(report, null);
    }

    private ObjectNode item(ItemRecord item, AssetFact.Requested request, Set<String> excluded, LocalDate today, Instant now) {
        List<AccountRecord> accounts = item.accounts().stream().filter(a -> !excluded.contains(a.accountId())).toList();
        LocalDate start = today.minusDays(request.daysRequested());
        Map<String, Transactions> byAccount = transactionsByAccount(item, start, today);
        boolean investments = request.options().addOns().contains(INVESTMENTS);
        ObjectNode json = Json.object();
        json.put("item_id", item.itemId());
        json.put("institution_name", item.institution().name());
        json.put("institution_id", item.institutionId());
        json.put("date_last_updated", ItemViews.timestamp(now));
        ArrayNode list = json.putArray("accounts");
        for (AccountRecord account : accounts) {
            ObjectNode accountJson = account(account, byAccount.getOrDefault(account.accountId(), Transactions.NONE), request.daysRequested(), today);
            if (investments && Investments.isInvestment(account)) {
                accountJson.set("investments", investments(item, account, start, today));
            }
            list.add(accountJson);
        }
        return json;
    }

    /** An account's transactions as stored: the fields of a standard report, and beside them (same order) their insights. */
    private record Transactions(List<JsonNode> standard, List<JsonNode> insights) {
        static final Transactions NONE = new Transactions(List.of(), List.of());
    }

    /** The Item's transactions dated from {@code start} to {@code end}, newest first, by account, in the asset report's shape. */
    private Map<String, Transactions> transactionsByAccount(ItemRecord item, LocalDate start, LocalDate end) {
        Map<String, Transactions> byAccount = new HashMap<>();
        long total = transactions.get(item, item.accounts(), start, end, 0, 0, true).path("total_transactions").asLong();
        if (total == 0) {
            return byAccount;
        }
        JsonNode page = transactions.get(item, item.accounts(), start, end, Math.toIntExact(total), 0, true).path("transactions");
        for (JsonNode transaction : page) {
            Transactions list = byAccount.computeIfAbsent(transaction.path("account_id").asText(),
                    id -> new Transactions(new ArrayList<>(), new ArrayList<>()));
            list.standard().add(standard(transaction));
            list.insights().add(insights(transaction));
        }
        return byAccount;
    }

    /** The fields of an AssetReportTransaction in a standard report, from a Transaction of /transactions/get. */
    private static ObjectNode standard(JsonNode source) {
        ObjectNode json = Json.object();
        json.set("account_id", source.get("account_id"));
        json.set("amount", source.get("amount"));
        json.set("date", source.get("date"));
        json.set("iso_currency_code", source.get("iso_currency_code"));
        json.set("original_description", source.hasNonNull("original_description") ? source.get("original_description") : source.get("name"));
        json.set("pending", source.get("pending"));
        json.set("transaction_id", source.get("transaction_id"));
        json.set("unofficial_currency_code", source.get("unofficial_currency_code"));
        return json;
    }

    /**
     * What an Asset Report with Insights adds to the transaction ({@link #INSIGHT_FIELDS}), kept compact: fields
     * with nothing in them (null, or an object of nulls) are left out here and put back by {@link ReportViews}.
     */
    private static ObjectNode insights(JsonNode source) {
        ObjectNode json = Json.object();
        keep(json, "category", source.get("category"));
        keep(json, "category_id", source.get("category_id"));
        JsonNode pfc = source.path("personal_finance_category");
        if (pfc.isObject()) {
            ObjectNode credit = json.putObject("credit_category");
            credit.set("primary", pfc.get("primary"));
            credit.set("detailed", pfc.get("detailed"));
        }
        keep(json, "check_number", source.get("check_number"));
        keep(json, "date_transacted", source.get("authorized_date"));
        keep(json, "location", source.get("location"));
        keep(json, "name", source.get("name"));
        keep(json, "merchant_name", source.get("merchant_name"));
        keep(json, "payment_meta", source.get("payment_meta"));
        keep(json, "pending_transaction_id", source.get("pending_transaction_id"));
        keep(json, "account_owner", source.get("account_owner"));
        keep(json, "transaction_type", source.get("transaction_type"));
        return json;
    }

    private static void keep(ObjectNode json, String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isObject()) {
            boolean empty = true;
            for (JsonNode member : value) {
                empty &= member.isNull();
            }
            if (empty) {
                return;
            }
        }
        json.set(field, value);
    }

    private static ObjectNode account(AccountRecord account, Transactions found, int daysRequested, LocalDate today) {
        List<JsonNode> transactions = account.hasTransactions() ? found.standard() : List.of();
        ObjectNode json = Json.object();
        json.put("account_id", account.accountId());
        ObjectNode balances = json.putObject("balances");
        putNumber(balances, "available", account.available());
        putNumber(balances, "current", account.current());
        putNumber(balances, "limit", account.limit());
        balances.putNull("margin_loan_amount");
        balances.put("iso_currency_code", account.currency());
        balances.putNull("unofficial_currency_code");
        json.put("mask", account.mask());
        json.put("name", account.name());
        json.put("official_name", account.officialName());
        json.put("type", account.type());
        json.put("subtype", account.subtype());
        if (account.verificationStatus() != null) {
            json.put("verification_status", account.verificationStatus());
        }
        boolean withHistory = account.hasTransactions();
        int daysAvailable = withHistory ? daysAvailable(transactions, daysRequested, today) : 0;
        json.put("days_available", daysAvailable);
        json.putArray("transactions").addAll(transactions);
        json.putArray(ReportViews.STORED_INSIGHTS).addAll(account.hasTransactions() ? found.insights() : List.of());
        ArrayNode owners = json.putArray("owners");
        if (account.owner() != null) {
            owners.add(account.owner().deepCopy());
        }
        json.putNull("ownership_type");
        ArrayNode history = json.putArray("historical_balances");
        if (withHistory && account.current() != null) {
            historicalBalances(history, account, transactions, daysAvailable, today);
        }
        return json;
    }

    /** Days from the account's earliest transaction in the report to the report's day, at most the days requested. */
    private static int daysAvailable(List<JsonNode> transactions, int daysRequested, LocalDate today) {
        if (transactions.isEmpty()) {
            return 0;
        }
        LocalDate earliest = LocalDate.parse(transactions.get(transactions.size() - 1).path("date").asText());
        return (int) Math.min(daysRequested, Math.max(0, ChronoUnit.DAYS.between(earliest, today)));
    }

    /**
     * One balance per day, newest first, for the {@code days} days before the report's day: the current balance
     * with the posted transactions dated after that day undone (money out is added back to a depository account
     * and taken off what is owed on a credit account).
     */
    private static void historicalBalances(ArrayNode history, AccountRecord account, List<JsonNode> newestFirst, int days,
                                           LocalDate today) {
        boolean owed = "credit".equals(account.type()) || "loan".equals(account.type());
        long balanceCents = Math.round(account.current() * 100);
        int next = 0;
        for (int back = 1; back <= days; back++) {
            LocalDate day = today.minusDays(back);
            while (next < newestFirst.size() && LocalDate.parse(newestFirst.get(next).path("date").asText()).isAfter(day)) {
                JsonNode transaction = newestFirst.get(next++);
                if (!transaction.path("pending").asBoolean()) {
                    long amountCents = Math.round(transaction.path("amount").asDouble() * 100);
                    balanceCents += owed ? -amountCents : amountCents;
                }
            }
            ObjectNode entry = history.addObject();
            entry.put("current", balanceCents / 100.0);
            entry.put("date", day.toString());
            entry.put("iso_currency_code", account.currency());
            entry.putNull("unofficial_currency_code");
        }
    }

    /** The investments add-on: the account's holdings, their securities and its investment transactions of the period. */
    private static ObjectNode investments(ItemRecord item, AccountRecord account, LocalDate start, LocalDate end) {
        ObjectNode holdingsAnswer = Investments.holdings(item, List.of(account));
        Map<String, JsonNode> securities = new LinkedHashMap<>();
        holdingsAnswer.path("securities").forEach(security -> securities.put(security.path("security_id").asText(), security));
        ObjectNode json = Json.object();
        ArrayNode holdings = json.putArray("holdings");
        for (JsonNode source : holdingsAnswer.path("holdings")) {
            ObjectNode holding = holdings.addObject();
            for (String field : List.of("account_id", "security_id", "institution_price", "institution_price_as_of",
                    "institution_value", "cost_basis", "quantity", "iso_currency_code", "unofficial_currency_code")) {
                holding.set(field, source.get(field));
            }
            holding.set("ticker_symbol", securities.getOrDefault(source.path("security_id").asText(), Json.object()).get("ticker_symbol"));
        }
        ArrayNode securityList = json.putArray("securities");
        ArrayNode activity = json.putArray("transactions");
        ObjectNode page = Investments.transactions(item, List.of(account), start, end, Integer.MAX_VALUE, 0);
        page.path("securities").forEach(security -> securities.putIfAbsent(security.path("security_id").asText(), security));
        for (JsonNode source : page.path("investment_transactions")) {
            ObjectNode transaction = activity.addObject();
            for (String field : List.of("investment_transaction_id", "account_id", "security_id", "date", "name", "quantity",
                    "amount", "price", "fees", "type", "subtype", "iso_currency_code", "unofficial_currency_code")) {
                transaction.set(field, source.get(field));
            }
            transaction.set("vested_quantity", source.get("quantity"));
            transaction.put("vested_value", Math.round(source.path("quantity").asDouble() * source.path("price").asDouble() * 100) / 100.0);
        }
        for (JsonNode source : securities.values()) {
            ObjectNode security = securityList.addObject();
            for (String field : List.of("security_id", "name", "ticker_symbol", "type")) {
                security.set(field, source.get(field));
            }
        }
        return json;
    }

    private static void putNumber(ObjectNode json, String field, Double value) {
        if (value == null) {
            json.putNull(field);
        } else {
            json.put(field, value);
        }
    }
}
