package dev.tartan.ui.common.data;

import dev.tartan.model.FailureReport;

import java.time.Instant;

/**
 * What one piece of a pane shows while its data comes: a call under way, the data (with when it
 * was fetched, and whether newer data is on its way), nothing (and why), or its own failure. A data
 * tab holds the reply as JSON; a form's action holds its typed result.
 *
 * @param phase      which of those
 * @param data       the data, in {@link Phase#DATA}
 * @param fetchedAt  when the data was fetched (null for data that has no age, such as a confirmation)
 * @param refreshing whether newer data is on its way (cached data shown meanwhile)
 * @param message    what is loading, or why there is nothing to show
 * @param failure    the failure, in {@link Phase#FAILED}
 */
public record Outcome<T>(Phase phase, T data, Instant fetchedAt, boolean refreshing, String message, FailureReport failure) {

    public enum Phase { LOADING, DATA, EMPTY, FAILED }

    private static final Outcome<?> NOTHING = new Outcome<>(Phase.EMPTY, null, null, false, "", null);

    public static <T> Outcome<T> loading(String message) {
        return new Outcome<>(Phase.LOADING, null, null, true, message, null);
    }

    public static <T> Outcome<T> data(T data, Instant fetchedAt, boolean refreshing) {
        return new Outcome<>(Phase.DATA, data, fetchedAt, refreshing, null, null);
    }

    public static <T> Outcome<T> empty(String message) {
        return new Outcome<>(Phase.EMPTY, null, null, false, message, null);
    }

    /** Nothing asked yet, nothing to say. */
    @SuppressWarnings("unchecked")
    public static <T> Outcome<T> nothing() {
        return (Outcome<T>) NOTHING;
    }

    public static <T> Outcome<T> failed(FailureReport failure) {
        return new Outcome<>(Phase.FAILED, null, null, false, null, failure);
    }

    public boolean isLoading() {
        return phase == Phase.LOADING;
    }

    public boolean hasData() {
        return phase == Phase.DATA;
    }
}
