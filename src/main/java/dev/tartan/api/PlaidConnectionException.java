package dev.tartan.api;

/** Plaid (or the configured base URL) could not be reached: refused, reset, unknown host, TLS failure. */
public final class PlaidConnectionException extends PlaidClientException {

    public PlaidConnectionException(String method, String path, String baseUrl, Throwable cause) {
        super(method, path, "cannot reach " + baseUrl + ": " + describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
