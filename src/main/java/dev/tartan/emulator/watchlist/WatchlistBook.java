package dev.tartan.emulator.watchlist;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Monitor's state in memory: the screenings of each kind in the order they were made, their hits, reviews
 * and versions, and the lists. It changes only by applying {@link Fact}s, so the journal rebuilds it exactly.
 * Not thread-safe: callers hold the Watchlist's lock.
 */
final class WatchlistBook {
    private final Dataset dataset;
    private final Map<String, Screening> screenings = new HashMap<>();
    private final Map<Kind, List<Screening>> inOrder = new EnumMap<>(Kind.class);
    /** Which screening each hit belongs to, to tell a hit of another screening from an unknown one. */
    private final Map<String, String> hitOwners = new HashMap<>();

    WatchlistBook(Dataset dataset) {
        this.dataset = dataset;
        for (Kind kind : Kind.values()) {
            inOrder.put(kind, new ArrayList<>());
        }
    }

    void apply(Fact fact) {
        fact.applyTo(this);
    }

    // ---- applying facts ---------------------------------------------------------------------------------

    void create(Fact.Created made) {
        List<Screening> ofKind = inOrder.get(made.kind());
        Screening screening = new Screening(made.kind(), made.screeningId(), ofKind.size(), made.at());
        screening.versions.add(made.version());
        made.hits().forEach(found -> add(screening, found));
        screenings.put(screening.id, screening);
        ofKind.add(screening);
    }

    void change(Fact.Changed changed) {
        Screening screening = screenings.get(changed.screeningId());
        for (String removed : changed.removed()) {
            screening.hits.remove(removed);
            hitOwners.remove(removed);
        }
        for (Hit.Found updated : changed.updated()) {
            screening.hits.get(updated.id()).body = updated.body();
        }
        changed.added().forEach(found -> add(screening, found));
        if (changed.version() != null) {
            screening.versions.add(changed.version());
        }
    }

    void review(Fact.Reviewed reviewed) {
        Screening screening = screenings.get(reviewed.screeningId());
        Review review = reviewed.review();
        review.confirmedHits().forEach(id -> screening.hits.get(id).status = HitStatus.CONFIRMED);
        review.dismissedHits().forEach(id -> screening.hits.get(id).status = HitStatus.DISMISSED);
        screening.reviews.add(review);
        if (reviewed.version() != null) {
            screening.versions.add(reviewed.version());
        }
    }

    void publish(Fact.Published published) {
        dataset.publish(published.listing());
    }

    private void add(Screening screening, Hit.Found found) {
        screening.hits.put(found.id(), new Hit(found.id(), found.listingKey(), screening.nextHitSeq++, found.body()));
        hitOwners.put(found.id(), screening.id);
    }

    // ---- reading ----------------------------------------------------------------------------------------

    Optional<Screening> screening(String id) {
        return Optional.ofNullable(screenings.get(id));
    }

    List<Screening> screenings(Kind kind) {
        return inOrder.get(kind);
    }

    /** The screening a hit belongs to, if the hit exists. */
    Optional<String> ownerOfHit(String hitId) {
        return Optional.ofNullable(hitOwners.get(hitId));
    }

    Dataset dataset() {
        return dataset;
    }
}
