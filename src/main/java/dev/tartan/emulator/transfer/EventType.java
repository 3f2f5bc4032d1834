package dev.tartan.emulator.transfer;

import java.util.HashMap;
import java.util.Map;

/** Plaid's transfer event types: a transfer's statuses, its sweep progress, and the statuses of refunds and ledger sweeps. */
enum EventType {
    PENDING("pending"), CANCELLED("cancelled"), FAILED("failed"), POSTED("posted"), SETTLED("settled"),
    FUNDS_AVAILABLE("funds_available"), RETURNED("returned"),
    SWEPT("swept"), SWEPT_SETTLED("swept_settled"), RETURN_SWEPT("return_swept"),
    SWEEP_PENDING("sweep.pending"), SWEEP_POSTED("sweep.posted"), SWEEP_SETTLED("sweep.settled"),
    SWEEP_RETURNED("sweep.returned"), SWEEP_FAILED("sweep.failed"), SWEEP_FUNDS_AVAILABLE("sweep.funds_available"),
    REFUND_PENDING("refund.pending"), REFUND_CANCELLED("refund.cancelled"), REFUND_FAILED("refund.failed"),
    REFUND_POSTED("refund.posted"), REFUND_SETTLED("refund.settled"), REFUND_RETURNED("refund.returned");

    private static final Map<String, EventType> BY_WIRE = new HashMap<>();

    static {
        for (EventType type : values()) {
            BY_WIRE.put(type.wire, type);
        }
    }

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    static EventType fromWire(String text) {
        return BY_WIRE.get(text);
    }

    static EventType ofTransfer(Status status) {
        return fromWire(status.wire());
    }

    static EventType ofRefund(Status status) {
        return fromWire("refund." + status.wire());
    }

    static EventType ofSweep(Status status) {
        return fromWire("sweep." + status.wire());
    }

    static EventType ofSweepProgress(SweepProgress progress) {
        return fromWire(progress.wire());
    }
}
