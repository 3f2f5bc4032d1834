package dev.tartan.model;

/**
 * A failure as the UI shows it, whatever caused it: what failed, Plaid's code and message when Plaid
 * answered, the request_id to give Plaid support, and what to do next.
 *
 * @param title           one line: what failed ("ITEM_LOGIN_REQUIRED", "Not a Plaid reply", "Timed out")
 * @param operation       the call that failed ("POST /item/get"), or null
 * @param errorType       Plaid's error_type, or null when Plaid did not answer
 * @param errorCode       Plaid's error_code, or null
 * @param message         the developer-facing message
 * @param displayMessage  Plaid's end-user message, or null
 * @param requestId       Plaid's request_id, or null
 * @param httpStatus      the HTTP status, or null when there was no reply
 * @param documentationUrl where to read more, or null
 * @param meaning         what the error means, in plain words (from Tartan's guide), or null
 * @param nextStep        what to do about it
 * @param fix             a fix Tartan can offer
 */
public record FailureReport(
        String title,
        String operation,
        String errorType,
        String errorCode,
        String message,
        String displayMessage,
        String requestId,
        Integer httpStatus,
        String documentationUrl,
        String meaning,
        String nextStep,
        FixAction fix) {

    /** A one-line summary for a status bar or a log. */
    public String summary() {
        return title + (message == null || message.equals(title) ? "" : ": " + message);
    }
}
