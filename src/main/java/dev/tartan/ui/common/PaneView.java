package dev.tartan.ui.common;

import javafx.scene.Node;

/** The content of one product pane of the main window (the navigation knows the pane by its {@link PaneInfo}). */
public interface PaneView {

    Node node();

    /** Called each time the pane is brought to the front. */
    default void onShown() {
    }
}
