package dev.tartan.emulator.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;

/**
 * A Plaid error answer, thrown by any handler and turned into Plaid's error body by the server.
 * The message is the error_message Plaid clients see; it never carries a secret or a token.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorType;
    private final String errorCode;
    private final String displayMessage;
    private final int httpStatus;
    /** The errors behind this one, one per Item, for requests about several Items (asset reports); null when none. */
    private final ArrayNode causes;

    public ApiException(String errorType, String errorCode, String message, String displayMessage, int httpStatus) {
        this(errorType, errorCode, message, displayMessage, httpStatus, null);
    }

    private ApiException(String errorType, String errorCode, String message, String displayMessage, int httpStatus, ArrayNode causes) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.errorCode = errorCode;
        this.displayMessage = displayMessage;
        this.httpStatus = httpStatus;
        this.causes = causes;
    }

    public String errorType() {
        return errorType;
    }

    public String errorCode() {
        return errorCode;
    }

    public String displayMessage() {
        return displayMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The same error under another error_code (for codes named after an endpoint). */
    public ApiException withCode(String code) {
        return new ApiException(errorType, code, getMessage(), displayMessage, httpStatus, causes);
    }

    /** The same error with another error_message. */
    public ApiException withMessage(String message) {
        return new ApiException(errorType, errorCode, message, displayMessage, httpStatus, causes);
    }

    /** The same error with {@code causes}: Plaid's per-Item errors (each an error object with its {@code item_id}). */
    public ApiException withCauses(ArrayNode causes) {
        return new ApiException(errorType, errorCode, getMessage(), displayMessage, httpStatus, causes.deepCopy());
    }

    /** Plaid's error object without request_id: the body of an answer, or the {@code error} of an Item. */
    public ObjectNode toJson() {
        ObjectNode body = Json.object();
        body.put("error_type", errorType);
        body.put("error_code", errorCode);
        body.putNull("error_code_reason");
        body.put("error_message", getMessage());
        body.put("display_message", displayMessage);
        if (causes == null) {
            body.putArray("causes");
        } else {
            body.set("causes", causes.deepCopy());
        }
        body.put("status", httpStatus);
        body.put("documentation_url", "https://plaid.com/docs/errors/");
        body.putNull("suggested_action");
        return body;
    }
}
