package dev.tartan.emulator.transfer;

import java.util.ArrayList;
import java.util.List;

/**
 * Which status may follow which, for the Sandbox simulations, and the paths Sandbox's test amounts run
 * by themselves.
 */
final class Lifecycle {
    /** The emulator's choice where Plaid's docs name no return code: what a pull or a push most often comes back with. */
    static final String DEBIT_RETURN_CODE = "R01";
    static final String CREDIT_RETURN_CODE = "R03";

    private Lifecycle() {
    }

    /** One step of an automatic path: the status reached, and the failure reason of a failure or return. */
    record Step(Status status, Failure failure) {
    }

    /**
     * Whether {@code /sandbox/transfer/simulate} may move {@code transfer} to {@code to}: pending to posted or
     * failed, posted to settled, settled to funds_available (ACH debits), and an ACH transfer returned once
     * posted (also after settling or its funds becoming available, as Plaid's Ledger guide shows).
     */
    static boolean transferMayMove(Transfer transfer, Status to) {
        boolean returnable = to == Status.RETURNED && transfer.terms().isAch();
        return switch (transfer.status) {
            case PENDING -> to == Status.POSTED || to == Status.FAILED;
            case POSTED -> to == Status.SETTLED || returnable;
            case SETTLED -> (to == Status.FUNDS_AVAILABLE && transfer.terms().isAchDebit()) || returnable;
            case FUNDS_AVAILABLE -> returnable;
            default -> false;
        };
    }

    /** Refunds: pending to posted (once the refunded transfer has settled) or failed, posted to settled or returned. */
    static boolean refundMayMove(Refund refund, Status to) {
        return switch (refund.status) {
            case PENDING -> (to == Status.POSTED && transferSettled(refund.transfer)) || to == Status.FAILED;
            case POSTED -> to == Status.SETTLED || to == Status.RETURNED;
            default -> false;
        };
    }

    static boolean transferSettled(Transfer transfer) {
        return transfer.status == Status.SETTLED || transfer.status == Status.FUNDS_AVAILABLE;
    }

    /** Ledger sweeps: pending to posted or failed, posted to settled or returned (funds become available on their own call). */
    static boolean sweepMayMove(Sweep sweep, Status to) {
        return switch (sweep.status) {
            case PENDING -> to == Status.POSTED || to == Status.FAILED;
            case POSTED -> to == Status.SETTLED || to == Status.RETURNED;
            default -> false;
        };
    }

    /** The failure reason of a simulated {@code failed} or {@code returned}, with Plaid's defaults where the request gave none. */
    static Failure failureFor(Status to, Failure given, boolean moneyIn) {
        if (to == Status.RETURNED) {
            String code = given != null && given.achReturnCode() != null ? given.achReturnCode()
                    : moneyIn ? DEBIT_RETURN_CODE : CREDIT_RETURN_CODE;
            String description = given != null && given.description() != null ? given.description() : ReturnCodes.describe(code);
            return new Failure(given == null ? null : given.failureCode(), code, description);
        }
        if (to == Status.FAILED) {
            String description = given != null && given.description() != null ? given.description()
                    : "The payment was rejected before it reached the network";
            return new Failure(given == null ? null : given.failureCode(), null, description);
        }
        return null;
    }

    /** What {@code /transfer/create} runs by itself for Sandbox's test amounts ($11.11 to $66.66); empty for any other. */
    static List<Step> transferPath(long cents, Proposal terms) {
        boolean moneyIn = terms.isDebit();
        boolean fundsAvailable = terms.isAchDebit();
        return switch ((int) Math.min(cents, Integer.MAX_VALUE)) {
            case 11_11 -> settle(fundsAvailable);
            case 22_22 -> List.of(failed(moneyIn));
            case 33_33 -> thenReturned(settle(fundsAvailable), "R01");
            case 44_44 -> thenReturned(settle(fundsAvailable), "R02");
            case 55_55 -> thenReturned(settle(fundsAvailable), "R16");
            case 66_66 -> thenReturned(settle(false), moneyIn ? DEBIT_RETURN_CODE : CREDIT_RETURN_CODE);
            default -> List.of();
        };
    }

    /** What {@code /transfer/refund/create} runs by itself for $1.11, $2.22 and $3.33. */
    static List<Step> refundPath(long cents) {
        return switch ((int) Math.min(cents, Integer.MAX_VALUE)) {
            case 1_11 -> settle(false);
            case 2_22 -> List.of(failed(false));
            case 3_33 -> thenReturned(settle(false), CREDIT_RETURN_CODE);
            default -> List.of();
        };
    }

    /** What a ledger deposit or withdrawal runs by itself for $111.11 to $444.44 (funds become available for deposits only). */
    static List<Step> sweepPath(long cents, boolean deposit) {
        String returnCode = deposit ? DEBIT_RETURN_CODE : CREDIT_RETURN_CODE;
        return switch ((int) Math.min(cents, Integer.MAX_VALUE)) {
            case 111_11 -> settle(deposit);
            case 222_22 -> List.of(failed(deposit));
            case 333_33 -> thenReturned(settle(deposit), returnCode);
            case 444_44 -> thenReturned(settle(false), returnCode);
            default -> List.of();
        };
    }

    private static List<Step> settle(boolean fundsAvailable) {
        List<Step> steps = new ArrayList<>(List.of(new Step(Status.POSTED, null), new Step(Status.SETTLED, null)));
        if (fundsAvailable) {
            steps.add(new Step(Status.FUNDS_AVAILABLE, null));
        }
        return steps;
    }

    private static List<Step> thenReturned(List<Step> steps, String returnCode) {
        List<Step> path = new ArrayList<>(steps);
        path.add(new Step(Status.RETURNED, Failure.achReturn(returnCode)));
        return path;
    }

    private static Step failed(boolean moneyIn) {
        return new Step(Status.FAILED, failureFor(Status.FAILED, null, moneyIn));
    }
}
