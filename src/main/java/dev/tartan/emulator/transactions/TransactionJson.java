package dev.tartan.emulator.transactions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Ids;
import dev.tartan.emulator.support.Mix;

import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Transactions in Plaid's Transaction shape. The parts that depend only on the merchant (category,
 * location, counterparty, ...) are built once and shared between answers; answers are written and
 * dropped, never changed, so sharing is safe.
 */
final class TransactionJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<Merchant, Fragments> FRAGMENTS = new IdentityHashMap<>();

    private record Fragments(ArrayNode category, ObjectNode location, ObjectNode paymentMeta, ObjectNode pfc,
                             ArrayNode counterparties, String entityId, String logoUrl, String iconUrl) {
    }

    static {
        for (Merchant merchant : Merchants.ALL) {
            FRAGMENTS.put(merchant, fragments(merchant));
        }
    }

    private TransactionJson() {
    }

    private static Fragments fragments(Merchant merchant) {
        ArrayNode category = NODES.arrayNode();
        Categories.byId(merchant.categoryId()).orElseThrow().hierarchy().forEach(category::add);
        ObjectNode location = NODES.objectNode();
        boolean inStore = merchant.channel().equals("in store");
        location.put("address", inStore ? "1 Weaver Street" : null);
        location.put("city", inStore ? "Malakoff" : null);
        location.put("region", inStore ? "NY" : null);
        location.put("postal_code", inStore ? "14236" : null);
        location.put("country", inStore ? "US" : null);
        location.putNull("lat");
        location.putNull("lon");
        location.putNull("store_number");
        ObjectNode paymentMeta = NODES.objectNode();
        for (String field : new String[] {"reference_number", "ppd_id", "payee", "by_order_of", "payer", "payment_method",
                "payment_processor", "reason"}) {
            paymentMeta.putNull(field);
        }
        ObjectNode pfc = NODES.objectNode();
        pfc.put("primary", merchant.pfcPrimary());
        pfc.put("detailed", merchant.pfcDetailed());
        pfc.put("confidence_level", merchant.name() == null ? "HIGH" : "VERY_HIGH");
        ArrayNode counterparties = NODES.arrayNode();
        String entityId = null;
        String logoUrl = null;
        if (merchant.name() != null) {
            entityId = Ids.base62(Mix.of(merchant.name()), 27);
            logoUrl = merchant.website() == null ? null : "https://plaid-merchant-logos.example/" + merchant.website() + ".png";
            ObjectNode counterparty = counterparties.addObject();
            counterparty.put("name", merchant.name());
            counterparty.put("entity_id", entityId);
            counterparty.put("type", merchant.pfcPrimary().equals("INCOME") ? "income_source" : "merchant");
            counterparty.put("website", merchant.website());
            counterparty.put("logo_url", logoUrl);
            counterparty.put("confidence_level", "VERY_HIGH");
        }
        String icon = "https://plaid-category-icons.example/PFC_" + merchant.pfcPrimary() + ".png";
        return new Fragments(category, location, paymentMeta, pfc, counterparties, entityId, logoUrl, icon);
    }

    static ObjectNode render(Txn transaction, boolean originalDescription) {
        Merchant merchant = transaction.merchant();
        Fragments parts = FRAGMENTS.get(merchant);
        ObjectNode json = NODES.objectNode();
        json.put("account_id", transaction.accountId());
        json.put("amount", transaction.amount());
        json.put("iso_currency_code", transaction.currency());
        json.putNull("unofficial_currency_code");
        json.set("category", parts.category());
        json.put("category_id", merchant.categoryId());
        json.putNull("check_number");
        json.put("date", transaction.date().toString());
        json.set("location", parts.location());
        json.put("name", transaction.name());
        json.put("merchant_name", merchant.name());
        json.put("original_description", originalDescription ? transaction.name() : null);
        json.set("payment_meta", parts.paymentMeta());
        json.put("pending", transaction.pending());
        json.put("pending_transaction_id", transaction.pendingTransactionId());
        json.putNull("account_owner");
        json.put("transaction_id", transaction.id());
        json.put("transaction_type", merchant.channel().equals("in store") ? "place"
                : merchant.channel().equals("online") ? "digital" : "special");
        json.put("logo_url", parts.logoUrl());
        json.put("website", merchant.website());
        json.put("authorized_date", date(transaction.authorizedDate()));
        json.putNull("authorized_datetime");
        json.putNull("datetime");
        json.put("payment_channel", merchant.channel());
        json.set("personal_finance_category", parts.pfc());
        json.put("transaction_code", merchant.code());
        json.put("personal_finance_category_icon_url", parts.iconUrl());
        json.set("counterparties", parts.counterparties());
        json.put("merchant_entity_id", parts.entityId());
        return json;
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
