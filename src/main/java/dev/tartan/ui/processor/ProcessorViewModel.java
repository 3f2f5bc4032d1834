package dev.tartan.ui.processor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.CallRecord;
import dev.tartan.model.FailureReport;
import dev.tartan.model.Futures;
import dev.tartan.model.Masking;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TransactionSource;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.ProcessorService;
import dev.tartan.service.ProcessorService.Read;
import dev.tartan.service.TransactionService;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.TaskCenter;
import dev.tartan.ui.common.data.CallLog;
import dev.tartan.ui.common.data.TabState;
import dev.tartan.ui.common.data.TransactionsModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The Processor pane's state and actions: the profile's processor tokens and their filter, the
 * token that is open, one state per tab (filled by reads fanned out in parallel, cached data
 * first), the calls made for the token, and the forms (identity match, Signal, webhook,
 * transactions by date). Holds no controls; {@link ProcessorView} binds to it.
 */
public final class ProcessorViewModel {

    /** The verification statuses under which Plaid shows an account's numbers. */
    private static final Set<String> VERIFIED = Set.of("automatically_verified", "manually_verified");

    /** The token open in the pane, and which opening of it this is: answers for an older one are dropped. */
    record OpenToken(Profile profile, TokenEntry token, long generation) {
        String value() {
            return token.value();
        }
    }

    private final ProcessorService service;
    private final InstitutionService institutions;
    private final ObservableMap<String, String> institutionNames = FXCollections.observableHashMap();
    private final TaskCenter tasks;
    private final ReadOnlyObjectProperty<Profile> profile;

    private final ObservableList<TokenEntry> tokens = FXCollections.observableArrayList();
    private final FilteredList<TokenEntry> visibleTokens = new FilteredList<>(tokens, entry -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<TokenEntry> selected = new SimpleObjectProperty<>();
    private final StringProperty pasted = new SimpleStringProperty("");
    private final StringProperty addProblem = new SimpleStringProperty();
    private final Map<Read, ObjectProperty<TabState>> reads = new EnumMap<>(Read.class);
    private final StringProperty balanceSource = new SimpleStringProperty("");
    private final ObjectProperty<Outcome<String>> transactionsRefresh = new SimpleObjectProperty<>(Outcome.empty(""));
    private final CallLog calls = new CallLog();
    private final TransactionsModel transactions;
    private final IdentityMatchModel identityMatch;
    private final SignalModel signal;
    private final WebhookModel webhook;
    private final TransactionsByDateModel transactionsByDate;

    private OpenToken open;
    private long openings;
    private final List<CompletableFuture<?>> inFlight = new ArrayList<>();

    /** Completes when the token list of the current profile is in. */
    private CompletableFuture<Void> listed = CompletableFuture.completedFuture(null);

    public ProcessorViewModel(ProcessorService service, InstitutionService institutions, TransactionService transactionService,
                              TaskCenter tasks, ReadOnlyObjectProperty<Profile> profile) {
        this.service = service;
        this.institutions = institutions;
        this.transactions = new TransactionsModel(transactionService, tasks, calls::add);
        this.tasks = tasks;
        this.profile = profile;
        for (Read read : Read.values()) {
            reads.put(read, new SimpleObjectProperty<>(TabState.empty("")));
        }
        this.identityMatch = new IdentityMatchModel(this, service);
        this.signal = new SignalModel(this, service);
        this.webhook = new WebhookModel(this, service);
        this.transactionsByDate = new TransactionsByDateModel(this, service);
        filter.addListener((obs, old, now) -> visibleTokens.setPredicate(matcher(now, institutionNames::get)));
        // A name that comes in may make a token match the filter typed before it came.
        institutionNames.addListener((MapChangeListener<String, String>) change -> {
            if (filter.get() != null && !filter.get().isBlank()) {
                visibleTokens.setPredicate(matcher(filter.get(), institutionNames::get));
            }
        });
        tokens.addListener((ListChangeListener<TokenEntry>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(entry -> nameInstitution(entry.institution()));
            }
        });
        pasted.addListener((obs, old, now) -> addProblem.set(null));
        profile.addListener((obs, old, now) -> {
            select(null);
            // Another environment may name its institutions otherwise.
            institutionNames.clear();
            refreshTokens();
        });
        refreshTokens();
    }

    // --- the token list -----------------------------------------------------------------------------

    public FilteredList<TokenEntry> visibleTokens() {
        return visibleTokens;
    }

    public ObservableList<TokenEntry> tokens() {
        return tokens;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return profile;
    }

    /** Opens a processor token: the one in the list, else added to the token book first. */
    public void open(String token) {
        listed.thenRun(() -> FxAsync.runOnFx(() -> tokens.stream()
                .filter(entry -> entry.value().equals(token))
                .findFirst()
                .ifPresentOrElse(entry -> {
                    filter.set("");
                    select(entry);
                }, () -> {
                    pasted.set(token);
                    addPasted();
                })));
    }

    /** Reloads the profile's processor tokens from the book; the open token stays open if it is still there. */
    public void refreshTokens() {
        Profile current = profile.get();
        if (current == null) {
            tokens.clear();
            return;
        }
        CompletableFuture<List<TokenEntry>> loading = service.tokens(current);
        listed = loading.thenAccept(list -> { });
        FxAsync.whenDone(loading, list -> {
            if (current.equals(profile.get())) {
                tokens.setAll(list);
                TokenEntry shown = selected.get();
                if (shown != null) {
                    select(list.stream().filter(e -> e.value().equals(shown.value())).findFirst().orElse(null));
                }
            }
        }, error -> addProblem.set(ProcessorService.describeFailure(error).summary()));
    }

    /**
     * Matches words against the label, account_id, institution (id and name) and environment, and a
     * pasted token exactly.
     */
    static Predicate<TokenEntry> matcher(String query, Function<String, String> institutionName) {
        if (query == null || query.isBlank()) {
            return entry -> true;
        }
        String text = query.strip();
        String[] words = text.toLowerCase(Locale.ROOT).split("\\s+");
        return entry -> {
            if (entry.value().equals(text)) {
                return true;
            }
            String haystack = String.join(" ", nonNull(entry.label()), nonNull(entry.ownerId()), nonNull(entry.institution()),
                    entry.institution() == null ? "" : nonNull(institutionName.apply(entry.institution())),
                    nonNull(entry.environment()), entry.maskedValue()).toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!haystack.contains(word)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** What the user pasted to add a token. */
    public StringProperty pastedProperty() {
        return pasted;
    }

    /** Why the pasted text was refused, or null. */
    public StringProperty addProblemProperty() {
        return addProblem;
    }

    /** Keeps the pasted processor token and opens it; a refused paste stays in the field with the reason beside it. */
    public void addPasted() {
        Profile current = profile.get();
        if (current == null) {
            addProblem.set("No profile is active.");
            return;
        }
        FxAsync.whenDone(service.addToken(current, pasted.get(), null), entry -> {
            pasted.set("");
            filter.set("");
            showAdded(entry);
        }, error -> addProblem.set(messageOf(error)));
    }

    /** Removes the token from the token book (after the view has asked). */
    public void remove(TokenEntry entry) {
        FxAsync.whenDone(service.removeToken(entry), removed -> {
            if (selected.get() != null && selected.get().value().equals(entry.value())) {
                select(null);
            }
            tokens.removeIf(e -> e.value().equals(entry.value()));
        }, error -> addProblem.set(messageOf(error)));
    }

    /** Puts a new entry in the list and opens it. */
    void showAdded(TokenEntry entry) {
        tokens.removeIf(e -> e.value().equals(entry.value()));
        tokens.add(0, entry);
        select(entry);
    }

    private static String messageOf(Throwable error) {
        FailureReport report = ProcessorService.describeFailure(error);
        return report.message() != null ? report.message() : report.summary();
    }

    // --- making tokens --------------------------------------------------------------------------------

    /** The Items of the profile (access tokens in the book), for "From an Item". */
    public void accessTokens(Consumer<List<TokenEntry>> whenReady) {
        Profile current = profile.get();
        if (current != null) {
            FxAsync.whenDone(service.accessTokens(current), whenReady, error -> whenReady.accept(List.of()));
        }
    }

    /** The accounts of an Item; failures go to {@code onFailure}. */
    public void accountsOf(TokenEntry item, Consumer<JsonNode> whenReady, Consumer<FailureReport> onFailure) {
        Profile current = profile.get();
        if (current != null) {
            FxAsync.whenDone(service.accountsOf(current, item.value()), whenReady,
                    error -> onFailure.accept(ProcessorService.describeFailure(error)));
        }
    }

    /** The processors Plaid knows, from the request schema of /processor/token/create. */
    public void processors(Consumer<List<String>> whenReady) {
        FxAsync.whenDone(service.processors(), whenReady, error -> whenReady.accept(List.of()));
    }

    /** Creates a processor token for an account of an Item, keeps it and opens it. */
    public void createFromItem(TokenEntry item, String accountId, String processor, String label,
                               Runnable onDone, Consumer<FailureReport> onFailure) {
        Profile current = profile.get();
        if (current == null) {
            return;
        }
        // Not logged: the new token opens next, with a call log of its own.
        CompletableFuture<TokenEntry> created = tasks.run("Creating a processor token",
                () -> service.createProcessorToken(current, item.value(), accountId, processor, label, call -> { }));
        FxAsync.whenDone(created, entry -> {
            showAdded(entry);
            onDone.run();
        }, error -> onFailure.accept(ProcessorService.describeFailure(error)));
    }

    /** Sandbox: creates an Item and a processor token for it, keeps it and opens it. */
    public void createSandbox(String institutionId, String label, Runnable onDone, Consumer<FailureReport> onFailure) {
        Profile current = profile.get();
        if (current == null) {
            return;
        }
        CompletableFuture<TokenEntry> created = tasks.run("Creating a sandbox processor token",
                () -> service.createSandboxProcessorToken(current, institutionId, label));
        FxAsync.whenDone(created, entry -> {
            showAdded(entry);
            onDone.run();
        }, error -> onFailure.accept(ProcessorService.describeFailure(error)));
    }

    // --- the open token -----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<TokenEntry> selectedProperty() {
        return selected;
    }

    /**
     * Opens {@code entry}: every tab starts loading at once, in parallel, each showing what the
     * cache holds while its call runs. Opening the token already open only updates its details.
     */
    public void select(TokenEntry entry) {
        TokenEntry current = selected.get();
        if (entry != null && current != null && entry.value().equals(current.value()) && open != null) {
            selected.set(entry);
            open = new OpenToken(open.profile(), entry, open.generation());
            return;
        }
        cancelInFlight();
        calls.clear();
        selected.set(entry);
        Profile activeProfile = profile.get();
        transactions.open(activeProfile, entry == null || activeProfile == null ? null : TransactionSource.processor(entry.value()));
        if (entry == null || activeProfile == null) {
            open = null;
            return;
        }
        open = new OpenToken(activeProfile, entry, ++openings);
        // A tab keeps what it shows while it refreshes: that must not be another token's data.
        reads.values().forEach(state -> state.set(TabState.empty("")));
        balanceSource.set("");
        transactionsRefresh.set(Outcome.empty(""));
        identityMatch.reset();
        signal.reset();
        transactionsByDate.reset();
        webhook.load(open);
        List<CompletableFuture<?>> loads = new ArrayList<>();
        for (Read read : Read.values()) {
            loads.add(load(open, read));
        }
        tasks.run("Opening " + displayName(entry), () -> Futures.whenAllSettled(loads));
    }

    /** Loads one tab again (its failure's "Try again"). */
    public void reload(Read read) {
        if (open != null) {
            load(open, read);
        }
    }

    /** Institutions for the sandbox token dialog's picker. */
    public CompletableFuture<JsonNode> institutions() {
        return institutions.list(profile.get(), 50);
    }

    /** The names of the institutions of the listed tokens, by institution_id, as they come in. */
    public ObservableMap<String, String> institutionNames() {
        return institutionNames;
    }

    /** How lists name a token's institution: its name once known, else its id; null when the book has none. */
    public String institutionOf(TokenEntry entry) {
        String id = entry.institution();
        return id == null ? null : institutionNames.getOrDefault(id, id);
    }

    private void nameInstitution(String institutionId) {
        Profile current = profile.get();
        if (current == null || institutionId == null || institutionNames.containsKey(institutionId)) {
            return;
        }
        // Without the name the list shows the institution_id, which is still right.
        FxAsync.whenDone(institutions.name(current, institutionId),
                name -> name.filter(found -> current.equals(profile.get()))
                        .ifPresent(found -> institutionNames.put(institutionId, found)), error -> { });
    }

    /** The name a token goes by: its label, or its masked value. */
    public static String displayName(TokenEntry entry) {
        return entry.label() != null && !entry.label().isBlank() ? entry.label() : Masking.maskToken(entry.value());
    }

    private CompletableFuture<CachedCalls.Fetched> load(OpenToken token, Read read) {
        ObjectProperty<TabState> state = reads.get(read);
        state.set(TabState.loading("Loading " + read.path() + "\u2026"));
        FxAsync.whenDone(service.cached(token.profile(), read, token.value()), hit -> {
            if (isCurrent(token) && state.get().kind() == TabState.Kind.LOADING) {
                hit.ifPresent(cached -> show(read, cached, true));
            }
        }, error -> { }); // a cache that cannot be read only means waiting for the call
        CompletableFuture<CachedCalls.Fetched> fresh = track(service.fetch(token.profile(), read, token.value(), logFor(token)));
        FxAsync.whenDone(fresh, fetched -> {
            if (isCurrent(token)) {
                show(read, fetched, false);
                if (read == Read.ACCOUNT) {
                    balanceSource.set("Balances as Plaid last stored them (/processor/account/get).");
                    learnAccount(token, fetched.json());
                    nameAccount(fetched.json().path("account"));
                }
            }
        }, error -> {
            if (isCurrent(token)) {
                state.set(TabState.failed(ProcessorService.describeFailure(error)));
            }
        });
        return fresh;
    }

    private void show(Read read, CachedCalls.Fetched fetched, boolean refreshing) {
        String empty = emptyMessage(read, fetched.json());
        reads.get(read).set(empty == null || refreshing
                ? TabState.data(fetched.json(), fetched.fetchedAt(), refreshing)
                : TabState.empty(empty));
    }

    /** Why a reply has nothing to show, or null when it has. */
    static String emptyMessage(Read read, JsonNode reply) {
        return switch (read) {
            case ACCOUNT, IDENTITY -> reply.path("account").isObject() ? null : "Plaid sent no account for this token.";
            case AUTH -> {
                JsonNode numbers = reply.path("numbers");
                boolean none = true;
                for (String network : List.of("ach", "eft", "international", "bacs")) {
                    none &= numbers.path(network).isEmpty();
                }
                String verification = reply.path("account").path("verification_status").asText("");
                yield !none ? null : !verification.isEmpty() && !VERIFIED.contains(verification)
                        ? "No numbers: the account's verification_status is " + verification + ". Plaid shows them once it is verified."
                        : "The bank shared no account or routing numbers for this account.";
            }
            case LIABILITIES -> {
                JsonNode liabilities = reply.path("liabilities");
                yield liabilities.path("credit").isEmpty() && liabilities.path("mortgage").isEmpty()
                        && liabilities.path("student").isEmpty() ? "No credit card, mortgage or student loan details for this account." : null;
            }
            case RECURRING -> reply.path("inflow_streams").isEmpty() && reply.path("outflow_streams").isEmpty()
                    ? "Plaid has found no recurring payments or deposits on this account yet." : null;
        };
    }

    /** The Transactions tab's Account column shows the account's name rather than its id. */
    private void nameAccount(JsonNode account) {
        if (account.hasNonNull("account_id")) {
            transactions.accountNamesProperty().set(Map.of(account.path("account_id").asText(), account.path("name").asText()
                    + (account.hasNonNull("mask") ? " \u2022\u2022" + account.path("mask").asText() : "")));
        }
    }

    /** The account reply names the token's account and institution: the book keeps them. */
    private void learnAccount(OpenToken token, JsonNode reply) {
        FxAsync.whenDone(service.noteAccount(token.token(), reply), updated -> {
            if (updated.equals(token.token())) {
                return;
            }
            tokens.replaceAll(e -> e.value().equals(updated.value()) ? updated : e);
            if (isCurrent(token)) {
                select(updated);
            }
        }, error -> { }); // the token works without it; the next opening tries again
    }

    /** The state of one read's tab. */
    public ReadOnlyObjectProperty<TabState> stateOf(Read read) {
        return reads.get(read);
    }

    /** Where the Account tab's balances come from: Plaid's stored copy, or the bank just now. */
    public ReadOnlyStringProperty balanceSourceProperty() {
        return balanceSource;
    }

    /** Asks the bank for the balance now (/processor/balance/get); the Account tab shows it. */
    public void refreshBalance() {
        OpenToken token = open;
        if (token == null) {
            return;
        }
        ObjectProperty<TabState> state = reads.get(Read.ACCOUNT);
        state.set(TabState.loading("Asking the bank for the balance\u2026"));
        CompletableFuture<CachedCalls.Fetched> balance = track(tasks.run("Real-time balance",
                () -> service.realTimeBalance(token.profile(), token.value(), logFor(token))));
        FxAsync.whenDone(balance, fetched -> {
            if (isCurrent(token)) {
                state.set(TabState.data(fetched.json(), fetched.fetchedAt(), false));
                balanceSource.set("Real-time balance from the bank (/processor/balance/get).");
            }
        }, error -> {
            if (isCurrent(token)) {
                state.set(TabState.failed(ProcessorService.describeFailure(error)));
            }
        });
    }

    /** The outcome of the last /processor/transactions/refresh. */
    public ReadOnlyObjectProperty<Outcome<String>> transactionsRefreshProperty() {
        return transactionsRefresh;
    }

    /** Asks Plaid to fetch new transactions from the bank now; a sync then brings them into the vault. */
    public void refreshTransactions() {
        run(transactionsRefresh, "Refreshing transactions", token -> Futures.map(
                service.refreshTransactions(token.profile(), token.value(), logFor(token)),
                response -> "Plaid is fetching new transactions from the bank (request_id " + response.requestId()
                        + "); the sync that follows stores what has arrived."),
                message -> transactions.sync());
    }

    /** The token's transactions, synced into the vault (/processor/transactions/sync). */
    public TransactionsModel transactions() {
        return transactions;
    }

    /** Every call made for the open token, newest first (the Raw JSON tab). */
    public ObservableList<CallRecord> calls() {
        return calls.records();
    }

    public IdentityMatchModel identityMatch() {
        return identityMatch;
    }

    public SignalModel signal() {
        return signal;
    }

    public WebhookModel webhook() {
        return webhook;
    }

    /** Pages of /processor/transactions/get over a date range. */
    public TransactionsByDateModel transactionsByDate() {
        return transactionsByDate;
    }

    // --- for the form models ------------------------------------------------------------------------

    /** The token open now, or null. */
    OpenToken open() {
        return open;
    }

    boolean isCurrent(OpenToken token) {
        return open != null && open.generation() == token.generation();
    }

    /** A call log for {@code token}: records land in {@link #calls()} while the token is open. */
    Consumer<CallRecord> logFor(OpenToken token) {
        return call -> FxAsync.runOnFx(() -> {
            if (isCurrent(token)) {
                calls.add(call);
            }
        });
    }

    /**
     * Runs an action for the open token, shown in the task centre; its outcome lands in
     * {@code state} (and {@code afterSuccess} runs) unless another token was opened meanwhile. Bad
     * input ({@link IllegalArgumentException}) becomes the state's failure, nothing is sent.
     */
    <T> void run(ObjectProperty<Outcome<T>> state, String title, Function<OpenToken, CompletableFuture<T>> action,
                 Consumer<T> afterSuccess) {
        OpenToken token = open;
        if (token == null) {
            return;
        }
        state.set(Outcome.loading(title + "\u2026"));
        CompletableFuture<T> future;
        try {
            future = track(tasks.run(title, () -> action.apply(token)));
        } catch (IllegalArgumentException e) {
            future = CompletableFuture.failedFuture(e);
        }
        FxAsync.whenDone(future, value -> {
            if (isCurrent(token)) {
                state.set(Outcome.data(value, Instant.now(), false));
                afterSuccess.accept(value);
            }
        }, error -> {
            if (isCurrent(token)) {
                state.set(Outcome.failed(ProcessorService.describeFailure(error)));
            }
        });
    }

    private <T> CompletableFuture<T> track(CompletableFuture<T> future) {
        inFlight.add(future);
        future.whenComplete((value, error) -> FxAsync.runOnFx(() -> inFlight.remove(future)));
        return future;
    }

    private void cancelInFlight() {
        for (CompletableFuture<?> future : List.copyOf(inFlight)) {
            future.cancel(true);
        }
        inFlight.clear();
    }

    /** One future for the task centre over all of a token's loads; cancelling it cancels them all. */}
