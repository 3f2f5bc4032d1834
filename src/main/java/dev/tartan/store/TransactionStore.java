package dev.tartan.store;

import dev.tartan.model.SharedValues;
import dev.tartan.model.TransactionRow;
import dev.tartan.model.TransactionSyncState;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Transactions per profile and source (an Item or a processor token, by
 * {@link dev.tartan.model.TransactionSource#key()}), with the sync cursor they are current to.
 * A sync's changes and its new cursor are stored in one transaction, so the vault never holds
 * changes without their cursor or a cursor without its changes.
 */
public final class TransactionStore {

    private static final String COLUMNS = "transaction_id, account_id, date, authorized_date, name, merchant_name, amount, "
            + "iso_currency_code, unofficial_currency_code, pending, pending_transaction_id, category_primary, "
            + "category_detailed, payment_channel";
    private static final String UPSERT = "INSERT OR REPLACE INTO transactions (source_id, " + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SOURCE_ID = "SELECT id FROM transaction_sources WHERE profile = ? AND source = ?";

    /**
     * One sync's outcome, to store at once.
     *
     * @param replacesAll  true if {@code upserted} is the source's whole set (what was stored before goes)
     * @param upserted     transactions added or modified: stored, replacing any with the same transaction_id
     * @param removed      transaction_ids that went; none of them is also in {@code upserted}
     * @param cursor       where the next sync starts, or null for the start
     * @param updateStatus Plaid's transactions_update_status, or null
     */
    public record Changes(boolean replacesAll, Collection<TransactionRow> upserted, Collection<String> removed,
                          String cursor, String updateStatus) {

        public Changes {
            Objects.requireNonNull(upserted, "upserted");
            Objects.requireNonNull(removed, "removed");
            cursor = cursor == null || cursor.isEmpty() ? null : cursor;
        }

        /** Changes on top of what is stored. */
        public static Changes update(Collection<TransactionRow> upserted, Collection<String> removed, String cursor,
                                     String updateStatus) {
            return new Changes(false, upserted, removed, cursor, updateStatus);
        }

        /** The whole set, replacing what is stored. */
        public static Changes replacement(Collection<TransactionRow> all, String cursor, String updateStatus) {
            return new Changes(true, all, List.of(), cursor, updateStatus);
        }
    }

    private final Database db;
    private final Clock clock;

    TransactionStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores a sync's changes and its cursor, all or nothing; returns where the source stands now. */
    public TransactionSyncState apply(String profile, String source, Changes changes) {
        requireKey(profile, source);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored
        return db.write(d -> {
            d.update("INSERT INTO transaction_sources (profile, source) VALUES (?, ?) ON CONFLICT (profile, source) DO NOTHING",
                    profile, source);
            long id = d.queryLong(SOURCE_ID, profile, source);
            if (changes.replacesAll()) {
                d.update("DELETE FROM transactions WHERE source_id = ?", id);
            }
            for (String transactionId : changes.removed()) {
                d.update("DELETE FROM transactions WHERE source_id = ? AND transaction_id = ?", id, transactionId);
            }
            for (TransactionRow row : changes.upserted()) {
                d.update(UPSERT, id, row.transactionId(), row.accountId(), row.date().toEpochDay(), epochDay(row.authorizedDate()),
                        row.name(), row.merchantName(), row.amount(), row.isoCurrencyCode(), row.unofficialCurrencyCode(),
                        row.pending() ? 1 : 0, row.pendingTransactionId(), row.categoryPrimary(), row.categoryDetailed(),
                        row.paymentChannel());
            }
            d.update("UPDATE transaction_sources SET cursor = ?, update_status = ?, synced_at = ? WHERE id = ?",
                    changes.cursor(), changes.updateStatus(), now, id);
            return new TransactionSyncState(now, d.queryLong("SELECT count(*) FROM transactions WHERE source_id = ?", id),
                    changes.cursor(), changes.updateStatus());
        });
    }

    /** Where the source's transactions stand, if it was ever synced. */
    public Optional<TransactionSyncState> state(String profile, String source) {
        requireKey(profile, source);
        return db.read(d -> d.queryOne("SELECT synced_at, cursor, update_status, "
                        + "(SELECT count(*) FROM transactions WHERE source_id = s.id) AS stored "
                        + "FROM transaction_sources s WHERE profile = ? AND source = ?",
                row -> new TransactionSyncState(Database.instant(row, "synced_at"), row.getLong("stored"),
                        row.getString("cursor"), row.getString("update_status")), profile, source));
    }

    /**
     * Every transaction of the source, newest first (none if it was never synced). Rows share their
     * dates and repeated texts, so 100,000 of them stay small.
     */
    public List<TransactionRow> rows(String profile, String source) {
        requireKey(profile, source);
        List<TransactionRow> rows = db.read(d -> {
            long id = d.queryLong(SOURCE_ID, profile, source);
            List<TransactionRow> read = new ArrayList<>();
            SharedValues shared = new SharedValues();
            d.forEach("SELECT " + COLUMNS + " FROM transactions WHERE source_id = ?", row -> read.add(row(row, shared)), id);
            return read;
        });
        rows.sort(TransactionRow.NEWEST_FIRST);
        return rows;
    }

    /** Forgets the source's transactions and cursor (the next sync starts from scratch); true if there were any. */
    public boolean forget(String profile, String source) {
        requireKey(profile, source);
        return db.write(d -> d.update("DELETE FROM transaction_sources WHERE profile = ? AND source = ?", profile, source)) > 0;
    }

    /** Transactions stored for every source of every profile. */
    public long count() {
        return db.read(d -> d.queryLong("SELECT count(*) FROM transactions"));
    }

    private static TransactionRow row(ResultSet row, SharedValues shared) throws SQLException {
        long authorized = row.getLong(4);
        LocalDate authorizedDate = row.wasNull() ? null : shared.date(authorized);
        return new TransactionRow(row.getString(1), shared.text(row.getString(2)), shared.date(row.getLong(3)), authorizedDate,
                shared.text(row.getString(5)), shared.text(row.getString(6)), row.getDouble(7), shared.text(row.getString(8)),
                shared.text(row.getString(9)), row.getInt(10) != 0, row.getString(11), shared.text(row.getString(12)),
                shared.text(row.getString(13)), shared.text(row.getString(14)));
    }

    private static Long epochDay(LocalDate date) {
        return date == null ? null : date.toEpochDay();
    }

    private static void requireKey(String profile, String source) {
        if (profile == null || profile.isBlank() || source == null || source.isBlank()) {
            throw new IllegalArgumentException("Transactions are kept per profile and source; both are needed");
        }
    }
}
