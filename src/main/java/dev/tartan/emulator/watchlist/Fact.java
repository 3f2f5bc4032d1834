package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.List;

/**
 * One change to Monitor's state, as the journal keeps it. Facts carry what was decided when they happened
 * (ids, times, the hits found and their analysis), so replaying them rebuilds the same screenings even if
 * the matching or the bundled lists change later.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "fact")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Fact.Created.class, name = "screening"),
        @JsonSubTypes.Type(value = Fact.Changed.class, name = "changed"),
        @JsonSubTypes.Type(value = Fact.Reviewed.class, name = "review"),
        @JsonSubTypes.Type(value = Fact.Published.class, name = "listing")})
sealed interface Fact {

    void applyTo(WatchlistBook book);

    /** A screening created, with the hits its first search found. */
    record Created(Kind kind, String screeningId, Instant at, Version version, List<Hit.Found> hits) implements Fact {
        public void applyTo(WatchlistBook book) {
            book.create(this);
        }
    }

    /**
     * A screening changed: a new version (null when only its pending hits changed) and what a rescreen did to
     * its hits.
     */
    record Changed(String screeningId, Version version, List<Hit.Found> added, List<Hit.Found> updated, List<String> removed)
            implements Fact {
        public void applyTo(WatchlistBook book) {
            book.change(this);
        }
    }

    /** A review, and the version its decisions led to (null when the status stayed). */
    record Reviewed(String screeningId, Review review, Version version) implements Fact {
        public void applyTo(WatchlistBook book) {
            book.review(this);
        }
    }

    /** A list update: an entry a list published after the bundled data (the rescan extension makes them). */
    record Published(Listing listing) implements Fact {
        public void applyTo(WatchlistBook book) {
            book.publish(this);
        }
    }
}
