package dev.tartan.ui.common.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.FailureReport;

import java.time.Instant;

/**
 * What one data tab shows: loading, data (with its age and whether newer data is on the way),
 * nothing (and why), or its own failure.
 */
public record TabState(Kind kind, JsonNode data, Instant fetchedAt, boolean refreshing, FailureReport failure, String message) {

    public enum Kind { LOADING, DATA, EMPTY, FAILED }

    public static TabState loading(String message) {
        return new TabState(Kind.LOADING, null, null, true, null, message);
    }

    public static TabState data(JsonNode data, Instant fetchedAt, boolean refreshing) {
        return new TabState(Kind.DATA, data, fetchedAt, refreshing, null, null);
    }

    public static TabState empty(String message) {
        return new TabState(Kind.EMPTY, null, null, false, null, message);
    }

    public static TabState failed(FailureReport failure) {
        return new TabState(Kind.FAILED, null, null, false, failure, null);
    }

    public boolean hasData() {
        return kind == Kind.DATA;
    }
}
