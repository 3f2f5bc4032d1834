package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.state.Journal;
import dev.tartan.emulator.support.Ids;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.webhooks.Webhooks;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The heart of the Monitor emulation: the {@link WatchlistBook} and its {@link Journal} of {@link Fact}s under
 * a lock of its own (Monitor shares no state with Items), the Dashboard set-up ({@link Directory}), the lists
 * ({@link Dataset}) and the status webhooks. Every change goes through {@link #record}, inside {@link #write}.
 */
public final class Watchlist implements AutoCloseable {
    /** Monitor's journal, in the emulator's folder. */
    static final String JOURNAL_FILE = "watchlist.jsonl";
    private static final String JOURNAL_NAME = "watchlist journal";

    private final Webhooks webhooks;
    private final Clock clock;
    private final Supplier<String> webhookUrl;
    private final Directory directory = new Directory();
    private final WatchlistBook book = new WatchlistBook(Dataset.bundled());
    private final Journal<Fact> journal;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /**
     * @param folder     the emulator's data folder (the journal lives there), or null to keep everything in memory
     * @param reset      forget the screenings the folder held
     * @param webhookUrl the webhook URL registered for the client (a Dashboard setting at Plaid), read at each
     *                   status change; null when none is registered
     */
    public Watchlist(Webhooks webhooks, Clock clock, Path folder, boolean reset, Supplier<String> webhookUrl) {
        this.webhooks = webhooks;
        this.clock = clock;
        this.webhookUrl = webhookUrl;
        this.journal = folder == null ? Journal.inMemory(JOURNAL_NAME, Fact.class)
                : Journal.in(folder, JOURNAL_FILE, JOURNAL_NAME, Fact.class, reset);
        write(() -> {
            journal.replay(book::apply);
            return null;
        });
    }

    <R> R read(Supplier<R> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code action} under the write lock; the facts it recorded reach the journal's file when it ends. */
    <R> R write(Supplier<R> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            try {
                journal.flush();
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** Applies a fact and journals it. Call inside {@link #write}. */
    void record(Fact fact) {
        book.apply(fact);
        journal.append(fact);
    }

    WatchlistBook book() {
        return book;
    }

    Directory directory() {
        return directory;
    }

    Dataset dataset() {
        return book.dataset();
    }

    /** Now, to the second, as Plaid's timestamps are. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** A new id in Plaid's shape for Monitor objects: a prefix and 14 letters and digits. */
    static String newId(String prefix) {
        return prefix + Ids.base62(Kind.ID_LENGTH);
    }

    /** Tells the client's registered webhook (if any) that the screening's status changed. */
    void announceStatus(Screening screening) {
        String url = webhookUrl.get();
        if (url == null) {
            return;
        }
        Kind kind = screening.kind;
        ObjectNode fields = Json.object().put(kind.webhookIdField, screening.id);
        webhooks.send(url, webhooks.body(kind.webhookSchema, kind.webhookType, "STATUS_UPDATED", fields));
    }

    @Override
    public void close() {
        write(() -> {
            journal.close();
            return null;
        });
    }
}
