package dev.tartan.emulator.transfer;

/** Why a transfer, refund or sweep failed or was returned: Plaid's {@code failure_reason}. */
record Failure(String failureCode, String achReturnCode, String description) {

    /** An ACH return with its code's description. */
    static Failure achReturn(String code) {
        return new Failure(null, code, ReturnCodes.describe(code));
    }
}
