package dev.tartan.ui.common;

import dev.tartan.model.ConsoleDraft;
import dev.tartan.model.OmniboxDestination;
import dev.tartan.model.PaneTarget;

import java.nio.file.Path;

/** Lets one part of the window send the user to another without knowing it. */
public interface Navigator {

    /** Opens the API console on a prepared call. */
    void openInConsole(ConsoleDraft draft);

    /** Opens a token in its product pane (adding it to the token book if it is not there yet). */
    void openInPane(PaneTarget target);

    /** Opens one of Plaid's pages in the user's browser; any other link is refused. */
    void openLink(String url);

    /** Opens a file Tartan wrote (a PDF, a zip) with the program the system chooses for it. */
    void openFile(Path file);

    /** Goes wherever the omnibox said. */
    default void open(OmniboxDestination destination) {
        if (destination instanceof ConsoleDraft draft) {
            openInConsole(draft);
        } else if (destination instanceof PaneTarget target) {
            openInPane(target);
        }
    }
}
