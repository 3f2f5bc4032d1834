package dev.tartan.ui.transfers;

/** What the Transfers pane reads when a transfer opens: one cache-through call each. */
public enum TransferData {
    /** The transfer itself, with its refunds (/transfer/get). */
    TRANSFER,
    /** Its timeline: every event of it and of its refunds (/transfer/event/list). */
    EVENTS,
    /** The sweep that moved its money, once there is one (/transfer/sweep/get). */
    SWEEP
}
