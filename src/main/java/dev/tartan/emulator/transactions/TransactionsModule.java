package dev.tartan.emulator.transactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.AccountRecord;
import dev.tartan.emulator.items.ItemRecord;
import dev.tartan.emulator.items.Items;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.wire.EmulatorModule;
import dev.tartan.emulator.wire.HandlerRegistry;
import dev.tartan.emulator.wire.OperationRequest;
import dev.tartan.emulator.wire.Reply;

import java.time.LocalDate;
import java.util.List;

/** The Transactions product for Items: sync, get, refresh, recurring streams, categories, Sandbox additions. */
public final class TransactionsModule implements EmulatorModule {
    static final int DEFAULT_COUNT = 100;
    private static final String PRODUCT = "transactions";
    /** The cursor that fast-forwards to the Item's current data (documented for /transactions/sync only). */
    private static final String NOW = "now";

    private final Items items;
    private final TransactionsService transactions;

    public TransactionsModule(Items items, TransactionsService transactions) {
        this.items = items;
        this.transactions = transactions;
    }

    @Override
    public void register(HandlerRegistry registry) {
        registry.register("/transactions/sync", this::sync);
        registry.register("/transactions/get", this::get);
        registry.register("/transactions/refresh", this::refresh);
        registry.register("/transactions/recurring/get", this::recurring);
        registry.register("/categories/get", request -> Reply.json(categories()));
        registry.register("/sandbox/transactions/create", this::sandboxCreate);
    }

    private Reply sync(OperationRequest request) {
        JsonNode options = request.object("options");
        return items.withItem(request.requiredText("access_token"), PRODUCT, item -> {
            List<AccountRecord> accounts = options.hasNonNull("account_id")
                    ? Items.accounts(item, Json.object().arrayNode().add(options.get("account_id").asText()))
                    : item.accounts();
            String cursor = request.text("cursor");
            return Reply.json(NOW.equals(cursor) ? transactions.syncFromNow(item, accounts)
                    : transactions.sync(item, accounts, cursor, count(request.body()),
                            options.path("include_original_description").asBoolean(false)));
        });
    }

    private Reply get(OperationRequest request) {
        JsonNode options = request.object("options");
        return items.withItem(request.requiredText("access_token"), PRODUCT, item -> Reply.json(transactions.get(item,
                Items.accounts(item, options.get("account_ids")),
                LocalDate.parse(request.requiredText("start_date")), LocalDate.parse(request.requiredText("end_date")),
                count(options), options.path("offset").asLong(0),
                options.path("include_original_description").asBoolean(false))));
    }

    private Reply refresh(OperationRequest request) {
        return items.write(() -> {
            ItemRecord item = items.usableItemFor(request.requiredText("access_token"));
            item.bill(PRODUCT);
            transactions.refresh(item);
            return Reply.json(Json.object());
        });
    }

    private Reply recurring(OperationRequest request) {
        return items.withItem(request.requiredText("access_token"), PRODUCT, item ->
                Reply.json(transactions.recurring(item, Items.accounts(item, request.body().get("account_ids")))));
    }

    private Reply sandboxCreate(OperationRequest request) {
        return items.write(() -> {
            ItemRecord item = items.usableItemFor(request.requiredText("access_token"));
            item.bill(PRODUCT);
            JsonNode added = request.body().path("transactions");
            if (!added.isEmpty()) {
                transactions.addCustom(item, added);
            }
            return Reply.json(Json.object());
        });
    }

    static int count(JsonNode holder) {
        return holder.path("count").asInt(DEFAULT_COUNT);
    }

    private static ObjectNode categories() {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("categories");
        for (Category category : Categories.all()) {
            ObjectNode json = list.addObject();
            json.put("category_id", category.id());
            json.put("group", category.group());
            ArrayNode hierarchy = json.putArray("hierarchy");
            category.hierarchy().forEach(hierarchy::add);
        }
        return body;
    }
}
