package dev.tartan.ui.watchlist;

import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.model.Screening;
import dev.tartan.model.ScreeningKind;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.WatchlistExport;
import dev.tartan.service.WatchlistReviewService;
import dev.tartan.service.WatchlistService;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.TokenListViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Watchlist pane, for compliance reviewers: the queue of screenings on the left, the screening
 * open on the right, and what joins them (opening the selected one, moving on to the next pending
 * screening after a review, a new screening or an id from the omnibox opened). Used on the FX thread.
 */
public final class WatchlistViewModel {

    private final PaneServices pane;
    private final WatchlistService watchlist;
    private final WatchlistReviewService changes;
    private final QueueViewModel queue;
    private final ScreeningViewModel screening;
    private final BooleanBinding sandbox;
    private final BooleanBinding emulator;
    private final ObjectProperty<TokenListViewModel.PaneFailure> failure = new SimpleObjectProperty<>();

    public WatchlistViewModel(PaneServices pane, WatchlistService watchlist, WatchlistReviewService changes, WatchlistExport export) {
        this.pane = pane;
        this.watchlist = watchlist;
        this.changes = changes;
        this.queue = new QueueViewModel(watchlist, export, pane.tasks(), pane.profile());
        this.screening = new ScreeningViewModel(pane, watchlist, changes, queue);
        this.sandbox = pane.sandbox();
        this.emulator = Bindings.createBooleanBinding(() -> pane.profile().get() != null
                && pane.profile().get().environment().kind() != PlaidEnvironment.Kind.SANDBOX
                && !pane.profile().get().environment().isProduction(), pane.profile());
        queue.selectedProperty().addListener((obs, old, now) -> screening.open(now));
        screening.onChanged(queue::replace);
        screening.onReviewed(reviewed -> {
            Screening next = queue.pendingAfter(reviewed);
            if (next != null) {
                queue.select(next);
            }
        });
    }

    /** The queue, on the left. */
    public QueueViewModel queue() {
        return queue;
    }

    /** The screening open, on the right. */
    public ScreeningViewModel screening() {
        return screening;
    }

    /** Called when the pane comes to the front: the queue loads the first time. */
    public void shown() {
        queue.loadIfNeeded();
    }

    /**
     * Opens a screening by its id (from the omnibox): the one in the queue, else read from Plaid and
     * added to it. A refusal becomes the pane's failure.
     */
    public void open(String screeningId) {
        failure.set(null);
        queue.loadIfNeeded();
        String id = screeningId == null ? "" : screeningId.strip();
        Profile current = pane.profile().get();
        if (current == null) {
            return;
        }
        queue.find(id).ifPresentOrElse(queue::reveal, () -> {
            try {
                FxAsync.whenDone(watchlist.screening(current, id, call -> { }), queue::reveal, error -> failure.set(
                        new TokenListViewModel.PaneFailure("Could not open the screening " + id, FailureDescriber.describe(error),
                                () -> open(id))));
            } catch (IllegalArgumentException e) {
                failure.set(new TokenListViewModel.PaneFailure("Could not open " + id, FailureDescriber.describe(e), () -> open(id)));
            }
        });
    }

    /** What failed in the pane itself (opening an id), or null. */
    public ReadOnlyObjectProperty<TokenListViewModel.PaneFailure> failureProperty() {
        return failure;
    }

    public void dismissFailure() {
        failure.set(null);
    }

    /** The form that screens a new customer; what it makes is listed and opened. */
    public ScreeningFormViewModel newScreeningForm(ScreeningKind kind) {
        Profile current = pane.profile().get();
        return ScreeningFormViewModel.create(queue, kind, (chosen, terms, clientUserId) -> pane.tasks().run("Screening " + terms.legalName(),
                () -> changes.create(current, chosen, terms, clientUserId, call -> { })), queue::reveal);
    }

    /** Whether the profile reaches a sandbox (Sandbox or the emulator). */
    public BooleanBinding sandboxProperty() {
        return sandbox;
    }

    /** Whether the profile reaches an emulator (the built-in one, or one at a custom URL), where the rescan extension is. */
    public BooleanBinding emulatorProperty() {
        return emulator;
    }

    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return pane.profile();
    }
}
