package dev.tartan.model;

import java.time.Instant;

/**
 * One entry of a screening's timeline: a version Plaid keeps (created, search terms edited, status,
 * assignee or program changed), a review, or what Tartan's own audit log recorded of an action taken here.
 *
 * @param who       who did it: a Dashboard user's email, "API", "Plaid", or the Tartan user
 * @param title     what happened, in a line ("Status: Pending review \u2192 Rejected")
 * @param detail    more of it (the fields edited, the hits confirmed), or ""
 * @param comment   the reviewer's comment, or null
 * @param requestId Plaid's request_id of the call that did it, when known
 */
public record ScreeningEvent(Instant at, Kind kind, String who, String title, String detail, String comment, String requestId) {

    public enum Kind { CREATED, SEARCH_TERMS, STATUS, ASSIGNEE, PROGRAM, CLIENT_USER_ID, REVIEW, RECORDED }
}
