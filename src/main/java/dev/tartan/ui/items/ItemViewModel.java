package dev.tartan.ui.items;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.FailureReport;
import dev.tartan.model.PlaidError;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TransactionSource;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.ItemService;
import dev.tartan.service.ProcessorTokenService;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.TransactionSyncService;
import dev.tartan.ui.common.Choices;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.InboxUrl;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.ProcessorTokenFormViewModel;
import dev.tartan.ui.common.Submission;
import dev.tartan.ui.common.data.Accounts;
import dev.tartan.ui.common.data.Outcome;
import dev.tartan.ui.common.data.SubjectLoader;
import dev.tartan.ui.common.data.TransactionsViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One Item as support staff see it: its health (and what to do about an error), its details, and
 * a tab per product, each loaded cache-through and in parallel, each with its own failure; and
 * the actions support staff take on it. No controls here; {@link ItemView} binds to it.
 */
public final class ItemViewModel {

    private final ItemService items;
    private final ProcessorTokenService processorTokens;
    private final TokenBookService tokenBook;
    private final SubjectLoader loader;
    private final BiConsumer<TokenEntry, TokenEntry> onReplaced;
    private final Consumer<TokenEntry> onRemoved;

    private final ObjectProperty<Profile> profile = new SimpleObjectProperty<>();
    private final ObjectProperty<TokenEntry> item = new SimpleObjectProperty<>();
    private final Map<ItemData, ObjectProperty<Outcome<JsonNode>>> reads = new EnumMap<>(ItemData.class);
    private final ObjectProperty<Outcome<JsonNode>> overview;
    private final ObjectBinding<FailureReport> itemError;
    private final StringBinding status;
    private final StringBinding title;
    private final BooleanBinding sandbox;
    private final ObjectProperty<Outcome<String>> lastAction = new SimpleObjectProperty<>(Outcome.nothing());
    private final Submission<TokenEntry> updateModeLinkToken = new Submission<>(FailureDescriber::describe);
    private final Choices<String> webhookCodes;
    private final TransactionsViewModel transactions;
    private final InboxUrl inbox;

    /**
     * @param onReplaced told when the Item's access token was rotated (old entry, new entry)
     * @param onRemoved  told when the Item was removed
     */
    public ItemViewModel(PaneServices pane, ItemService items, TransactionSyncService transactionSync, ProcessorTokenService processorTokens,
                         BiConsumer<TokenEntry, TokenEntry> onReplaced, Consumer<TokenEntry> onRemoved) {
        this.items = items;
        this.processorTokens = processorTokens;
        for (ItemData read : ItemData.values()) {
            reads.put(read, new SimpleObjectProperty<>(Outcome.nothing()));
        }
        this.overview = reads.get(ItemData.OVERVIEW);
        this.tokenBook = pane.tokenBook();
        this.onReplaced = onReplaced;
        this.onRemoved = onRemoved;
        this.loader = pane.subjectLoader(FailureDescriber::describe);
        this.transactions = new TransactionsViewModel(transactionSync, pane.tasks(), loader::log);
        this.webhookCodes = new Choices<>(() -> pane.catalog().enumOf("/sandbox/item/fire_webhook", "webhook_code"),
                codes -> codes.contains("DEFAULT_UPDATE") ? "DEFAULT_UPDATE" : codes.isEmpty() ? null : codes.get(0));
        this.itemError = Bindings.createObjectBinding(() -> errorOf(overview.get()), overview);
        this.status = Bindings.createStringBinding(() -> overview.get().hasData() ? ItemsViewModel.statusOf(overview.get().data()) : null,
                overview);
        this.title = Bindings.createStringBinding(this::title, item, overview);
        this.sandbox = pane.sandbox();
        this.inbox = pane.inbox();
        reads.get(ItemData.ACCOUNTS).addListener((obs, old, state) -> {
            if (state.hasData()) {
                transactions.nameAccounts(Accounts.titlesById(state.data().path("accounts")));
            }
        });
    }

    /** Opens an Item: every tab's call goes out at once; cached replies show while they run. */
    public void open(Profile forProfile, TokenEntry entry) {
        loader.open(forProfile);
        if (entry == null || item.get() == null || !item.get().value().equals(entry.value())) {
            // A tab keeps what it shows while it refreshes: that must not be another Item's data.
            reads.values().forEach(tab -> tab.set(Outcome.nothing()));
        }
        profile.set(forProfile);
        item.set(entry);
        lastAction.set(Outcome.nothing());
        transactions.open(forProfile, entry == null ? null : TransactionSource.of(entry));
        if (entry == null) {
            return;
        }
        List<CompletableFuture<?>> loads = new ArrayList<>();
        for (ItemData read : ItemData.values()) {
            loads.add(load(entry, read));
        }
        loader.trackOpening("Opening " + (entry.label() == null ? entry.maskedValue() : entry.label()), loads);
    }

    private CompletableFuture<CachedCalls.Fetched> load(TokenEntry entry, ItemData read) {
        return loader.read(reads.get(read), read.path(), read.body(entry.value(), LocalDate.now()), reply -> emptyMessage(read, reply));
    }

    /** Why a reply has nothing to show, or null when it has. */
    static String emptyMessage(ItemData read, JsonNode reply) {
        return switch (read) {
            case ACCOUNTS -> reply.path("accounts").isEmpty() ? "This Item has no accounts." : null;
            case AUTH -> Accounts.whyNoNumbers(reply);
            case HOLDINGS -> reply.path("holdings").isEmpty() ? "No investment holdings on this Item." : null;
            case INVESTMENT_TRANSACTIONS -> reply.path("investment_transactions").isEmpty()
                    ? "No investment transactions in the last two years." : null;
            case OVERVIEW, IDENTITY, LIABILITIES, RECURRING -> null;
        };
    }

    /** Loads everything again (the reload button, a failure's "Try again"). */
    public void reload() {
        open(profile.get(), item.get());
    }

    /** The book's entry of the open Item changed (a label or its institution learnt): nothing needs loading again. */
    void update(TokenEntry entry) {
        item.set(entry);
    }

    private CompletableFuture<CachedCalls.Fetched> reloadStatus() {
        return load(item.get(), ItemData.OVERVIEW);
    }

    /** Stops what the Item's tabs are loading (switching Item or profile). */
    public void close() {
        loader.open(null);
        transactions.cancelSync();
    }

    /** The Item's transactions: stored, synced, filtered. */
    public TransactionsViewModel transactions() {
        return transactions;
    }

    private static FailureReport errorOf(Outcome<JsonNode> state) {
        if (!state.hasData()) {
            return null;
        }
        PlaidError error = ItemService.itemError(state.data());
        return error == null ? null : FailureDescriber.describe(error, "the Item's status (/item/get)");
    }

    private String title() {
        TokenEntry entry = item.get();
        if (entry == null) {
            return "";
        }
        if (entry.label() != null) {
            return entry.label();
        }
        JsonNode name = overview.get().hasData() ? overview.get().data().path("item").path("institution_name") : null;
        return name != null && name.isTextual() ? name.asText() : entry.institution() != null ? entry.institution() : "Item";
    }

    // --- actions ------------------------------------------------------------------------------

    public void refreshBalance() {
        act("Real-time balance", log -> items.realTimeBalance(profile.get(), item.get(), log), reply -> {
            reads.get(ItemData.ACCOUNTS).set(Outcome.data(reply, Instant.now(), false));
            return "Balances fetched from the institution just now.";
        });
    }

    public void refreshTransactions() {
        act("Refresh transactions", log -> items.refreshTransactions(profile.get(), item.get(), log), reply -> {
            transactions.sync();
            return "Plaid fetched new transactions; syncing them now.";
        });
    }

    public void fireWebhook(String code) {
        act("Fire " + code, log -> items.fireWebhook(profile.get(), item.get(), code, log), reply -> {
            reloadStatus();
            return "Sent the " + code + " webhook" + (reply.path("webhook_fired").asBoolean(true) ? "."
                    : ", but Plaid says none fired (no webhook URL?).");
        });
    }

    public void resetLogin() {
        act("Reset login", log -> items.resetLogin(profile.get(), item.get(), log), reply -> {
            reloadStatus();
            return "The Item now needs its user to log in again (ITEM_LOGIN_REQUIRED).";
        });
    }

    public void updateWebhook(String url) {
        act("Update webhook", log -> items.updateWebhook(profile.get(), item.get(), url, log), reply -> {
            reloadStatus();
            return "Webhooks now go to " + url + ".";
        });
    }

    public void rotateAccessToken() {
        TokenEntry old = item.get();
        Profile forProfile = profile.get();
        // The list swaps the entry even if the user has opened another Item meanwhile: the old token no longer works.
        act("Rotate access token", log -> Futures.tap(items.rotateAccessToken(forProfile, old, log), (fresh, error) -> {
            if (fresh != null) {
                FxAsync.runOnFx(() -> onReplaced.accept(old, fresh));
            }
        }), fresh -> {
            item.set(fresh);
            transactions.open(forProfile, TransactionSource.of(fresh));
            return "New access token " + fresh.maskedValue() + "; the old one no longer works. The token book has the new one.";
        });
    }

    public void remove() {
        TokenEntry removed = item.get();
        act("Remove Item", log -> Futures.tap(items.remove(profile.get(), removed, log), (done, error) -> {
            if (error == null) {
                FxAsync.runOnFx(() -> onRemoved.accept(removed));
            }
        }), done -> "The Item was removed at Plaid and from the token book.");
    }

    /** The form that makes a processor token for one of this Item's accounts. */
    public ProcessorTokenFormViewModel newProcessorTokenForm() {
        return new ProcessorTokenFormViewModel(processorTokens, tokenBook, profile.get(), item.get(), loader.callLog(),
                created -> lastAction.set(Outcome.data("Created " + created.maskedValue()
                        + "; it is in the token book and the Processor pane.", Instant.now(), false)));
    }

    /** Creates a Link token in update mode; the view shows it once made. */
    public void createUpdateModeLinkToken() {
        TokenEntry forItem = item.get();
        Profile forProfile = profile.get();
        Consumer<CallRecord> log = loader.callLog();
        updateModeLinkToken.submit("Creating an update-mode Link token\u2026",
                () -> items.createUpdateModeLinkToken(forProfile, forItem, log), link -> { });
    }

    /** The last update-mode Link token made, or why it could not be. */
    public Submission<TokenEntry> updateModeLinkToken() {
        return updateModeLinkToken;
    }

    /** Where Tartan's webhook inbox listens ("Use Tartan's inbox" beside the Item's webhook). */
    public InboxUrl inbox() {
        return inbox;
    }

    /** The webhook codes a sandbox Item can be sent. */
    public Choices<String> webhookCodes() {
        return webhookCodes;
    }

    /** Runs an action; what it achieved (a sentence) or its failure is the {@link #lastActionProperty()}. */
    private <T> void act(String title, Function<Consumer<CallRecord>, CompletableFuture<T>> action, Function<T, String> achieved) {
        if (item.get() != null) {
            loader.act(lastAction, title, action, achieved);
        }
    }

    // --- state --------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<TokenEntry> itemProperty() {
        return item;
    }

    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return profile;
    }

    /** The Item's name: its label, else its institution's name, else the institution's id. */
    public StringBinding titleProperty() {
        return title;
    }

    /** Whether the sandbox-only actions (fire a webhook, reset the login) are offered: not in Production. */
    public BooleanBinding sandboxProperty() {
        return sandbox;
    }

    /** "healthy", the error code the Item is in, or null while not known. */
    public StringBinding statusProperty() {
        return status;
    }

    /** The /item/get reply: status, products, webhook, consent. */
    public ReadOnlyObjectProperty<Outcome<JsonNode>> overviewProperty() {
        return overview;
    }

    /** The error the Item is in, explained; null when it is healthy (or not known yet). */
    public ObjectBinding<FailureReport> itemErrorProperty() {
        return itemError;
    }

    /** The state of one read's tab. */
    public ReadOnlyObjectProperty<Outcome<JsonNode>> stateOf(ItemData read) {
        return reads.get(read);
    }

    /** Every call made for this Item since it was opened, newest first. */
    public ObservableList<CallRecord> calls() {
        return loader.calls();
    }

    /** What the last action achieved, in a sentence, or why it failed. */
    public ReadOnlyObjectProperty<Outcome<String>> lastActionProperty() {
        return lastAction;
    }
}
