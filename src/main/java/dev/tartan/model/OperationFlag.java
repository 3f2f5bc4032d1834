package dev.tartan.model;

/** What the catalog knows about an operation's effect, shown as badges and used by the guards. */
public enum OperationFlag {
    /** Changes nothing at Plaid; safe to repeat. */
    READ_ONLY("read-only"),
    /** Removes, invalidates or cancels something that cannot be brought back. */
    DESTRUCTIVE("destructive"),
    /** Moves real money when called in Production. */
    MOVES_MONEY("moves money"),
    /** Exists only in the Sandbox environment. */
    SANDBOX_ONLY("sandbox only"),
    /** Plaid has deprecated the operation. */
    DEPRECATED("deprecated");

    private final String label;

    OperationFlag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
