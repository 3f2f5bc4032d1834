package dev.tartan.api;

import dev.tartan.model.PlaidError;

/** Plaid answered with an error body: the {@link PlaidError} says what and why. */
public final class PlaidApiException extends PlaidClientException {

    private final transient PlaidError error;

    public PlaidApiException(String method, String path, PlaidError error) {
        super(method, path, error.typeAndCode() + ": " + error.errorMessage()
                + " (HTTP " + error.httpStatus() + ", request_id " + error.requestId() + ")", null);
        this.error = error;
    }

    public PlaidError error() {
        return error;
    }
}
