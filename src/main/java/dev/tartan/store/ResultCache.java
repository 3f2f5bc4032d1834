package dev.tartan.store;

import dev.tartan.model.CachedResult;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Replies kept per profile and request, so that a pane shows the last answer at once and then
 * refreshes it. A request is its operation plus the SHA-256 of its canonical body: the API layer
 * canonicalizes the body (sorted keys, no credentials) and passes it in.
 */
public final class ResultCache {

    private static final String COLUMNS = "profile, operation, request_hash, reply, fetched_at, request_id";

    private final Database db;
    private final Clock clock;

    ResultCache(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Keeps {@code replyJson} as the answer to the request, replacing any older one. */
    public CachedResult put(String profile, String operation, String canonicalRequest, String replyJson, String requestId) {
        CachedResult result = new CachedResult(require(profile, "profile"), require(operation, "operation"),
                requestHash(canonicalRequest), require(replyJson, "reply"), clock.instant(), requestId);
        db.write(d -> d.update("INSERT INTO cached_results (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (profile, operation, request_hash) DO UPDATE SET reply = excluded.reply, "
                        + "fetched_at = excluded.fetched_at, request_id = excluded.request_id",
                result.profile(), result.operation(), result.requestHash(), result.replyJson(), result.fetchedAt(),
                result.requestId()));
        return result;
    }

    /** The last reply to this request, if one is kept. */
    public Optional<CachedResult> get(String profile, String operation, String canonicalRequest) {
        String hash = requestHash(canonicalRequest);
        return db.read(d -> d.queryOne("SELECT " + COLUMNS + " FROM cached_results "
                + "WHERE profile = ? AND operation = ? AND request_hash = ?", ResultCache::result, profile, operation, hash));
    }

    /**
     * Hands every kept reply of {@code profile} to {@code consumer}, oldest first, without loading
     * them all at once. The vault is held meanwhile: keep the consumer quick.
     */
    public void forEach(String profile, Consumer<CachedResult> consumer) {
        db.read(d -> {
            d.forEach("SELECT " + COLUMNS + " FROM cached_results WHERE profile = ? ORDER BY id",
                    row -> consumer.accept(result(row)), profile);
            return null;
        });
    }

    /** Forgets every reply of {@code profile}; returns how many. */
    public int clear(String profile) {
        return db.write(d -> d.update("DELETE FROM cached_results WHERE profile = ?", profile));
    }

    /** Forgets replies fetched before {@code cutoff}; returns how many. */
    public int removeOlderThan(Instant cutoff) {
        return db.write(d -> d.update("DELETE FROM cached_results WHERE fetched_at < ?", cutoff));
    }

    public long count() {
        return db.read(d -> d.queryLong("SELECT count(*) FROM cached_results"));
    }

    /** The SHA-256, in hex, of a canonical request body. */
    public static String requestHash(String canonicalRequest) {
        return Sha256.hex(require(canonicalRequest, "canonical request").getBytes(StandardCharsets.UTF_8));
    }

    private static String require(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("A cached result needs its " + what);
        }
        return value;
    }

    private static CachedResult result(ResultSet row) throws SQLException {
        return new CachedResult(row.getString("profile"), row.getString("operation"), row.getString("request_hash"),
                row.getString("reply"), Database.instant(row, "fetched_at"), row.getString("request_id"));
    }
}
