package dev.tartan.emulator.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The emulator's mutable state and its persistence. Each product keeps its state in a named section
 * (a plain Jackson-mapped object); all sections live in one file, {@code state.json}, in the
 * emulator's folder. Reads share a lock and writes take it exclusively; a write schedules a save
 * shortly after, so bursts of changes cost one save, and {@link #close()} saves what is left.
 * The file is replaced atomically and flushed to the disk, so a crash or a power cut leaves the
 * previous state, never half a file.
 * With no folder the state lives in memory only.
 */
public final class StateStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    private static final String FILE_NAME = "state.json";
    private static final int FORMAT = 1;
    private static final long SAVE_DELAY_MILLIS = 100;

    private final Path file;
    private final FolderLock folderLock;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Object> sections = new LinkedHashMap<>();
    private final JsonNode stored;
    private final AtomicBoolean saveScheduled = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor saver;

    /**
     * @param directory the emulator's folder, or null for memory only
     * @param reset     start from nothing, discarding a saved state
     */
    public StateStore(Path directory, boolean reset) {
        this.file = directory == null ? null : directory.resolve(FILE_NAME);
        this.folderLock = directory == null ? null : FolderLock.acquire(directory);
        try {
            this.stored = file == null ? Json.object() : load(file, reset);
        } catch (RuntimeException e) {
            folderLock.release();
            throw e;
        }
        this.saver = file == null ? null : saverThread();
    }

    private static ScheduledThreadPoolExecutor saverThread() {
        ScheduledThreadPoolExecutor saver = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "tartan-emulator-state");
            thread.setDaemon(true);
            return thread;
        });
        // On close, a save that is only scheduled is dropped: close() saves right away instead.
        saver.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return saver;
    }

    private static JsonNode load(Path file, boolean reset) {
        try {
            StateFiles.preparePrivateFolder(file.getParent());
            if (reset) {
                Files.deleteIfExists(file);
            }
            if (!Files.exists(file)) {
                return Json.object();
            }
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            if (root.path("format").asInt() != FORMAT) {
                throw new IllegalStateException("the emulator state in " + file + " has an unknown format;"
                        + " start the emulator with --reset to discard it");
            }
            return root.path("sections");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the emulator state in " + file + " is not valid JSON (" + e.getOriginalMessage()
                    + "); start the emulator with --reset to discard it", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the emulator state in " + file, e);
        }
    }

    /**
     * The section called {@code name}: the saved one if there is one, else {@code fresh}'s. Products call
     * this once at start and keep the object; they change it only inside {@link #write}.
     */
    public <T> T section(String name, Class<T> type, Supplier<T> fresh) {
        lock.writeLock().lock();
        try {
            Object existing = sections.get(name);
            if (existing != null) {
                return type.cast(existing);
            }
            JsonNode saved = stored.get(name);
            T section;
            try {
                section = saved == null ? fresh.get() : Json.MAPPER.treeToValue(saved, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the saved emulator state for " + name + " cannot be read ("
                        + e.getOriginalMessage() + "); start the emulator with --reset to discard it", e);
            }
            sections.put(name, section);
            return section;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Runs {@code action} while no write is in progress. */
    public <R> R read(Supplier<R> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code action} alone, then schedules a save. */
    public <R> R write(Supplier<R> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
            scheduleSave();
        }
    }

    public void write(Runnable action) {
        write(() -> {
            action.run();
            return null;
        });
    }

    private void scheduleSave() {
        if (saver != null && saveScheduled.compareAndSet(false, true)) {
            try {
                saver.schedule(this::saveQuietly, SAVE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // Closing: close() writes the state one last time.
            }
        }
    }

    private void saveQuietly() {
        try {
            save();
        } catch (RuntimeException e) {
            LOG.error("could not save the emulator state to {}", file, e);
        }
    }

    /** Writes the state now (a no-op in memory). One save at a time: they share the temporary file. */
    public synchronized void save() {
        if (file == null) {
            return;
        }
        saveScheduled.set(false);
        byte[] bytes = read(() -> {
            ObjectNode root = Json.object();
            root.put("format", FORMAT);
            ObjectNode saved = root.putObject("sections");
            // Sections nobody asked for this run are kept as they were.
            stored.fields().forEachRemaining(entry -> saved.set(entry.getKey(), entry.getValue()));
            sections.forEach((name, section) -> saved.set(name, Json.MAPPER.valueToTree(section)));
            try {
                return Json.MAPPER.writeValueAsBytes(root);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialize the emulator state", e);
            }
        });
        // File channels give up when the thread is interrupted; a save on the way out must not.
        boolean interrupted = Thread.interrupted();
        try {
            StateFiles.replace(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the emulator state to " + file, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (saver != null) {
            saver.shutdown();
            try {
                saver.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                save();
            } finally {
                folderLock.release();
            }
        }
    }
}
