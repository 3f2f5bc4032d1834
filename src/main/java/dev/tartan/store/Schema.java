package dev.tartan.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The vault's tables and how a vault moves from one version to the next. The version is SQLite's
 * {@code user_version}; each migration runs in one transaction that also sets the new version,
 * so a vault is always at exactly one version. Migrations are only ever appended.
 */
final class Schema {

    /** "Tart": marks the database as a Tartan vault in its (encrypted) header. */
    static final int APPLICATION_ID = 0x54617274;

    static final List<List<String>> MIGRATIONS = List.of(
            // 1: the first vault
            List.of(
                    "PRAGMA application_id = " + APPLICATION_ID,
                    """
                    CREATE TABLE settings (
                      key   TEXT PRIMARY KEY NOT NULL,
                      value TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE profiles (
                      name        TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
                      environment TEXT NOT NULL,
                      client_id   TEXT NOT NULL,
                      secret      TEXT NOT NULL,
                      created_at  INTEGER NOT NULL,
                      updated_at  INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE tokens (
                      id           INTEGER PRIMARY KEY,
                      kind         TEXT NOT NULL,
                      value        TEXT NOT NULL UNIQUE,
                      label        TEXT,
                      profile      TEXT,
                      environment  TEXT,
                      owner_id     TEXT,
                      institution  TEXT,
                      created_at   INTEGER NOT NULL,
                      last_used_at INTEGER,
                      notes        TEXT
                    )""",
                    "CREATE INDEX tokens_by_owner ON tokens (owner_id)",
                    "CREATE INDEX tokens_by_institution ON tokens (institution)",
                    """
                    CREATE TABLE cached_results (
                      id           INTEGER PRIMARY KEY,
                      profile      TEXT NOT NULL,
                      operation    TEXT NOT NULL,
                      request_hash TEXT NOT NULL,
                      reply        TEXT NOT NULL,
                      fetched_at   INTEGER NOT NULL,
                      request_id   TEXT,
                      UNIQUE (profile, operation, request_hash)
                    )""",
                    """
                    CREATE TABLE request_history (
                      id          INTEGER PRIMARY KEY,
                      at          INTEGER NOT NULL,
                      profile     TEXT,
                      operation   TEXT NOT NULL,
                      http_status INTEGER NOT NULL,
                      duration_ms INTEGER NOT NULL,
                      request_id  TEXT,
                      request     TEXT,
                      reply       TEXT,
                      size_bytes  INTEGER NOT NULL
                    )""",
                    "CREATE INDEX request_history_by_at ON request_history (at)",
                    "CREATE INDEX request_history_by_request_id ON request_history (request_id)",
                    """
                    CREATE TABLE audit_log (
                      seq        INTEGER PRIMARY KEY,
                      at         INTEGER NOT NULL,
                      actor      TEXT NOT NULL,
                      action     TEXT NOT NULL,
                      targets    TEXT NOT NULL,
                      outcome    TEXT NOT NULL,
                      request_id TEXT,
                      prev_hash  TEXT NOT NULL,
                      hash       TEXT NOT NULL
                    )""",
                    // Append-only for Tartan itself; the hash chain catches whoever goes around this.
                    """
                    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
                    """
                    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"""),
            // 2: transactions per Item or processor token, and where their sync stands
            List.of(
                    """
                    CREATE TABLE transaction_sources (
                      id            INTEGER PRIMARY KEY,
                      profile       TEXT NOT NULL,
                      source        TEXT NOT NULL,
                      cursor        TEXT,
                      update_status TEXT,
                      synced_at     INTEGER,
                      UNIQUE (profile, source)
                    )""",
                    // Dates are epoch days. Clustered by source, so one source's rows are read in one sweep.
                    """
                    CREATE TABLE transactions (
                      source_id                INTEGER NOT NULL REFERENCES transaction_sources (id) ON DELETE CASCADE,
                      transaction_id           TEXT NOT NULL,
                      account_id               TEXT NOT NULL,
                      date                     INTEGER NOT NULL,
                      authorized_date          INTEGER,
                      name                     TEXT,
                      merchant_name            TEXT,
                      amount                   REAL NOT NULL,
                      iso_currency_code        TEXT,
                      unofficial_currency_code TEXT,
                      pending                  INTEGER NOT NULL,
                      pending_transaction_id   TEXT,
                      category_primary         TEXT,
                      category_detailed        TEXT,
                      payment_channel          TEXT,
                      PRIMARY KEY (source_id, transaction_id)
                    ) WITHOUT ROWID"""),
            // 3: the audit log's head, its last entry's number and hash, which deleting entries leaves behind
            List.of(
                    """
                    CREATE TABLE audit_head (
                      id   INTEGER PRIMARY KEY CHECK (id = 1),
                      seq  INTEGER NOT NULL,
                      hash TEXT NOT NULL
                    )""",
                    """
                    INSERT INTO audit_head (id, seq, hash) VALUES (1,
                      coalesce((SELECT max(seq) FROM audit_log), 0),
                      coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '%s'))"""
                            .formatted(AuditLog.GENESIS_HASH),
                    """
                    CREATE TRIGGER audit_head_only_forward BEFORE UPDATE ON audit_head WHEN NEW.seq <= OLD.seq
                    BEGIN SELECT RAISE(ABORT, 'the audit log head only moves forward'); END""",
                    """
                    CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
                    BEGIN SELECT RAISE(ABORT, 'the audit log head cannot be removed'); END""",
                    // INSERT OR REPLACE would delete the row without firing the delete trigger.
                    """
                    CREATE TRIGGER audit_head_one_row BEFORE INSERT ON audit_head WHEN EXISTS (SELECT 1 FROM audit_head)
                    BEGIN SELECT RAISE(ABORT, 'the audit log has one head'); END"""),
            // 4: what only its user can say about a custom URL (it reaches Production; plain http to it is
            // allowed), and the key that seals the copy of the audit log's head kept beside the vault
            List.of(
                    "ALTER TABLE profiles ADD COLUMN marked_production INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE profiles ADD COLUMN plain_http_allowed INTEGER NOT NULL DEFAULT 0",
                    """
                    CREATE TABLE audit_head_seal (
                      id      INTEGER PRIMARY KEY CHECK (id = 1),
                      mac_key BLOB NOT NULL
                    )""",
                    """
                    CREATE TRIGGER audit_head_seal_no_update BEFORE UPDATE ON audit_head_seal
                    BEGIN SELECT RAISE(ABORT, 'the audit head seal never changes'); END""",
                    """
                    CREATE TRIGGER audit_head_seal_no_delete BEFORE DELETE ON audit_head_seal
                    BEGIN SELECT RAISE(ABORT, 'the audit head seal cannot be removed'); END"""),
            // 5: which token each mask of a past request stood for (fingerprints), so "Run again" cannot fill
            // a mask with another token that shares its prefix and last four characters
            List.of("ALTER TABLE request_history ADD COLUMN token_fingerprints TEXT"),
            // 6: each profile's copy of its transfers and refunds, kept current by /transfer/event/sync from a cursor
            List.of(
                    """
                    CREATE TABLE transfer_mirrors (
                      id        INTEGER PRIMARY KEY,
                      profile   TEXT NOT NULL UNIQUE,
                      cursor    INTEGER NOT NULL DEFAULT 0,
                      synced_at INTEGER
                    )""",
                    // Instants are epoch milliseconds. Clustered by profile, so one profile's rows are read in one sweep.
                    """
                    CREATE TABLE transfer_rows (
                      mirror_id      INTEGER NOT NULL REFERENCES transfer_mirrors (id) ON DELETE CASCADE,
                      id             TEXT NOT NULL,
                      kind           TEXT NOT NULL,
                      transfer_id    TEXT NOT NULL,
                      type           TEXT,
                      network        TEXT,
                      ach_class      TEXT,
                      amount_cents   INTEGER NOT NULL,
                      currency       TEXT,
                      status         TEXT NOT NULL,
                      account_id     TEXT,
                      created        INTEGER,
                      updated        INTEGER,
                      failure_code   TEXT,
                      return_code    TEXT,
                      failure_reason TEXT,
                      description    TEXT,
                      user_name      TEXT,
                      metadata       TEXT,
                      sweep_status   TEXT,
                      sweep_id       TEXT,
                      recurring_id   TEXT,
                      detailed       INTEGER NOT NULL,
                      last_event_id  INTEGER NOT NULL,
                      PRIMARY KEY (mirror_id, id)
                    ) WITHOUT ROWID""",
                    "CREATE INDEX transfer_rows_by_created ON transfer_rows (mirror_id, created)"),
            // 7: the webhooks Tartan's inbox received, each body exactly as it came, its headers and its verdict
            // (verified: 1 verified, 0 failed, NULL not checked yet)
            List.of(
                    """
                    CREATE TABLE webhooks (
                      id           INTEGER PRIMARY KEY,
                      received_at  INTEGER NOT NULL,
                      webhook_type TEXT NOT NULL,
                      webhook_code TEXT NOT NULL,
                      subject_kind TEXT,
                      subject_id   TEXT,
                      body         TEXT NOT NULL,
                      headers      TEXT NOT NULL,
                      verdict      TEXT NOT NULL,
                      verified     INTEGER,
                      size_bytes   INTEGER NOT NULL
                    )""",
                    "CREATE INDEX webhooks_by_received_at ON webhooks (received_at)",
                    "CREATE INDEX webhooks_by_subject ON webhooks (subject_id)"));

    /** The schema version this Tartan writes. */
    static final int CURRENT_VERSION = MIGRATIONS.size();

    private Schema() {
    }

    /**
     * Refuses a database that is not a Tartan vault or is newer than this Tartan, before anything
     * is written to it.
     */
    static int requireCompatible(Connection connection, Path file) throws SQLException {
        int version = pragmaInt(connection, "user_version");
        int applicationId = pragmaInt(connection, "application_id");
        boolean fresh = version == 0 && applicationId == 0 && !hasTables(connection);
        if (!fresh && applicationId != APPLICATION_ID) {
            throw new NotAVaultException(file, "it is an encrypted database of another program");
        }
        if (version > CURRENT_VERSION) {
            throw new VaultTooNewException(file, version, CURRENT_VERSION);
        }
        return version;
    }

    /** Brings the database to {@link #CURRENT_VERSION}, one transaction per step. */
    static void migrate(Connection connection, int fromVersion) throws SQLException {
        migrate(connection, fromVersion, MIGRATIONS);
    }

    /** Applies {@code migrations} (step n brings version n-1 to n) after {@code fromVersion}. */
    static void migrate(Connection connection, int fromVersion, List<List<String>> migrations) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (int version = fromVersion + 1; version <= migrations.size(); version++) {
                statement.execute("BEGIN IMMEDIATE");
                try {
                    for (String sql : migrations.get(version - 1)) {
                        statement.execute(sql);
                    }
                    statement.execute("PRAGMA user_version = " + version);
                    statement.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    statement.execute("ROLLBACK");
                    throw e;
                }
            }
        }
    }

    static int pragmaInt(Connection connection, String pragma) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA " + pragma)) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    private static boolean hasTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return row.next() && row.getInt(1) > 0;
        }
    }
}
