package dev.tartan.ui.watchlist;

import dev.tartan.model.Profile;
import dev.tartan.model.ReviewPlan;
import dev.tartan.model.Screening;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.WatchlistReviewService;
import dev.tartan.ui.common.FormViewModel;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The review dialog's form: what the review decides and the status it will leave, and the
 * reviewer's comment, which a review cannot go without (it is what shows later why). Used on the FX thread.
 */
public final class ReviewFormViewModel extends FormViewModel<WatchlistReviewService.ReviewResult> {

    private final Screening screening;
    private final ReviewPlan plan;
    private final Profile profile;
    private final Function<String, CompletableFuture<WatchlistReviewService.ReviewResult>> send;
    private final Consumer<WatchlistReviewService.ReviewResult> onReviewed;
    private final StringProperty comment = new SimpleStringProperty("");

    ReviewFormViewModel(Screening screening, ReviewPlan plan, Profile profile,
                        Function<String, CompletableFuture<WatchlistReviewService.ReviewResult>> send,
                        Consumer<WatchlistReviewService.ReviewResult> onReviewed) {
        super(FailureDescriber::describe);
        this.screening = screening;
        this.plan = plan;
        this.profile = profile;
        this.send = send;
        this.onReviewed = onReviewed;
        problemIs(() -> comment.get().isBlank()
                ? "Write a comment: it is kept with the review, to show later why it was decided." : "", comment);
    }

    /** Why the decision was made. */
    public StringProperty commentProperty() {
        return comment;
    }

    /** The screening reviewed. */
    public Screening screening() {
        return screening;
    }

    /** What the review decides. */
    public ReviewPlan plan() {
        return plan;
    }

    /** Whether the review changes a Production compliance record (the dialog asks first). */
    public boolean isProduction() {
        return profile.environment().isProduction();
    }

    /** The profile it goes to. */
    public Profile profile() {
        return profile;
    }

    @Override
    public void submit() {
        submission().submit("Submitting the review", () -> send.apply(comment.get()), onReviewed);
    }
}
