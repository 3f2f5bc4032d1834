package dev.tartan.emulator.products;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.AccountRecord;
import dev.tartan.emulator.items.ItemRecord;
import dev.tartan.emulator.items.ItemViews;
import dev.tartan.emulator.items.Items;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.wire.EmulatorModule;
import dev.tartan.emulator.wire.HandlerRegistry;
import dev.tartan.emulator.wire.OperationRequest;
import dev.tartan.emulator.wire.PlaidErrors;
import dev.tartan.emulator.wire.Reply;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/** The Item data products: accounts, balance, auth, identity (and match), investments and liabilities. */
public final class ProductsModule implements EmulatorModule {
    private final Items items;

    public ProductsModule(Items items) {
        this.items = items;
    }

    @Override
    public void register(HandlerRegistry registry) {
        registry.register("/accounts/get", request -> withAccounts(request, null, (item, accounts) -> {
            ObjectNode body = Json.object();
            body.set("accounts", ItemViews.accounts(accounts));
            return body;
        }));
        registry.register("/accounts/balance/get", request -> withAccounts(request, "balance", (item, accounts) -> {
            ObjectNode body = Json.object();
            ArrayNode list = body.putArray("accounts");
            accounts.forEach(a -> list.add(ItemViews.accountWithFreshBalance(a, items.clock().instant())));
            return body;
        }));
        registry.register("/auth/get", request -> withAccounts(request, "auth", (item, accounts) -> {
            List<AccountRecord> depository = only(accounts, AccountRecord::isDepository, "NO_AUTH_ACCOUNTS");
            ObjectNode body = Json.object();
            body.set("accounts", ItemViews.accounts(depository));
            body.set("numbers", AuthNumbers.forAccounts(depository.stream().filter(AccountRecord::numbersVerified).toList()));
            return body;
        }));
        registry.register("/identity/get", request -> withAccounts(request, "identity", (item, accounts) -> {
            ObjectNode body = Json.object();
            ArrayNode list = body.putArray("accounts");
            accounts.forEach(a -> list.add(withOwner(a)));
            return body;
        }));
        registry.register("/identity/match", request -> withAccounts(request, "identity_match", (item, accounts) -> {
            JsonNode user = request.object("user");
            ObjectNode body = Json.object();
            ArrayNode list = body.putArray("accounts");
            accounts.forEach(a -> list.add(IdentityMatch.scored(a, user)));
            return body;
        }));
        registry.register("/investments/holdings/get", request -> withAccounts(request, "investments", (item, accounts) ->
                Investments.holdings(item, only(accounts, Investments::isInvestment, "NO_INVESTMENT_ACCOUNTS"))));
        registry.register("/investments/transactions/get", request -> withAccounts(request, "investments", (item, accounts) -> {
            JsonNode options = request.object("options");
            Dates dates = dates(request);
            return Investments.transactions(item, only(accounts, Investments::isInvestment, "NO_INVESTMENT_ACCOUNTS"),
                    dates.start(), dates.end(), options.path("count").asInt(100), options.path("offset").asInt(0));
        }));
        registry.register("/liabilities/get", request -> withAccounts(request, "liabilities", (item, accounts) -> {
            List<AccountRecord> owed = only(accounts, Liabilities::isLiability, "NO_LIABILITY_ACCOUNTS");
            ObjectNode body = Json.object();
            body.set("accounts", ItemViews.accounts(owed));
            body.set("liabilities", Liabilities.of(item, owed));
            return body;
        }));
    }

    /** An answer built from an Item and the accounts the request selects. */
    @FunctionalInterface
    private interface AccountsAnswer {
        ObjectNode answer(ItemRecord item, List<AccountRecord> accounts);
    }

    /** Resolves the Item (billing {@code product}), selects options.account_ids, answers, and adds the item. */
    private Reply withAccounts(OperationRequest request, String product, AccountsAnswer answer) {
        JsonNode accountIds = request.object("options").get("account_ids");
        return items.withItem(request.requiredText("access_token"), product, item -> {
            ObjectNode body = answer.answer(item, Items.accounts(item, accountIds));
            body.set("item", ItemViews.item(item));
            return Reply.json(body);
        });
    }

    /** The accounts of a kind, failing with {@code errorCode} when there are none. */
    static List<AccountRecord> only(List<AccountRecord> accounts, Predicate<AccountRecord> kind, String errorCode) {
        List<AccountRecord> chosen = accounts.stream().filter(kind).toList();
        if (chosen.isEmpty()) {
            throw PlaidErrors.of(errorCode);
        }
        return chosen;
    }

    static ObjectNode withOwner(AccountRecord account) {
        ObjectNode json = ItemViews.account(account);
        json.putArray("owners").add(account.owner());
        return json;
    }

    record Dates(LocalDate start, LocalDate end) {
    }

    static Dates dates(OperationRequest request) {
        LocalDate start = LocalDate.parse(request.requiredText("start_date"));
        LocalDate end = LocalDate.parse(request.requiredText("end_date"));
        if (start.isAfter(end)) {
            throw PlaidErrors.invalidField("start_date must not be after end_date");
        }
        return new Dates(start, end);
    }
}
