package dev.tartan.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which Sandbox events Plaid lets follow a transfer's or a refund's status, so the pane offers only
 * those (/sandbox/transfer/simulate and /sandbox/transfer/refund/simulate):
 * a transfer goes pending to posted or failed, posted to settled, settled to funds_available (ACH
 * debits), and an ACH transfer may come back returned once posted; a refund goes pending to
 * posted (once its transfer has settled) or failed, posted to settled or returned. Cancelling is
 * not a simulation: /transfer/cancel takes a transfer while Plaid says it is cancellable.
 */
public final class TransferLifecycle {

    /** The statuses Plaid's transfers and refunds never leave. */
    private static final Set<String> UNDONE = Set.of("cancelled", "failed", "returned");
    private static final Set<String> ACH = Set.of("ach", "same-day-ach");

    private TransferLifecycle() {
    }

    /** What the user can make happen next in Sandbox. */
    public record Next(String nextEvent, boolean canFail, boolean canReturn, List<String> all) {
        /** Nothing more can happen. */
        public boolean isFinal() {
            return all.isEmpty();
        }
    }

    public static boolean isUndone(String status) {
        return UNDONE.contains(status);
    }

    /**
     * The simulated events that may follow a transfer's {@code status}, in the order of its usual
     * life; the network tells whether it can be returned (ACH only) and, with the type, whether
     * its funds become available (ACH debits).
     *
     * @param network null while not known: then only what holds on every network is offered
     */
    public static Next forTransfer(String status, String type, String network) {
        boolean ach = network != null && ACH.contains(network);
        boolean achDebit = ach && "debit".equals(type);
        List<String> events = new ArrayList<>();
        String next = null;
        switch (status) {
            case "pending" -> {
                next = "posted";
                events.add("posted");
                events.add("failed");
            }
            case "posted" -> {
                next = "settled";
                events.add("settled");
            }
            case "settled" -> {
                if (achDebit) {
                    next = "funds_available";
                    events.add("funds_available");
                }
            }
            default -> {
                // funds_available moves on only by a return; cancelled, failed and returned are final.
            }
        }
        boolean canReturn = ach && Set.of("posted", "settled", "funds_available").contains(status);
        if (canReturn) {
            events.add("returned");
        }
        return new Next(next, events.contains("failed"), canReturn, List.copyOf(events));
    }

    /**
     * The simulated events that may follow a refund's {@code status}; {@code transferStatus} is its
     * transfer's (a refund posts only once its transfer has settled).
     */
    public static Next forRefund(String status, String transferStatus) {
        boolean transferSettled = "settled".equals(transferStatus) || "funds_available".equals(transferStatus);
        return switch (status) {
            case "pending" -> transferSettled
                    ? new Next("refund.posted", true, false, List.of("refund.posted", "refund.failed"))
                    : new Next(null, true, false, List.of("refund.failed"));
            case "posted" -> new Next("refund.settled", false, true, List.of("refund.settled", "refund.returned"));
            default -> new Next(null, false, false, List.of());
        };
    }

    /**
     * The simulated events that may follow a ledger deposit's or withdrawal's {@code status}
     * (/sandbox/transfer/ledger/deposit|withdraw/simulate).
     */
    public static Next forLedgerSweep(String status) {
        return switch (status) {
            case "pending" -> new Next("sweep.posted", true, false, List.of("sweep.posted", "sweep.failed"));
            case "posted" -> new Next("sweep.settled", false, true, List.of("sweep.settled", "sweep.returned"));
            default -> new Next(null, false, false, List.of());
        };
    }

    /** "posted" for "refund.posted": the status an event type leads to. */
    public static String statusOf(String eventType) {
        int dot = eventType.indexOf('.');
        return dot < 0 ? eventType : eventType.substring(dot + 1);
    }
}
