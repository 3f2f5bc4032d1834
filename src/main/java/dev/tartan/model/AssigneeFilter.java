package dev.tartan.model;

/** Whose screenings the queue shows. */
public enum AssigneeFilter {
    ANYONE("Anyone"),
    ME("Assigned to me"),
    UNASSIGNED("Unassigned");

    private final String displayName;

    AssigneeFilter(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
