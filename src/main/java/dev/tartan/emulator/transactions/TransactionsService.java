package dev.tartan.emulator.transactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.AccountRecord;
import dev.tartan.emulator.items.ItemListener;
import dev.tartan.emulator.items.ItemRecord;
import dev.tartan.emulator.items.ItemViews;
import dev.tartan.emulator.items.Items;
import dev.tartan.emulator.items.ProcessorToken;
import dev.tartan.emulator.state.StateStore;
import dev.tartan.emulator.support.Ids;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.support.Mix;
import dev.tartan.emulator.wire.PlaidErrors;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Transactions of an Item or of one processor account: sync, get, refresh, recurring streams, and the
 * transactions webhooks. Methods that read run under the state's read lock, methods that change under
 * its write lock (the caller takes it, see {@link Items#read} and {@link Items#write}).
 */
public final class TransactionsService implements ItemListener {
    private static final int INITIAL_UPDATE_DAYS = 30;

    private final Items items;
    private final TransactionsState state;

    public TransactionsService(Items items, StateStore store) {
        this.items = items;
        this.state = store.section("transactions", TransactionsState.class, TransactionsState::new);
        items.addListener(this);
    }

    @Override
    public void itemCreated(ItemRecord item) {
        TransactionLedger ledger = Ledgers.forItem(item);
        state.ledgers.put(item.itemId(), ledger);
        item.transactionsUpdatedAt(item.createdAt());
        if (item.billedProducts().contains("transactions")) {
            long total = ledger.baseCount + ledger.stored.size();
            long recent = ledger.baseCount == 0 ? total
                    : Math.min(total, ledger.baseCount * Math.min(INITIAL_UPDATE_DAYS, ledger.days) / ledger.days);
            items.notify(item, webhook(item, "InitialUpdateWebhook", "INITIAL_UPDATE", fields(item).put("new_transactions", recent)));
            items.notify(item, webhook(item, "HistoricalUpdateWebhook", "HISTORICAL_UPDATE", fields(item).put("new_transactions", total)));
            items.notify(item, syncAvailable(item));
        }
    }

    @Override
    public void itemRemoved(ItemRecord item) {
        state.ledgers.remove(item.itemId());
    }

    private TransactionLedger ledger(ItemRecord item) {
        TransactionLedger ledger = state.ledgers.get(item.itemId());
        if (ledger == null) {
            throw PlaidErrors.of("PRODUCT_NOT_READY");
        }
        return ledger;
    }

    // ---- sync --------------------------------------------------------------------------------------

    /**
     * A /transactions/sync page for {@code accounts} of {@code item}. A client mid-way through a run of
     * pages whose data changed gets TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION.
     */
    public ObjectNode sync(ItemRecord item, List<AccountRecord> accounts, String cursorText, int count, boolean originalDescription) {
        CursorStart start = cursorText == null || cursorText.isEmpty()
                ? (scope, current) -> new SyncCursor(scope, true, 0, current, TransactionLedger.Position.START, 0)
                : (scope, current) -> SyncCursor.decode(cursorText, scope);
        return page(item, accounts, start, count, originalDescription);
    }

    /**
     * The answer to /transactions/sync with {@code cursor: "now"}: no changes, and a cursor that is up to
     * date with the Item's data as it is now, so that the next sync reports only what changes from here
     * on. Plaid documents it for Items moving from /transactions/get to /transactions/sync.
     */
    public ObjectNode syncFromNow(ItemRecord item, List<AccountRecord> accounts) {
        return page(item, accounts, SyncCursor::upToDate, TransactionsModule.DEFAULT_COUNT, false);
    }

    /** Where a sync run starts, given its scope (Item and accounts) and the ledger's current version. */
    @FunctionalInterface
    private interface CursorStart {
        SyncCursor of(long scope, int currentVersion);
    }

    private ObjectNode page(ItemRecord item, List<AccountRecord> accounts, CursorStart start, int count, boolean originalDescription) {
        TransactionLedger ledger = ledger(item);
        Set<String> accountIds = accounts.stream().map(AccountRecord::accountId).collect(Collectors.toSet());
        Set<String> accepted = accounts.size() == item.accounts().size() ? null : accountIds;
        long scope = Mix.of(Mix.of(item.itemId()), Mix.of(String.join(",", accountIds.stream().sorted().toList())));
        int current = ledger.version();
        SyncCursor cursor = start.of(scope, current);
        if (cursor.target() > current || cursor.from() > current) {
            throw PlaidErrors.invalidField("cursor is ahead of this Item's data: restart sync without a cursor");
        }
        boolean midRun = cursor.snapshot() || !cursor.isUpToDate();
        if (midRun && cursor.target() != current) {
            throw PlaidErrors.of("TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION");
        }
        ObjectNode body = Json.object();
        body.put("transactions_update_status", "HISTORICAL_UPDATE_COMPLETE");
        body.set("accounts", ItemViews.accounts(accounts));
        ArrayNode added = body.putArray("added");
        ArrayNode modified = body.putArray("modified");
        ArrayNode removed = body.putArray("removed");
        SyncCursor next;
        boolean more;
        if (cursor.snapshot()) {
            TransactionLedger.Slice slice = ledger.ascending(cursor.position(), count, accepted);
            slice.transactions().forEach(t -> added.add(TransactionJson.render(t, originalDescription)));
            more = slice.more();
            next = more ? new SyncCursor(scope, true, 0, current, slice.next(), 0) : SyncCursor.upToDate(scope, current);
        } else {
            int from = cursor.from();
            TransactionLedger.Changes changes = ledger.changesSince(from);
            Predicate<Long> inScope = key -> accepted == null || accepted.contains(ledger.accountIdOf(key));
            List<Long> addedKeys = changes.added().stream().filter(inScope).toList();
            List<Long> modifiedKeys = changes.modified().stream().filter(inScope).toList();
            List<Long> removedKeys = changes.removed().stream().filter(inScope).toList();
            int total = addedKeys.size() + modifiedKeys.size() + removedKeys.size();
            int end = Math.min(total, cursor.offset() + count);
            for (int i = cursor.offset(); i < end; i++) {
                if (i < addedKeys.size()) {
                    added.add(TransactionJson.render(ledger.get(addedKeys.get(i)), originalDescription));
                } else if (i < addedKeys.size() + modifiedKeys.size()) {
                    modified.add(TransactionJson.render(ledger.get(modifiedKeys.get(i - addedKeys.size())), originalDescription));
                } else {
                    long key = removedKeys.get(i - addedKeys.size() - modifiedKeys.size());
                    ObjectNode gone = removed.addObject();
                    gone.put("transaction_id", ledger.idOf(key));
                    gone.put("account_id", ledger.accountIdOf(key));
                }
            }
            more = end < total;
            next = more ? new SyncCursor(scope, false, from, current, TransactionLedger.Position.START, end)
                    : SyncCursor.upToDate(scope, current);
        }
        body.put("next_cursor", next.encode());
        body.put("has_more", more);
        return body;
    }

    // ---- get ---------------------------------------------------------------------------------------

    /** A /transactions/get page: newest first, between two dates, with the total count. */
    public ObjectNode get(ItemRecord item, List<AccountRecord> accounts, LocalDate start, LocalDate end, int count, long offset,
                          boolean originalDescription) {
        if (start.isAfter(end)) {
            throw PlaidErrors.invalidField("start_date must not be after end_date");
        }
        TransactionLedger ledger = ledger(item);
        Set<String> accepted = accounts.size() == item.accounts().size() ? null
                : accounts.stream().map(AccountRecord::accountId).collect(Collectors.toSet());
        TransactionLedger.Page page = ledger.descending(start, end, accepted, offset, count);
        ObjectNode body = Json.object();
        body.set("accounts", ItemViews.accounts(accounts));
        ArrayNode transactions = body.putArray("transactions");
        page.transactions().forEach(t -> transactions.add(TransactionJson.render(t, originalDescription)));
        body.put("total_transactions", page.total());
        body.set("item", ItemViews.item(item));
        return body;
    }

    // ---- refresh and additions -----------------------------------------------------------------------

    /** Simulates new data from the institution and sends the webhooks it causes. Call under the write lock. */
    public void refresh(ItemRecord item) {
        TransactionLedger ledger = ledger(item);
        TransactionLedger.Batch batch = ledger.refresh(items.clock().instant(), today());
        announce(item, ledger, batch);
    }

    /** Adds custom transactions to the Item's first transaction account (/sandbox/transactions/create). */
    public void addCustom(ItemRecord item, JsonNode transactions) {
        TransactionLedger ledger = ledger(item);
        AccountRecord account = item.accounts().stream().filter(AccountRecord::hasTransactions).findFirst()
                .orElseThrow(() -> PlaidErrors.of("NO_ACCOUNTS", "the Item has no account that holds transactions"));
        List<StoredTransaction> additions = new ArrayList<>();
        for (JsonNode transaction : transactions) {
            additions.add(Ledgers.configured(ledger, account, transaction, today()));
        }
        announce(item, ledger, ledger.addStored(items.clock().instant(), additions));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(items.clock().instant(), ZoneOffset.UTC);
    }

    /** Tells the Item's receiver and the processors of touched accounts what a batch changed. */
    private void announce(ItemRecord item, TransactionLedger ledger, TransactionLedger.Batch batch) {
        item.transactionsUpdatedAt(batch.at);
        items.notify(item, syncAvailable(item));
        if (!batch.added.isEmpty()) {
            items.notify(item, webhook(item, "DefaultUpdateWebhook", "DEFAULT_UPDATE",
                    fields(item).put("new_transactions", batch.added.size())));
        }
        if (!batch.removed.isEmpty()) {
            ObjectNode fields = fields(item);
            ArrayNode ids = fields.putArray("removed_transactions");
            batch.removed.forEach(key -> ids.add(ledger.idOf(key)));
            items.notify(item, webhook(item, "TransactionsRemovedWebhook", "TRANSACTIONS_REMOVED", fields));
        }
        Set<String> touched = new HashSet<>();
        batch.added.forEach(k -> touched.add(ledger.accountIdOf(k)));
        batch.modified.forEach(k -> touched.add(ledger.accountIdOf(k)));
        batch.removed.forEach(k -> touched.add(ledger.accountIdOf(k)));
        for (ProcessorToken token : items.processorTokensOf(item)) {
            if (touched.contains(token.accountId())) {
                ObjectNode fields = Json.object().put("account_id", token.accountId())
                        .put("initial_update_complete", true).put("historical_update_complete", true);
                items.notify(token, items.webhooks().body("ProcessorSyncUpdatesAvailableWebhook", "TRANSACTIONS",
                        "SYNC_UPDATES_AVAILABLE", fields));
            }
        }
    }

    private ObjectNode syncAvailable(ItemRecord item) {
        ObjectNode fields = fields(item).put("initial_update_complete", true).put("historical_update_complete", true);
        return webhook(item, "SyncUpdatesAvailableWebhook", "SYNC_UPDATES_AVAILABLE", fields);
    }

    private ObjectNode webhook(ItemRecord item, String schema, String code, ObjectNode fields) {
        return items.webhooks().body(schema, "TRANSACTIONS", code, fields);
    }

    private static ObjectNode fields(ItemRecord item) {
        ObjectNode fields = Json.object();
        fields.put("item_id", item.itemId());
        fields.putNull("error");
        return fields;
    }

    // ---- recurring -------------------------------------------------------------------------------------

    /** The Item's recurring inflow and outflow streams on {@code accounts}. */
    public ObjectNode recurring(ItemRecord item, List<AccountRecord> accounts) {
        TransactionLedger ledger = ledger(item);
        Set<String> accountIds = accounts.stream().map(AccountRecord::accountId).collect(Collectors.toSet());
        ObjectNode body = Json.object();
        ArrayNode inflow = body.putArray("inflow_streams");
        ArrayNode outflow = body.putArray("outflow_streams");
        LocalDate today = today();
        for (int index = 0; index < RecurringStream.ALL.size(); index++) {
            RecurringStream stream = RecurringStream.ALL.get(index);
            String accountId = ledger.streamAccount(stream);
            if (accountId == null || !accountIds.contains(accountId)) {
                continue;
            }
            List<Txn> occurrences = ledger.occurrences(stream);
            if (occurrences.isEmpty()) {
                continue;
            }
            ObjectNode json = stream(ledger, stream, index, accountId, occurrences, today);
            (stream.merchant().inflow() ? inflow : outflow).add(json);
        }
        body.put("updated_datetime", ItemViews.timestamp(item.transactionsUpdatedAt() == null
                ? items.clock().instant() : item.transactionsUpdatedAt()));
        body.put("personal_finance_category_version", "v2");
        return body;
    }

    private static ObjectNode stream(TransactionLedger ledger, RecurringStream stream, int index, String accountId,
                                     List<Txn> occurrences, LocalDate today) {
        Merchant merchant = stream.merchant();
        Txn first = occurrences.get(0);
        Txn last = occurrences.get(occurrences.size() - 1);
        String currency = last.currency();
        ObjectNode json = Json.object();
        json.put("account_id", accountId);
        json.put("stream_id", Ids.base62(Mix.of(ledger.idSeed, 0x57EA, index), 37));
        ArrayNode category = json.putArray("category");
        Categories.byId(merchant.categoryId()).orElseThrow().hierarchy().forEach(category::add);
        json.put("category_id", merchant.categoryId());
        json.put("description", merchant.description());
        json.put("merchant_name", merchant.name());
        json.put("first_date", first.date().toString());
        json.put("last_date", last.date().toString());
        LocalDate predicted = last.date().plusDays(stream.periodDays());
        json.put("predicted_next_date", predicted.toString());
        json.put("frequency", stream.frequency());
        ArrayNode ids = json.putArray("transaction_ids");
        occurrences.forEach(t -> ids.add(t.id()));
        double average = occurrences.stream().mapToDouble(Txn::amount).average().orElse(0);
        json.set("average_amount", amount(Math.round(average * 100) / 100.0, currency));
        json.set("last_amount", amount(last.amount(), currency));
        json.put("is_active", !predicted.plusDays(stream.periodDays() / 2).isBefore(today));
        json.put("status", occurrences.size() >= 3 ? "MATURE" : "EARLY_DETECTION");
        ObjectNode pfc = json.putObject("personal_finance_category");
        pfc.put("primary", merchant.pfcPrimary());
        pfc.put("detailed", merchant.pfcDetailed());
        pfc.put("confidence_level", "VERY_HIGH");
        json.put("is_user_modified", false);
        return json;
    }

    private static ObjectNode amount(double value, String currency) {
        ObjectNode amount = Json.object();
        amount.put("amount", value);
        amount.put("iso_currency_code", currency);
        amount.putNull("unofficial_currency_code");
        return amount;
    }
}
