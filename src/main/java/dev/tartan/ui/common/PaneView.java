package dev.tartan.ui.common;

import javafx.scene.Node;

/** One product pane of the main window: what the navigation shows for it, and its content. */
public interface PaneView {

    /** The pane's id, name and icon (fixed per kind of pane). */
    PaneInfo info();

    Node node();

    /** Called each time the pane is brought to the front. */
    default void onShown() {
    }
}
