package dev.tartan.ui.watchlist;

import dev.tartan.model.HitDecision;
import dev.tartan.model.HitReviewStatus;
import dev.tartan.model.ScreeningHit;
import dev.tartan.model.ScreeningKind;
import dev.tartan.model.ScreeningStatus;
import dev.tartan.ui.common.EmptyState;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.PaneFailureView;
import dev.tartan.ui.common.PaneInfo;
import dev.tartan.ui.common.PaneView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The Watchlist pane, for compliance reviewers: the queue of screenings on the left, the screening
 * open on the right with its hits beside the search terms, and review from the keyboard: N / P the
 * next or previous screening, J / K the next or previous hit, C confirm, D dismiss, U undo,
 * Shift+D dismiss the rest, R the review (comment; Ctrl+Enter submits), after which the next pending
 * screening opens.
 */
public final class WatchlistView implements PaneView {

    public static final PaneInfo INFO = new PaneInfo("watchlist", "Watchlist", Material2OutlinedMZ.POLICY);

    private static final String STYLESHEET = Objects.requireNonNull(WatchlistView.class.getResource("/css/watchlist.css"),
            "watchlist.css is missing from the build").toExternalForm();

    private final WatchlistViewModel model;
    private final Navigator navigator;
    private final BorderPane root = new BorderPane();
    private final QueueView queue;
    private final ScreeningView screening;

    public WatchlistView(WatchlistViewModel model, Navigator navigator) {
        this.model = model;
        this.navigator = navigator;
        root.setId("watchlistPane");
        root.getStylesheets().add(STYLESHEET);
        this.queue = new QueueView(model, this::create, navigator::openLink);
        this.screening = new ScreeningView(model.screening(), model.emulatorProperty(), this::review, this::editTerms, this::changeStatus,
                navigator::openLink);
        SplitPane split = new SplitPane(queue, detail());
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(queue, false);
        root.setCenter(split);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void onShown() {
        model.shown();
    }

    /** Writes the queue shown to {@code file} as CSV (what the CSV button does once a file is chosen). */
    public void exportTo(Path file) {
        queue.exportTo(file);
    }

    private Node detail() {
        screening.visibleProperty().bind(model.screening().screeningProperty().isNotNull().and(model.failureProperty().isNull()));
        VBox nothing = EmptyState.of(INFO.icon(), "Open a screening", "Pick a screening in the queue, or screen a customer with New. "
                + "Each hit shows beside the customer's search terms, field by field; confirm or dismiss hits from the keyboard "
                + "(C, D, Shift+D), then R to write the comment and submit; the next pending screening opens.");
        nothing.visibleProperty().bind(model.screening().screeningProperty().isNull().and(model.failureProperty().isNull()));
        return new StackPane(screening, nothing, new PaneFailureView(model.failureProperty(), model::dismissFailure, "watchlist",
                navigator::openLink));
    }

    private Window window() {
        return root.getScene().getWindow();
    }

    private void create(ScreeningKind kind) {
        WatchlistDialogs.screening(window(), model.newScreeningForm(kind), navigator::openLink);
    }

    private void review() {
        ReviewFormViewModel form = model.screening().newReviewForm();
        if (form != null) {
            WatchlistDialogs.review(window(), form, navigator::openLink);
        }
    }

    private void editTerms() {
        ScreeningFormViewModel form = model.screening().newSearchTermsForm();
        if (form != null) {
            WatchlistDialogs.screening(window(), form, navigator::openLink);
        }
    }

    private void changeStatus() {
        StatusFormViewModel form = model.screening().newStatusForm();
        if (form != null) {
            WatchlistDialogs.status(window(), form, navigator::openLink);
        }
    }

    /** The review keys, anywhere in the pane but in a text field. */
    private void key(KeyEvent event) {
        if (event.getTarget() instanceof TextInputControl || event.isControlDown() && event.getCode() != KeyCode.ENTER
                || event.isAltDown() && event.getCode() != KeyCode.DOWN && event.getCode() != KeyCode.UP || event.isMetaDown()) {
            return;
        }
        ScreeningViewModel open = model.screening();
        boolean handled = true;
        switch (event.getCode()) {
            case N -> model.queue().next();
            case P -> model.queue().previous();
            case DOWN, UP -> {
                if (!event.isAltDown()) {
                    return;
                }
                if (event.getCode() == KeyCode.DOWN) {
                    model.queue().next();
                } else {
                    model.queue().previous();
                }
            }
            case J -> open.nextHit();
            case K -> open.previousHit();
            case C -> open.decide(screening.hits().pickedHitIds(), HitDecision.CONFIRM);
            case D -> {
                if (event.isShiftDown()) {
                    open.dismissAllRemaining();
                } else {
                    open.decide(screening.hits().pickedHitIds(), HitDecision.DISMISS);
                }
            }
            case U -> open.decide(screening.hits().pickedHitIds(), null);
            case R -> review();
            case ENTER -> {
                if (!event.isShortcutDown()) {
                    return;
                }
                review();
            }
            default -> handled = false;
        }
        if (handled) {
            event.consume();
        }
    }

    // --- chips shared by the queue and the screening --------------------------------------------------------

    /** A screening's status as a coloured chip. */
    static Label statusChip(ScreeningStatus status) {
        Label chip = new Label(status.displayName());
        chip.getStyleClass().addAll("status-chip", switch (status) {
            case PENDING_REVIEW -> "status-pending";
            case CLEARED -> "status-ok";
            case REJECTED -> "status-error";
        });
        return chip;
    }

    /** A hit's status, or the decision waiting to be sent on it. */
    static Label hitChip(ScreeningHit hit, HitDecision decision) {
        if (hit.status() == HitReviewStatus.PENDING_REVIEW && decision != null) {
            Label chip = new Label(decision == HitDecision.CONFIRM ? "To confirm" : "To dismiss");
            chip.getStyleClass().addAll("status-chip", "decision-chip", decision == HitDecision.CONFIRM ? "status-error" : "status-ok");
            return chip;
        }
        Label chip = new Label(hit.status().displayName());
        chip.getStyleClass().addAll("status-chip", switch (hit.status()) {
            case PENDING_REVIEW -> "status-pending";
            case CONFIRMED -> "status-error";
            case DISMISSED -> "status-unknown";
        });
        return chip;
    }
}
