package dev.tartan.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A review about to be sent: the hits it confirms and dismisses, and the status the screening will
 * have by Plaid's rule (a confirmed hit rejects the customer; every hit dismissed clears them;
 * otherwise the screening stays pending review).
 *
 * @param stillPending the pending hits the review leaves undecided
 */
public record ReviewPlan(List<String> confirmed, List<String> dismissed, int stillPending, ScreeningStatus outcome) {

    /** The plan for {@code decisions} (by hit id) over the screening's {@code hits}; decisions on hits no longer pending are ignored. */
    public static ReviewPlan of(List<ScreeningHit> hits, Map<String, HitDecision> decisions) {
        List<String> confirmed = new ArrayList<>();
        List<String> dismissed = new ArrayList<>();
        int pending = 0;
        boolean anyConfirmed = false;
        for (ScreeningHit hit : hits) {
            HitDecision decision = hit.isPending() ? decisions.get(hit.id()) : null;
            if (decision == HitDecision.CONFIRM) {
                confirmed.add(hit.id());
            } else if (decision == HitDecision.DISMISS) {
                dismissed.add(hit.id());
            } else if (hit.isPending()) {
                pending++;
            }
            anyConfirmed |= decision == HitDecision.CONFIRM || hit.status() == HitReviewStatus.CONFIRMED;
        }
        ScreeningStatus outcome = anyConfirmed ? ScreeningStatus.REJECTED
                : pending == 0 ? ScreeningStatus.CLEARED : ScreeningStatus.PENDING_REVIEW;
        return new ReviewPlan(List.copyOf(confirmed), List.copyOf(dismissed), pending, outcome);
    }

    /** Whether it decides anything (a review may also be a comment alone). */
    public boolean decidesAnything() {
        return !confirmed.isEmpty() || !dismissed.isEmpty();
    }

    /** "Confirms 1 hit and dismisses 2; 1 stays pending. The screening stays Pending review." */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!confirmed.isEmpty()) {
            parts.add("confirms " + count(confirmed.size()));
        }
        if (!dismissed.isEmpty()) {
            parts.add("dismisses " + count(dismissed.size()));
        }
        String what = parts.isEmpty() ? "This review decides no hit (a comment only)" : "This review " + String.join(" and ", parts);
        String left = stillPending == 0 ? "" : "; " + count(stillPending) + (stillPending == 1 ? " stays" : " stay") + " pending";
        String after = switch (outcome) {
            case REJECTED -> "The screening becomes Rejected: a confirmed hit means the customer is on a list.";
            case CLEARED -> "The screening becomes Cleared: every hit is dismissed.";
            case PENDING_REVIEW -> "The screening stays Pending review.";
        };
        return what + left + ". " + after;
    }

    private static String count(int hits) {
        return hits + (hits == 1 ? " hit" : " hits");
    }
}
