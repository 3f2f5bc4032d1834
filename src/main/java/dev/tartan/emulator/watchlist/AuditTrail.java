package dev.tartan.emulator.watchlist;

import java.time.Instant;

/**
 * Who made the last change to a screening, review or program, and when: Plaid's {@code audit_trail}.
 *
 * @param source          {@code dashboard}, {@code link}, {@code api} or {@code system} (a rescan)
 * @param dashboardUserId the Dashboard user who made it, null unless the source is the Dashboard
 */
record AuditTrail(String source, String dashboardUserId, Instant timestamp) {
    static final String API = "api";
    static final String SYSTEM = "system";
    static final String DASHBOARD = "dashboard";

    static AuditTrail api(Instant at) {
        return new AuditTrail(API, null, at);
    }

    static AuditTrail system(Instant at) {
        return new AuditTrail(SYSTEM, null, at);
    }
}
