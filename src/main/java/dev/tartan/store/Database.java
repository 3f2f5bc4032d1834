package dev.tartan.store;

import org.sqlite.SQLiteErrorCode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The vault's one connection, shared by every thread. A lock gives each read or write transaction
 * the connection to itself, so no two threads of this process ever contend inside SQLite. Another
 * process (the command line while the window is open) can still hold the file: then a transaction
 * waits (SQLite's busy timeout, then retries with back-off) and only reports busy after
 * {@link #BUSY_PATIENCE}.
 *
 * <p>The helpers ({@link #update}, {@link #query}, ...) are for use inside {@link #read} and
 * {@link #write}; they reuse prepared statements, which belong to the current connection.
 */
final class Database implements AutoCloseable {

    static final Duration BUSY_PATIENCE = Duration.ofSeconds(30);

    @FunctionalInterface
    interface Work<T> {
        T run(Database db) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private Connection connection;

    Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Runs {@code work} alone on the connection, outside any explicit transaction. */
    <T> T read(Work<T> work) {
        return withRetry(work);
    }

    /** Runs {@code work} in one write transaction: all of it is committed, or none. */
    <T> T write(Work<T> work) {
        return withRetry(d -> {
            execute("BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                T result = work.run(this);
                execute("COMMIT");
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly();
                }
            }
        });
    }

    /**
     * Runs {@code work} with the raw connection and the lock held, for changes of the connection
     * itself (a new passphrase). Statements prepared so far are closed first.
     */
    <T> T exclusively(Work<T> work) {
        lock.lock();
        try {
            requireOpen();
            closeStatements();
            return work.run(this);
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            lock.unlock();
        }
    }

    /** The connection, for {@link #exclusively} work only. */
    Connection connection() {
        requireHeld();
        return connection;
    }

    /**
     * Swaps in a new connection (after a passphrase change); the old one must be closed already.
     * Null leaves the database closed.
     */
    void replaceConnection(Connection replacement) {
        requireHeld();
        closeStatements();
        connection = replacement;
    }

    int update(String sql, Object... args) throws SQLException {
        PreparedStatement statement = prepare(sql, args);
        return statement.executeUpdate();
    }

    /** Runs an INSERT and returns the new row's id. */
    long insert(String sql, Object... args) throws SQLException {
        update(sql, args);
        return queryLong("SELECT last_insert_rowid()");
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        List<T> rows = new ArrayList<>();
        forEach(sql, row -> rows.add(mapper.map(row)), args);
        return rows;
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (ResultSet row = prepare(sql, args).executeQuery()) {
            return row.next() ? Optional.of(mapper.map(row)) : Optional.empty();
        }
    }

    long queryLong(String sql, Object... args) throws SQLException {
        return queryOne(sql, row -> row.getLong(1), args).orElse(0L);
    }

    void forEach(String sql, RowConsumer consumer, Object... args) throws SQLException {
        try (ResultSet row = prepare(sql, args).executeQuery()) {
            while (row.next()) {
                consumer.accept(row);
            }
        }
    }

    void execute(String sql) throws SQLException {
        requireHeld();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** An instant as stored: milliseconds since the epoch. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (connection != null) {
                closeStatements();
                connection.close();
            }
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            connection = null;
            lock.unlock();
        }
    }

    boolean isOpen() {
        lock.lock();
        try {
            return connection != null;
        } finally {
            lock.unlock();
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        requireHeld();
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        statement.clearParameters();
        for (int i = 0; i < args.length; i++) {
            bind(statement, i + 1, args[i]);
        }
        return statement;
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setObject(index, null);
        } else if (value instanceof Instant instant) {
            statement.setLong(index, instant.toEpochMilli());
        } else if (value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Double) {
            statement.setObject(index, value);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            throw new IllegalArgumentException("Cannot store a " + value.getClass().getSimpleName());
        }
    }

    private <T> T withRetry(Work<T> attempt) {
        long deadline = System.nanoTime() + BUSY_PATIENCE.toNanos();
        long pauseMillis = 5;
        lock.lock();
        try {
            requireOpen();
            while (true) {
                try {
                    return attempt.run(this);
                } catch (SQLException e) {
                    if (!isBusy(e)) {
                        throw translate(e);
                    }
                    if (System.nanoTime() > deadline) {
                        throw new VaultBusyException("still locked after " + BUSY_PATIENCE.toSeconds() + " s", e);
                    }
                    sleep(pauseMillis);
                    pauseMillis = Math.min(pauseMillis * 2, 200);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    static boolean isBusy(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    private VaultException translate(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return new VaultException("The disk holding the vault (" + file + ") is full; nothing was saved.", e);
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new VaultException("The vault file " + file + " is damaged: " + e.getMessage(), e);
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_PERM.code) {
            return new VaultException("The vault file " + file + " cannot be written: " + e.getMessage(), e);
        }
        return new VaultException("Vault operation failed: " + e.getMessage(), e);
    }

    private void rollbackQuietly() {
        try {
            execute("ROLLBACK");
        } catch (SQLException ignored) {
            // Nothing to roll back (the failure ended the transaction already).
        }
    }

    private void closeStatements() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // Closing a statement of a connection that is going away.
            }
        }
        statements.clear();
    }

    private void requireOpen() {
        if (connection == null) {
            throw new VaultException("The vault is closed.");
        }
    }

    private void requireHeld() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("Vault database used outside read/write");
        }
        requireOpen();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VaultException("Interrupted while waiting for the vault", e);
        }
    }
}
