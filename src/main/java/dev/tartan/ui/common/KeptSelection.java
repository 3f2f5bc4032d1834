package dev.tartan.ui.common;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ListView;
import javafx.scene.control.MultipleSelectionModel;
import javafx.scene.control.TableView;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps a list's selection on the same entry when the list's items change: a reload with fresh
 * objects, or a filter that hides or shows entries above it. On such a change the list keeps the
 * selected <em>index</em>, so the selection silently moves to whatever entry now sits there, and
 * "Run again" would run another call than the one the user picked. This puts it back on the entry
 * with the same key, or clears it when that entry is gone.
 */
public final class KeptSelection {

    private KeptSelection() {
    }

    /**
     * @param list the list whose items change under the selection
     * @param key  what makes two objects the same entry across reloads (an id)
     */
    public static <T> void keep(ListView<T> list, Function<T, ?> key) {
        keep(list, key, chosen -> { });
    }

    /**
     * As {@link #keep(ListView, Function)}, and tells {@code onChoice} of each entry the user picks,
     * but not of the moves an item change makes nor of putting the selection back after one.
     */
    public static <T> void keep(ListView<T> list, Function<T, ?> key, Consumer<T> onChoice) {
        keep(list.getItems(), list::setItems, list.getSelectionModel(), key, onChoice);
    }

    /** As {@link #keep(ListView, Function, Consumer)}, for a table's rows (a list of transfers, say). */
    public static <T> void keep(TableView<T> table, Function<T, ?> key, Consumer<T> onChoice) {
        keep(table.getItems(), table::setItems, table.getSelectionModel(), key, onChoice);
    }

    private static <T> void keep(ObservableList<T> items, Consumer<ObservableList<T>> setItems, MultipleSelectionModel<T> selection,
                                 Function<T, ?> key, Consumer<T> onChoice) {
        Object[] chosen = {null};
        boolean[] itemsChanging = {false};
        // Every selection change between these two listeners is the list's own reaction to the
        // item change: the first must hear of the change before the list does, so the list is
        // given its items again after it.
        setItems.accept(FXCollections.observableArrayList());
        items.addListener((ListChangeListener<T>) change -> itemsChanging[0] = true);
        setItems.accept(items);
        items.addListener((ListChangeListener<T>) change -> {
            try {
                restore(items, selection, key, chosen[0]);
            } finally {
                itemsChanging[0] = false;
            }
        });
        selection.selectedItemProperty().addListener((obs, old, now) -> {
            if (itemsChanging[0]) {
                return;
            }
            chosen[0] = now == null ? null : key.apply(now);
            if (now != null) {
                onChoice.accept(now);
            }
        });
    }

    /**
     * Keeps {@code list}'s selection on what the model has selected ({@code selected}, chosen by
     * keyboard or code as well as by a click), scrolled into view; the entry with the same key, as
     * the model may hold a newer object of it.
     */
    public static <T> void mirror(ListView<T> list, javafx.beans.value.ObservableValue<T> selected, Function<T, ?> key) {
        selected.addListener((obs, old, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
                return;
            }
            T shown = list.getSelectionModel().getSelectedItem();
            if (shown != null && Objects.equals(key.apply(shown), key.apply(now))) {
                return;
            }
            Object wanted = key.apply(now);
            for (int i = 0; i < list.getItems().size(); i++) {
                if (Objects.equals(wanted, key.apply(list.getItems().get(i)))) {
                    list.getSelectionModel().clearAndSelect(i);
                    list.scrollTo(Math.max(0, i - 3));
                    return;
                }
            }
            list.getSelectionModel().clearSelection();
        });
    }

    private static <T> void restore(ObservableList<T> items, MultipleSelectionModel<T> selection, Function<T, ?> key, Object chosen) {
        if (chosen == null) {
            return;
        }
        T same = items.stream()
                .filter(item -> Objects.equals(chosen, key.apply(item)))
                .findFirst()
                .orElse(null);
        if (same == null) {
            selection.clearSelection();
        } else if (selection.getSelectedItem() != same) {
            selection.select(same);
        }
    }
}
