package dev.tartan.emulator.watchlist;

import java.util.Locale;

/** A hit's review status: every hit starts pending; a review confirms or dismisses it for good. */
enum HitStatus {
    PENDING_REVIEW, CONFIRMED, DISMISSED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
