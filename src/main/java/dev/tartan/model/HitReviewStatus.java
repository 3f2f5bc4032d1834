package dev.tartan.model;

/** Where one hit of a screening stands: waiting for a reviewer, confirmed as the customer, or dismissed. */
public enum HitReviewStatus {
    PENDING_REVIEW("pending_review", "Pending review"),
    CONFIRMED("confirmed", "Confirmed"),
    DISMISSED("dismissed", "Dismissed");

    private final String wire;
    private final String displayName;

    HitReviewStatus(String wire, String displayName) {
        this.wire = wire;
        this.displayName = displayName;
    }

    public String wire() {
        return wire;
    }

    public String displayName() {
        return displayName;
    }

    /** The status Plaid wrote; an unknown one reads as pending (it still needs a reviewer's eye). */
    public static HitReviewStatus fromWire(String text) {
        for (HitReviewStatus status : values()) {
            if (status.wire.equals(text)) {
                return status;
            }
        }
        return PENDING_REVIEW;
    }
}
