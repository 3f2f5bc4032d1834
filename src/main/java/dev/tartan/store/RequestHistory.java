package dev.tartan.store;

import dev.tartan.model.HistoryEntry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every API call Tartan made, with redacted bodies (the API layer redacts them before they get
 * here). Kept within the caps in {@link Settings}: entries older than
 * {@link Settings#HISTORY_MAX_AGE_DAYS} and the oldest beyond {@link Settings#HISTORY_MAX_MEGABYTES}
 * are dropped when the vault opens and every {@value SizeCap#PRUNE_EVERY} calls recorded.
 */
public final class RequestHistory {

    private static final String COLUMNS =
            "id, at, profile, operation, http_status, duration_ms, request_id, request, reply, token_fingerprints";

    /** What a row costs besides its bodies, roughly: the fixed columns and SQLite's overhead. */
    private static final int ROW_OVERHEAD_BYTES = 64;

    private final Database db;
    private final SizeCap cap;

    RequestHistory(Database db, Settings settings, Clock clock) {
        this.db = db;
        this.cap = new SizeCap(db, settings, clock, "request_history", "at",
                new SizeCap.Cap(Settings.HISTORY_MAX_AGE_DAYS, Settings.DEFAULT_HISTORY_MAX_AGE_DAYS),
                new SizeCap.Cap(Settings.HISTORY_MAX_MEGABYTES, Settings.DEFAULT_HISTORY_MAX_MEGABYTES));
    }

    /** Records a call; returns it with its id. */
    public HistoryEntry record(HistoryEntry entry) {
        long size = sizeOf(entry);
        long id = db.write(d -> d.insert("INSERT INTO request_history (at, profile, operation, http_status, duration_ms, "
                        + "request_id, request, reply, size_bytes, token_fingerprints) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entry.at(), entry.profile(), entry.operation(), entry.httpStatus(), entry.duration().toMillis(),
                entry.requestId(), entry.requestBody(), entry.replyBody(), size, fingerprintLines(entry.tokenFingerprints())));
        cap.recorded(1);
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
        return cap.prune();
    }

    private static long sizeOf(HistoryEntry entry) {
        return ROW_OVERHEAD_BYTES + SizeCap.utf8Length(entry.operation()) + SizeCap.utf8Length(entry.profile())
                + SizeCap.utf8Length(entry.requestId()) + SizeCap.utf8Length(entry.requestBody()) + SizeCap.utf8Length(entry.replyBody());
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
