package dev.tartan.ui.common;

import javafx.scene.Node;

import java.util.function.Supplier;

/**
 * A pane whose view is built the first time it is shown: the navigation lists it at once, and the
 * window's first frame does not wait for panes the user has not opened yet.
 */
public final class LazyPaneView implements PaneView {

    private final PaneInfo info;
    private final Supplier<? extends PaneView> factory;
    private PaneView view;

    public LazyPaneView(PaneInfo info, Supplier<? extends PaneView> factory) {
        this.info = info;
        this.factory = factory;
    }

    @Override
    public PaneInfo info() {
        return info;
    }

    @Override
    public Node node() {
        return view().node();
    }

    @Override
    public void onShown() {
        view().onShown();
    }

    /** The real view, built on first use. */
    public PaneView view() {
        if (view == null) {
            view = factory.get();
        }
        return view;
    }
}
