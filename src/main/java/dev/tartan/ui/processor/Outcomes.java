package dev.tartan.ui.processor;

import dev.tartan.ui.common.data.DataPane;
import javafx.beans.value.ObservableValue;

import java.util.function.Consumer;

/** Shows an {@link Outcome} in a {@link DataPane}, now and on every change. */
final class Outcomes {

    private Outcomes() {
    }

    /** {@code render} puts the data into the pane's content view before it is shown. */
    static <T> void bind(ObservableValue<Outcome<T>> state, DataPane pane, Consumer<T> render) {
        state.addListener((obs, old, now) -> show(now, pane, render));
        show(state.getValue(), pane, render);
    }

    private static <T> void show(Outcome<T> state, DataPane pane, Consumer<T> render) {
        switch (state.phase()) {
            case LOADING -> pane.loading(state.message());
            case DATA -> {
                render.accept(state.data());
                pane.showData(state.fetchedAt(), state.refreshing());
            }
            case EMPTY -> pane.showEmpty(state.message());
            case FAILED -> pane.showFailure(state.failure());
        }
    }
}
