package dev.tartan.model;

import java.time.Instant;
import java.util.List;

/**
 * A Monitor program: which lists it screens against, how strictly names must match, and whether its
 * customers are screened again each day. Programs are set up in Plaid's Dashboard.
 *
 * @param sensitivity coarse, balanced, strict or exact
 */
public record WatchlistProgram(ScreeningKind kind, String id, String name, List<String> lists, String sensitivity, boolean rescanning,
                               boolean archived, Instant createdAt) {

    public WatchlistProgram {
        lists = lists == null ? List.of() : List.copyOf(lists);
    }
}
