package dev.tartan.store;

import dev.tartan.model.HistoryEntry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every API call Tartan made, with redacted bodies (the API layer redacts them before they get
 * here). Kept within the caps in {@link Settings}: entries older than
 * {@link Settings#HISTORY_MAX_AGE_DAYS} and the oldest beyond {@link Settings#HISTORY_MAX_MEGABYTES}
 * are dropped when the vault opens and every {@value #PRUNE_EVERY} calls recorded.
 */
public final class RequestHistory {

    static final int PRUNE_EVERY = 100;

    private static final String COLUMNS =
            "id, at, profile, operation, http_status, duration_ms, request_id, request, reply, token_fingerprints";

    /** What a row costs besides its bodies, roughly: the fixed columns and SQLite's overhead. */
    private static final int ROW_OVERHEAD_BYTES = 64;

    private final Database db;
    private final Settings settings;
    private final Clock clock;
    private int recordedSincePrune;

    RequestHistory(Database db, Settings settings, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    /** Records a call; returns it with its id. */
    public HistoryEntry record(HistoryEntry entry) {
        long size = sizeOf(entry);
        long id = db.write(d -> d.insert("INSERT INTO request_history (at, profile, operation, http_status, duration_ms, "
                        + "request_id, request, reply, size_bytes, token_fingerprints) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entry.at(), entry.profile(), entry.operation(), entry.httpStatus(), entry.duration().toMillis(),
                entry.requestId(), entry.requestBody(), entry.replyBody(), size, fingerprintLines(entry.tokenFingerprints())));
        if (dueForPrune()) {
            prune();
        }
        return new HistoryEntry(id, entry.at(), entry.profile(), entry.operation(), entry.httpStatus(), entry.duration(),
                entry.requestId(), entry.requestBody(), entry.replyBody(), entry.tokenFingerprints());
    }

    /** The newest calls, newest first. */
    public List<HistoryEntry> recent(int limit) {
        return db.read(d -> d.query("SELECT " + COLUMNS + " FROM request_history ORDER BY id DESC LIMIT ?",
                RequestHistory::entry, checkLimit(limit)));
    }

    /** The calls before the one with id {@code beforeId}, newest first: the next page after it. */
    public List<HistoryEntry> before(long beforeId, int limit) {
        return db.read(d -> d.query("SELECT " + COLUMNS + " FROM request_history WHERE id < ? ORDER BY id DESC LIMIT ?",
                RequestHistory::entry, beforeId, checkLimit(limit)));
    }

    public Optional<HistoryEntry> byId(long id) {
        return db.read(d -> d.queryOne("SELECT " + COLUMNS + " FROM request_history WHERE id = ?", RequestHistory::entry, id));
    }

    /** The calls Plaid answered with this request_id. */
    public List<HistoryEntry> byRequestId(String requestId) {
        return db.read(d -> d.query("SELECT " + COLUMNS + " FROM request_history WHERE request_id = ? ORDER BY id DESC",
                RequestHistory::entry, requestId));
    }

    public long count() {
        return db.read(d -> d.queryLong("SELECT count(*) FROM request_history"));
    }

    /** Drops what is beyond the caps now; returns how many entries went. */
    public int prune() {
        int maxAgeDays = positive(Settings.HISTORY_MAX_AGE_DAYS, Settings.DEFAULT_HISTORY_MAX_AGE_DAYS);
        long maxBytes = positive(Settings.HISTORY_MAX_MEGABYTES, Settings.DEFAULT_HISTORY_MAX_MEGABYTES) * 1024L * 1024L;
        Instant cutoff = clock.instant().minus(Duration.ofDays(maxAgeDays));
        return db.write(d -> {
            int tooOld = d.update("DELETE FROM request_history WHERE at < ?", cutoff);
            // Keep the newest entries whose sizes add up to the cap; drop everything older.
            int tooMuch = d.update("DELETE FROM request_history WHERE id <= (SELECT id FROM ("
                    + "SELECT id, sum(size_bytes) OVER (ORDER BY id DESC) AS kept FROM request_history) "
                    + "WHERE kept > ? ORDER BY id DESC LIMIT 1)", maxBytes);
            return tooOld + tooMuch;
        });
    }

    private synchronized boolean dueForPrune() {
        if (++recordedSincePrune < PRUNE_EVERY) {
            return false;
        }
        recordedSincePrune = 0;
        return true;
    }

    private int positive(String key, int fallback) {
        int value = settings.getInt(key, fallback);
        if (value <= 0) {
            throw new VaultException("Setting " + key + " must be at least 1, not " + value);
        }
        return value;
    }

    private static long sizeOf(HistoryEntry entry) {
        return ROW_OVERHEAD_BYTES + utf8Length(entry.operation()) + utf8Length(entry.profile())
                + utf8Length(entry.requestId()) + utf8Length(entry.requestBody()) + utf8Length(entry.replyBody());
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

    private static int checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Ask for at least one history entry, not " + limit);
        }
        return limit;
    }

    private static HistoryEntry entry(ResultSet row) throws SQLException {
        return new HistoryEntry(row.getLong("id"), Database.instant(row, "at"), row.getString("profile"),
                row.getString("operation"), row.getInt("http_status"), Duration.ofMillis(row.getLong("duration_ms")),
                row.getString("request_id"), row.getString("request"), row.getString("reply"),
                fingerprints(row.getString("token_fingerprints")));
    }

    /** Kept as one "mask fingerprint" pair a line: neither holds a space or a line break. */
    private static String fingerprintLines(Map<String, String> fingerprints) {
        if (fingerprints.isEmpty()) {
            return null;
        }
        StringBuilder lines = new StringBuilder();
        fingerprints.forEach((mask, fingerprint) -> lines.append(mask).append(' ').append(fingerprint).append('\n'));
        return lines.toString();
    }

    private static Map<String, String> fingerprints(String lines) {
        if (lines == null || lines.isEmpty()) {
            return Map.of();
        }
        Map<String, String> byMask = new HashMap<>();
        for (String line : lines.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (space > 0) {
                byMask.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return byMask;
    }
}
