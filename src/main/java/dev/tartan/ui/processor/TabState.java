package dev.tartan.ui.processor;

import dev.tartan.model.FailureReport;

import java.time.Instant;

/**
 * What one tab (or one action's result) shows: a call under way, its data with how fresh it is,
 * a note when there is nothing to show, or its own failure.
 *
 * @param phase      which of those
 * @param data       the data, in {@link Phase#DATA}
 * @param fetchedAt  when the data was fetched (null for data that has no age, such as a confirmation)
 * @param refreshing whether newer data is on its way (cached data shown meanwhile)
 * @param message    what is loading, or why there is nothing to show
 * @param failure    the failure, in {@link Phase#FAILED}
 */
public record TabState<T>(Phase phase, T data, Instant fetchedAt, boolean refreshing, String message, FailureReport failure) {

    public enum Phase { LOADING, DATA, EMPTY, FAILED }

    public static <T> TabState<T> loading(String message) {
        return new TabState<>(Phase.LOADING, null, null, true, message, null);
    }

    public static <T> TabState<T> data(T data, Instant fetchedAt, boolean refreshing) {
        return new TabState<>(Phase.DATA, data, fetchedAt, refreshing, null, null);
    }

    public static <T> TabState<T> empty(String message) {
        return new TabState<>(Phase.EMPTY, null, null, false, message, null);
    }

    public static <T> TabState<T> failed(FailureReport failure) {
        return new TabState<>(Phase.FAILED, null, null, false, null, failure);
    }

    public boolean isLoading() {
        return phase == Phase.LOADING;
    }
}
