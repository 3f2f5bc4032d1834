package dev.tartan.emulator.watchlist;

import java.time.Instant;
import java.util.List;

/**
 * A watchlist program: the lists a screening in it is compared with, how closely names must match, and
 * whether its screenings are rescanned as the lists change. Archived programs take no new screenings.
 */
record Program(Kind kind, String id, String name, Instant createdAt, boolean rescanning, List<String> lists,
               Sensitivity sensitivity, boolean archived, AuditTrail audit) {

    boolean screens(String listCode) {
        return lists.contains(listCode);
    }
}
