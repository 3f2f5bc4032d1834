package dev.tartan.model;

/**
 * A token or id to open in its product pane.
 *
 * @param kind        which pane: the Items pane (an access token), the Processor pane, or the Watchlist pane (a screening id)
 * @param token       the access or processor token, or the screening id
 * @param description what opening it does
 */
public record PaneTarget(Kind kind, String token, String description) implements OmniboxDestination {

    public enum Kind {
        ITEM("Items pane"),
        PROCESSOR_TOKEN("Processor tokens pane"),
        SCREENING("Watchlist pane");

        private final String paneName;

        Kind(String paneName) {
            this.paneName = paneName;
        }

        /** The pane it opens in, as the omnibox names it. */
        public String paneName() {
            return paneName;
        }
    }
}
