package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.wire.OperationRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Hits and reviews of both kinds: {@code hit/list}, {@code review/create} and {@code review/list}. A review
 * confirms or dismisses hits of its own screening that are still pending, and the screening's status follows
 * Plaid's rule: rejected once a hit is confirmed, cleared once every hit is dismissed, pending review while
 * one waits (see {@link Screening#settle}).
 */
final class ReviewOperations {
    private final Screenings screenings;

    ReviewOperations(Screenings screenings) {
        this.screenings = screenings;
    }

    void register(Routes routes) {
        for (Kind kind : Kind.values()) {
            routes.read(kind.path("hit/list"), request -> hits(kind, request));
            routes.write(kind.path("review/create"), request -> review(kind, request));
            routes.read(kind.path("review/list"), request -> reviews(kind, request));
        }
    }

    /** The screening's hits, in the order they were found, reviewed ones included. */
    private ObjectNode hits(Kind kind, OperationRequest request) {
        Screening screening = screenings.require(kind, request);
        int start = Cursors.position(request, 0);
        ObjectNode body = Json.object();
        ArrayNode page = body.putArray(kind.hitsField);
        String next = null;
        for (Hit hit : screening.hits.values()) {
            if (hit.seq < start) {
                continue;
            }
            if (page.size() == Cursors.HITS_PAGE) {
                next = Cursors.next(hit.seq);
                break;
            }
            page.add(WatchlistViews.hit(hit));
        }
        body.put("next_cursor", next);
        return body;
    }

    private ObjectNode review(Kind kind, OperationRequest request) {
        Screening screening = screenings.require(kind, request);
        Set<String> seen = new HashSet<>();
        List<String> confirmed = hitIds(screening, request, "confirmed_hits", seen);
        List<String> dismissed = hitIds(screening, request, "dismissed_hits", seen);
        String comment = request.text("comment");
        if (confirmed.isEmpty() && dismissed.isEmpty() && (comment == null || comment.isBlank())) {
            throw WatchlistErrors.invalid("comment", "a review needs a hit to confirm or dismiss, or a comment");
        }
        Watchlist watchlist = screenings.watchlist();
        AuditTrail audit = AuditTrail.api(watchlist.now());
        Review review = new Review(Watchlist.newId(kind.reviewPrefix), List.copyOf(confirmed), List.copyOf(dismissed), comment, audit);
        Version current = screening.current();
        ScreeningStatus status = current.status();
        if (!confirmed.isEmpty() || !dismissed.isEmpty()) {
            boolean anyConfirmed = !confirmed.isEmpty();
            boolean anyPending = false;
            for (Hit hit : screening.hits.values()) {
                anyConfirmed |= hit.status == HitStatus.CONFIRMED;
                anyPending |= hit.status == HitStatus.PENDING_REVIEW && !seen.contains(hit.id);
            }
            status = Screening.settle(anyConfirmed, anyPending);
        }
        Version next = status == current.status() ? null : current.withStatus(status, audit);
        watchlist.record(new Fact.Reviewed(screening.id, review, next));
        if (next != null) {
            watchlist.announceStatus(screening);
        }
        return WatchlistViews.review(review);
    }

    /** The hit ids of {@code field}: each a pending hit of this screening, named once in the review. */
    private List<String> hitIds(Screening screening, OperationRequest request, String field, Set<String> seen) {
        List<String> ids = new ArrayList<>();
        for (JsonNode node : request.body().path(field)) {
            String id = node.asText();
            Hit hit = screening.hits.get(id);
            if (hit == null) {
                String owner = screenings.watchlist().book().ownerOfHit(id).orElse(null);
                throw WatchlistErrors.invalid(field, owner == null
                        ? "no hit has the id " + id + " (see " + screening.kind.path("hit/list") + ")"
                        : "the hit " + id + " belongs to the screening " + owner + ", not to " + screening.id);
            }
            if (!seen.add(id)) {
                throw WatchlistErrors.invalid(field, "the hit " + id + " is named twice in this review");
            }
            if (hit.status != HitStatus.PENDING_REVIEW) {
                throw WatchlistErrors.invalid(field, "the hit " + id + " was already " + hit.status.wire()
                        + "; reviewed hits do not change");
            }
            ids.add(id);
        }
        return ids;
    }

    /** The screening's reviews, oldest first. */
    private ObjectNode reviews(Kind kind, OperationRequest request) {
        Screening screening = screenings.require(kind, request);
        int start = Cursors.position(request, 0);
        ObjectNode body = Json.object();
        ArrayNode page = body.putArray(kind.reviewsField);
        int i = start;
        for (; i < screening.reviews.size() && page.size() < Cursors.PAGE; i++) {
            page.add(WatchlistViews.review(screening.reviews.get(i)));
        }
        body.put("next_cursor", i < screening.reviews.size() ? Cursors.next(i) : null);
        return body;
    }
}
