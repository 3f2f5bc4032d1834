package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A listing attached to a screening. While pending it follows the screening's search terms and the lists (a
 * rescreen updates or drops it); once confirmed or dismissed it stays as it was reviewed. Not thread-safe.
 */
final class Hit {
    final String id;
    /** The listing's {@link Listing#key()}: a listing reviewed on a screening never comes back as a new hit. */
    final String listingKey;
    /** Its place among the screening's hits, for cursors. */
    final int seq;
    HitStatus status = HitStatus.PENDING_REVIEW;
    /** Everything the API shows of it but its id and review status: list, uids, dates, analysis and data. */
    ObjectNode body;

    Hit(String id, String listingKey, int seq, ObjectNode body) {
        this.id = id;
        this.listingKey = listingKey;
        this.seq = seq;
        this.body = body;
    }

    /** As the journal keeps a hit that was found or updated. */
    record Found(String id, String listingKey, ObjectNode body) {
    }
}
