package dev.tartan.api;

/**
 * Something answered that is not a Plaid reply: an HTML page from a proxy or gateway, an empty
 * body, JSON cut off in the middle. Carries the HTTP status and a short excerpt of what came.
 */
public final class PlaidUnexpectedResponseException extends PlaidClientException {

    private final int httpStatus;
    private final String contentType;
    private final String excerpt;

    public PlaidUnexpectedResponseException(String method, String path, int httpStatus, String contentType,
                                            String what, String excerpt) {
        super(method, path, what + " (HTTP " + httpStatus + (contentType == null ? "" : ", " + contentType) + ")"
                + (excerpt.isEmpty() ? "" : ": " + excerpt), null);
        this.httpStatus = httpStatus;
        this.contentType = contentType;
        this.excerpt = Redactor.shared().redact(excerpt);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String contentType() {
        return contentType;
    }

    /** The start of the body, whitespace collapsed, redacted. */
    public String excerpt() {
        return excerpt;
    }
}
