package dev.tartan.model;

import java.util.List;

/**
 * How well one field the caller gave matches what the bank has on file (identity match).
 *
 * @param field   "Legal name", "Email address", ...
 * @param score   0 to 100, or null when the field was not compared
 * @param level   the score as a verdict, for colour
 * @param verdict "Perfect match", "Partial match", "Not compared", ...
 * @param meaning how this field's scores read
 * @param notes   Plaid's extra findings (first or last name matched, postal code matched, ...)
 */
public record FieldMatch(String field, Integer score, MatchLevel level, String verdict, String meaning, List<String> notes) {

    public FieldMatch {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
