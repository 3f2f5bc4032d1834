package dev.tartan.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * Changes the vault's passphrase so that a crash at any moment leaves a vault that opens with the
 * old passphrase or the new one. SQLite3MC cannot re-key in WAL mode (it says nothing and leaves
 * the old key), and an in-place re-key half done is readable with neither key. So the vault is
 * switched to a rollback journal and locked, copied, the copy is re-keyed and proven whole and to
 * open with the new passphrase only, and then it replaces the vault in one atomic rename.
 */
final class PassphraseChange {

    /** The points a crash test stops at; each is reached after the work named. */
    enum Step { ORIGINAL_LOCKED, COPIED, COPY_REKEYED, COPY_VERIFIED, ORIGINAL_RELEASED, REPLACED }

    private final VaultLocation location;
    private final Consumer<Step> progress;

    PassphraseChange(VaultLocation location, Consumer<Step> progress) {
        this.location = location;
        this.progress = progress;
    }

    /**
     * Runs the change on {@code db}'s connection (with its lock held) and leaves {@code db} on a
     * connection with the new key, or on one with the old key if anything failed.
     */
    void run(Database db, SqlCipherConnector current, SqlCipherConnector replacement) throws SQLException {
        Path file = location.file();
        Path copy = location.rekeyFile();
        // Proves the current passphrase before anything is touched.
        VaultConnections.closeQuietly(VaultConnections.connect(file, current, false));

        Connection original = db.connection();
        leaveWriteAheadLog(db);
        boolean released = false;
        try {
            db.execute("BEGIN EXCLUSIVE");
            progress.accept(Step.ORIGINAL_LOCKED);
            VaultFiles.deleteWithCompanions(copy);
            Files.copy(file, copy);
            VaultFiles.restrictToOwner(copy);
            progress.accept(Step.COPIED);
            rekey(copy, current, replacement);
            progress.accept(Step.COPY_REKEYED);
            requireSoundCopyOnlyNewKeyOpens(copy, current, replacement);
            VaultFiles.sync(copy);
            progress.accept(Step.COPY_VERIFIED);

            db.execute("ROLLBACK");
            original.close();
            released = true;
            progress.accept(Step.ORIGINAL_RELEASED);
            // Windows cannot replace a file another handle holds open; that is why the original is closed first.
            Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            VaultFiles.syncDirectory(location.directory());
            progress.accept(Step.REPLACED);
            db.replaceConnection(VaultConnections.open(file, replacement));
        } catch (IOException | SQLException | RuntimeException e) {
            deleteQuietly(copy);
            if (released) {
                reopenAfterFailure(db, file, current, replacement, e);
            } else {
                restoreWriteAheadLog(db);
            }
            if (e instanceof VaultException ve) {
                throw ve;
            }
            throw new VaultException("The passphrase was not changed: " + e.getMessage(), e);
        }
    }

    /** Checkpoints the WAL into the file and switches to a rollback journal (needs no other connection). */
    private static void leaveWriteAheadLog(Database db) throws SQLException {
        try {
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            db.execute("PRAGMA journal_mode = DELETE");
        } catch (SQLException e) {
            if (Database.isBusy(e)) {
                throw new VaultBusyException("another Tartan has it open; the passphrase can only change when no other does", e);
            }
            throw e;
        }
    }

    private static void restoreWriteAheadLog(Database db) {
        try {
            db.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // No transaction was open.
        }
        try {
            db.execute("PRAGMA journal_mode = WAL");
        } catch (SQLException ignored) {
            // Stays in rollback mode until the next open switches it back.
        }
    }

    private static void rekey(Path copy, SqlCipherConnector current, SqlCipherConnector replacement) throws SQLException {
        Connection connection = VaultConnections.connect(copy, current, false);
        try {
            replacement.rekey(connection);
        } finally {
            VaultConnections.closeQuietly(connection);
        }
    }

    /** The driver can silently skip a re-key, and a damaged copy must not become the vault; this proves neither happened. */
    private static void requireSoundCopyOnlyNewKeyOpens(Path copy, SqlCipherConnector current, SqlCipherConnector replacement)
            throws SQLException {
        Connection reopened = VaultConnections.connect(copy, replacement, false);
        try {
            replacement.checkAfterOpen(reopened, copy);
            Schema.requireCompatible(reopened, copy);
            requireQuickCheckOk(reopened);
        } finally {
            VaultConnections.closeQuietly(reopened);
        }
        try {
            VaultConnections.closeQuietly(VaultConnections.connect(copy, current, false));
        } catch (WrongPassphraseException expected) {
            return;
        }
        throw new VaultException("Re-keying the vault copy had no effect; the passphrase was not changed.");
    }

    /** SQLite's check of every page of every table and index (short of matching indexes to their tables). */
    private static void requireQuickCheckOk(Connection copy) throws SQLException {
        try (Statement statement = copy.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA quick_check")) {
            String verdict = row.next() ? row.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new VaultException("The re-keyed copy of the vault is damaged (SQLite's check says: " + verdict
                        + "); the passphrase was not changed and the vault is as it was.");
            }
        }
    }

    /** The rename happened or not: reopens with the key that fits the file there now. */
    private static void reopenAfterFailure(Database db, Path file, SqlCipherConnector current,
                                           SqlCipherConnector replacement, Exception failure) {
        try {
            db.replaceConnection(VaultConnections.open(file, whicheverOpens(file, current, replacement)));
        } catch (RuntimeException reopenFailure) {
            failure.addSuppressed(reopenFailure);
            db.replaceConnection(null);
        }
    }

    private static SqlCipherConnector whicheverOpens(Path file, SqlCipherConnector current, SqlCipherConnector replacement) {
        try {
            VaultConnections.closeQuietly(VaultConnections.connect(file, replacement, false));
            return replacement;
        } catch (WrongPassphraseException e) {
            return current;
        }
    }

    private static void deleteQuietly(Path copy) {
        try {
            VaultFiles.deleteWithCompanions(copy);
        } catch (IOException ignored) {
            // A stale copy is removed on the next open.
        }
    }
}
