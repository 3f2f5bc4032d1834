package dev.tartan.ui.common;

import dev.tartan.model.FailureReport;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * What every form of Tartan has, for {@link FormDialog}: what still stops it from being sent,
 * its one action (followed through a {@link Submission}), and sending it.
 */
public abstract class FormViewModel<T> {

    private final Submission<T> submission;
    private StringBinding problem = Bindings.createStringBinding(() -> "");

    /** @param describe how the form explains a failure */
    protected FormViewModel(Function<Throwable, FailureReport> describe) {
        this.submission = new Submission<>(describe);
    }

    /** What stops the form from being sent, in a sentence; "" when nothing does. */
    public final StringBinding problem() {
        return problem;
    }

    /**
     * How the form tells what stops it from being sent (a sentence, "" when nothing does),
     * worked out again whenever one of {@code fields} changes. Subclasses set it once, when built.
     */
    protected final void problemIs(Callable<String> rule, Observable... fields) {
        problem = Bindings.createStringBinding(rule, fields);
    }

    /** Sends what the form holds; its dialog closes once the submission succeeds. */
    public abstract void submit();

    public final Submission<T> submission() {
        return submission;
    }
}
