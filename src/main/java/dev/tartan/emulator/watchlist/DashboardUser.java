package dev.tartan.emulator.watchlist;

import java.time.Instant;

/**
 * A member of the client's team in Plaid's Dashboard: the reviewers screenings are assigned to.
 *
 * @param status {@code invited}, {@code active} or {@code deactivated}
 */
record DashboardUser(String id, Instant createdAt, String emailAddress, String status) {
    static final String DEACTIVATED = "deactivated";
}
