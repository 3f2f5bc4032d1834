package dev.tartan.api;

import java.net.URI;

/** Plaid (or the configured base URL) could not be reached: refused, reset, unknown host, TLS failure. */
public final class PlaidConnectionException extends PlaidClientException {

    /** The base URL appears with its user info and query masked. */
    public PlaidConnectionException(String method, String path, URI baseUrl, Throwable cause) {
        super(method, path, "cannot reach " + Redactor.shared().redact(baseUrl) + ": " + describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
