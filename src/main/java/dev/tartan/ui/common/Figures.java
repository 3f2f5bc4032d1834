package dev.tartan.ui.common;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A figure with what it is under it ("$1,204.00" over "available"), and the card such figures sit
 * on: a balance, a score, a report's totals, a decision. The look is in tartan.css.
 */
public final class Figures {

    /** The style class of a card: a subtle background with a rounded border. */
    public static final String CARD = "figure-card";

    private Figures() {
    }

    /** An empty figure, to fill in when its data comes; it never wraps or shrinks. */
    public static Label figure(String id) {
        Label figure = new Label();
        figure.setId(id);
        figure.getStyleClass().add("figure");
        figure.setMinWidth(Region.USE_PREF_SIZE);
        return figure;
    }

    /** The figure with its caption under it. */
    public static VBox captioned(Label figure, String caption) {
        Label text = new Label(caption);
        text.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return new VBox(0, figure, text);
    }
}
