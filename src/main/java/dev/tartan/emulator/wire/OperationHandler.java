package dev.tartan.emulator.wire;

/**
 * Answers one operation from the emulator's state. Throws {@link ApiException} for Plaid errors;
 * the server turns anything else into an INTERNAL_SERVER_ERROR answer.
 */
@FunctionalInterface
public interface OperationHandler {
    Reply handle(OperationRequest request);
}
