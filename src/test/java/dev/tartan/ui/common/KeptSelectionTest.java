package dev.tartan.ui.common;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class KeptSelectionTest {

    /** An entry as a reload brings it: a fresh object each time, the same id. */
    record Entry(long id, String text) {
    }

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static List<Entry> reload(String suffix, long... ids) {
        return Arrays.stream(ids).mapToObj(id -> new Entry(id, "call " + id + suffix)).toList();
    }

    /** Calls 3, 2 and 1, newest first, as the history lists them. */
    private static ObservableList<Entry> threeCalls() {
        return FXCollections.observableArrayList(reload("", 3, 2, 1));
    }

    /** A list of {@code items} that keeps its selection, with call 2 (the second row) picked by the user. */
    private static ListView<Entry> keptWithCallTwoPicked(ObservableList<Entry> items, Consumer<Entry> picks) {
        ListView<Entry> list = new ListView<>(items);
        KeptSelection.keep(list, Entry::id, picks);
        list.getSelectionModel().select(1);
        return list;
    }

    @Test
    void aReloadWithFreshObjectsKeepsTheSameEntrySelectedEvenWhenItMoves() throws Exception {
        Entry selected = onFx(() -> {
            ObservableList<Entry> items = threeCalls();
            ListView<Entry> list = keptWithCallTwoPicked(items, picked -> { });
            items.setAll(reload(" again", 4, 3, 2, 1)); // a newer call came in on top
            return list.getSelectionModel().getSelectedItem();
        });
        assertThat(selected).isEqualTo(new Entry(2, "call 2 again"));
    }

    @Test
    void withoutItAReloadMovesTheSelectionToAnotherEntry() throws Exception {
        // What KeptSelection is for: the list's own behaviour on a reload.
        Entry selected = onFx(() -> {
            ObservableList<Entry> items = threeCalls();
            ListView<Entry> list = new ListView<>(items);
            list.getSelectionModel().select(1);
            items.setAll(reload(" again", 4, 3, 2, 1));
            return list.getSelectionModel().getSelectedItem();
        });
        assertThat(selected).as("the list keeps the index, so another entry is selected").isEqualTo(new Entry(3, "call 3 again"));
    }

    @Test
    void aClickAfterAReloadIsTheNewChoice() throws Exception {
        Entry selected = onFx(() -> {
            ObservableList<Entry> items = threeCalls();
            ListView<Entry> list = keptWithCallTwoPicked(items, picked -> { });
            items.setAll(reload(" again", 4, 3, 2, 1));
            list.getSelectionModel().select(3); // id 1
            items.setAll(reload(" once more", 5, 4, 3, 2, 1));
            return list.getSelectionModel().getSelectedItem();
        });
        assertThat(selected).isEqualTo(new Entry(1, "call 1 once more"));
    }

    @Test
    void anEntryGoneFromTheReloadLeavesNothingSelected() throws Exception {
        Entry selected = onFx(() -> {
            ObservableList<Entry> items = threeCalls();
            ListView<Entry> list = keptWithCallTwoPicked(items, picked -> { });
            items.setAll(reload("", 3, 1)); // filtered away
            return list.getSelectionModel().getSelectedItem();
        });
        assertThat(selected).as("not the entry that moved into its place").isNull();
    }

    @Test
    void onlyTheUsersPicksAreReportedNotTheMovesOfAReload() throws Exception {
        List<Entry> picks = onFx(() -> {
            List<Entry> seen = new ArrayList<>();
            ObservableList<Entry> items = threeCalls();
            ListView<Entry> list = keptWithCallTwoPicked(items, seen::add);
            items.setAll(reload(" again", 4, 3, 2, 1)); // moves to id 3, then back to id 2: neither is a pick
            list.getSelectionModel().select(0); // the user picks id 4
            return seen;
        });
        assertThat(picks).containsExactly(new Entry(2, "call 2"), new Entry(4, "call 4 again"));
    }

    @Test
    void aClearedSelectionStaysClearedAfterAReload() throws Exception {
        Entry selected = onFx(() -> {
            ObservableList<Entry> items = threeCalls();
            ListView<Entry> list = keptWithCallTwoPicked(items, picked -> { });
            list.getSelectionModel().clearSelection(); // the entry was closed
            items.setAll(reload(" again", 3, 2, 1));
            return list.getSelectionModel().getSelectedItem();
        });
        assertThat(selected).isNull();
    }

    @Test
    void aFilterHidingAnEntryAboveTheChosenOneNeitherMovesNorReportsIt() throws Exception {
        List<Object> seen = onFx(() -> {
            List<Entry> picks = new ArrayList<>();
            FilteredList<Entry> visible = new FilteredList<>(threeCalls());
            ListView<Entry> list = keptWithCallTwoPicked(visible, picks::add);
            visible.setPredicate(entry -> entry.id() != 3); // id 3, above it, is filtered away
            Entry afterHiding = list.getSelectionModel().getSelectedItem();
            visible.setPredicate(entry -> entry.id() != 2); // the chosen one is filtered away
            Entry whileHidden = list.getSelectionModel().getSelectedItem();
            visible.setPredicate(null); // and back
            return Arrays.asList(List.copyOf(picks), afterHiding, whileHidden, list.getSelectionModel().getSelectedItem());
        });
        assertThat(seen).containsExactly(List.of(new Entry(2, "call 2")), new Entry(2, "call 2"), null, new Entry(2, "call 2"));
    }
}
