package dev.tartan.model;

/** Somewhere the omnibox can take the user: a product pane on a token, or a prepared console call. */
public sealed interface OmniboxDestination permits ConsoleDraft, PaneTarget {

    /** What opening it does, for the omnibox's list ("Open this Item", "Get the transfer with this id"). */
    String description();
}
