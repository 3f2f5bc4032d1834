package dev.tartan.model;

import java.time.Instant;
import java.util.List;

/**
 * A review a team member submitted on a screening: the hits confirmed and dismissed, and why.
 *
 * @param reviewer the Dashboard user who submitted it, or null (submitted through the API)
 * @param source   dashboard, api, ...
 */
public record ScreeningReview(String id, List<String> confirmedHits, List<String> dismissedHits, String comment, String reviewer,
                              String source, Instant at) {

    public ScreeningReview {
        confirmedHits = confirmedHits == null ? List.of() : List.copyOf(confirmedHits);
        dismissedHits = dismissedHits == null ? List.of() : List.copyOf(dismissedHits);
    }
}
