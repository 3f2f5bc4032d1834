package dev.tartan.emulator.watchlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A customer under watch: every version of it, its hits and its reviews. Not thread-safe: callers hold the lock. */
final class Screening {
    final Kind kind;
    final String id;
    /** Its place among the screenings of its kind (oldest first), for cursors. */
    final int seq;
    final Instant created;
    final List<Version> versions = new ArrayList<>();
    final Map<String, Hit> hits = new LinkedHashMap<>();
    final List<Review> reviews = new ArrayList<>();
    int nextHitSeq;

    Screening(Kind kind, String id, int seq, Instant created) {
        this.kind = kind;
        this.id = id;
        this.seq = seq;
        this.created = created;
    }

    Version current() {
        return versions.get(versions.size() - 1);
    }

    /**
     * The status a screening's hits call for: rejected once a hit is confirmed (a confirmed hit means the
     * customer is on a list); else pending review while a hit waits for a reviewer; else cleared (every hit
     * dismissed, or none found).
     */
    static ScreeningStatus settle(boolean anyConfirmed, boolean anyPending) {
        return anyConfirmed ? ScreeningStatus.REJECTED : anyPending ? ScreeningStatus.PENDING_REVIEW : ScreeningStatus.CLEARED;
    }
}
