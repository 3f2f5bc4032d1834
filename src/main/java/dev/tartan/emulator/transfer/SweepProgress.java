package dev.tartan.emulator.transfer;

import java.util.Locale;

/** A transfer's {@code sweep_status}: where its funds stand with the (legacy) sweep account. */
enum SweepProgress {
    UNSWEPT, SWEPT, SWEPT_SETTLED, RETURN_SWEPT;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
