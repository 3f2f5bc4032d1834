package dev.tartan.ui.common;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** The big, quiet "nothing here yet" of a pane: an icon, a title and a hint of what to do. */
public final class EmptyState {

    private EmptyState() {
    }

    public static VBox of(Ikon ikon, String title, String hint) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("placeholder-icon");
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_3);
        Label text = new Label(hint);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setWrapText(true);
        VBox box = new VBox(10, icon, heading, text);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(440);
        return box;
    }
}
