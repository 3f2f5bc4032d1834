package dev.tartan.emulator.watchlist;

import java.util.List;

/** A reviewer's decision on some of a screening's hits (confirmed: a true match; dismissed: not the customer), a comment, or both. */
record Review(String id, List<String> confirmedHits, List<String> dismissedHits, String comment, AuditTrail audit) {
}
