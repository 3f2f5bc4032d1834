package dev.tartan.api;

/**
 * Any failure of a Plaid call. The subclasses say which kind: Plaid answered with an error
 * ({@link PlaidApiException}), something else answered ({@link PlaidUnexpectedResponseException}),
 * nobody answered in time ({@link PlaidTimeoutException}), or nobody could be reached
 * ({@link PlaidConnectionException}). Messages never contain secrets or tokens.
 */
public abstract class PlaidClientException extends RuntimeException {

    private final String method;
    private final String path;

    protected PlaidClientException(String method, String path, String message, Throwable cause) {
        super(Redactor.shared().redact(method + " " + path + ": " + message), cause);
        this.method = method;
        this.path = path;
    }

    public String method() {
        return method;
    }

    /** The operation path that failed, e.g. {@code /accounts/get}. */
    public String path() {
        return path;
    }
}
