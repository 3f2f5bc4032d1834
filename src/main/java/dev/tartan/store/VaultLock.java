package dev.tartan.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the Tartans that use one vault from opening it while its passphrase changes. SQLite's own
 * locks cannot: the change replaces the file, and a process that opened the old one in between
 * would go on writing to it, sharing its -wal and -shm with the new one.
 *
 * <p>A lock file beside the vault has two one-byte regions. An open vault holds {@code USERS}
 * shared for as long as it is open; opening passes through {@code GATE} shared. A passphrase
 * change holds {@code GATE} exclusively (so no vault opens meanwhile; one that tries waits) and
 * then needs {@code USERS} exclusively (so no other vault is open). The operating system lets go of
 * both if a process dies.
 *
 * <p>The JVM keeps one set of file locks per file, so all vaults of one process share one
 * instance: the first open takes the shared lock, the last close lets it go.
 */
final class VaultLock {

    private static final long GATE = 0;
    private static final long USERS = 1;
    private static final Map<Path, VaultLock> BY_FILE = new HashMap<>();

    /** Work on the vault with it to itself. */
    @FunctionalInterface
    interface Alone<T> {
        T run() throws SQLException;
    }

    private final Path file;
    private final FileChannel channel;
    /** Leases of this process, taken or being taken; guarded by {@code BY_FILE}. */
    private int leases;
    /** The shared lock on {@code USERS} while this process has the vault open; guarded by {@code this}. */
    private FileLock users;

    private VaultLock(Path file) {
        this.file = file;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the vault's lock file " + file, e);
        }
    }

    /** A hold on the vault at {@code location} for one open vault; waits up to {@code patience} for a passphrase change. */
    static Lease share(VaultLocation location, Duration patience) {
        VaultLock lock;
        synchronized (BY_FILE) {
            lock = BY_FILE.computeIfAbsent(location.lockFile(), VaultLock::new);
            lock.leases++;
        }
        Lease lease = new Lease(lock);
        try {
            lock.enter(patience);
            return lease;
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    private synchronized void enter(Duration patience) {
        if (users != null) {
            return;
        }
        FileLock gate = waitFor(GATE, true, patience);
        try {
            users = channel.lock(USERS, 1, true);
        } catch (IOException e) {
            throw new VaultException("Cannot lock the vault's lock file " + file + ": " + e.getMessage(), e);
        } finally {
            release(gate);
        }
    }

    /**
     * Runs {@code work} while no other vault is open on the file, in this process or another, and
     * none can open.
     *
     * @throws VaultBusyException another vault has it open (nothing was run)
     */
    private <T> T exclusively(Duration patience, Alone<T> work) throws SQLException {
        synchronized (BY_FILE) {
            if (leases > 1) {
                throw busy();
            }
        }
        synchronized (this) {
            return alone(patience, work);
        }
    }

    private <T> T alone(Duration patience, Alone<T> work) throws SQLException {
        FileLock gate = waitFor(GATE, false, patience);
        try {
            users.release();
            FileLock alone = channel.tryLock(USERS, 1, false);
            if (alone == null) {
                users = channel.lock(USERS, 1, true);
                throw busy();
            }
            try {
                return work.run();
            } finally {
                alone.release();
                users = channel.lock(USERS, 1, true);
            }
        } catch (IOException e) {
            throw new VaultException("Cannot lock the vault's lock file " + file + ": " + e.getMessage(), e);
        } finally {
            release(gate);
        }
    }

    private static VaultBusyException busy() {
        return new VaultBusyException("another Tartan has it open; the passphrase can only change when no other does", null);
    }

    /** Tries for the lock on {@code region} until {@code patience} runs out. */
    private FileLock waitFor(long region, boolean shared, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pauseMillis = 5;
        try {
            while (true) {
                FileLock lock = channel.tryLock(region, 1, shared);
                if (lock != null) {
                    return lock;
                }
                if (System.nanoTime() > deadline) {
                    throw new VaultBusyException(shared ? "its passphrase is being changed" : "it is being opened", null);
                }
                Thread.sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, 100);
            }
        } catch (IOException e) {
            throw new VaultException("Cannot lock the vault's lock file " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VaultException("Interrupted while waiting for the vault", e);
        }
    }

    private void lastLeaseClosed() {
        synchronized (this) {
            if (users != null) {
                release(users);
                users = null;
            }
        }
        try {
            channel.close();
        } catch (IOException e) {
            // The operating system lets go of the locks with the process at the latest.
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel releases it too.
        }
    }

    /** One open vault's hold on the file. */
    static final class Lease implements AutoCloseable {
        private final VaultLock lock;
        private boolean closed;

        private Lease(VaultLock lock) {
            this.lock = lock;
        }

        /** See {@link VaultLock#exclusively}. */
        <T> T exclusively(Duration patience, Alone<T> work) throws SQLException {
            return lock.exclusively(patience, work);
        }

        @Override
        public void close() {
            synchronized (BY_FILE) {
                if (closed) {
                    return;
                }
                closed = true;
                if (--lock.leases > 0) {
                    return;
                }
                // Still inside: a vault opening now must not lock the file while this channel holds it.
                BY_FILE.remove(lock.file);
                lock.lastLeaseClosed();
            }
        }
    }
}
