package dev.tartan.ui.common;

import javafx.collections.ListChangeListener;
import javafx.scene.control.ListView;

import java.util.Objects;
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
        Object[] chosen = {null};
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            // A move caused by a reload comes from an entry no longer in the list: not the user's choice.
            boolean userChoice = old == null || list.getItems().stream().anyMatch(item -> item == old);
            if (now != null && userChoice) {
                chosen[0] = key.apply(now);
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
            if (same == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != same) {
                list.getSelectionModel().select(same);
            }
        });
    }
}
