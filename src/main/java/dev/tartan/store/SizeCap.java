package dev.tartan.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The caps of a table that grows as Tartan is used (the request history, the received webhooks):
 * rows older than a number of days, and the oldest rows beyond a number of megabytes, are dropped
 * when the vault opens and every {@value #PRUNE_EVERY} rows recorded. Both caps are settings. The
 * table has an increasing {@code id}, a time column and each row's {@code size_bytes}.
 */
final class SizeCap {

    static final int PRUNE_EVERY = 100;

    private final Database db;
    private final Settings settings;
    private final Clock clock;
    private final String table;
    private final String timeColumn;
    private final Cap maxAgeDays;
    private final Cap maxMegabytes;
    private int recordedSincePrune;

    /** A cap's setting and its value when the setting is absent. */
    record Cap(String setting, int fallback) {
    }

    SizeCap(Database db, Settings settings, Clock clock, String table, String timeColumn, Cap maxAgeDays, Cap maxMegabytes) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
        this.table = table;
        this.timeColumn = timeColumn;
        this.maxAgeDays = maxAgeDays;
        this.maxMegabytes = maxMegabytes;
    }

    /** Hears of {@code rows} just recorded; prunes when enough have been since the last time. */
    void recorded(int rows) {
        if (dueForPrune(rows)) {
            prune();
        }
    }

    /** Drops what is beyond the caps now; returns how many rows went. */
    int prune() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(positive(maxAgeDays)));
        long maxBytes = positive(maxMegabytes) * 1024L * 1024L;
        return db.write(d -> {
            int tooOld = d.update("DELETE FROM " + table + " WHERE " + timeColumn + " < ?", cutoff);
            // Keep the newest rows whose sizes add up to the cap; drop everything older.
            int tooMuch = d.update("DELETE FROM " + table + " WHERE id <= (SELECT id FROM ("
                    + "SELECT id, sum(size_bytes) OVER (ORDER BY id DESC) AS kept FROM " + table + ") "
                    + "WHERE kept > ? ORDER BY id DESC LIMIT 1)", maxBytes);
            return tooOld + tooMuch;
        });
    }

    private synchronized boolean dueForPrune(int recorded) {
        recordedSincePrune += recorded;
        if (recordedSincePrune < PRUNE_EVERY) {
            return false;
        }
        recordedSincePrune = 0;
        return true;
    }

    private int positive(Cap cap) {
        int value = settings.getInt(cap.setting(), cap.fallback());
        if (value <= 0) {
            throw new VaultException("Setting " + cap.setting() + " must be at least 1, not " + value);
        }
        return value;
    }

    /** The UTF-8 size of {@code text} without encoding it. */
    static long utf8Length(String text) {
        if (text == null) {
            return 0;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
