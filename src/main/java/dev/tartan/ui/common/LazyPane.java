package dev.tartan.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

import java.util.function.Supplier;

/**
 * A pane of the main window's navigation, whose view is built the first time it is shown: the
 * navigation lists it at once, and the window's first frame does not wait for panes the user has
 * not opened yet.
 */
public final class LazyPane {

    private final PaneInfo info;
    private final Supplier<? extends PaneView> factory;
    private PaneView view;
    private ObservableValue<? extends Number> badge;

    public LazyPane(PaneInfo info, Supplier<? extends PaneView> factory) {
        this.info = info;
        this.factory = factory;
    }

    /** The pane's id, name and icon. */
    public PaneInfo info() {
        return info;
    }

    /** Shows {@code count} on the pane's navigation entry while it is above zero (unseen webhooks, say). */
    public LazyPane withBadge(ObservableValue<? extends Number> count) {
        this.badge = count;
        return this;
    }

    /** The count the navigation shows beside the pane, or null when it shows none. */
    public ObservableValue<? extends Number> badge() {
        return badge;
    }

    /** The pane's content, built on first use. */
    public Node node() {
        return view().node();
    }

    /** Tells the pane it was brought to the front. */
    public void onShown() {
        view().onShown();
    }

    private PaneView view() {
        if (view == null) {
            view = factory.get();
        }
        return view;
    }
}
