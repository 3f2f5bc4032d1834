package dev.tartan.model;

/**
 * A token to open in its product pane.
 *
 * @param kind        which pane: the Items pane (an access token), the Processor pane, or the Assets pane (an
 *                    asset report token, or an audit copy token, which opens its report)
 * @param token       the access, processor, asset report or audit copy token
 * @param description what opening it does
 */
public record PaneTarget(Kind kind, String token, String description) implements OmniboxDestination {

    public enum Kind { ITEM, PROCESSOR_TOKEN, ASSET_REPORT }
}
