package dev.tartan.model;

/**
 * A token to open in its product pane.
 *
 * @param kind        which pane and what: the Items pane (an access token), the Processor pane, or the Transfers pane
 *                    (a transfer, refund, sweep, recurring transfer or authorization id)
 * @param token       the access or processor token, or the Transfer id
 * @param description what opening it does
 */
public record PaneTarget(Kind kind, String token, String description) implements OmniboxDestination {

    public enum Kind { ITEM, PROCESSOR_TOKEN, TRANSFER, TRANSFER_REFUND, TRANSFER_SWEEP, TRANSFER_RECURRING, TRANSFER_AUTHORIZATION }
}
