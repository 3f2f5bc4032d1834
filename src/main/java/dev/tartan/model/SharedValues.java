package dev.tartan.model;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands out one instance per distinct value, so that many rows read at once share their repeated
 * dates and texts (an account id, a merchant, a category) instead of each holding a copy. For one
 * batch of reading, on one thread; then dropped.
 */
public final class SharedValues {

    private final Map<String, String> texts = new HashMap<>();
    private final Map<Long, LocalDate> epochDays = new HashMap<>();
    private final Map<String, LocalDate> isoDates = new HashMap<>();

    /** The shared copy of {@code value}; null stays null. */
    public String text(String value) {
        return value == null ? null : texts.computeIfAbsent(value, v -> v);
    }

    /** The date {@code epochDay} days after 1970-01-01. */
    public LocalDate date(long epochDay) {
        return epochDays.computeIfAbsent(epochDay, LocalDate::ofEpochDay);
    }

    /**
     * The date written {@code YYYY-MM-DD}; null stays null.
     *
     * @throws java.time.format.DateTimeParseException if it is not such a date
     */
    public LocalDate date(String iso) {
        if (iso == null) {
            return null;
        }
        LocalDate known = isoDates.get(iso);
        if (known == null) {
            known = date(LocalDate.parse(iso).toEpochDay());
            isoDates.put(iso, known);
        }
        return known;
    }
}
