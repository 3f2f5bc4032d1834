package dev.tartan.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * An error as Plaid reports it in a reply body, plus the HTTP status it came with.
 * Every field but {@code httpStatus} may be null: Plaid omits what does not apply, and a
 * reply may come from an older or newer API than this one knows.
 *
 * @param errorType       broad category, e.g. {@code ITEM_ERROR}; kept as text so unknown types survive
 * @param errorCode       the specific code, e.g. {@code ITEM_LOGIN_REQUIRED}
 * @param errorCodeReason a finer reason some codes carry
 * @param errorMessage    the developer-facing message
 * @param displayMessage  a message fit to show an end user, often null
 * @param requestId       Plaid's id of the failed request, what Plaid support asks for
 * @param httpStatus      the HTTP status of the reply
 * @param status          the {@code status} field of the body, when present
 * @param documentationUrl Plaid's page about this error
 * @param suggestedAction what Plaid suggests doing
 * @param causes          per-Item causes of batch errors, as sent
 */
public record PlaidError(
        String errorType,
        String errorCode,
        String errorCodeReason,
        String errorMessage,
        String displayMessage,
        String requestId,
        int httpStatus,
        Integer status,
        String documentationUrl,
        String suggestedAction,
        List<JsonNode> causes) {

    public PlaidError {
        causes = causes == null ? List.of() : List.copyOf(causes);
    }

    /** "ITEM_ERROR/ITEM_LOGIN_REQUIRED", the form used in messages and logs. */
    public String typeAndCode() {
        return (errorType == null ? "?" : errorType) + "/" + (errorCode == null ? "?" : errorCode);
    }
}
