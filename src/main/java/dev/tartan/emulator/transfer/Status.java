package dev.tartan.emulator.transfer;

import java.util.Locale;

/** The statuses transfers, refunds and ledger sweeps move through (each uses the ones its lifecycle has). */
enum Status {
    PENDING, POSTED, SETTLED, FUNDS_AVAILABLE, CANCELLED, FAILED, RETURNED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Terminal statuses where no money ends up moved. */
    boolean undone() {
        return this == CANCELLED || this == FAILED || this == RETURNED;
    }

    static Status fromWire(String text) {
        for (Status status : values()) {
            if (status.wire().equals(text)) {
                return status;
            }
        }
        return null;
    }
}
