package dev.tartan.ui.common;

import dev.tartan.model.ConsoleDraft;

/** Lets one part of the window send the user to another without knowing it. */
public interface Navigator {

    /** Opens the API console on a prepared call. */
    void openInConsole(ConsoleDraft draft);

    /** Opens a web page in the user's browser. */
    void openLink(String url);
}
