package dev.tartan.model;

import java.time.Instant;

/**
 * One customer's watchlist screening as Plaid last reported it.
 *
 * @param assignee      the Dashboard user reviewing it, or null
 * @param clientUserId  the client's own id for the customer, or null
 * @param changedAt     when it last changed (its audit_trail's timestamp): how long it has been waiting
 * @param changedBy     the Dashboard user who changed it last, or null (an API call, Plaid itself)
 * @param changeSource  what changed it last: dashboard, link, api or system
 */
public record Screening(ScreeningKind kind, String id, ScreeningTerms terms, String assignee, ScreeningStatus status,
                        String clientUserId, Instant changedAt, String changedBy, String changeSource) {

    /** Whether the text typed into the queue's search finds it: by name, client_user_id or id. */
    public boolean matches(TextQuery query) {
        return query.isEmpty() || query.matches(terms.legalName(), clientUserId, id) || query.isExactly(id)
                || query.isExactly(clientUserId);
    }

    public String name() {
        return terms.legalName();
    }

    public String programId() {
        return terms.programId();
    }

    /** The same screening with another status, as a review or an update left it. */
    public Screening withStatus(ScreeningStatus newStatus) {
        return new Screening(kind, id, terms, assignee, newStatus, clientUserId, changedAt, changedBy, changeSource);
    }
}
