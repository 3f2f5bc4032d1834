package dev.tartan.emulator.transfer;

/**
 * An authorization decision: {@code approved}, {@code declined} or {@code user_action_required}, with
 * Plaid's rationale code (null when the risk check passed) and, when a guarantee was asked for, the
 * guarantee decision.
 */
record Verdict(String decision, String rationaleCode, String rationaleDescription, String guaranteeDecision,
               String guaranteeRationaleCode) {
    static final String APPROVED = "approved";
    static final String DECLINED = "declined";
    static final String USER_ACTION_REQUIRED = "user_action_required";

    static Verdict approved() {
        return new Verdict(APPROVED, null, null, null, null);
    }

    static Verdict approved(String code, String description) {
        return new Verdict(APPROVED, code, description, null, null);
    }

    static Verdict declined(String code, String description) {
        return new Verdict(DECLINED, code, description, null, null);
    }

    boolean isApproved() {
        return APPROVED.equals(decision);
    }

    /** The same decision with a guarantee decision: guaranteed only when the risk check ran and passed. */
    Verdict withGuarantee() {
        if (!isApproved()) {
            return this;
        }
        return rationaleCode == null ? new Verdict(decision, null, null, "GUARANTEED", null)
                : new Verdict(decision, rationaleCode, rationaleDescription, "NOT_GUARANTEED", "RISK_ESTIMATE_UNAVAILABLE");
    }
}
