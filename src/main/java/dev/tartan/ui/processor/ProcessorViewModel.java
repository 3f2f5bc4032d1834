package dev.tartan.ui.processor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.FailureReport;
import dev.tartan.model.ProcessorData;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.model.TransactionSource;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.ProcessorAccountService;
import dev.tartan.service.ProcessorTokenService;
import dev.tartan.service.ProcessorWebhookService;
import dev.tartan.service.SignalService;
import dev.tartan.service.TransactionSyncService;
import dev.tartan.ui.common.InstitutionChoice;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.PasteTokenFormViewModel;
import dev.tartan.ui.common.ProcessorTokenFormViewModel;
import dev.tartan.ui.common.TokenListViewModel;
import dev.tartan.ui.common.TokenRow;
import dev.tartan.ui.common.data.Accounts;
import dev.tartan.ui.common.data.Outcome;
import dev.tartan.ui.common.data.SubjectLoader;
import dev.tartan.ui.common.data.TransactionsViewModel;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The Processor pane's state and actions: the profile's processor tokens and their filter, the
 * token that is open, one state per tab (filled by reads fanned out in parallel, cached data
 * first), the calls made for the token, and the forms (identity match, Signal, webhook,
 * transactions by date). Holds no controls; {@link ProcessorView} binds to it.
 */
public final class ProcessorViewModel {

    /** The token open in the pane and the profile it was opened for: what a form's call needs. */
    record OpenToken(Profile profile, String value) {
    }

    /** The tabs where the user fills in a form about the open token. */
    public record TokenForms(IdentityMatchViewModel identityMatch, SignalViewModel signal, WebhookViewModel webhook,
                             TransactionsByDateViewModel transactionsByDate) {
    }

    private final ProcessorTokenService tokens;
    private final ProcessorAccountService account;
    private final PaneServices pane;
    private final TokenListViewModel list;
    private final SubjectLoader loader;
    private final BooleanBinding sandbox;

    private final Map<ProcessorData, ObjectProperty<Outcome<JsonNode>>> reads = new EnumMap<>(ProcessorData.class);
    private final StringProperty balanceSource = new SimpleStringProperty("");
    private final ObjectProperty<Outcome<String>> transactionsRefresh = new SimpleObjectProperty<>(Outcome.nothing());
    private final TransactionsViewModel transactions;
    private final TokenForms forms;

    public ProcessorViewModel(PaneServices pane, ProcessorTokenService tokens, ProcessorAccountService account, SignalService signal,
                              ProcessorWebhookService webhooks, TransactionSyncService transactionSync) {
        this.tokens = tokens;
        this.account = account;
        this.pane = pane;
        this.loader = pane.subjectLoader(ProcessorFailures::describe);
        this.list = pane.tokenList(TokenKind.PROCESSOR, "processor token", tokens::addToken, row -> { });
        this.transactions = new TransactionsViewModel(transactionSync, pane.tasks(), loader::log);
        this.sandbox = pane.sandbox();
        for (ProcessorData read : ProcessorData.values()) {
            reads.put(read, new SimpleObjectProperty<>(Outcome.nothing()));
        }
        this.forms = new TokenForms(new IdentityMatchViewModel(this, account), new SignalViewModel(this, signal),
                new WebhookViewModel(this, webhooks, pane.inbox()), new TransactionsByDateViewModel(this, account));
        list.selectedProperty().addListener((obs, old, row) -> {
            if (row == null || old == null || !row.entry().value().equals(old.entry().value())) {
                open(row == null ? null : row.entry());
            }
        });
    }

    // --- the token list -----------------------------------------------------------------------------

    /** The profile's processor tokens, on the left. */
    public TokenListViewModel list() {
        return list;
    }

    /** Opens a processor token: the one listed, else added to the token book first. */
    public void open(String token) {
        list.open(token);
    }

    /** The paste field under the list: a processor token of the profile's environment. */
    public PasteTokenFormViewModel newPasteForm() {
        return new PasteTokenFormViewModel(list, text -> {
            if (text.isEmpty()) {
                return "Paste a processor token: it looks like processor-sandbox-\u2026";
            }
            try {
                ProcessorTokenService.checkProcessorToken(pane.profile().get(), text);
                return "";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });
    }

    // --- making tokens --------------------------------------------------------------------------------

    /** The form that makes a processor token for an account of one of the profile's Items. */
    public ProcessorTokenFormViewModel newProcessorTokenForm() {
        return new ProcessorTokenFormViewModel(tokens, pane.tokenBook(), pane.profile().get(), null, call -> { }, list::showNew);
    }

    /** Sandbox only: the form that makes an Item at an institution and a processor token for it. */
    public SandboxTokenFormViewModel newSandboxTokenForm() {
        Profile current = pane.profile().get();
        return new SandboxTokenFormViewModel(new InstitutionChoice(pane.institutions(), current),
                (institutionId, label) -> pane.tasks().run("Creating a sandbox processor token",
                        () -> tokens.createSandboxProcessorToken(current, institutionId, label)),
                list::showNew);
    }

    /** Whether the active profile can make sandbox processor tokens (Sandbox, or the emulator). */
    public BooleanBinding sandboxProperty() {
        return sandbox;
    }

    // --- the open token -----------------------------------------------------------------------------

    /** The token open now, or null. */
    public ReadOnlyObjectProperty<TokenRow> selectedProperty() {
        return list.selectedProperty();
    }

    /**
     * Opens {@code entry}: every tab starts loading at once, in parallel, each showing what the
     * cache holds while its call runs.
     */
    private void open(TokenEntry entry) {
        Profile current = pane.profile().get();
        loader.open(current);
        transactions.open(current, entry == null || current == null ? null : TransactionSource.processor(entry.value()));
        // A tab keeps what it shows while it refreshes: that must not be another token's data.
        reads.values().forEach(state -> state.set(Outcome.nothing()));
        balanceSource.set("");
        transactionsRefresh.set(Outcome.nothing());
        forms.identityMatch().reset();
        forms.signal().reset();
        forms.transactionsByDate().reset();
        if (entry == null || current == null) {
            return;
        }
        forms.webhook().load();
        List<CompletableFuture<?>> loads = new ArrayList<>();
        for (ProcessorData read : ProcessorData.values()) {
            loads.add(load(entry, read));
        }
        loader.trackOpening("Opening " + list.selectedProperty().get().displayName(), loads);
    }

    /** Loads one tab again (its failure's "Try again"). */
    public void reload(ProcessorData read) {
        TokenRow row = list.selectedProperty().get();
        if (row != null) {
            load(row.entry(), read);
        }
    }

    private CompletableFuture<CachedCalls.Fetched> load(TokenEntry entry, ProcessorData read) {
        return loader.read(reads.get(read), read.path(), read.body(entry.value()), reply -> emptyMessage(read, reply), fetched -> {
            if (read == ProcessorData.ACCOUNT) {
                balanceSource.set("Balances as Plaid last stored them (/processor/account/get).");
                learnAccount(entry, fetched.json());
                JsonNode accountJson = fetched.json().path("account");
                if (accountJson.hasNonNull("account_id")) {
                    transactions.nameAccounts(Map.of(accountJson.path("account_id").asText(), Accounts.title(accountJson)));
                }
            }
        });
    }

    /** Why a reply has nothing to show, or null when it has. */
    static String emptyMessage(ProcessorData read, JsonNode reply) {
        return switch (read) {
            case ACCOUNT, IDENTITY -> reply.path("account").isObject() ? null : "Plaid sent no account for this token.";
            case AUTH -> Accounts.whyNoNumbers(reply);
            case LIABILITIES -> {
                JsonNode liabilities = reply.path("liabilities");
                yield liabilities.path("credit").isEmpty() && liabilities.path("mortgage").isEmpty()
                        && liabilities.path("student").isEmpty() ? "No credit card, mortgage or student loan details for this account." : null;
            }
            case RECURRING -> reply.path("inflow_streams").isEmpty() && reply.path("outflow_streams").isEmpty()
                    ? "Plaid has found no recurring payments or deposits on this account yet." : null;
        };
    }

    /** The account reply names the token's account and institution: the book keeps them. */
    private void learnAccount(TokenEntry entry, JsonNode reply) {
        // The token works without it; the next opening tries again.
        loader.whenCurrent(tokens.noteAccount(entry, reply), updated -> {
            if (!updated.equals(entry)) {
                list.replace(entry, updated);
            }
        }, failure -> { });
    }

    /** The state of one read's tab. */
    public ReadOnlyObjectProperty<Outcome<JsonNode>> stateOf(ProcessorData read) {
        return reads.get(read);
    }

    /** Where the Account tab's balances come from: Plaid's stored copy, or the bank just now. */
    public ReadOnlyStringProperty balanceSourceProperty() {
        return balanceSource;
    }

    /** Asks the bank for the balance now (/processor/balance/get); the Account tab shows it. */
    public void refreshBalance() {
        run(reads.get(ProcessorData.ACCOUNT), "Asking the bank for the balance",
                (token, log) -> Futures.map(account.realTimeBalance(token.profile(), token.value(), log), CachedCalls.Fetched::json),
                reply -> balanceSource.set("Real-time balance from the bank (/processor/balance/get)."));
    }

    /** The outcome of the last /processor/transactions/refresh. */
    public ReadOnlyObjectProperty<Outcome<String>> transactionsRefreshProperty() {
        return transactionsRefresh;
    }

    /** Asks Plaid to fetch new transactions from the bank now; a sync then brings them into the vault. */
    public void refreshTransactions() {
        OpenToken token = openToken();
        if (token != null) {
            loader.act(transactionsRefresh, "Refreshing transactions",
                    log -> account.refreshTransactions(token.profile(), token.value(), log), response -> {
                        transactions.sync();
                        return "Plaid is fetching new transactions from the bank (request_id " + response.requestId()
                                + "); the sync that follows stores what has arrived.";
                    });
        }
    }

    /** The token's transactions, synced into the vault (/processor/transactions/sync). */
    public TransactionsViewModel transactions() {
        return transactions;
    }

    /** Every call made for the open token, newest first (the Raw JSON tab). */
    public ObservableList<CallRecord> calls() {
        return loader.calls();
    }

    /** The forms about the open token: identity match, Signal, webhook, transactions by date. */
    public TokenForms forms() {
        return forms;
    }

    // --- for the form models ------------------------------------------------------------------------

    /** The token open now, or null. */
    OpenToken openToken() {
        TokenRow row = list.selectedProperty().get();
        return row == null ? null : new OpenToken(loader.profile(), row.entry().value());
    }

    /**
     * Runs an action for the open token (see {@link SubjectLoader#run}): its outcome lands in
     * {@code state} unless another token was opened meanwhile.
     */
    <T> void run(ObjectProperty<Outcome<T>> state, String title, BiFunction<OpenToken, Consumer<CallRecord>, CompletableFuture<T>> action,
                 Consumer<T> afterSuccess) {
        OpenToken token = openToken();
        if (token != null) {
            loader.run(state, title, log -> action.apply(token, log), afterSuccess);
        }
    }

    /** A lookup for the open token that is not a tab of its own (see {@link SubjectLoader#whenCurrent}). */
    <T> void whenCurrent(CompletableFuture<T> lookup, Consumer<T> onSuccess, Consumer<FailureReport> onFailure) {
        loader.whenCurrent(lookup, onSuccess, onFailure);
    }
}
