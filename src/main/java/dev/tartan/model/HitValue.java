package dev.tartan.model;

/**
 * One value a watchlist entry holds (a name, a date of birth, a place, a document, ...) and how it
 * compares with the search terms.
 *
 * @param text      the value as the list gives it ("Joseph Kony", "1964-09-18", "Uganda (UG)", "C31195855")
 * @param summary   how it compares, or null when Plaid did not say
 * @param primary   a name: the one the entry is best known by
 * @param weakAlias a name: one the list or Plaid marks as low quality (never a hit on its own)
 * @param detail    what else the list says of it ("passport", "fax"), or null
 */
public record HitValue(HitField field, String text, MatchSummary summary, boolean primary, boolean weakAlias, String detail) {
}
