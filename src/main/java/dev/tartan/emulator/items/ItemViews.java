package dev.tartan.emulator.items;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Items and accounts in Plaid's JSON shapes (Item, AccountBase). Call under the state's read lock. */
public final class ItemViews {
    private ItemViews() {
    }

    public static ObjectNode item(ItemRecord item) {
        Institution institution = item.institution();
        ObjectNode json = Json.object();
        json.put("item_id", item.itemId);
        json.put("institution_id", institution.id());
        json.put("institution_name", institution.name());
        json.put("webhook", item.webhook);
        json.put("auth_method", item.authMethod);
        if (item.errorCode == null) {
            json.putNull("error");
        } else {
            json.set("error", Items.errorOf(item).toJson());
        }
        ArrayNode available = json.putArray("available_products");
        institution.products().stream().filter(p -> !item.billedProducts.contains(p)).forEach(available::add);
        ArrayNode billed = json.putArray("billed_products");
        item.billedProducts.forEach(billed::add);
        ArrayNode products = json.putArray("products");
        item.billedProducts.forEach(products::add);
        ArrayNode consented = json.putArray("consented_products");
        item.billedProducts.forEach(consented::add);
        json.putNull("consent_expiration_time");
        json.put("update_type", "background");
        json.put("created_at", timestamp(item.createdAt));
        return json;
    }

    public static ArrayNode accounts(List<AccountRecord> accounts) {
        ArrayNode array = Json.object().arrayNode();
        accounts.forEach(account -> array.add(account(account)));
        return array;
    }

    public static ObjectNode account(AccountRecord account) {
        ObjectNode json = Json.object();
        json.put("account_id", account.accountId);
        json.set("balances", balances(account, null));
        json.put("mask", account.mask);
        json.put("name", account.name);
        json.put("official_name", account.officialName);
        json.put("type", account.type);
        json.put("subtype", account.subtype);
        if (account.verificationStatus != null) {
            json.put("verification_status", account.verificationStatus);
        }
        json.put("holder_category", "personal");
        return json;
    }

    /** An account with balances stamped as fetched at {@code fetchedAt}, as /accounts/balance/get returns them. */
    public static ObjectNode accountWithFreshBalance(AccountRecord account, Instant fetchedAt) {
        ObjectNode json = account(account);
        json.set("balances", balances(account, fetchedAt));
        return json;
    }

    private static ObjectNode balances(AccountRecord account, Instant fetchedAt) {
        ObjectNode balances = Json.object();
        putNumber(balances, "available", account.available);
        putNumber(balances, "current", account.current);
        putNumber(balances, "limit", account.limit);
        balances.put("iso_currency_code", account.currency);
        balances.putNull("unofficial_currency_code");
        if (fetchedAt != null) {
            balances.put("last_updated_datetime", timestamp(fetchedAt));
        }
        return balances;
    }

    static void putNumber(ObjectNode json, String field, Double value) {
        if (value == null) {
            json.putNull(field);
        } else {
            json.put(field, value);
        }
    }

    /** An ISO 8601 UTC timestamp to the second, as Plaid writes them. */
    public static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
