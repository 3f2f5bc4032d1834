package dev.tartan.model;

/**
 * A token to open in its product pane.
 *
 * @param kind        which pane: the Items pane (an access token) or the Processor pane
 * @param token       the access or processor token
 * @param description what opening it does
 */
public record PaneTarget(Kind kind, String token, String description) implements OmniboxDestination {

    public enum Kind { ITEM, PROCESSOR_TOKEN }
}
