package dev.tartan.ui.common;

import dev.tartan.service.FailureDescriber;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a picker offers (institutions, a schema's enum values, processors), loaded when a form
 * needs it; the form shows the list, or why it could not be loaded. Used on the FX thread.
 */
public final class Choices<T> {

    private final Supplier<CompletableFuture<List<T>>> source;
    private final Function<List<T>, T> suggest;
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ObservableList<T> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    private final ObjectProperty<Outcome<List<T>>> state = new SimpleObjectProperty<>(Outcome.nothing());

    /** @param suggest which choice a form starts on (null: none), given the loaded list */
    public Choices(Supplier<CompletableFuture<List<T>>> source, Function<List<T>, T> suggest) {
        this.source = source;
        this.suggest = suggest;
    }

    /** Choices a form starts on none of. */
    public Choices(Supplier<CompletableFuture<List<T>>> source) {
        this(source, list -> null);
    }

    /** The choices (empty until loaded). */
    public ObservableList<T> items() {
        return readOnlyItems;
    }

    /** Loading, loaded (with the list), or why the list could not be had. */
    public ReadOnlyObjectProperty<Outcome<List<T>>> stateProperty() {
        return state;
    }

    /** The choice a form starts on, once loaded; null when there is none to suggest. */
    public T suggested() {
        return state.get().hasData() ? suggest.apply(items) : null;
    }

    /** Loads the choices, again if they were loaded before (they may differ per profile). */
    public void load() {
        state.set(Outcome.loading("Loading\u2026"));
        FxAsync.whenDone(source.get(), list -> {
            items.setAll(list);
            state.set(Outcome.data(List.copyOf(list), null, false));
        }, error -> {
            items.clear();
            state.set(Outcome.failed(FailureDescriber.describe(error)));
        });
    }
}
