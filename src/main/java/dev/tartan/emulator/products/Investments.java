package dev.tartan.emulator.products;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.AccountRecord;
import dev.tartan.emulator.items.ItemRecord;
import dev.tartan.emulator.items.ItemViews;
import dev.tartan.emulator.support.Ids;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.support.Mix;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holdings and investment transactions of investment accounts: from the user_custom configuration
 * when it has them, else generated from the Item's seed over a fixed list of fictional securities.
 */
public final class Investments {
    private static final double CASH_SHARE = 0.08;

    /** A fictional security. */
    private record Security(String ticker, String name, String type, String subtype, double closePrice, boolean cash) {
        String id() {
            return Ids.base62(Mix.of("security:" + ticker), 37);
        }
    }

    private static final List<Security> SECURITIES = List.of(
            new Security("TTMX", "Tartan Total Market ETF", "etf", "etf", 212.40, false),
            new Security("PLWV", "Plaidweave Technologies Inc.", "equity", "common stock", 148.12, false),
            new Security("LOOM", "Loomworks Industrial Corp.", "equity", "common stock", 37.55, false),
            new Security("GGBF", "Gingham Global Bond Fund", "mutual fund", "mutual fund", 10.42, false),
            new Security("ARDG", "Argyle Dividend Growth Fund", "mutual fund", "mutual fund", 58.90, false),
            new Security("BWV", "Bitweave", "cryptocurrency", "cryptocurrency", 0.84, false));
    private static final Security CASH = new Security("CUR:USD", "U.S. Dollar", "cash", "cash", 1.0, true);

    /** One holding, before rendering. */
    private record Position(Security security, double quantity, double price, double costBasis, String currency,
                            LocalDate priceAsOf) {
    }

    /** One investment transaction, before rendering. */
    private record Activity(String id, String accountId, Security security, LocalDate date, String name, double quantity,
                            double price, double fees, String type, String subtype, String currency) {
        /** Positive when money leaves the account, as Plaid signs investment amounts. */
        double amount() {
            return subtype.equals("dividend") ? -fees : round(quantity * price + fees);
        }

        double shownFees() {
            return subtype.equals("dividend") ? 0 : fees;
        }
    }

    private Investments() {
    }

    public static boolean isInvestment(AccountRecord account) {
        return account.type().equals("investment") || account.type().equals("brokerage");
    }

    /** The investment account shape (balances with margin_loan_amount). */
    public static ObjectNode account(AccountRecord account) {
        ObjectNode json = ItemViews.account(account);
        ((ObjectNode) json.get("balances")).putNull("margin_loan_amount");
        return json;
    }

    /** /investments/holdings/get's holdings, securities and accounts for {@code accounts}. */
    public static ObjectNode holdings(ItemRecord item, List<AccountRecord> accounts) {
        ObjectNode body = Json.object();
        ArrayNode accountsJson = body.putArray("accounts");
        ArrayNode holdings = body.putArray("holdings");
        Map<String, ObjectNode> securities = new LinkedHashMap<>();
        for (AccountRecord account : accounts) {
            accountsJson.add(account(account));
            for (Position position : positions(item, account)) {
                ObjectNode holding = holdings.addObject();
                holding.put("account_id", account.accountId());
                holding.put("security_id", position.security().id());
                holding.put("institution_price", position.price());
                holding.put("institution_price_as_of", position.priceAsOf().toString());
                holding.putNull("institution_price_datetime");
                holding.put("institution_value", round(position.price() * position.quantity()));
                holding.put("cost_basis", position.costBasis());
                holding.put("quantity", position.quantity());
                holding.put("iso_currency_code", position.currency());
                holding.putNull("unofficial_currency_code");
                holding.putNull("vested_quantity");
                holding.putNull("vested_value");
                securities.putIfAbsent(position.security().id(), security(position.security(), item.anchorDate()));
            }
        }
        body.putArray("securities").addAll(securities.values());
        body.put("is_investments_fallback_item", false);
        return body;
    }

    /** /investments/transactions/get's page, newest first, between two dates. */
    public static ObjectNode transactions(ItemRecord item, List<AccountRecord> accounts, LocalDate start, LocalDate end,
                                          int count, int offset) {
        List<Activity> matching = new ArrayList<>();
        for (AccountRecord account : accounts) {
            for (Activity activity : activities(item, account)) {
                if (!activity.date().isBefore(start) && !activity.date().isAfter(end)) {
                    matching.add(activity);
                }
            }
        }
        matching.sort(Comparator.comparing(Activity::date).reversed().thenComparing(Activity::id));
        ObjectNode body = Json.object();
        ArrayNode accountsJson = body.putArray("accounts");
        accounts.forEach(a -> accountsJson.add(account(a)));
        ArrayNode transactions = body.putArray("investment_transactions");
        Map<String, ObjectNode> securities = new LinkedHashMap<>();
        matching.stream().skip(offset).limit(count).forEach(activity -> {
            ObjectNode json = transactions.addObject();
            json.put("investment_transaction_id", activity.id());
            json.putNull("cancel_transaction_id");
            json.put("account_id", activity.accountId());
            json.put("security_id", activity.security() == null ? null : activity.security().id());
            json.put("date", activity.date().toString());
            json.putNull("transaction_datetime");
            json.put("name", activity.name());
            json.put("quantity", activity.quantity());
            json.put("amount", activity.amount());
            json.put("price", activity.price());
            json.put("fees", activity.shownFees());
            json.put("type", activity.type());
            json.put("subtype", activity.subtype());
            json.put("iso_currency_code", activity.currency());
            json.putNull("unofficial_currency_code");
            if (activity.security() != null) {
                securities.putIfAbsent(activity.security().id(), security(activity.security(), item.anchorDate()));
            }
        });
        body.putArray("securities").addAll(securities.values());
        body.put("total_investment_transactions", matching.size());
        body.put("is_investments_fallback_item", false);
        return body;
    }

    private static List<Position> positions(ItemRecord item, AccountRecord account) {
        List<Position> positions = new ArrayList<>();
        JsonNode custom = account.custom().path("holdings");
        if (custom.isArray()) {
            for (JsonNode holding : custom) {
                double price = holding.path("institution_price").asDouble();
                double quantity = holding.path("quantity").asDouble();
                LocalDate asOf = holding.hasNonNull("institution_price_as_of")
                        ? LocalDate.parse(holding.get("institution_price_as_of").asText()) : item.anchorDate();
                positions.add(new Position(customSecurity(holding.path("security"), price), quantity, price,
                        holding.hasNonNull("cost_basis") ? holding.get("cost_basis").asDouble() : round(price * quantity),
                        holding.path("currency").asText(account.currency()), asOf));
            }
            return positions;
        }
        double total = account.current() == null ? 10_000 : account.current();
        long seed = Mix.of(item.dataSeed(), Mix.of(account.accountId()));
        int held = 2 + Mix.below(seed, 3);
        double invested = total * (1 - CASH_SHARE);
        for (int i = 0; i < held; i++) {
            Security security = SECURITIES.get(Mix.below(Mix.of(seed, i), SECURITIES.size()));
            if (positions.stream().anyMatch(p -> p.security().equals(security))) {
                continue;
            }
            double value = invested / held;
            double quantity = Math.round(value / security.closePrice() * 1000) / 1000.0;
            double costBasis = round(value * (0.8 + 0.3 * Mix.unit(Mix.of(seed, 100 + i))));
            positions.add(new Position(security, quantity, security.closePrice(), costBasis, account.currency(),
                    item.anchorDate()));
        }
        double cash = round(total * CASH_SHARE);
        positions.add(new Position(CASH, cash, 1.0, cash, account.currency(), item.anchorDate()));
        return positions;
    }

    private static List<Activity> activities(ItemRecord item, AccountRecord account) {
        List<Activity> activities = new ArrayList<>();
        long seed = Mix.of(item.dataSeed(), Mix.of(account.accountId()), 7);
        JsonNode custom = account.custom().path("investment_transactions");
        if (custom.isArray()) {
            int index = 0;
            for (JsonNode entry : custom) {
                String type = entry.path("type").asText("buy");
                activities.add(new Activity(Ids.base62(Mix.of(seed, index++), 37), account.accountId(),
                        customSecurity(entry.path("security"), entry.path("price").asDouble()),
                        LocalDate.parse(entry.path("date").asText(item.anchorDate().toString())), entry.path("name").asText(type),
                        entry.path("quantity").asDouble(), entry.path("price").asDouble(), entry.path("fees").asDouble(0),
                        type, subtypeOf(type), entry.path("currency").asText(account.currency())));
            }
            return activities;
        }
        int count = Math.max(4, item.transactionDays() / 10);
        for (int i = 0; i < count; i++) {
            long draw = Mix.of(seed, i);
            LocalDate date = item.anchorDate().minusDays(Mix.below(draw, item.transactionDays()));
            Security security = SECURITIES.get(Mix.below(Mix.value(draw), SECURITIES.size()));
            int kind = Mix.below(Mix.value(draw + 1), 10);
            double units = Math.round((1 + Mix.unit(Mix.value(draw + 2)) * 20) * 1000) / 1000.0;
            String id = Ids.base62(draw, 37);
            if (kind < 5) {
                activities.add(new Activity(id, account.accountId(), security, date, "BUY " + security.name(), units,
                        security.closePrice(), 0, "buy", "buy", account.currency()));
            } else if (kind < 7) {
                activities.add(new Activity(id, account.accountId(), security, date, "SELL " + security.name(), -units,
                        security.closePrice(), 0, "sell", "sell", account.currency()));
            } else if (kind < 9) {
                double dividend = round(units * security.closePrice() * 0.01);
                // A dividend carries its payout where other activities carry fees; see Activity#amount.
                activities.add(new Activity(id, account.accountId(), security, date, "DIVIDEND " + security.ticker(),
                        0, 0, dividend, "cash", "dividend", account.currency()));
            } else {
                activities.add(new Activity(id, account.accountId(), CASH, date, "ACCOUNT MAINTENANCE FEE", 0, 0, 4.95,
                        "fee", "account fee", account.currency()));
            }
        }
        return activities;
    }

    private static String subtypeOf(String type) {
        return switch (type) {
            case "sell" -> "sell";
            case "cash" -> "deposit";
            case "fee" -> "account fee";
            case "transfer" -> "transfer";
            default -> "buy";
        };
    }

    private static Security customSecurity(JsonNode security, double price) {
        String ticker = security.path("ticker_symbol").asText(security.path("cusip").asText(security.path("isin").asText("CUSTOM")));
        return new Security(ticker, security.path("name").asText(ticker), "equity", "common stock", price, false);
    }

    private static ObjectNode security(Security security, LocalDate asOf) {
        ObjectNode json = Json.object();
        json.put("security_id", security.id());
        json.putNull("isin");
        json.putNull("cusip");
        json.putNull("sedol");
        json.putNull("institution_security_id");
        json.putNull("institution_id");
        json.putNull("proxy_security_id");
        json.put("name", security.name());
        json.put("ticker_symbol", security.ticker());
        json.put("is_cash_equivalent", security.cash());
        json.put("type", security.type());
        json.put("subtype", security.subtype());
        json.put("close_price", security.closePrice());
        json.put("close_price_as_of", asOf.toString());
        json.putNull("update_datetime");
        json.put("iso_currency_code", "USD");
        json.putNull("unofficial_currency_code");
        json.put("market_identifier_code", security.cash() ? null : "XNYS");
        json.putNull("sector");
        json.putNull("industry");
        json.putNull("cfi_code");
        json.putNull("option_contract");
        json.putNull("fixed_income");
        return json;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
