package dev.tartan.ui.common.data;

import dev.tartan.model.CallRecord;
import dev.tartan.model.FailureReport;
import dev.tartan.model.Profile;
import dev.tartan.model.TransactionRow;
import dev.tartan.model.TransactionSource;
import dev.tartan.model.TransactionSyncResult;
import dev.tartan.model.TransactionSyncState;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.TransactionSyncService;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.TaskCenter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The transactions of one Item or processor token: what the vault holds shows at once, a sync
 * (every page, with progress; cancellable) brings it up to date, and filters narrow the list
 * (text, account, dates, pending or posted, category, amount) fast enough for 100,000 rows per
 * keystroke. Transactions that come whole with their subject (an asset report's) are
 * {@linkplain #showFixed shown} the same way, with no sync.
 */
public final class TransactionsViewModel {

    /** Which transactions the status filter keeps. */
    public enum Status { ALL, PENDING, POSTED }

    private final TransactionSyncService transactions;
    private final TaskCenter tasks;
    private final Consumer<CallRecord> callLog;

    private final ObservableList<TransactionRow> rows = FXCollections.observableArrayList();
    private final FilteredList<TransactionRow> filtered = new FilteredList<>(rows, row -> true);
    private final SortedList<TransactionRow> sorted = new SortedList<>(filtered);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.ALL);
    private final ObjectProperty<String> category = new SimpleObjectProperty<>();
    private final ObjectProperty<String> account = new SimpleObjectProperty<>();
    private final BooleanProperty syncable = new SimpleBooleanProperty(true);
    private final ObjectProperty<Double> minAmount = new SimpleObjectProperty<>();
    private final ObjectProperty<Double> maxAmount = new SimpleObjectProperty<>();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final ObjectProperty<TransactionSyncState> state = new SimpleObjectProperty<>();
    private final BooleanProperty syncing = new SimpleBooleanProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ObjectProperty<FailureReport> failure = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty();
    private final ObjectProperty<Map<String, String>> accountNames = new SimpleObjectProperty<>(Map.of());

    private Profile profile;
    private TransactionSource source;
    private CompletableFuture<TransactionSyncResult> currentSync;

    /** @param callLog gets the calls of each sync, on the FX thread, while their source is the one open */
    public TransactionsViewModel(TransactionSyncService transactions, TaskCenter tasks, Consumer<CallRecord> callLog) {
        this.transactions = transactions;
        this.tasks = tasks;
        this.callLog = callLog;
        javafx.beans.InvalidationListener refilter = obs -> filtered.setPredicate(predicate());
        for (javafx.beans.Observable filter : List.<javafx.beans.Observable>of(search, from, to, status, category, account, minAmount, maxAmount)) {
            filter.addListener(refilter);
        }
    }

    /** Shows what the vault holds for {@code source} at once, then syncs it in the background. */
    public void open(Profile forProfile, TransactionSource forSource) {
        cancelSync();
        profile = forProfile;
        source = forSource;
        syncable.set(true);
        rows.clear();
        categories.clear();
        state.set(null);
        failure.set(null);
        notice.set(null);
        if (forSource == null) {
            return;
        }
        loadStored(true);
    }

    /**
     * Shows transactions that came whole with their subject (an asset report's): no sync, the same
     * filters and CSV export. {@code notice} says where they come from.
     */
    public void showFixed(List<TransactionRow> fixed, String fixedNotice) {
        cancelSync();
        source = null;
        syncable.set(false);
        loading.set(false);
        state.set(null);
        failure.set(null);
        notice.set(fixedNotice);
        show(fixed);
    }

    /** Whether the rows come from a sync (an Item, a processor token) rather than whole with their subject. */
    public ReadOnlyBooleanProperty syncableProperty() {
        return syncable;
    }

    private void loadStored(boolean syncAfterwards) {
        TransactionSource current = source;
        loading.set(true);
        CompletableFuture<List<TransactionRow>> stored = transactions.transactions(profile, current);
        CompletableFuture<java.util.Optional<TransactionSyncState>> last = transactions.lastSync(profile, current);
        FxAsync.whenDone(stored.thenCombine(last, Loaded::new), loaded -> {
            if (!Objects.equals(current, source)) {
                return; // the user moved on
            }
            loading.set(false);
            show(loaded.rows());
            state.set(loaded.state().orElse(null));
            if (syncAfterwards) {
                sync();
            }
        }, error -> {
            loading.set(false);
            failure.set(FailureDescriber.describe(error));
        });
    }

    private record Loaded(List<TransactionRow> rows, java.util.Optional<TransactionSyncState> state) {
    }

    private void show(List<TransactionRow> loaded) {
        rows.setAll(loaded);
        TreeSet<String> distinct = new TreeSet<>();
        for (TransactionRow row : loaded) {
            if (row.categoryPrimary() != null) {
                distinct.add(row.categoryPrimary());
            }
        }
        categories.setAll(distinct);
    }

    /** Fetches every page of changes since the last sync (the whole history the first time). */
    public void sync() {
        if (source == null || syncing.get()) {
            return;
        }
        TransactionSource current = source;
        failure.set(null);
        syncing.set(true);
        CompletableFuture<TransactionSyncResult> run = tasks.run("Sync transactions",
                progress -> transactions.sync(profile, current, TransactionSyncService.Mode.AUTOMATIC, progress,
                        call -> FxAsync.runOnFx(() -> {
                            if (Objects.equals(current, source)) {
                                callLog.accept(call);
                            }
                        })));
        currentSync = run;
        FxAsync.whenDone(run, result -> {
            syncing.set(false);
            notice.set(describe(result));
            if (Objects.equals(current, source)) {
                loadStored(false);
            }
        }, error -> {
            syncing.set(false);
            failure.set(FailureDescriber.describe(error));
        });
        run.whenComplete((result, error) -> {
            if (run.isCancelled()) {
                FxAsync.runOnFx(() -> {
                    syncing.set(false);
                    notice.set("Sync cancelled; what was already stored stays.");
                });
            }
        });
    }

    static String describe(TransactionSyncResult result) {
        return String.format("Synced: %,d added, %,d modified, %,d removed in %,d page%s, %.1f s%s.",
                result.added(), result.modified(), result.removed(), result.pages(), result.pages() == 1 ? "" : "s",
                result.duration().toMillis() / 1000.0,
                result.restarts() == 0 ? "" : " (restarted " + result.restarts() + "\u00d7: the data changed while paging)");
    }

    public void cancelSync() {
        CompletableFuture<TransactionSyncResult> run = currentSync;
        if (run != null) {
            run.cancel(true);
        }
    }

    /** Writes the rows the filters show to a CSV file; the notice then says how many. */
    public void exportCsv(Path file) {
        List<TransactionRow> snapshot = List.copyOf(sorted);
        FxAsync.whenDone(tasks.run("Export CSV", () -> transactions.exportCsv(snapshot, file)),
                count -> notice.set(String.format("Exported %,d transactions to %s", count, file)),
                error -> failure.set(FailureDescriber.describe(error)));
    }

    public void clearFilters() {
        search.set("");
        from.set(null);
        to.set(null);
        status.set(Status.ALL);
        category.set(null);
        account.set(null);
        minAmount.set(null);
        maxAmount.set(null);
    }

    /** One predicate over all the filters: a row passes when every filter that is set accepts it. */
    Predicate<TransactionRow> predicate() {
        String needle = search.get() == null ? "" : search.get().strip();
        LocalDate start = from.get();
        LocalDate end = to.get();
        Status wanted = status.get();
        String wantedCategory = category.get();
        String wantedAccount = account.get();
        Double min = minAmount.get();
        Double max = maxAmount.get();
        // Names, merchants and categories repeat across rows (and are shared instances): decide each
        // distinct text once per keystroke, not once per row.
        java.util.Map<String, Boolean> decided = new java.util.IdentityHashMap<>();
        Predicate<String> contains = text -> text != null && decided.computeIfAbsent(text, t -> containsIgnoreCase(t, needle));
        return row -> (needle.isEmpty() || contains.test(row.name()) || contains.test(row.merchantName())
                || contains.test(row.categoryDetailed()) || row.transactionId().equals(needle))
                && (start == null || !row.date().isBefore(start))
                && (end == null || !row.date().isAfter(end))
                && (wanted == Status.ALL || row.pending() == (wanted == Status.PENDING))
                && (wantedCategory == null || wantedCategory.equals(row.categoryPrimary()))
                && (wantedAccount == null || wantedAccount.equals(row.accountId()))
                && (min == null || row.amount() >= min)
                && (max == null || row.amount() <= max);
    }

    /** Case-insensitive "contains" without copying either string: 100,000 rows per keystroke. */
    static boolean containsIgnoreCase(String haystack, String needle) {
        if (haystack == null) {
            return false;
        }
        int max = haystack.length() - needle.length();
        for (int i = 0; i <= max; i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    // --- state for the view -------------------------------------------------------------------

    /** The rows the filters let through, in the table's sort order. */
    public SortedList<TransactionRow> visibleRows() {
        return sorted;
    }

    public ObservableList<TransactionRow> rows() {
        return rows;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<Status> statusProperty() {
        return status;
    }

    public ObjectProperty<String> categoryProperty() {
        return category;
    }

    /** The account_id whose transactions alone are shown; null for every account. */
    public ObjectProperty<String> accountProperty() {
        return account;
    }

    public ObjectProperty<Double> minAmountProperty() {
        return minAmount;
    }

    public ObjectProperty<Double> maxAmountProperty() {
        return maxAmount;
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public ReadOnlyObjectProperty<TransactionSyncState> stateProperty() {
        return state;
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyObjectProperty<FailureReport> failureProperty() {
        return failure;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    /** Account names by account_id, for the Account column. */
    public ReadOnlyObjectProperty<Map<String, String>> accountNamesProperty() {
        return accountNames;
    }

    /** Names the accounts of the open source (from its accounts reply). */
    public void nameAccounts(Map<String, String> names) {
        accountNames.set(java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(names)));
        if (account.get() != null && !names.containsKey(account.get())) {
            account.set(null);
        }
    }
}
