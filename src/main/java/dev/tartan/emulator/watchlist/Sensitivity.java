package dev.tartan.emulator.watchlist;

import java.util.Locale;

/**
 * A program's name sensitivity: the least similarity score (0 to 100) a listed name must reach against the
 * searched name to become a hit, as Plaid's "Watchlists and matching algorithms" page equates them.
 */
enum Sensitivity {
    COARSE(70), BALANCED(80), STRICT(90), EXACT(100);

    final int minimumScore;

    Sensitivity(int minimumScore) {
        this.minimumScore = minimumScore;
    }

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
