package dev.tartan.ui.transfers;

import dev.tartan.model.CallRecord;
import dev.tartan.model.FailureReport;
import dev.tartan.model.Profile;
import dev.tartan.model.TransferAmount;
import dev.tartan.model.TransferFilter;
import dev.tartan.model.TransferRow;
import dev.tartan.model.TransferSyncResult;
import dev.tartan.model.TransferSyncState;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.TransferSyncService;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.TaskCenter;
import javafx.beans.Observable;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The profile's transfers and refunds as the vault holds them: the newest at once, then all of
 * them, kept current by a catch-up of /transfer/event/sync from the stored cursor (never by listing
 * everything again), then the details events leave out. Filters (status, dates, amount, type,
 * network, account, words of the id, description, user or metadata) narrow the list per keystroke,
 * fast enough for 100,000 rows; what they show exports as CSV. Used on the FX thread.
 */
public final class TransferListViewModel {

    /** Rows read before the rest, so the first screen does not wait for 100,000. */
    static final int FIRST_SCREEN = 200;
    /** Above this many changed rows, a catch-up reads the vault's copy again rather than the changed rows. */
    private static final int RELOAD_ABOVE = 2_000;

    private final TransferSyncService sync;
    private final TaskCenter tasks;
    private final Consumer<CallRecord> callLog;
    private final ZoneId zone;

    private final ObservableList<TransferRow> rows = FXCollections.observableArrayList();
    private final FilteredList<TransferRow> filtered = new FilteredList<>(rows, row -> true);
    private final SortedList<TransferRow> sorted = new SortedList<>(filtered);
    private final ObservableList<TransferRow> refunds = FXCollections.observableArrayList();
    private final FilteredList<TransferRow> filteredRefunds = new FilteredList<>(refunds, row -> true);
    private final SortedList<TransferRow> sortedRefunds = new SortedList<>(filteredRefunds);

    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> status = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty minAmount = new SimpleStringProperty("");
    private final StringProperty maxAmount = new SimpleStringProperty("");
    private final ObjectProperty<String> type = new SimpleObjectProperty<>();
    private final ObjectProperty<String> network = new SimpleObjectProperty<>();
    private final ObjectProperty<String> account = new SimpleObjectProperty<>();
    private final StringProperty filterProblem = new SimpleStringProperty("");
    private final ObservableList<String> accounts = FXCollections.observableArrayList();
    // One read-only view each: a view made per call would lose its listeners once nothing held it.
    private final ObservableList<TransferRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<TransferRow> readOnlyRefunds = FXCollections.unmodifiableObservableList(refunds);
    private final ObservableList<String> readOnlyAccounts = FXCollections.unmodifiableObservableList(accounts);

    private final ObjectProperty<TransferRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<TransferSyncState> state = new SimpleObjectProperty<>();
    private final BooleanProperty syncing = new SimpleBooleanProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ObjectProperty<FailureReport> failure = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty("");

    private Profile profile;
    /** Which opening this is: late answers for another profile are dropped. */
    private long generation;
    private CompletableFuture<?> running;
    private final List<Consumer<Set<String>>> changeListeners = new ArrayList<>();

    /**
     * @param callLog gets the calls of each catch-up (on the FX thread)
     * @param zone    the zone the date filters count days in
     */
    public TransferListViewModel(TransferSyncService sync, TaskCenter tasks, Consumer<CallRecord> callLog, ZoneId zone) {
        this.sync = sync;
        this.tasks = tasks;
        this.callLog = callLog;
        this.zone = zone;
        for (Observable filter : List.<Observable>of(search, status, from, to, minAmount, maxAmount, type, network, account)) {
            filter.addListener(obs -> refilter());
        }
    }

    // --- opening and keeping current -----------------------------------------------------------

    /**
     * Shows the profile's transfers: the newest the vault holds at once, then all of them; then
     * catches up with the events (the very first time, one /transfer/list page shows first).
     */
    public void open(Profile forProfile) {
        cancel();
        generation++;
        profile = forProfile;
        rows.clear();
        refunds.clear();
        accounts.clear();
        selected.set(null);
        state.set(null);
        failure.set(null);
        notice.set("");
        if (forProfile == null) {
            return;
        }
        long asked = generation;
        loading.set(true);
        whenCurrent(asked, sync.newest(forProfile, FIRST_SCREEN), newest -> {
            if (rows.isEmpty()) {
                rows.setAll(newest);
            }
            whenCurrent(asked, sync.rows(forProfile).thenCombine(sync.state(forProfile), Stored::new), stored -> {
                loading.set(false);
                show(stored.rows());
                state.set(stored.state().orElse(null));
                if (stored.state().isEmpty()) {
                    firstPageThenSync(asked);
                } else {
                    sync();
                }
            });
        });
    }

    private record Stored(List<TransferRow> rows, java.util.Optional<TransferSyncState> state) {
    }

    /** A profile never synced: one page of the newest transfers first, while the catch-up of every event runs. */
    private void firstPageThenSync(long asked) {
        whenCurrent(asked, sync.firstPage(profile, call -> FxAsync.runOnFx(() -> log(asked, call))), page -> {
            if (rows.isEmpty()) {
                rows.setAll(page);
            }
            sync();
        });
    }

    /** Catches up with every event since the stored cursor; then reads the details the new transfers lack. */
    public void sync() {
        if (profile == null || syncing.get()) {
            return;
        }
        long asked = generation;
        Profile current = profile;
        syncing.set(true);
        failure.set(null);
        CompletableFuture<TransferSyncResult> run = tasks.run("Sync transfer events",
                progress -> sync.sync(current, progress, call -> FxAsync.runOnFx(() -> log(asked, call))));
        running = run;
        FxAsync.whenDone(run, result -> {
            if (asked != generation) {
                return;
            }
            state.set(result.state());
            notice.set(describe(result));
            if (result.changed().size() > RELOAD_ABOVE) {
                reloadAll(asked, () -> afterSync(asked, result));
            } else {
                whenCurrent(asked, sync.find(current, result.changed()), found -> {
                    apply(found.values());
                    afterSync(asked, result);
                });
            }
        }, error -> {
            if (asked == generation) {
                syncing.set(false);
                failure.set(FailureDescriber.describe(error));
            }
        });
        run.whenComplete((result, error) -> {
            if (run.isCancelled()) {
                FxAsync.runOnFx(() -> {
                    if (asked == generation) {
                        syncing.set(false);
                        notice.set("Sync cancelled; what was already stored stays, with its cursor.");
                    }
                });
            }
        });
    }

    private void afterSync(long asked, TransferSyncResult result) {
        syncing.set(false);
        changeListeners.forEach(listener -> listener.accept(result.changed()));
        if (result.state().undetailed() > 0) {
            fillDetails(asked);
        }
    }

    private void fillDetails(long asked) {
        Profile current = profile;
        CompletableFuture<Integer> run = tasks.run("Read transfer details",
                progress -> sync.fillDetails(current, progress, call -> FxAsync.runOnFx(() -> log(asked, call))));
        running = run;
        FxAsync.whenDone(run, filled -> {
            if (asked == generation && filled > 0) {
                reloadAll(asked, () -> whenCurrent(asked, sync.state(current), now -> state.set(now.orElse(null))));
            }
        }, error -> {
            if (asked == generation) {
                failure.set(FailureDescriber.describe(error));
            }
        });
    }

    private void reloadAll(long asked, Runnable then) {
        whenCurrent(asked, sync.rows(profile), all -> {
            show(all);
            then.run();
        });
    }

    static String describe(TransferSyncResult result) {
        if (result.events() == 0) {
            return "Up to date: no new transfer events.";
        }
        return String.format(Locale.ROOT, "Synced %,d event%s in %,d page%s (%,d transfer%s changed, %,d new), %.1f s.",
                result.events(), result.events() == 1 ? "" : "s", result.pages(), result.pages() == 1 ? "" : "s",
                result.changed().size(), result.changed().size() == 1 ? "" : "s", result.added(), result.duration().toMillis() / 1000.0);
    }

    /** Stops a catch-up or details read under way; what was stored stays. */
    public void cancel() {
        CompletableFuture<?> run = running;
        if (run != null) {
            run.cancel(true);
        }
    }

    /** Rows read again elsewhere (a transfer just made, cancelled or refunded) take the place of the old ones. */
    public void apply(Collection<TransferRow> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<TransferRow> transfers = changed.stream().filter(row -> !row.isRefund()).toList();
        List<TransferRow> refundRows = changed.stream().filter(TransferRow::isRefund).toList();
        if (!transfers.isEmpty()) {
            rows.setAll(TransferRow.merged(rows, transfers));
            noteAccounts(transfers);
        }
        if (!refundRows.isEmpty()) {
            refunds.setAll(TransferRow.merged(refunds, refundRows));
        }
        TransferRow open = selected.get();
        if (open != null) {
            changed.stream().filter(row -> row.id().equals(open.id())).findFirst().ifPresent(selected::set);
        }
    }

    /** Told, on the FX thread, of the ids each catch-up changed. */
    public void onChanged(Consumer<Set<String>> listener) {
        changeListeners.add(listener);
    }

    private void show(List<TransferRow> all) {
        List<TransferRow> transfers = new ArrayList<>(all.size());
        List<TransferRow> refundRows = new ArrayList<>();
        for (TransferRow row : all) {
            (row.isRefund() ? refundRows : transfers).add(row);
        }
        rows.setAll(transfers);
        refunds.setAll(refundRows);
        accounts.clear();
        noteAccounts(transfers);
        TransferRow open = selected.get();
        if (open != null) {
            transfers.stream().filter(row -> row.id().equals(open.id())).findFirst().ifPresent(selected::set);
        }
    }

    private void noteAccounts(List<TransferRow> transfers) {
        TreeSet<String> distinct = new TreeSet<>(accounts);
        transfers.forEach(row -> {
            if (row.accountId() != null) {
                distinct.add(row.accountId());
            }
        });
        if (distinct.size() != accounts.size()) {
            accounts.setAll(distinct);
        }
    }

    /** Writes the transfers the filters show to a CSV file; the notice then says how many. */
    public void exportCsv(Path file) {
        export(List.copyOf(sorted), file);
    }

    /** Writes the refunds the filters show to a CSV file. */
    public void exportRefundsCsv(Path file) {
        export(List.copyOf(sortedRefunds), file);
    }

    private void export(List<TransferRow> snapshot, Path file) {
        FxAsync.whenDone(tasks.run("Export transfers (CSV)", () -> sync.exportCsv(snapshot, file)),
                count -> notice.set(String.format(Locale.ROOT, "Exported %,d rows to %s", count, file)),
                error -> failure.set(FailureDescriber.describe(error)));
    }

    private void log(long asked, CallRecord call) {
        if (asked == generation) {
            callLog.accept(call);
        }
    }

    private <T> void whenCurrent(long asked, CompletableFuture<T> future, Consumer<T> then) {
        FxAsync.whenDone(future, value -> {
            if (asked == generation) {
                then.accept(value);
            }
        }, error -> {
            if (asked == generation) {
                loading.set(false);
                syncing.set(false);
                failure.set(FailureDescriber.describe(error));
            }
        });
    }

    // --- the filters ------------------------------------------------------------------------------

    /** The filters as set now; amounts that do not read as amounts are left out (and {@link #filterProblemProperty} says so). */
    public TransferFilter filter() {
        List<String> problems = new ArrayList<>();
        Long min = cents(minAmount.get(), "The smallest amount", problems);
        Long max = cents(maxAmount.get(), "The largest amount", problems);
        filterProblem.set(String.join(" ", problems));
        return new TransferFilter(status.get() == null ? Set.of() : Set.of(status.get()), from.get(), to.get(), min, max, type.get(),
                network.get(), account.get(), search.get());
    }

    private static Long cents(String typed, String what, List<String> problems) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return TransferAmount.parse(typed, what);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private void refilter() {
        TransferFilter filter = filter();
        Predicate<TransferRow> test = filter.predicate(zone);
        filtered.setPredicate(filter.isEmpty() ? null : test);
        TransferFilter refundFilter = new TransferFilter(filter.statuses(), filter.from(), filter.to(), filter.minCents(),
                filter.maxCents(), null, null, null, filter.text());
        filteredRefunds.setPredicate(refundFilter.isEmpty() ? null : refundFilter.predicate(zone));
    }

    public void clearFilters() {
        search.set("");
        status.set(null);
        from.set(null);
        to.set(null);
        minAmount.set("");
        maxAmount.set("");
        type.set(null);
        network.set(null);
        account.set(null);
    }

    // --- state for the view -------------------------------------------------------------------

    /** The transfers the filters let through, in the table's order. */
    public SortedList<TransferRow> visibleRows() {
        return sorted;
    }

    /** Every transfer held (refunds apart). */
    public ObservableList<TransferRow> rows() {
        return readOnlyRows;
    }

    /** The refunds the filters let through (words, status, dates, amounts). */
    public SortedList<TransferRow> visibleRefunds() {
        return sortedRefunds;
    }

    public ObservableList<TransferRow> refunds() {
        return readOnlyRefunds;
    }

    /** The refunds of one transfer the vault holds. */
    public List<TransferRow> refundsOf(String transferId) {
        return refunds.stream().filter(row -> row.transferId().equals(transferId)).toList();
    }

    /** The transfer picked in the list (null: none). */
    public ObjectProperty<TransferRow> selectedProperty() {
        return selected;
    }

    /** Picks the listed transfer of this id; false when the list does not hold it. */
    public boolean select(String transferId) {
        for (TransferRow row : rows) {
            if (row.id().equals(transferId)) {
                selected.set(row);
                return true;
            }
        }
        return false;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty minAmountProperty() {
        return minAmount;
    }

    public StringProperty maxAmountProperty() {
        return maxAmount;
    }

    public ObjectProperty<String> typeProperty() {
        return type;
    }

    public ObjectProperty<String> networkProperty() {
        return network;
    }

    public ObjectProperty<String> accountProperty() {
        return account;
    }

    /** Why a typed amount is left out of the filter; "" when none is. */
    public ReadOnlyStringProperty filterProblemProperty() {
        return filterProblem;
    }

    /** The accounts the transfers move money with, for the account filter. */
    public ObservableList<String> accounts() {
        return readOnlyAccounts;
    }

    public ReadOnlyObjectProperty<TransferSyncState> stateProperty() {
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

    public Profile profile() {
        return profile;
    }

    boolean isOpenFor(Profile other) {
        return Objects.equals(profile, other);
    }
}
