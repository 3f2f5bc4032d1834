package dev.tartan.ui.common;

import atlantafx.base.theme.Styles;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** The small building blocks of forms and dialogs, so that every form in Tartan looks alike. */
public final class Forms {

    private static final List<String> YES_NO = List.of("not said", "yes", "no");

    private Forms() {
    }

    /** A section title with a sentence under it. */
    public static Node heading(String title, String description) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        return new VBox(2, heading, paragraph(description, Styles.TEXT_MUTED));
    }

    /** A wrapping label that keeps its full height. */
    public static Label paragraph(String text, String style) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        if (style != null) {
            label.getStyleClass().add(style);
        }
        return label;
    }

    /** A field's name in a form grid: muted, and never squeezed to "…" by a narrow window. */
    public static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** A text field bound both ways to {@code value}. */
    public static TextField field(String id, String prompt, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** "not said", "yes" or "no", for a Boolean that may stay unset (null). */
    public static ChoiceBox<String> yesNo(String id, ObjectProperty<Boolean> value) {
        ChoiceBox<String> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().setAll(YES_NO);
        box.setValue(YES_NO.get(value.get() == null ? 0 : value.get() ? 1 : 2));
        box.valueProperty().addListener((obs, old, now) -> value.set("yes".equals(now) ? Boolean.TRUE : "no".equals(now) ? Boolean.FALSE : null));
        value.addListener((obs, old, now) -> box.setValue(YES_NO.get(now == null ? 0 : now ? 1 : 2)));
        return box;
    }

    /** A pick from values a schema allows (loaded later), or none. */
    public static ComboBox<String> choices(String id, ObservableList<String> values, ObjectProperty<String> value) {
        ComboBox<String> box = new ComboBox<>(values);
        box.setId(id);
        box.setPromptText("optional");
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    /** A form grid of two label-and-field pairs a row; the fields share the width. */
    public static GridPane grid() {
        return grid(2);
    }

    /** A form grid of {@code pairs} label-and-field pairs a row; the fields share the width. */
    public static GridPane grid(int pairs) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        for (int i = 0; i < pairs; i++) {
            ColumnConstraints name = new ColumnConstraints();
            ColumnConstraints field = new ColumnConstraints();
            field.setHgrow(Priority.ALWAYS);
            field.setFillWidth(true);
            field.setMinWidth(120);
            grid.getColumnConstraints().addAll(name, field);
        }
        return grid;
    }

    /** A menu entry with an icon, found by {@code id}. */
    public static MenuItem menuItem(String text, String id, Ikon icon, Runnable action) {
        MenuItem item = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        item.setId(id);
        item.setMnemonicParsing(false); // operation paths and field names keep their underscores
        item.setOnAction(e -> action.run());
        return item;
    }

    /** A tab that cannot be closed, found by {@code id}. */
    public static Tab tab(String title, String id, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        tab.setClosable(false);
        return tab;
    }

    /** Tabs that cannot be closed. */
    public static TabPane tabs(String id, Tab... tabs) {
        TabPane pane = new TabPane(tabs);
        pane.setId(id);
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return pane;
    }

    /** A combo box over {@code choices}, whose prompt says while they load or why they could not be had. */
    public static <T> ComboBox<T> picker(String id, Choices<T> choices, Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>(choices.items());
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        });
        Consumer<Outcome<List<T>>> prompt = state -> box.setPromptText(switch (state.phase()) {
            case LOADING -> "loading\u2026";
            case FAILED -> "could not be loaded: " + state.failure().summary();
            case DATA -> state.data().isEmpty() ? "none" : "";
            case EMPTY -> "";
        });
        choices.stateProperty().addListener((obs, old, state) -> prompt.accept(state));
        prompt.accept(choices.stateProperty().get());
        return box;
    }
}
