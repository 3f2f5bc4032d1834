package dev.tartan.model;

/**
 * The queue's filters together: a status (null: any), a program (null: any), whose screenings, and
 * the text typed (name, client_user_id or id).
 *
 * @param me the reviewer's own Dashboard user id (for {@link AssigneeFilter#ME}); null when not chosen, which matches nothing
 */
public record ScreeningQuery(ScreeningStatus status, String programId, AssigneeFilter assignee, String me, TextQuery text) {

    public static final ScreeningQuery EVERYTHING = new ScreeningQuery(null, null, AssigneeFilter.ANYONE, null, TextQuery.of(""));

    /** Whether {@code screening} passes every filter. */
    public boolean matches(Screening screening) {
        return (status == null || screening.status() == status) && matchesAllButStatus(screening);
    }

    /** Whether {@code screening} passes every filter but the status: what the status counts count. */
    public boolean matchesAllButStatus(Screening screening) {
        if (programId != null && !programId.equals(screening.programId())) {
            return false;
        }
        boolean whose = switch (assignee == null ? AssigneeFilter.ANYONE : assignee) {
            case ANYONE -> true;
            case ME -> me != null && me.equals(screening.assignee());
            case UNASSIGNED -> screening.assignee() == null;
        };
        return whose && screening.matches(text);
    }
}
