package dev.tartan.ui.watchlist;

import dev.tartan.model.AssigneeFilter;
import dev.tartan.model.DashboardUser;
import dev.tartan.model.Profile;
import dev.tartan.model.Screening;
import dev.tartan.model.ScreeningQuery;
import dev.tartan.model.ScreeningStatus;
import dev.tartan.model.TextQuery;
import dev.tartan.model.WatchlistProgram;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.WatchlistExport;
import dev.tartan.service.WatchlistService;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.TaskCenter;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The reviewer's queue, on the left of the Watchlist pane: every screening of every program of the
 * profile, listed page by page through each program's cursors (the first page shows while the rest
 * come), oldest first; narrowed by status (with counts), program, assignee (me, unassigned, anyone)
 * and the text typed, all in memory so each keystroke is quick however long the queue. Also the
 * programs and Dashboard users (cached copy first), which reviewer the user is, the screening
 * selected and moving through the queue, and the CSV export. Used on the FX thread.
 */
public final class QueueViewModel {

    private final WatchlistService watchlist;
    private final WatchlistExport export;
    private final TaskCenter tasks;
    private final ReadOnlyObjectProperty<Profile> profile;

    private final ObservableList<WatchlistProgram> programs = FXCollections.observableArrayList();
    private final ObservableList<DashboardUser> users = FXCollections.observableArrayList();
    private final ObjectProperty<DashboardUser> me = new SimpleObjectProperty<>();

    private final ObservableList<Screening> rows = FXCollections.observableArrayList();
    private final FilteredList<Screening> visible = new FilteredList<>(rows, row -> true);
    /**
     * The place a screening keeps while the queue is open: when it was last changed as first listed
     * (Plaid's timestamps are to the second), then the order it was listed in (a program lists the
     * oldest first).
     */
    private record Place(Instant since, long listed) implements Comparable<Place> {
        @Override
        public int compareTo(Place other) {
            int byTime = since.compareTo(other.since);
            return byTime != 0 ? byTime : Long.compare(listed, other.listed);
        }
    }

    private final Map<String, Place> waitingSince = new HashMap<>();
    private long listedCount;
    private final Comparator<Screening> order = Comparator
            .comparing((Screening row) -> waitingSince.getOrDefault(row.id(), new Place(Instant.MAX, Long.MAX_VALUE)));

    private final ObjectProperty<ScreeningStatus> status = new SimpleObjectProperty<>(ScreeningStatus.PENDING_REVIEW);
    private final ObjectProperty<WatchlistProgram> program = new SimpleObjectProperty<>();
    private final ObjectProperty<AssigneeFilter> assignee = new SimpleObjectProperty<>(AssigneeFilter.ANYONE);
    private final StringProperty search = new SimpleStringProperty("");
    private final Map<ScreeningStatus, IntegerProperty> counts = new EnumMap<>(ScreeningStatus.class);

    private final ObjectProperty<Outcome<String>> loading = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<Outcome<String>> exporting = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<Screening> selected = new SimpleObjectProperty<>();

    private CompletableFuture<Integer> listing;
    private long generation;
    private boolean loadedOnce;

    public QueueViewModel(WatchlistService watchlist, WatchlistExport export, TaskCenter tasks, ReadOnlyObjectProperty<Profile> profile) {
        this.watchlist = watchlist;
        this.export = export;
        this.tasks = tasks;
        this.profile = profile;
        for (ScreeningStatus each : ScreeningStatus.values()) {
            counts.put(each, new SimpleIntegerProperty());
        }
        status.addListener((obs, old, now) -> refilter());
        program.addListener((obs, old, now) -> refilter());
        assignee.addListener((obs, old, now) -> refilter());
        search.addListener((obs, old, now) -> refilter());
        me.addListener((obs, old, now) -> {
            if (assignee.get() == AssigneeFilter.ME) {
                refilter();
            }
        });
        profile.addListener((obs, old, now) -> {
            // Another profile's screenings are not shown, not even while its own queue loads.
            selected.set(null);
            rows.clear();
            programs.clear();
            users.clear();
            me.set(null);
            if (loadedOnce) {
                reload();
            }
        });
    }

    // --- loading -----------------------------------------------------------------------------------------

    /** Loads the queue the first time the pane is shown. */
    public void loadIfNeeded() {
        if (!loadedOnce) {
            reload();
        }
    }

    /**
     * Lists the queue again: the programs (the vault's copy first, so the first page needs one call),
     * the reviewers, then every program's screenings, a page at a time.
     */
    public void reload() {
        loadedOnce = true;
        Profile current = profile.get();
        if (listing != null) {
            listing.cancel(true);
        }
        long asked = ++generation;
        if (current == null) {
            loading.set(Outcome.empty("No profile is active."));
            return;
        }
        loading.set(Outcome.loading("Listing the programs\u2026"));
        loadReviewers(current, asked);
        FxAsync.whenDone(watchlist.cachedPrograms(current), cached -> {
            if (asked != generation) {
                return;
            }
            if (cached.isPresent() && !cached.get().isEmpty()) {
                programs.setAll(cached.get());
                listScreenings(current, asked, cached.get());
                // Programs change rarely; a fresh list still replaces the cached one.
                FxAsync.whenDone(watchlist.programs(current, call -> { }), fresh -> {
                    if (asked == generation && !fresh.equals(List.copyOf(programs))) {
                        programs.setAll(fresh);
                        listScreenings(current, asked, fresh);
                    }
                }, error -> { });
            } else {
                listPrograms(current, asked);
            }
        }, error -> listPrograms(current, asked));
    }

    private void listPrograms(Profile current, long asked) {
        FxAsync.whenDone(watchlist.programs(current, call -> { }), fresh -> {
            if (asked == generation) {
                programs.setAll(fresh);
                listScreenings(current, asked, fresh);
            }
        }, error -> {
            if (asked == generation) {
                loading.set(Outcome.failed(FailureDescriber.describe(error)));
            }
        });
    }

    private void loadReviewers(Profile current, long asked) {
        FxAsync.whenDone(watchlist.cachedDashboardUsers(current), cached -> {
            if (asked == generation && users.isEmpty()) {
                cached.ifPresent(this::setUsers);
            }
        }, error -> { });
        FxAsync.whenDone(watchlist.dashboardUsers(current, call -> { }), fresh -> {
            if (asked == generation) {
                setUsers(fresh);
            }
        }, error -> { }); // without reviewers the queue still works; assigning says why it cannot
        FxAsync.whenDone(watchlist.reviewer(current), id -> {
            if (asked == generation) {
                rememberedReviewer = id.orElse(null);
                pickMe();
            }
        }, error -> { });
    }

    private String rememberedReviewer;

    private void setUsers(List<DashboardUser> list) {
        users.setAll(list);
        pickMe();
    }

    private void pickMe() {
        if (rememberedReviewer != null && (me.get() == null || !me.get().id().equals(rememberedReviewer))) {
            users.stream().filter(user -> user.id().equals(rememberedReviewer)).findFirst().ifPresent(me::set);
        }
    }

    private void listScreenings(Profile current, long asked, List<WatchlistProgram> listed) {
        if (listing != null) {
            listing.cancel(true);
        }
        List<WatchlistProgram> open = listed.stream().filter(each -> !each.archived()).toList();
        List<Screening> arriving = new ArrayList<>();
        int[] count = {0};
        loading.set(Outcome.loading("Listing the screenings of " + open.size() + " programs\u2026"));
        boolean[] first = {true};
        listing = tasks.run("Listing watchlist screenings", () -> watchlist.queue(current, open, page -> FxAsync.runOnFx(() -> {
            if (asked != generation) {
                return;
            }
            if (first[0]) {
                // The first page replaces what an earlier listing showed; later pages add to it.
                first[0] = false;
                waitingSince.clear();
                rows.clear();
            }
            arriving.clear();
            arriving.addAll(page);
            merge(arriving);
            count[0] += page.size();
            loading.set(Outcome.loading(String.format("Listing screenings\u2026 %,d so far", count[0])));
        }), call -> { }));
        FxAsync.whenDone(listing, total -> {
            if (asked == generation) {
                if (first[0]) {
                    rows.clear();
                }
                loading.set(Outcome.data(String.format("%,d screenings in %d programs", total, open.size()), Instant.now(), false));
            }
        }, error -> {
            if (asked == generation) {
                loading.set(Outcome.failed(FailureDescriber.describe(error)));
            }
        });
    }

    /** Adds a page: screenings listed before are replaced in place, the others merged in by age. */
    private void merge(List<Screening> page) {
        List<Screening> fresh = new ArrayList<>(page.size());
        Map<String, Screening> byId = new HashMap<>();
        for (Screening screening : page) {
            if (waitingSince.containsKey(screening.id())) {
                byId.put(screening.id(), screening);
            } else {
                waitingSince.put(screening.id(), new Place(screening.changedAt() == null ? Instant.MAX : screening.changedAt(),
                        listedCount++));
                fresh.add(screening);
            }
        }
        if (!byId.isEmpty()) {
            for (int i = 0; i < rows.size(); i++) {
                Screening newer = byId.get(rows.get(i).id());
                if (newer != null) {
                    rows.set(i, newer);
                }
            }
        }
        if (fresh.isEmpty()) {
            recount();
            return;
        }
        fresh.sort(order);
        List<Screening> merged = new ArrayList<>(rows.size() + fresh.size());
        int i = 0;
        int j = 0;
        while (i < rows.size() || j < fresh.size()) {
            if (j >= fresh.size() || (i < rows.size() && order.compare(rows.get(i), fresh.get(j)) <= 0)) {
                merged.add(rows.get(i++));
            } else {
                merged.add(fresh.get(j++));
            }
        }
        rows.setAll(merged);
        recount();
        Screening open = selected.get();
        if (open != null && byId.containsKey(open.id())) {
            selected.set(byId.get(open.id()));
        }
    }

    /** Where the listing stands: under way (how many so far), done (how many), or why it failed. */
    public ReadOnlyObjectProperty<Outcome<String>> loadingProperty() {
        return loading;
    }

    // --- the rows and their filters -----------------------------------------------------------------------

    /** The screenings that pass the filters, oldest first. */
    public FilteredList<Screening> visibleRows() {
        return visible;
    }

    /** Every screening listed, oldest first. */
    public ObservableList<Screening> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The status shown (null: every status). */
    public ObjectProperty<ScreeningStatus> statusProperty() {
        return status;
    }

    /** The program shown (null: every program). */
    public ObjectProperty<WatchlistProgram> programProperty() {
        return program;
    }

    public ObjectProperty<AssigneeFilter> assigneeProperty() {
        return assignee;
    }

    /** What the user typed: a name, a client_user_id or an id. */
    public StringProperty searchProperty() {
        return search;
    }

    /** How many screenings of {@code each} status pass the other filters. */
    public ReadOnlyIntegerProperty countProperty(ScreeningStatus each) {
        return counts.get(each);
    }

    /** The filters as they stand. */
    public ScreeningQuery query() {
        DashboardUser reviewer = me.get();
        return new ScreeningQuery(status.get(), program.get() == null ? null : program.get().id(), assignee.get(),
                reviewer == null ? null : reviewer.id(), TextQuery.of(search.get()));
    }

    private void refilter() {
        ScreeningQuery query = query();
        visible.setPredicate(query::matches);
        recount(query);
    }

    private void recount() {
        recount(query());
    }

    private void recount(ScreeningQuery query) {
        int[] tally = new int[ScreeningStatus.values().length];
        for (Screening row : rows) {
            if (query.matchesAllButStatus(row)) {
                tally[row.status().ordinal()]++;
            }
        }
        for (ScreeningStatus each : ScreeningStatus.values()) {
            counts.get(each).set(tally[each.ordinal()]);
        }
    }

    // --- programs and reviewers ---------------------------------------------------------------------------

    /** Every program of the profile, individual first. */
    public ObservableList<WatchlistProgram> programs() {
        return FXCollections.unmodifiableObservableList(programs);
    }

    /** The team's Dashboard users. */
    public ObservableList<DashboardUser> users() {
        return FXCollections.unmodifiableObservableList(users);
    }

    /** The Dashboard user the reviewer is ("assigned to me"), or null before they say. */
    public ReadOnlyObjectProperty<DashboardUser> meProperty() {
        return me;
    }

    /** Says which Dashboard user the reviewer is, remembered for the profile. */
    public void chooseMe(DashboardUser user) {
        me.set(user);
        rememberedReviewer = user == null ? null : user.id();
        Profile current = profile.get();
        if (current != null) {
            FxAsync.whenDone(watchlist.rememberReviewer(current, rememberedReviewer), done -> { }, error -> { });
        }
    }

    /** A program by its id, if listed. */
    public Optional<WatchlistProgram> programOf(String id) {
        return programs.stream().filter(each -> each.id().equals(id)).findFirst();
    }

    /** A program's name, or its id when not listed. */
    public String programName(String id) {
        return programOf(id).map(WatchlistProgram::name).orElse(id);
    }

    /** A Dashboard user's email, or their id when not listed. */
    public String userName(String id) {
        return id == null ? null : users.stream().filter(user -> user.id().equals(id)).findFirst()
                .map(DashboardUser::emailAddress).orElse(id);
    }

    /** Dashboard user ids to emails. */
    public Map<String, String> userNames() {
        Map<String, String> names = new HashMap<>();
        users.forEach(user -> names.put(user.id(), user.emailAddress()));
        return names;
    }

    // --- the selection and moving through the queue ---------------------------------------------------------

    /** The screening open on the right, or null. */
    public ReadOnlyObjectProperty<Screening> selectedProperty() {
        return selected;
    }

    /** Opens a screening (null: none). */
    public void select(Screening screening) {
        selected.set(screening);
    }

    /** Opens the next screening of the visible queue (the first when none is open). */
    public void next() {
        move(1);
    }

    /** Opens the previous screening of the visible queue. */
    public void previous() {
        move(-1);
    }

    private void move(int step) {
        if (visible.isEmpty()) {
            return;
        }
        int at = indexOfSelected();
        int target = at < 0 ? (step > 0 ? 0 : visible.size() - 1) : Math.max(0, Math.min(visible.size() - 1, at + step));
        select(visible.get(target));
    }

    private int indexOfSelected() {
        Screening open = selected.get();
        if (open == null) {
            return -1;
        }
        for (int i = 0; i < visible.size(); i++) {
            if (visible.get(i).id().equals(open.id())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The pending screening a reviewer goes to after {@code after}: the next one below it in the
     * visible queue, else the first from the top; null when no other is pending.
     */
    public Screening pendingAfter(Screening after) {
        int start = -1;
        if (after != null) {
            for (int i = 0; i < visible.size(); i++) {
                if (visible.get(i).id().equals(after.id())) {
                    start = i;
                    break;
                }
            }
        }
        for (int k = 1; k <= visible.size(); k++) {
            Screening candidate = visible.get(Math.floorMod(start + k, visible.size()));
            if (candidate.status() == ScreeningStatus.PENDING_REVIEW && (after == null || !candidate.id().equals(after.id()))) {
                return candidate;
            }
        }
        return null;
    }

    /** A screening changed (an action, a review): its row shows the new version, in the place it had. */
    public void replace(Screening changed) {
        boolean listed = false;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(changed.id())) {
                rows.set(i, changed);
                listed = true;
                break;
            }
        }
        if (!listed) {
            add(changed);
            return;
        }
        recount();
        if (selected.get() != null && selected.get().id().equals(changed.id())) {
            selected.set(changed);
        }
    }

    /** A screening made here, or opened by its id: listed (at the end, as the newest) and opened. */
    public void add(Screening screening) {
        if (waitingSince.containsKey(screening.id())) {
            replace(screening);
        } else {
            merge(List.of(screening));
        }
    }

    /** Shows {@code screening} whatever the filters, and opens it. */
    public void reveal(Screening screening) {
        add(screening);
        if (!query().matches(screening)) {
            search.set("");
            assignee.set(AssigneeFilter.ANYONE);
            program.set(null);
            status.set(screening.status());
        }
        select(rows.stream().filter(row -> row.id().equals(screening.id())).findFirst().orElse(screening));
    }

    /** The listed screening with this id, if any. */
    public Optional<Screening> find(String id) {
        return rows.stream().filter(row -> row.id().equals(id)).findFirst();
    }

    // --- export -------------------------------------------------------------------------------------------

    /** The outcome of the last export. */
    public ReadOnlyObjectProperty<Outcome<String>> exportProperty() {
        return exporting;
    }

    /** Writes the visible queue, with each screening's hits and last review, to {@code file} as CSV. */
    public void exportCsv(Path file) {
        Profile current = profile.get();
        if (current == null || exporting.get().isLoading()) {
            return;
        }
        List<Screening> shown = List.copyOf(visible);
        exporting.set(Outcome.loading(String.format("Exporting %,d screenings\u2026", shown.size())));
        CompletableFuture<Integer> written = tasks.run("Exporting the watchlist queue", progress ->
                export.exportCsv(current, shown, List.copyOf(programs), userNames(), file, progress));
        FxAsync.whenDone(written, count -> exporting.set(Outcome.data(String.format("%,d screenings written to %s", count,
                file.toAbsolutePath()), Instant.now(), false)), error -> exporting.set(Outcome.failed(FailureDescriber.describe(error))));
    }

    /** The profile the queue is of. */
    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return profile;
    }
}
