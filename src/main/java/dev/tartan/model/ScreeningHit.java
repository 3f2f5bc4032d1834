package dev.tartan.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A watchlist entry that Plaid found for a screening: where it comes from, how each kind of its
 * data compares with the search terms, the data itself, and where its review stands.
 *
 * @param listCode       the list it is on (US_SDN, UK_HMC, ...)
 * @param plaidUid       Plaid's id of the entry, the same across screenings
 * @param sourceUid      the list's own id of the entry, or null
 * @param firstActive    when the entry was first listed
 * @param inactiveSince  when it stopped being active, or null
 * @param historicalSince when it became historical, or null
 * @param termsVersion   the version of the search terms it was compared with
 * @param analysis       how each kind of data compares, as Plaid sums it up
 * @param values         the entry's data, every value with its own comparison
 */
public record ScreeningHit(ScreeningKind kind, String id, HitReviewStatus status, String listCode, String plaidUid, String sourceUid,
                           Instant firstActive, Instant inactiveSince, Instant historicalSince, int termsVersion,
                           Map<HitField, MatchSummary> analysis, List<HitValue> values) {

    public ScreeningHit {
        analysis = analysis == null ? Map.of() : Map.copyOf(analysis);
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** The values of one kind. */
    public List<HitValue> values(HitField field) {
        return values.stream().filter(value -> value.field() == field).toList();
    }

    /** How one kind of data compares, or null when Plaid did not say. */
    public MatchSummary summary(HitField field) {
        return analysis.get(field);
    }

    /** The name the entry is best known by (its primary name, else its first). */
    public String primaryName() {
        List<HitValue> names = values(HitField.NAMES);
        return names.stream().filter(HitValue::primary).findFirst().or(() -> names.stream().findFirst())
                .map(HitValue::text).orElse(plaidUid);
    }

    /** Its other names. */
    public List<HitValue> aliases() {
        String primary = primaryName();
        return values(HitField.NAMES).stream().filter(name -> !name.text().equals(primary)).toList();
    }

    public boolean isPending() {
        return status == HitReviewStatus.PENDING_REVIEW;
    }
}
