package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.Items;
import dev.tartan.emulator.state.Journal;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.webhooks.Webhooks;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The heart of the Transfer emulation: the {@link TransferBook} and its journal of {@link Fact}s ({@value #JOURNAL_FILE}), under the
 * emulator's state lock (shared with Items, whose accounts transfers move money from and to), and the
 * webhooks Transfer sends. Every change goes through {@link #record}, inside {@link #write}.
 */
public final class Transfers implements AutoCloseable {
    /** Sandbox Ledgers start with $100 available. */
    static final long STARTING_BALANCE_CENTS = 100_00;
    static final String JOURNAL_FILE = "transfers.jsonl";

    private final Items items;
    private final Webhooks webhooks;
    private final Journal<Fact> journal;
    private final TransferBook book = new TransferBook();

    /**
     * @param folder the emulator's data folder (the journal lives there), or null to keep everything in memory
     * @param reset  forget the transfers the folder held
     */
    public Transfers(Items items, Webhooks webhooks, Path folder, boolean reset) {
        this.items = items;
        this.webhooks = webhooks;
        this.journal = folder == null ? Journal.inMemory("transfer journal", Fact.class)
                : Journal.in(folder, JOURNAL_FILE, "transfer journal", Fact.class, reset);
        items.write(() -> {
            journal.replay(book::apply);
            if (!book.hasLedgers()) {
                openLedgers();
            }
            journal.flush();
            return null;
        });
    }

    /** Every client starts with a default ledger; a second one lets ledger distributions be tried. */
    private void openLedgers() {
        Instant now = now();
        record(new Fact.LedgerOpened(newId(), "Default", true, newId(), STARTING_BALANCE_CENTS, now));
        record(new Fact.LedgerOpened(newId(), "Reserve", false, newId(), STARTING_BALANCE_CENTS, now));
    }

    Items items() {
        return items;
    }

    TransferBook book() {
        return book;
    }

    <R> R read(Supplier<R> action) {
        return items.read(action);
    }

    /** Runs {@code action} under the state's write lock; the facts it recorded reach the journal's file when it ends. */
    <R> R write(Supplier<R> action) {
        return items.write(() -> {
            try {
                return action.get();
            } finally {
                journal.flush();
            }
        });
    }

    /** Applies a fact and journals it. Call inside {@link #write}. */
    void record(Fact fact) {
        book.apply(fact);
        journal.append(fact);
    }

    Instant now() {
        return items.clock().instant();
    }

    /** The time on the timeline of {@code testClockId} (field {@code field} of the request), or the wall clock's when null. */
    Instant now(String field, String testClockId) {
        if (testClockId == null) {
            return now();
        }
        return book.clock(testClockId).orElseThrow(() -> TransferErrors.notFound(field, "test clock", testClockId)).virtualTime;
    }

    /** A new id in Plaid's shape for transfer objects (a UUID). */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    // ---- webhooks -------------------------------------------------------------------------------------------

    /** Tells the registered Transfer webhook (if any) that new events wait at /transfer/event/sync. */
    void announceEvents() {
        announceEventsTo(book.webhookUrl());
    }

    void announceEventsTo(String url) {
        if (url != null) {
            webhooks.send(url, webhooks.body("TransferEventsUpdateWebhook", "TRANSFER", "TRANSFER_EVENTS_UPDATE", Json.object()));
        }
    }

    /** Sends a recurring-transfer webhook to the registered Transfer webhook, if any. */
    void announceRecurring(String schema, String code, ObjectNode fields) {
        if (book.webhookUrl() != null) {
            webhooks.send(book.webhookUrl(), webhooks.body(schema, "TRANSFER", code, fields));
        }
    }

    @Override
    public void close() {
        items.write(() -> {
            journal.close();
            return null;
        });
    }
}
