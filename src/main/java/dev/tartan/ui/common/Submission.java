package dev.tartan.ui.common;

import dev.tartan.model.FailureReport;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A form's one action (create the Item, add the token, make the transfer), followed through its
 * state: under way, done with its result, or failed with the reason. A dialog shows the state and
 * closes on success; a second click while the action runs does nothing. Used on the FX thread.
 */
public final class Submission<T> {

    private final ObjectProperty<Outcome<T>> state = new SimpleObjectProperty<>(Outcome.nothing());
    private final Function<Throwable, FailureReport> describe;

    /** @param describe how the form explains a failure */
    public Submission(Function<Throwable, FailureReport> describe) {
        this.describe = describe;
    }

    public ReadOnlyObjectProperty<Outcome<T>> stateProperty() {
        return state;
    }

    /**
     * Starts {@code work} unless it is already under way; {@code onSuccess} runs before the state
     * says done. Bad input (an {@link IllegalArgumentException}) fails at once: nothing is sent.
     */
    public void submit(String doing, Supplier<CompletableFuture<T>> work, Consumer<T> onSuccess) {
        if (state.get().isLoading()) {
            return;
        }
        state.set(Outcome.loading(doing));
        CompletableFuture<T> future;
        try {
            future = work.get();
        } catch (IllegalArgumentException e) {
            future = CompletableFuture.failedFuture(e);
        }
        FxAsync.whenDone(future, value -> {
            onSuccess.accept(value);
            state.set(Outcome.data(value, Instant.now(), false));
        }, error -> state.set(Outcome.failed(describe.apply(error))));
    }

    /** Forgets the last outcome (a dialog opened again starts clean). */
    public void reset() {
        if (!state.get().isLoading()) {
            state.set(Outcome.nothing());
        }
    }
}
