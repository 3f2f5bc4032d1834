package dev.tartan.ui.common;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

import java.util.function.Supplier;

/**
 * A pane whose view is built the first time it is shown: the navigation lists it at once, and the
 * window's first frame does not wait for panes the user has not opened yet.
 */
public final class LazyPaneView implements PaneView {

    private final String id;
    private final String title;
    private final Ikon icon;
    private final Supplier<? extends PaneView> factory;
    private PaneView view;

    public LazyPaneView(String id, String title, Ikon icon, Supplier<? extends PaneView> factory) {
        this.id = id;
        this.title = title;
        this.icon = icon;
        this.factory = factory;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Ikon icon() {
        return icon;
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
