package dev.tartan.emulator.transfer;

import dev.tartan.emulator.wire.ApiException;
import dev.tartan.emulator.wire.PlaidErrors;

/** The errors of Plaid's Transfer pages (TRANSFER_ERROR, the Sandbox transition error) and the emulator's not-found answers. */
final class TransferErrors {
    private static final String TRANSFER_ERROR = "TRANSFER_ERROR";

    private TransferErrors() {
    }

    private static ApiException transfer(String code, String message) {
        return new ApiException(TRANSFER_ERROR, code, message, null, 400);
    }

    /** Nothing of kind {@code noun} has the id given in {@code field}: 404 NOT_FOUND, as Plaid answers an unknown transfer. */
    static ApiException notFound(String field, String noun, String id) {
        return PlaidErrors.of("NOT_FOUND", field + ": no " + noun + " has the id " + id);
    }

    static ApiException transitionInvalid(String subject, Status from, String eventType) {
        return new ApiException("SANDBOX_ERROR", "SANDBOX_TRANSFER_EVENT_TRANSITION_INVALID",
                "The provided simulated event type is incompatible with the current " + subject + " status: event_type "
                        + eventType + " cannot follow status " + from.wire(), null, 400);
    }

    static ApiException notCancellable(String subject) {
        return transfer("TRANSFER_NOT_CANCELLABLE", subject + " is not cancellable");
    }

    static ApiException networkLimit(String network, long limitCents) {
        return transfer("TRANSFER_NETWORK_LIMIT_EXCEEDED", network + " transaction amount cannot exceed " + Money.format(limitCents));
    }

    static ApiException accountBlocked() {
        return transfer("TRANSFER_ACCOUNT_BLOCKED", "transfer was blocked due to a previous ACH return on this account");
    }

    static ApiException unsupportedAccountType() {
        return transfer("TRANSFER_UNSUPPORTED_ACCOUNT_TYPE", "transfer account type not supported");
    }

    static ApiException forbiddenAchClass(String achClass, String type) {
        return transfer("TRANSFER_FORBIDDEN_ACH_CLASS", "specified ach_class is forbidden: " + achClass + " cannot be used for a " + type);
    }

    static ApiException originatorNotFound() {
        return transfer("TRANSFER_ORIGINATOR_NOT_FOUND", "the association between the sender and the originator client doesn't exist");
    }
}
