package dev.tartan.model;

/**
 * A token or id to open in its product pane.
 *
 * @param kind        which pane and what: the Items pane (an access token), the Processor pane, the Transfers pane
 *                    (a transfer, refund, sweep, recurring transfer or authorization id), the Watchlist pane (a screening
 *                    id) or the Assets pane (an asset report token, or an audit copy token, which opens its report)
 * @param token       the access, processor, asset report or audit copy token, the Transfer id or the screening id
 * @param description what opening it does
 */
public record PaneTarget(Kind kind, String token, String description) implements OmniboxDestination {

    public enum Kind {
        ITEM("Items pane"),
        PROCESSOR_TOKEN("Processor tokens pane"),
        SCREENING("Watchlist pane"),
        ASSET_REPORT("Assets pane"),
        TRANSFER("Transfers pane"),
        TRANSFER_REFUND("Transfers pane"),
        TRANSFER_SWEEP("Transfers pane"),
        TRANSFER_RECURRING("Transfers pane"),
        TRANSFER_AUTHORIZATION("Transfers pane");

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
