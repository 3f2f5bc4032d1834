package dev.tartan.store;

import dev.tartan.model.SharedValues;
import dev.tartan.model.TransferRow;
import dev.tartan.model.TransferSyncState;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each profile's copy of its transfers and refunds, with the /transfer/event/sync cursor it is
 * current to. Changes and the cursor they bring the copy to are stored in one transaction, so the
 * vault never holds events without their cursor or a cursor without its events.
 */
public final class TransferStore {

    private static final String COLUMNS = "id, kind, transfer_id, type, network, ach_class, amount_cents, currency, status, "
            + "account_id, created, updated, failure_code, return_code, failure_reason, description, user_name, metadata, "
            + "sweep_status, sweep_id, recurring_id, detailed, last_event_id";
    private static final String UPSERT = "INSERT OR REPLACE INTO transfer_rows (mirror_id, " + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String MIRROR_ID = "SELECT id FROM transfer_mirrors WHERE profile = ?";

    private final Database db;
    private final Clock clock;

    TransferStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Stores changed rows (replacing any with the same id) and, if {@code cursor} is not null, the
     * event cursor they bring the copy to, all or nothing. Returns where the copy stands.
     */
    public TransferSyncState apply(String profile, Collection<TransferRow> upserted, Long cursor) {
        requireProfile(profile);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return db.write(d -> {
            d.update("INSERT INTO transfer_mirrors (profile) VALUES (?) ON CONFLICT (profile) DO NOTHING", profile);
            long id = d.queryLong(MIRROR_ID, profile);
            for (TransferRow row : upserted) {
                d.update(UPSERT, id, row.id(), row.kind().name(), row.transferId(), row.type(), row.network(), row.achClass(),
                        row.amountCents(), row.currency(), row.status(), row.accountId(), row.created(), row.updated(),
                        row.failureCode(), row.returnCode(), row.failureReason(), row.description(), row.userName(), row.metadata(),
                        row.sweepStatus(), row.sweepId(), row.recurringId(), row.detailed() ? 1 : 0, row.lastEventId());
            }
            if (cursor != null) {
                d.update("UPDATE transfer_mirrors SET cursor = max(cursor, ?), synced_at = ? WHERE id = ?", cursor, now, id);
            }
            return state(d, id);
        });
    }

    /** Where the profile's copy stands, if it has one. */
    public Optional<TransferSyncState> state(String profile) {
        requireProfile(profile);
        return db.read(d -> {
            long id = d.queryLong(MIRROR_ID, profile);
            return id == 0 ? Optional.<TransferSyncState>empty() : Optional.of(state(d, id));
        });
    }

    private static TransferSyncState state(Database d, long id) throws SQLException {
        return d.queryOne("SELECT cursor, synced_at, (SELECT count(*) FROM transfer_rows WHERE mirror_id = m.id) AS held, "
                        + "(SELECT count(*) FROM transfer_rows WHERE mirror_id = m.id AND detailed = 0 AND kind = 'TRANSFER') AS bare "
                        + "FROM transfer_mirrors m WHERE id = ?",
                row -> new TransferSyncState(row.getLong("cursor"), Database.instant(row, "synced_at"), row.getLong("held"),
                        row.getLong("bare")), id).orElseThrow();
    }

    /** Every row of the profile, newest first (none before its first sync). Repeated texts share one instance. */
    public List<TransferRow> rows(String profile) {
        return select(profile, "", -1);
    }

    /** The profile's {@code limit} newest rows of {@code kind}: a first screen, read before the rest. */
    public List<TransferRow> newest(String profile, TransferRow.Kind kind, int limit) {
        return select(profile, " AND kind = '" + kind.name() + "' ORDER BY created DESC", limit);
    }

    /** The rows with these ids that the profile's copy holds, by id. */
    public Map<String, TransferRow> find(String profile, Collection<String> ids) {
        requireProfile(profile);
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<TransferRow> found = db.read(d -> {
            long id = d.queryLong(MIRROR_ID, profile);
            List<TransferRow> read = new ArrayList<>();
            SharedValues shared = new SharedValues();
            for (String wanted : ids) {
                d.forEach("SELECT " + COLUMNS + " FROM transfer_rows WHERE mirror_id = ? AND id = ?", row -> read.add(row(row, shared)),
                        id, wanted);
            }
            return read;
        });
        return found.stream().collect(Collectors.toMap(TransferRow::id, Function.identity(), (first, same) -> first));
    }

    private List<TransferRow> select(String profile, String tail, int limit) {
        requireProfile(profile);
        List<TransferRow> rows = db.read(d -> {
            long id = d.queryLong(MIRROR_ID, profile);
            List<TransferRow> read = new ArrayList<>();
            SharedValues shared = new SharedValues();
            d.forEach("SELECT " + COLUMNS + " FROM transfer_rows WHERE mirror_id = ?" + tail + (limit < 0 ? "" : " LIMIT " + limit),
                    row -> read.add(row(row, shared)), id);
            return read;
        });
        rows.sort(TransferRow.NEWEST_FIRST);
        return rows;
    }

    /** Forgets the profile's copy and its cursor (the next sync starts from the first event); true if there was one. */
    public boolean forget(String profile) {
        requireProfile(profile);
        return db.write(d -> d.update("DELETE FROM transfer_mirrors WHERE profile = ?", profile)) > 0;
    }

    private static TransferRow row(ResultSet row, SharedValues shared) throws SQLException {
        String id = row.getString(1);
        String transferId = row.getString(3);
        // A transfer's transfer_id is its id: one string, not two (the filters compare them by identity).
        return new TransferRow(id, TransferRow.Kind.valueOf(shared.text(row.getString(2))), id.equals(transferId) ? null : transferId,
                shared.text(row.getString(4)), shared.text(row.getString(5)), shared.text(row.getString(6)), row.getLong(7),
                shared.text(row.getString(8)), shared.text(row.getString(9)), shared.text(row.getString(10)), instant(row, 11),
                instant(row, 12), shared.text(row.getString(13)), shared.text(row.getString(14)), shared.text(row.getString(15)),
                shared.text(row.getString(16)), shared.text(row.getString(17)), row.getString(18), shared.text(row.getString(19)),
                shared.text(row.getString(20)), shared.text(row.getString(21)), row.getInt(22) != 0, row.getLong(23));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static void requireProfile(String profile) {
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException("Transfers are kept per profile; the profile is needed");
        }
    }
}
