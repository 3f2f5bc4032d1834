package dev.tartan.ui.items;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The name of a field in a dialog's form: never squeezed to "…" by a narrow window. */
final class FieldName {

    private FieldName() {
    }

    static Label of(String text) {
        Label name = new Label(text);
        name.setMinWidth(Region.USE_PREF_SIZE);
        return name;
    }
}
