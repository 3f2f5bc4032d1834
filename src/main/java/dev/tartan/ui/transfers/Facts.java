package dev.tartan.ui.transfers;

import atlantafx.base.theme.Styles;
import dev.tartan.ui.common.Clipboards;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** A grid of facts, a name and a value a row; right-click copies a value. Values that are ids are monospaced. */
final class Facts extends GridPane {

    private int rows;

    Facts(String id) {
        setId(id);
        getStyleClass().add("facts");
        setHgap(14);
        setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(names, values);
    }

    void clear() {
        getChildren().clear();
        rows = 0;
    }

    /** Adds a row; a null or empty value shows as "—". */
    Facts add(String name, String value) {
        return add(name, value, false);
    }

    /** Adds a row whose value is an id (monospaced). */
    Facts id(String name, String value) {
        return add(name, value, true);
    }

    private Facts add(String name, String value, boolean mono) {
        Label label = new Label(name);
        label.getStyleClass().add("fact-name");
        label.setMinWidth(Label.USE_PREF_SIZE);
        String shown = value == null || value.isEmpty() || "null".equals(value) ? "\u2014" : value;
        Label text = new Label(shown);
        text.setId("fact-" + name.replaceAll("[^A-Za-z0-9_]", "_"));
        text.setWrapText(true);
        if (mono) {
            text.getStyleClass().addAll("mono", Styles.TEXT_SMALL);
        }
        MenuItem copy = new MenuItem("Copy " + name);
        copy.setOnAction(e -> Clipboards.copy(shown));
        text.setContextMenu(new ContextMenu(copy));
        addRow(rows++, label, text);
        return this;
    }
}
