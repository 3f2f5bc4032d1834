package dev.tartan.emulator.watchlist;

import java.util.Locale;

/** A screening's status: waiting for a reviewer, or decided. */
enum ScreeningStatus {
    PENDING_REVIEW, CLEARED, REJECTED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ScreeningStatus fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
