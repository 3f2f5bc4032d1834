package dev.tartan.ui.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.model.CallRecord;
import dev.tartan.model.FailureReport;
import dev.tartan.model.Futures;
import dev.tartan.model.PlaidError;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TransactionSource;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.ItemService;
import dev.tartan.service.ProcessorService;
import dev.tartan.service.TransactionService;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.TaskCenter;
import dev.tartan.ui.common.data.CallLog;
import dev.tartan.ui.common.data.TabLoader;
import dev.tartan.ui.common.data.TabState;
import dev.tartan.ui.common.data.TransactionsModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One Item as support staff see it: its status (and what to do about an error), its details, and
 * a tab per product, each loaded cache-through and in parallel, each with its own failure. Holds
 * the actions on the Item too. No controls here; {@link ItemView} binds to it.
 */
public final class ItemViewModel {

    private final ItemService items;
    private final ProcessorService processors;
    private final TaskCenter tasks;
    private final TabLoader loader;

    private final ObjectProperty<Profile> profile = new SimpleObjectProperty<>();
    private final ObjectProperty<TokenEntry> item = new SimpleObjectProperty<>();
    private final ObjectProperty<TabState> overview = new SimpleObjectProperty<>(TabState.empty(""));
    private final ObjectProperty<FailureReport> itemError = new SimpleObjectProperty<>();
    private final ObjectProperty<TabState> accounts = new SimpleObjectProperty<>(TabState.empty(""));
    private final ObjectProperty<TabState> identity = new SimpleObjectProperty<>(TabState.empty(""));
    private final ObjectProperty<TabState> auth = new SimpleObjectProperty<>(TabState.empty(""));
    private final ObjectProperty<TabState> holdings = new SimpleObjectProperty<>(TabState.empty(""));
    private final ObjectProperty<TabState> investmentTransactions = new SimpleObjectProperty<>(TabState.empty(""));
    private final ObjectProperty<TabState> liabilities = new SimpleObjectProperty<>(TabState.empty(""));
    private final ObjectProperty<TabState> recurring = new SimpleObjectProperty<>(TabState.empty(""));
    /** The tabs filled from one call each, in the order they are loaded. */
    private final List<ObjectProperty<TabState>> dataTabs = List.of(overview, accounts, identity, auth, holdings,
            investmentTransactions, liabilities, recurring);
    private final CallLog calls = new CallLog();
    private final StringProperty notice = new SimpleStringProperty();
    private final ObjectProperty<FailureReport> actionFailure = new SimpleObjectProperty<>();
    private final Consumer<TokenEntry> onReplaced;
    private final Consumer<TokenEntry> onRemoved;
    private final TransactionsModel transactions;

    /**
     * @param onReplaced told when the Item's access token was rotated (the list swaps the entry)
     * @param onRemoved  told when the Item was removed
     */
    public ItemViewModel(ItemService items, CachedCalls cachedCalls, TransactionService transactionService,
                         ProcessorService processors, TaskCenter tasks, Consumer<TokenEntry> onReplaced, Consumer<TokenEntry> onRemoved) {
        this.items = items;
        this.processors = processors;
        this.transactions = new TransactionsModel(transactionService, tasks, calls::add);
        this.tasks = tasks;
        this.onReplaced = onReplaced;
        this.onRemoved = onRemoved;
        this.loader = new TabLoader(cachedCalls, this::log);
        overview.addListener((obs, old, state) -> itemError.set(errorOf(state)));
        accounts.addListener((obs, old, state) -> {
            if (state != null && state.hasData()) {
                java.util.Map<String, String> names = new java.util.HashMap<>();
                state.data().path("accounts").forEach(a -> names.put(a.path("account_id").asText(),
                        a.path("name").asText() + (a.hasNonNull("mask") ? " \u2022\u2022" + a.path("mask").asText() : "")));
                transactions.accountNamesProperty().set(names);
            }
        });
    }

    /** Opens an Item: every tab's call goes out at once; cached replies show while they run. */
    public void open(Profile forProfile, TokenEntry entry) {
        loader.cancelAll();
        if (entry != null && (item.get() == null || !item.get().value().equals(entry.value()))) {
            // A tab keeps what it shows while it refreshes: that must not be another Item's data.
            dataTabs.forEach(tab -> tab.set(TabState.empty("")));
        }
        profile.set(forProfile);
        item.set(entry);
        calls.clear();
        notice.set(null);
        actionFailure.set(null);
        transactions.open(forProfile, entry == null ? null : TransactionSource.of(entry));
        if (entry == null) {
            return;
        }
        List<CompletableFuture<?>> loads = new ArrayList<>();
        loads.add(reloadStatus());
        loads.add(loader.load(accounts, forProfile, "/accounts/get", body(entry), reply -> reply.path("accounts").isEmpty() ? "This Item has no accounts." : null));
        loads.add(loader.load(identity, forProfile, "/identity/get", body(entry), null));
        loads.add(loader.load(auth, forProfile, "/auth/get", body(entry),
                reply -> reply.path("numbers").path("ach").isEmpty() && reply.path("numbers").path("eft").isEmpty()
                        && reply.path("numbers").path("international").isEmpty() && reply.path("numbers").path("bacs").isEmpty()
                        ? "No account has numbers Auth can read (checking or savings accounts do)." : null));
        loads.add(loader.load(holdings, forProfile, "/investments/holdings/get", body(entry),
                reply -> reply.path("holdings").isEmpty() ? "No investment holdings on this Item." : null));
        ObjectNode range = body(entry);
        range.put("start_date", LocalDate.now().minusYears(2).toString());
        range.put("end_date", LocalDate.now().toString());
        loads.add(loader.load(investmentTransactions, forProfile, "/investments/transactions/get", range,
                reply -> reply.path("investment_transactions").isEmpty() ? "No investment transactions in the last two years." : null));
        loads.add(loader.load(liabilities, forProfile, "/liabilities/get", body(entry), null));
        loads.add(loader.load(recurring, forProfile, "/transactions/recurring/get", body(entry), null));
        tasks.run("Opening " + (entry.label() == null ? entry.maskedValue() : entry.label()), () -> Futures.whenAllSettled(loads));
    }

    private CompletableFuture<CachedCalls.Fetched> reloadStatus() {
        return loader.load(overview, profile.get(), "/item/get", body(item.get()), null);
    }

    /** Stops what the Item's tabs are loading (switching Item or profile). */
    public void close() {
        loader.cancelAll();
        transactions.cancelSync();
    }

    /** The Item's transactions: stored, synced, filtered. */
    public TransactionsModel transactions() {
        return transactions;
    }

    private static ObjectNode body(TokenEntry entry) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("access_token", entry.value());
        return body;
    }

    private static FailureReport errorOf(TabState state) {
        if (state == null || !state.hasData()) {
            return null;
        }
        PlaidError error = ItemService.itemError(state.data());
        return error == null ? null : FailureDescriber.describe(error, "the Item's status (/item/get)");
    }

    // --- actions ------------------------------------------------------------------------------

    public void refreshBalance() {
        run("Real-time balance", () -> items.realTimeBalance(profile.get(), item.get(), this::log), reply -> {
            accounts.set(TabState.data(reply, java.time.Instant.now(), false));
            notice.set("Balances fetched from the institution just now.");
        });
    }

    public void refreshTransactions() {
        run("Refresh transactions", () -> items.refreshTransactions(profile.get(), item.get(), this::log), reply -> {
            notice.set("Plaid fetched new transactions; syncing them now.");
            transactions.sync();
        });
    }

    public void fireWebhook(String code) {
        run("Fire " + code, () -> items.fireWebhook(profile.get(), item.get(), code, this::log), reply -> {
            notice.set("Sent the " + code + " webhook" + (reply.path("webhook_fired").asBoolean(true) ? "." : ", but Plaid says none fired (no webhook URL?)."));
            reloadStatus();
        });
    }

    public void resetLogin() {
        run("Reset login", () -> items.resetLogin(profile.get(), item.get(), this::log), reply -> {
            notice.set("The Item now needs its user to log in again (ITEM_LOGIN_REQUIRED).");
            reloadStatus();
        });
    }

    public void updateWebhook(String url) {
        run("Update webhook", () -> items.updateWebhook(profile.get(), item.get(), url, this::log), reply -> {
            notice.set("Webhooks now go to " + url + ".");
            reloadStatus();
        });
    }

    public void rotateAccessToken() {
        TokenEntry old = item.get();
        run("Rotate access token", () -> items.rotateAccessToken(profile.get(), old, this::log), fresh -> {
            item.set(fresh);
            transactions.open(profile.get(), TransactionSource.of(fresh));
            notice.set("New access token " + fresh.maskedValue() + "; the old one no longer works. The token book has the new one.");
            onReplaced.accept(fresh);
        });
    }

    public void remove() {
        TokenEntry removed = item.get();
        run("Remove Item", () -> items.remove(profile.get(), removed, this::log), ignored -> {
            notice.set("The Item was removed at Plaid and from the token book.");
            onRemoved.accept(removed);
        });
    }

    /** The processors a processor token can be made for (from the request schema). */
    public CompletableFuture<List<String>> processors() {
        return processors.processors();
    }

    /** Makes a processor token for one of the Item's accounts; it goes in the token book. */
    public void createProcessorToken(String accountId, String processor, String label, Consumer<TokenEntry> whenReady) {
        run("Create processor token", () -> processors.createProcessorToken(profile.get(), item.get().value(), accountId, processor,
                label == null || label.isBlank() ? null : label.strip(), this::log), created -> {
            notice.set("Created " + created.maskedValue() + " for " + processor + "; it is in the token book and the Processor pane.");
            whenReady.accept(created);
        });
    }

    /** Creates a Link token in update mode; {@code whenReady} gets it (to show and copy). */
    public void createUpdateModeLinkToken(Consumer<TokenEntry> whenReady) {
        run("Create update-mode Link token", () -> items.createUpdateModeLinkToken(profile.get(), item.get(), this::log), whenReady);
    }

    private <T> void run(String title, java.util.function.Supplier<CompletableFuture<T>> action, Consumer<T> onSuccess) {
        if (item.get() == null) {
            return;
        }
        actionFailure.set(null);
        notice.set(title + "\u2026");
        FxAsync.whenDone(tasks.run(title, action), onSuccess, error -> {
            notice.set(null);
            actionFailure.set(FailureDescriber.describe(error));
        });
    }

    private void log(CallRecord call) {
        FxAsync.runOnFx(() -> calls.add(call));
    }

    // --- state --------------------------------------------------------------------------------

    public ObjectProperty<TokenEntry> itemProperty() {
        return item;
    }

    public ObjectProperty<Profile> profileProperty() {
        return profile;
    }

    /** The /item/get reply: status, products, webhook, consent. */
    public ObjectProperty<TabState> overviewProperty() {
        return overview;
    }

    /** The error the Item is in, explained; null when it is healthy (or not known yet). */
    public ObjectProperty<FailureReport> itemErrorProperty() {
        return itemError;
    }

    public ObjectProperty<TabState> accountsProperty() {
        return accounts;
    }

    public ObjectProperty<TabState> identityProperty() {
        return identity;
    }

    public ObjectProperty<TabState> authProperty() {
        return auth;
    }

    public ObjectProperty<TabState> holdingsProperty() {
        return holdings;
    }

    public ObjectProperty<TabState> investmentTransactionsProperty() {
        return investmentTransactions;
    }

    public ObjectProperty<TabState> liabilitiesProperty() {
        return liabilities;
    }

    public ObjectProperty<TabState> recurringProperty() {
        return recurring;
    }

    /** Every call made for this Item since it was opened, newest first. */
    public ObservableList<CallRecord> calls() {
        return calls.records();
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    /** Why the last action failed; null when it did not. */
    public ObjectProperty<FailureReport> actionFailureProperty() {
        return actionFailure;
    }

    /** The reply of /item/get, if loaded. */
    public JsonNode itemReply() {
        TabState state = overview.get();
        return state != null && state.hasData() ? state.data() : null;
    }
}
