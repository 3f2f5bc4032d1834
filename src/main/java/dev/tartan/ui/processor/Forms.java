package dev.tartan.ui.processor;

import atlantafx.base.theme.Styles;
import dev.tartan.model.MatchLevel;
import dev.tartan.model.RiskLevel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/** The small building blocks of the pane's forms, so that every form looks alike. */
final class Forms {

    private static final List<String> YES_NO = List.of("not said", "yes", "no");

    private Forms() {
    }

    /** A section title with a sentence under it. */
    static Node heading(String title, String description) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        return new VBox(2, heading, paragraph(description, Styles.TEXT_MUTED));
    }

    /** A wrapping label that keeps its full height. */
    static Label paragraph(String text, String style) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        if (style != null) {
            label.getStyleClass().add(style);
        }
        return label;
    }

    /** A field's name in a form grid. */
    static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** A text field bound both ways to {@code value}. */
    static TextField field(String id, String prompt, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** "not said", "yes" or "no", for a Boolean that may stay unset (null). */
    static ChoiceBox<String> yesNo(String id, ObjectProperty<Boolean> value) {
        ChoiceBox<String> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().setAll(YES_NO);
        box.setValue(YES_NO.get(value.get() == null ? 0 : value.get() ? 1 : 2));
        box.valueProperty().addListener((obs, old, now) -> value.set("yes".equals(now) ? Boolean.TRUE : "no".equals(now) ? Boolean.FALSE : null));
        value.addListener((obs, old, now) -> box.setValue(YES_NO.get(now == null ? 0 : now ? 1 : 2)));
        return box;
    }

    /** A pick from values a schema allows (loaded later), or none. */
    static ComboBox<String> choices(String id, ObservableList<String> values, ObjectProperty<String> value) {
        ComboBox<String> box = new ComboBox<>(values);
        box.setId(id);
        box.setPromptText("optional");
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    /** A form grid of two label-and-field pairs a row; the fields share the width. */
    static GridPane grid() {
        return grid(2);
    }

    /** A form grid of {@code pairs} label-and-field pairs a row; the fields share the width. */
    static GridPane grid(int pairs) {
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

    /** The text colour for a risk level. */
    static String levelStyle(RiskLevel level) {
        return switch (level) {
            case LOW -> Styles.SUCCESS;
            case MODERATE -> Styles.ACCENT;
            case ELEVATED -> Styles.WARNING;
            case HIGH -> Styles.DANGER;
            case UNKNOWN -> Styles.TEXT_MUTED;
        };
    }

    /** The text colour for an identity match verdict. */
    static String matchStyle(MatchLevel level) {
        return switch (level) {
            case PERFECT, STRONG -> Styles.SUCCESS;
            case PARTIAL -> Styles.WARNING;
            case MISMATCH -> Styles.DANGER;
            case NOT_COMPARED -> Styles.TEXT_MUTED;
        };
    }
}
