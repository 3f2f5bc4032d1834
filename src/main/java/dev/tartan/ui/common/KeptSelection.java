package dev.tartan.ui.common;

import javafx.collections.ListChangeListener;
import javafx.scene.control.ListView;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps a list's selection on the same entry when the list is reloaded. A reload replaces the
 * items with fresh objects, and the list then keeps the selected <em>index</em>: the selection
 * silently moves to whatever entry now sits there, so "Run again" would run another call than the
 * one the user picked. This puts it back on the entry with the same key, or clears it when that
 * entry is gone.
 */
public final class KeptSelection {

    private KeptSelection() {
    }

    /**
     * @param list the list whose items are replaced by reloads
     * @param key  what makes two objects the same entry across reloads (an id)
     */
    public static <T> void keep(ListView<T> list, Function<T, ?> key) {
        keep(list, key, chosen -> { });
    }

    /**
     * As {@link #keep(ListView, Function)}, and tells {@code onChoice} of each entry the user picks,
     * but not of the moves a reload makes nor of putting the selection back after one.
     */
    public static <T> void keep(ListView<T> list, Function<T, ?> key, Consumer<T> onChoice) {
        Object[] chosen = {null};
        boolean[] restoring = {false};
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            // A move caused by a reload comes from an entry no longer in the list: not the user's choice.
            boolean userChoice = !restoring[0] && (old == null || list.getItems().stream().anyMatch(item -> item == old));
            if (!userChoice) {
                return;
            }
            chosen[0] = now == null ? null : key.apply(now);
            if (now != null) {
                onChoice.accept(now);
            }
        });
        list.getItems().addListener((ListChangeListener<T>) change -> {
            if (chosen[0] == null) {
                return;
            }
            T same = list.getItems().stream()
                    .filter(item -> Objects.equals(chosen[0], key.apply(item)))
                    .findFirst()
                    .orElse(null);
            restoring[0] = true;
            try {
                if (same == null) {
                    list.getSelectionModel().clearSelection();
                } else if (list.getSelectionModel().getSelectedItem() != same) {
                    list.getSelectionModel().select(same);
                }
            } finally {
                restoring[0] = false;
            }
        });
    }
}
