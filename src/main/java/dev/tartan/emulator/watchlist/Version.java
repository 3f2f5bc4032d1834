package dev.tartan.emulator.watchlist;

/**
 * A screening as it stood after one change: what {@code get} shows while it is the latest, and what
 * {@code history/list} keeps once a later change supersedes it.
 */
record Version(SearchTerms terms, String assignee, ScreeningStatus status, String clientUserId, AuditTrail audit) {

    Version with(SearchTerms newTerms, String newAssignee, ScreeningStatus newStatus, String newClientUserId, AuditTrail newAudit) {
        return new Version(newTerms, newAssignee, newStatus, newClientUserId, newAudit);
    }

    Version withStatus(ScreeningStatus newStatus, AuditTrail newAudit) {
        return new Version(terms, assignee, newStatus, clientUserId, newAudit);
    }
}
