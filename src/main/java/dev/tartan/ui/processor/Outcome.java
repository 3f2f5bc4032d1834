package dev.tartan.ui.processor;

import dev.tartan.model.FailureReport;

import java.time.Instant;

/**
 * What a form's action shows (identity match scores, a Signal assessment, a confirmation): the
 * call under way, its typed result with when it came, a note before anything was asked, or its
 * failure. Read tabs use {@link dev.tartan.ui.common.data.TabState}, which holds replies as JSON.
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

    public static <T> Outcome<T> loading(String message) {
        return new Outcome<>(Phase.LOADING, null, null, true, message, null);
    }

    public static <T> Outcome<T> data(T data, Instant fetchedAt, boolean refreshing) {
        return new Outcome<>(Phase.DATA, data, fetchedAt, refreshing, null, null);
    }

    public static <T> Outcome<T> empty(String message) {
        return new Outcome<>(Phase.EMPTY, null, null, false, message, null);
    }

    public static <T> Outcome<T> failed(FailureReport failure) {
        return new Outcome<>(Phase.FAILED, null, null, false, null, failure);
    }

    public boolean isLoading() {
        return phase == Phase.LOADING;
    }
}
