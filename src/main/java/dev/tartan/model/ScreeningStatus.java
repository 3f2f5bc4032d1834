package dev.tartan.model;

/** Where a screening stands: waiting for a reviewer, cleared, or rejected (a hit confirmed). */
public enum ScreeningStatus {
    PENDING_REVIEW("pending_review", "Pending review"),
    CLEARED("cleared", "Cleared"),
    REJECTED("rejected", "Rejected");

    private final String wire;
    private final String displayName;

    ScreeningStatus(String wire, String displayName) {
        this.wire = wire;
        this.displayName = displayName;
    }

    /** As Plaid writes it: pending_review, cleared, rejected. */
    public String wire() {
        return wire;
    }

    public String displayName() {
        return displayName;
    }

    /** The status Plaid wrote, or null for one Tartan does not know. */
    public static ScreeningStatus fromWire(String text) {
        for (ScreeningStatus status : values()) {
            if (status.wire.equals(text)) {
                return status;
            }
        }
        return null;
    }
}
