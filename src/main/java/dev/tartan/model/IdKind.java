package dev.tartan.model;

/** What a pasted Plaid identifier or token is, as far as its shape tells. */
public enum IdKind {
    ACCESS_TOKEN("Access token"),
    PROCESSOR_TOKEN("Processor token"),
    PUBLIC_TOKEN("Public token"),
    LINK_TOKEN("Link token"),
    USER_TOKEN("User token"),
    ASSET_REPORT_TOKEN("Asset report token"),
    AUDIT_COPY_TOKEN("Audit copy token"),
    PAYMENT_TOKEN("Payment token"),
    RELAY_TOKEN("Relay token"),
    /** 37 letters and digits: an item_id, account_id or transaction_id (only the token book can tell). */
    ITEM_OR_ACCOUNT_ID("Item, account or transaction id"),
    /** A UUID: a transfer, authorization, refund, sweep, asset report, payment or test clock id. */
    UUID("Transfer or other UUID id"),
    INDIVIDUAL_SCREENING_ID("Individual watchlist screening"),
    ENTITY_SCREENING_ID("Entity watchlist screening"),
    SCREENING_HIT_ID("Watchlist screening hit"),
    WATCHLIST_PROGRAM_ID("Watchlist program"),
    IDENTITY_VERIFICATION_ID("Identity verification"),
    BEACON_USER_ID("Beacon user"),
    INSTITUTION_ID("Institution"),
    UNKNOWN("Unrecognised");

    private final String displayName;

    IdKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
