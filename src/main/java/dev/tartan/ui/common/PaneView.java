package dev.tartan.ui.common;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/** One product pane of the main window: what the navigation shows for it, and its content. */
public interface PaneView {

    /** A stable id, remembered as the last pane shown. */
    String id();

    String title();

    Ikon icon();

    Node node();

    /** Called each time the pane is brought to the front. */
    default void onShown() {
    }
}
