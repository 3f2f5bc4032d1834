package dev.tartan.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.WebhookFilter;
import dev.tartan.model.WebhookVerdict;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The webhooks Tartan's inbox received: each body exactly as it came (verification hashes its
 * bytes), its headers and its verdict. Kept within the caps in {@link Settings}, as the request
 * history is: entries older than {@link Settings#WEBHOOKS_MAX_AGE_DAYS} and the oldest beyond
 * {@link Settings#WEBHOOKS_MAX_MEGABYTES} are dropped when the vault opens and every
 * {@value SizeCap#PRUNE_EVERY} webhooks recorded.
 */
public final class ReceivedWebhooks {

    private static final String COLUMNS =
            "id, received_at, webhook_type, webhook_code, subject_kind, subject_id, body, headers, verdict";

    /** What a row costs besides its texts, roughly: the fixed columns and SQLite's overhead. */
    private static final int ROW_OVERHEAD_BYTES = 64;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() { };
    private static final TypeReference<List<WebhookVerdict.Check>> CHECKS = new TypeReference<>() { };

    private final Database db;
    private final SizeCap cap;

    ReceivedWebhooks(Database db, Settings settings, Clock clock) {
        this.db = db;
        this.cap = new SizeCap(db, settings, clock, "webhooks", "received_at",
                new SizeCap.Cap(Settings.WEBHOOKS_MAX_AGE_DAYS, Settings.DEFAULT_WEBHOOKS_MAX_AGE_DAYS),
                new SizeCap.Cap(Settings.WEBHOOKS_MAX_MEGABYTES, Settings.DEFAULT_WEBHOOKS_MAX_MEGABYTES));
    }

    /** Records webhooks in one transaction, in their order; returns them with their ids. */
    public List<ReceivedWebhook> record(List<ReceivedWebhook> webhooks) {
        if (webhooks.isEmpty()) {
            return List.of();
        }
        List<ReceivedWebhook> recorded = db.write(d -> {
            List<ReceivedWebhook> withIds = new ArrayList<>(webhooks.size());
            for (ReceivedWebhook webhook : webhooks) {
                String headers = write(webhook.headers());
                String verdict = write(webhook.verdict().checks());
                long id = d.insert("INSERT INTO webhooks (received_at, webhook_type, webhook_code, subject_kind, subject_id, body, "
                                + "headers, verdict, verified, size_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        webhook.receivedAt(), webhook.type(), webhook.code(),
                        webhook.subject() == null ? null : webhook.subject().kind().name(),
                        webhook.subject() == null ? null : webhook.subject().id(),
                        webhook.body(), headers, verdict, verifiedColumn(webhook.verdict()),
                        ROW_OVERHEAD_BYTES + SizeCap.utf8Length(webhook.body()) + SizeCap.utf8Length(headers)
                                + SizeCap.utf8Length(verdict));
                withIds.add(new ReceivedWebhook(id, webhook.receivedAt(), webhook.type(), webhook.code(), webhook.subject(),
                        webhook.body(), webhook.headers(), webhook.verdict()));
            }
            return withIds;
        });
        cap.recorded(webhooks.size());
        return recorded;
    }

    /** Records one webhook; returns it with its id. */
    public ReceivedWebhook record(ReceivedWebhook webhook) {
        return record(List.of(webhook)).get(0);
    }

    /** Keeps the verdicts of webhooks recorded before (by id), in one transaction. */
    public void saveVerdicts(List<ReceivedWebhook> webhooks) {
        if (webhooks.isEmpty()) {
            return;
        }
        db.write(d -> {
            for (ReceivedWebhook webhook : webhooks) {
                d.update("UPDATE webhooks SET verdict = ?, verified = ? WHERE id = ?",
                        write(webhook.verdict().checks()), verifiedColumn(webhook.verdict()), webhook.id());
            }
            return null;
        });
    }

    /** The newest webhooks, newest first. */
    public List<ReceivedWebhook> recent(int limit) {
        return find(WebhookFilter.ALL, Long.MAX_VALUE, limit);
    }

    /** The webhooks {@code filter} lists with ids below {@code beforeId}, newest first. */
    public List<ReceivedWebhook> find(WebhookFilter filter, long beforeId, int limit) {
        StringBuilder where = new StringBuilder("id < ?");
        List<Object> args = new ArrayList<>(List.of(beforeId));
        if (!filter.type().isEmpty()) {
            where.append(" AND webhook_type = ? COLLATE NOCASE");
            args.add(filter.type());
        }
        if (!filter.code().isEmpty()) {
            where.append(" AND webhook_code = ? COLLATE NOCASE");
            args.add(filter.code());
        }
        if (!filter.object().isEmpty()) {
            // instr, not LIKE: an id's underscores are not wildcards.
            where.append(" AND instr(lower(subject_id), lower(?)) > 0");
            args.add(filter.object());
        }
        switch (filter.verdict()) {
            case VERIFIED -> where.append(" AND verified = 1");
            case FAILED -> where.append(" AND verified = 0");
            case PENDING -> where.append(" AND verified IS NULL");
            case ANY -> {
            }
        }
        args.add(checkLimit(limit));
        String sql = "SELECT " + COLUMNS + " FROM webhooks WHERE " + where + " ORDER BY id DESC LIMIT ?";
        return db.read(d -> d.query(sql, ReceivedWebhooks::webhook, args.toArray()));
    }

    /** Webhooks whose verdict is not known yet (received just before Tartan closed), oldest first. */
    public List<ReceivedWebhook> pending(int limit) {
        return db.read(d -> d.query("SELECT " + COLUMNS + " FROM webhooks WHERE verified IS NULL ORDER BY id LIMIT ?",
                ReceivedWebhooks::webhook, checkLimit(limit)));
    }

    public Optional<ReceivedWebhook> byId(long id) {
        return db.read(d -> d.queryOne("SELECT " + COLUMNS + " FROM webhooks WHERE id = ?", ReceivedWebhooks::webhook, id));
    }

    public long count() {
        return db.read(d -> d.queryLong("SELECT count(*) FROM webhooks"));
    }

    /** The webhook types and codes received so far, each list sorted. */
    public Map<String, List<String>> typesAndCodes() {
        return db.read(d -> Map.of(
                "types", d.query("SELECT DISTINCT webhook_type FROM webhooks WHERE webhook_type <> '' ORDER BY 1", row -> row.getString(1)),
                "codes", d.query("SELECT DISTINCT webhook_code FROM webhooks WHERE webhook_code <> '' ORDER BY 1", row -> row.getString(1))));
    }

    /** Drops what is beyond the caps now; returns how many webhooks went. */
    public int prune() {
        return cap.prune();
    }

    private static Integer verifiedColumn(WebhookVerdict verdict) {
        return verdict.isPending() ? null : verdict.verified() ? 1 : 0;
    }

    private static int checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Ask for at least one webhook, not " + limit);
        }
        return limit;
    }

    private static ReceivedWebhook webhook(ResultSet row) throws SQLException {
        String kind = row.getString("subject_kind");
        ReceivedWebhook.WebhookSubject subject = kind == null ? null
                : new ReceivedWebhook.WebhookSubject(ReceivedWebhook.WebhookSubject.Kind.valueOf(kind), row.getString("subject_id"));
        return new ReceivedWebhook(row.getLong("id"), Database.instant(row, "received_at"), row.getString("webhook_type"),
                row.getString("webhook_code"), subject, row.getString("body"), read(row.getString("headers"), HEADERS),
                new WebhookVerdict(read(row.getString("verdict"), CHECKS)));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new VaultException("Cannot store a webhook: " + e.getMessage(), e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new VaultException("A stored webhook cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
