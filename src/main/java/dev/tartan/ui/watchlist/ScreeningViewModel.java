package dev.tartan.ui.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.CallRecord;
import dev.tartan.model.DashboardUser;
import dev.tartan.model.HitComparison;
import dev.tartan.model.HitDecision;
import dev.tartan.model.Profile;
import dev.tartan.model.ReviewPlan;
import dev.tartan.model.Screening;
import dev.tartan.model.ScreeningEvent;
import dev.tartan.model.ScreeningHit;
import dev.tartan.model.WatchlistProgram;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.WatchlistReplies;
import dev.tartan.service.WatchlistReviewService;
import dev.tartan.service.WatchlistService;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.data.Outcome;
import dev.tartan.ui.common.data.SubjectLoader;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The screening open on the right of the Watchlist pane: its hits (every page; the vault's copy
 * first), the one looked at laid beside the search terms field by field, the reviewer's decisions
 * on pending hits until the review is sent, the timeline of versions and reviews, and the actions
 * (review, assign, change program, change status, edit search terms, the emulator's rescan). Holds
 * no controls. Used on the FX thread.
 */
public final class ScreeningViewModel {

    private final PaneServices pane;
    private final WatchlistService watchlist;
    private final WatchlistReviewService changes;
    private final QueueViewModel queue;
    private final SubjectLoader loader;

    private final ObjectProperty<Screening> screening = new SimpleObjectProperty<>();
    private final ObjectProperty<Outcome<JsonNode>> hitsState = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObservableList<ScreeningHit> hits = FXCollections.observableArrayList();
    private final ObjectProperty<ScreeningHit> hit = new SimpleObjectProperty<>();
    private final ObjectProperty<List<HitComparison.Row>> comparison = new SimpleObjectProperty<>(List.of());
    private final ObservableMap<String, HitDecision> decisions = FXCollections.observableHashMap();
    private final ObjectProperty<ReviewPlan> plan = new SimpleObjectProperty<>(ReviewPlan.of(List.of(), Map.of()));
    private final ObjectProperty<Outcome<List<ScreeningEvent>>> timeline = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<Outcome<String>> action = new SimpleObjectProperty<>(Outcome.nothing());

    /** Hears of every change made to a screening here (to update its row). */
    private Consumer<Screening> onChanged = changed -> { };
    /** Hears of each review sent (to move on to the next pending screening). */
    private Consumer<Screening> onReviewed = reviewed -> { };

    public ScreeningViewModel(PaneServices pane, WatchlistService watchlist, WatchlistReviewService changes, QueueViewModel queue) {
        this.pane = pane;
        this.watchlist = watchlist;
        this.changes = changes;
        this.queue = queue;
        this.loader = pane.subjectLoader(FailureDescriber::describe);
        hitsState.addListener((obs, old, state) -> showHits(state));
        hit.addListener((obs, old, now) -> compare());
        screening.addListener((obs, old, now) -> compare());
        decisions.addListener((MapChangeListener<String, HitDecision>) change -> replan());
    }

    void onChanged(Consumer<Screening> listener) {
        this.onChanged = listener;
    }

    void onReviewed(Consumer<Screening> listener) {
        this.onReviewed = listener;
    }

    // --- opening ----------------------------------------------------------------------------------------

    /** The screening open, as last read; null when none is. */
    public ReadOnlyObjectProperty<Screening> screeningProperty() {
        return screening;
    }

    /**
     * Opens {@code opened} (null: none): its hits and timeline load at once. The same screening
     * again is an update: what it shows stays, the decisions too.
     */
    public void open(Screening opened) {
        Screening shown = screening.get();
        if (opened != null && shown != null && opened.id().equals(shown.id())) {
            screening.set(opened);
            return;
        }
        Profile current = pane.profile().get();
        loader.open(current);
        decisions.clear();
        hits.clear();
        hit.set(null);
        hitsState.set(Outcome.nothing());
        timeline.set(Outcome.nothing());
        action.set(Outcome.nothing());
        screening.set(opened);
        if (opened == null || current == null) {
            return;
        }
        CompletableFuture<CachedCalls.Fetched> hitRead = loadHits();
        loadTimeline();
        loader.trackOpening("Opening " + opened.name(), List.of(hitRead));
        prefetchNext(opened);
    }

    /** Reads the hits of the pending screening a review here would lead to, so that it opens at once. */
    private void prefetchNext(Screening opened) {
        Screening next = queue.pendingAfter(opened);
        Profile current = loader.profile();
        if (next != null && current != null) {
            loader.whenCurrent(watchlist.prefetchHits(current, next), fetched -> { }, failure -> { });
        }
    }

    /** Loads the hits again (their failure's "Try again"). */
    public CompletableFuture<CachedCalls.Fetched> loadHits() {
        Screening open = screening.get();
        Profile current = loader.profile();
        if (open == null || current == null) {
            return CompletableFuture.completedFuture(null);
        }
        return loader.read(hitsState, "Listing the hits\u2026", () -> watchlist.cachedHits(current, open),
                log -> watchlist.hits(current, open, log),
                reply -> reply.path(open.kind().hitsField()).isEmpty() ? "No watchlist entry matches this "
                        + (open.kind().word().equals("individual") ? "person" : "organisation") + ": nothing to review." : null,
                fetched -> { });
    }

    /** Loads the timeline again. */
    public void loadTimeline() {
        Screening open = screening.get();
        Profile current = loader.profile();
        if (open == null || current == null) {
            return;
        }
        timeline.set(Outcome.loading("Reading the history and reviews\u2026"));
        loader.whenCurrent(watchlist.timeline(current, open, queue.userNames(), loader.callLog()),
                events -> timeline.set(events.isEmpty() ? Outcome.empty("Nothing recorded yet.")
                        : Outcome.data(events, Instant.now(), false)),
                failure -> timeline.set(Outcome.failed(failure)));
    }

    // --- hits ---------------------------------------------------------------------------------------------

    /** The hits' read: loading, the reply, none, or its failure. */
    public ReadOnlyObjectProperty<Outcome<JsonNode>> hitsStateProperty() {
        return hitsState;
    }

    /** The hits, best first as Plaid gives them. */
    public ObservableList<ScreeningHit> hits() {
        return FXCollections.unmodifiableObservableList(hits);
    }

    private void showHits(Outcome<JsonNode> state) {
        Screening open = screening.get();
        if (open == null || state == null) {
            return;
        }
        if (state.phase() == Outcome.Phase.EMPTY) {
            hits.clear();
            hit.set(null);
        }
        if (!state.hasData()) {
            return;
        }
        String looking = hit.get() == null ? null : hit.get().id();
        List<ScreeningHit> fresh = WatchlistReplies.hits(open.kind(), state.data());
        hits.setAll(fresh);
        // A decision stands only for a hit still pending.
        decisions.keySet().removeIf(id -> fresh.stream().noneMatch(each -> each.id().equals(id) && each.isPending()));
        hit.set(fresh.stream().filter(each -> each.id().equals(looking)).findFirst()
                .or(() -> fresh.stream().filter(ScreeningHit::isPending).findFirst())
                .or(() -> fresh.stream().findFirst()).orElse(null));
        replan();
    }

    /** The hit being looked at. */
    public ReadOnlyObjectProperty<ScreeningHit> hitProperty() {
        return hit;
    }

    public void selectHit(ScreeningHit chosen) {
        hit.set(chosen);
    }

    /** Looks at the next hit. */
    public void nextHit() {
        moveHit(1);
    }

    /** Looks at the previous hit. */
    public void previousHit() {
        moveHit(-1);
    }

    private void moveHit(int step) {
        if (hits.isEmpty()) {
            return;
        }
        int at = hit.get() == null ? -1 : hits.indexOf(hit.get());
        int target = at < 0 ? 0 : Math.max(0, Math.min(hits.size() - 1, at + step));
        hit.set(hits.get(target));
    }

    /** The hit looked at beside the search terms, field by field. */
    public ReadOnlyObjectProperty<List<HitComparison.Row>> comparisonProperty() {
        return comparison;
    }

    private void compare() {
        Screening open = screening.get();
        ScreeningHit looked = hit.get();
        comparison.set(open == null || looked == null ? List.of() : HitComparison.of(open.terms(), looked));
    }

    // --- decisions and the review ------------------------------------------------------------------------

    /** What the reviewer decided on pending hits, by hit id, not sent yet. */
    public ObservableMap<String, HitDecision> decisions() {
        return FXCollections.unmodifiableObservableMap(decisions);
    }

    /** Decides {@code hitIds} (those still pending); null undoes their decision. */
    public void decide(Collection<String> hitIds, HitDecision decision) {
        for (String id : hitIds) {
            boolean pending = hits.stream().anyMatch(each -> each.id().equals(id) && each.isPending());
            if (!pending) {
                continue;
            }
            if (decision == null) {
                decisions.remove(id);
            } else {
                decisions.put(id, decision);
            }
        }
    }

    /** Decides the hit looked at. */
    public void decideCurrent(HitDecision decision) {
        ScreeningHit looked = hit.get();
        if (looked != null) {
            decide(List.of(looked.id()), decision);
        }
    }

    /** Dismisses every pending hit not decided yet. */
    public void dismissAllRemaining() {
        for (ScreeningHit each : hits) {
            if (each.isPending() && !decisions.containsKey(each.id())) {
                decisions.put(each.id(), HitDecision.DISMISS);
            }
        }
    }

    /** The review the decisions make, and the status it will leave. */
    public ReadOnlyObjectProperty<ReviewPlan> planProperty() {
        return plan;
    }

    private void replan() {
        plan.set(ReviewPlan.of(List.copyOf(hits), Map.copyOf(decisions)));
    }

    /** The review dialog's form for the open screening and the decisions made; null when none is open. */
    public ReviewFormViewModel newReviewForm() {
        Screening open = screening.get();
        Profile current = loader.profile();
        if (open == null || current == null) {
            return null;
        }
        ReviewPlan decided = plan.get();
        Consumer<CallRecord> log = loader.callLog();
        return new ReviewFormViewModel(open, decided, current,
                comment -> pane.tasks().run("Submitting a review of " + open.name(), () -> changes.review(current, open, decided, comment, log)),
                result -> reviewed(open, current));
    }

    /**
     * After a review: the next pending screening opens at once (its hits were read ahead), while
     * the reviewed one is read again for its new status.
     */
    private void reviewed(Screening reviewed, Profile current) {
        onReviewed.accept(reviewed);
        CompletableFuture<Screening> fresh = watchlist.screening(current, reviewed.id(), call -> { });
        dev.tartan.ui.common.FxAsync.whenDone(fresh, changed -> {
            onChanged.accept(changed);
            if (screening.get() != null && screening.get().id().equals(changed.id())) {
                screening.set(changed);
                loadHits();
                loadTimeline();
            }
        }, error -> { });
    }

    // --- other actions --------------------------------------------------------------------------------------

    /** The outcome of the last action other than a review. */
    public ReadOnlyObjectProperty<Outcome<String>> actionProperty() {
        return action;
    }

    /** Assigns the open screening to {@code reviewer} (null: to nobody). */
    public void assign(DashboardUser reviewer) {
        act(reviewer == null ? "Unassigning" : "Assigning to " + reviewer.emailAddress(),
                (current, log) -> changes.assign(current.profile, current.screening, reviewer, log),
                changed -> changed.assignee() == null ? "Unassigned." : "Assigned to " + queue.userName(changed.assignee()) + ".");
    }

    /** Assigns the open screening to the reviewer themself. */
    public void assignToMe() {
        DashboardUser me = queue.meProperty().get();
        if (me == null) {
            action.set(Outcome.failed(FailureDescriber.describe(new IllegalArgumentException(
                    "Say which Dashboard user you are first (\"I am\" above the queue)."))));
            return;
        }
        assign(me);
    }

    /** Moves the open screening to another program of its kind. */
    public void changeProgram(WatchlistProgram program) {
        if (program == null) {
            return;
        }
        act("Moving to " + program.name(), (current, log) -> changes.changeProgram(current.profile, current.screening, program, log),
                changed -> "Moved to " + program.name() + "; Plaid screened the customer against its lists ("
                        + changed.status().displayName() + ").");
    }

    /** The form that sets the status by hand, with a reason. */
    public StatusFormViewModel newStatusForm() {
        Screening open = screening.get();
        Profile current = loader.profile();
        if (open == null || current == null) {
            return null;
        }
        Consumer<CallRecord> log = loader.callLog();
        return new StatusFormViewModel(open, (status, reason) -> pane.tasks().run("Changing the status of " + open.name(),
                () -> changes.changeStatus(current, open, status, reason, log)), this::changed);
    }

    /** The form that edits the search terms (Plaid screens the customer again). */
    public ScreeningFormViewModel newSearchTermsForm() {
        Screening open = screening.get();
        Profile current = loader.profile();
        if (open == null || current == null) {
            return null;
        }
        Consumer<CallRecord> log = loader.callLog();
        return ScreeningFormViewModel.edit(open, queue, terms -> pane.tasks().run("Screening " + open.name() + " again",
                () -> changes.editSearchTerms(current, open, terms, log)), this::changed);
    }

    /** Emulator only: plays a rescan that finds a new hit for the open screening. */
    public void simulateRescanHit() {
        act("Simulating a list update that names the customer",
                (current, log) -> changes.simulateRescanHit(current.profile, current.screening, log),
                changed -> "Rescanned: the screening is " + changed.status().displayName() + ".");
    }

    private record Open(Profile profile, Screening screening) {
    }

    private void act(String title, BiFunction<Open, Consumer<CallRecord>, CompletableFuture<Screening>> work,
                     java.util.function.Function<Screening, String> achieved) {
        Screening open = screening.get();
        Profile current = loader.profile();
        if (open == null || current == null) {
            return;
        }
        loader.act(action, title, log -> work.apply(new Open(current, open), log), changed -> {
            changed(changed);
            return achieved.apply(changed);
        });
    }

    /** A screening changed here: its row and this view follow, and what it shows is read again. */
    private void changed(Screening changed) {
        Screening before = screening.get();
        boolean open = before != null && before.id().equals(changed.id());
        // Before the queue hears of it: its row's update reaches this view as an update of the same screening.
        boolean newTerms = open && (!Objects.equals(before.terms(), changed.terms()) || before.status() != changed.status());
        onChanged.accept(changed);
        if (open) {
            screening.set(changed);
            if (newTerms) {
                loadHits();
            }
            loadTimeline();
        }
    }

    // --- the rest -----------------------------------------------------------------------------------------

    /** The screening's story: versions, reviews and Tartan's own audit entries, oldest first. */
    public ReadOnlyObjectProperty<Outcome<List<ScreeningEvent>>> timelineProperty() {
        return timeline;
    }

    /** Every call made for the open screening, newest first (the Raw JSON tab). */
    public ObservableList<CallRecord> calls() {
        return loader.calls();
    }

    /** The programs the open screening could move to: its kind's, not archived, not its own. */
    public List<WatchlistProgram> otherPrograms() {
        Screening open = screening.get();
        if (open == null) {
            return List.of();
        }
        return queue.programs().stream().filter(each -> each.kind() == open.kind() && !each.archived()
                && !each.id().equals(open.programId())).toList();
    }

    /** The reviewers a screening can be assigned to: the active Dashboard users. */
    public List<DashboardUser> assignableUsers() {
        return queue.users().stream().filter(DashboardUser::isActive).toList();
    }

    /** Names for the view: a program's name, a Dashboard user's email. */
    public String programName(String id) {
        return queue.programName(id);
    }

    public String userName(String id) {
        return queue.userName(id);
    }
}
