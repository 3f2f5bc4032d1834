package dev.tartan.store;

import dev.tartan.model.TransactionRow;
import dev.tartan.model.TransactionSyncState;
import dev.tartan.store.TransactionStore.Changes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class TransactionStoreTest {

    private static final String PROFILE = "Sandbox";
    private static final String ITEM = "item:abc";
    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-02T10:00:00Z"));
    private Vault vault;
    private TransactionStore store;

    @BeforeEach
    void open() {
        vault = TestVaults.create(dir, clock);
        store = vault.transactions();
    }

    @AfterEach
    void close() {
        vault.close();
    }

    private static TransactionRow row(String id, LocalDate date, double amount) {
        return new TransactionRow(id, "acc-1", date, date.minusDays(1), "Coffee, \"large\"", "Blue Bottle", amount, "USD", null,
                false, null, "FOOD_AND_DRINK", "FOOD_AND_DRINK_COFFEE", "in store");
    }

    @Test
    void aSourceNeverSyncedHasNoStateAndNoRows() {
        assertThat(store.state(PROFILE, ITEM)).isEmpty();
        assertThat(store.rows(PROFILE, ITEM)).isEmpty();
    }

    @Test
    void everyFieldRoundTripsAndRowsComeNewestFirst() {
        TransactionRow full = new TransactionRow("t-1", "acc-1", DAY, DAY.minusDays(2), "Uber 063015 SF**POOL**", "Uber", -12.345,
                null, "BTC", true, "t-0", "TRANSPORTATION", "TRANSPORTATION_TAXIS_AND_RIDE_SHARES", "online");
        TransactionRow bare = new TransactionRow("t-2", "acc-2", DAY.plusDays(3), null, null, null, 0, null, null, false, null,
                null, null, null);
        TransactionRow older = row("t-3", DAY.minusDays(40), 5);

        TransactionSyncState state = store.apply(PROFILE, ITEM, Changes.update(List.of(full, older, bare), List.of(), "cursor-1",
                "HISTORICAL_UPDATE_COMPLETE"));

        assertThat(store.rows(PROFILE, ITEM)).containsExactly(bare, full, older);
        assertThat(state).isEqualTo(new TransactionSyncState(clock.instant(), 3, "cursor-1", "HISTORICAL_UPDATE_COMPLETE"));
        assertThat(store.state(PROFILE, ITEM)).contains(state);
    }

    @Test
    void anUpdateUpsertsAndRemovesOnTopOfWhatIsStored() {
        store.apply(PROFILE, ITEM, Changes.update(List.of(row("a", DAY, 1), row("b", DAY, 2), row("c", DAY, 3)), List.of(), "c1", null));
        clock.advance(Duration.ofMinutes(5));

        TransactionSyncState state = store.apply(PROFILE, ITEM, Changes.update(
                List.of(row("b", DAY, 20), row("d", DAY.plusDays(1), 4)), List.of("a", "never-stored"), "c2", "HISTORICAL_UPDATE_COMPLETE"));

        assertThat(store.rows(PROFILE, ITEM)).extracting(TransactionRow::transactionId, TransactionRow::amount)
                .containsExactly(tuple("d", 4.0), tuple("b", 20.0),
                        tuple("c", 3.0));
        assertThat(state.transactions()).isEqualTo(3);
        assertThat(state.cursor()).isEqualTo("c2");
        assertThat(state.lastSyncedAt()).isEqualTo(Instant.parse("2024-03-02T10:05:00Z"));
    }

    @Test
    void aReplacementDropsWhatWasStoredBefore() {
        store.apply(PROFILE, ITEM, Changes.update(List.of(row("a", DAY, 1), row("b", DAY, 2)), List.of(), "c1", null));

        store.apply(PROFILE, ITEM, Changes.replacement(List.of(row("x", DAY, 9)), "c2", "HISTORICAL_UPDATE_COMPLETE"));

        assertThat(store.rows(PROFILE, ITEM)).extracting(TransactionRow::transactionId).containsExactly("x");
    }

    @Test
    void anEmptyCursorIsStoredAsNoCursor() {
        assertThat(store.apply(PROFILE, ITEM, Changes.update(List.of(), List.of(), "", "NOT_READY")).cursor()).isNull();
        assertThat(store.state(PROFILE, ITEM).orElseThrow().cursor()).isNull();
    }

    @Test
    void anUpdateThatFailsHalfWayLeavesNothingBehind() {
        store.apply(PROFILE, ITEM, Changes.update(List.of(row("a", DAY, 1)), List.of(), "c1", null));
        List<TransactionRow> rows = List.of(row("b", DAY, 2), row("c", DAY, 3), row("d", DAY, 4));
        Changes failing = Changes.update(new FailingAfter<>(rows, 2), List.of("a"), "c2", null);

        assertThatThrownBy(() -> store.apply(PROFILE, ITEM, failing)).hasMessageContaining("read error");

        assertThat(store.rows(PROFILE, ITEM)).extracting(TransactionRow::transactionId).containsExactly("a");
        assertThat(store.state(PROFILE, ITEM).orElseThrow().cursor()).isEqualTo("c1");
    }

    @Test
    void sourcesAndProfilesAreKeptApart() {
        store.apply(PROFILE, ITEM, Changes.update(List.of(row("a", DAY, 1)), List.of(), "c1", null));
        store.apply(PROFILE, "processor:123", Changes.update(List.of(row("b", DAY, 2)), List.of(), "c2", null));
        store.apply("Production", ITEM, Changes.update(List.of(row("c", DAY, 3)), List.of(), "c3", null));

        assertThat(store.rows(PROFILE, ITEM)).extracting(TransactionRow::transactionId).containsExactly("a");
        assertThat(store.rows(PROFILE, "processor:123")).extracting(TransactionRow::transactionId).containsExactly("b");
        assertThat(store.rows("Production", ITEM)).extracting(TransactionRow::transactionId).containsExactly("c");
        assertThat(store.count()).isEqualTo(3);
    }

    @Test
    void forgettingASourceDropsItsRowsAndCursor() {
        store.apply(PROFILE, ITEM, Changes.update(List.of(row("a", DAY, 1), row("b", DAY, 2)), List.of(), "c1", null));
        store.apply(PROFILE, "item:other", Changes.update(List.of(row("c", DAY, 3)), List.of(), "c2", null));

        assertThat(store.forget(PROFILE, ITEM)).isTrue();

        assertThat(store.state(PROFILE, ITEM)).isEmpty();
        assertThat(store.rows(PROFILE, ITEM)).isEmpty();
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.forget(PROFILE, ITEM)).isFalse();
    }

    @Test
    void rowsShareTheirDatesAndRepeatedTexts() {
        List<TransactionRow> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(row("t" + i, DAY.minusDays(i % 5), i));
        }
        store.apply(PROFILE, ITEM, Changes.update(rows, List.of(), "c", null));

        List<TransactionRow> read = store.rows(PROFILE, ITEM);

        TransactionRow first = read.get(0);
        for (TransactionRow other : read) {
            assertThat(other.merchantName()).isSameAs(first.merchantName());
            assertThat(other.categoryDetailed()).isSameAs(first.categoryDetailed());
            assertThat(other.accountId()).isSameAs(first.accountId());
            if (other.date().equals(first.date())) {
                assertThat(other.date()).isSameAs(first.date());
            }
        }
    }

    @Test
    void aProfileAndASourceAreRequired() {
        assertThatThrownBy(() -> store.rows(" ", ITEM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.state(PROFILE, null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A collection whose iteration fails after {@code limit} elements, like a reader cut off. */
    private static final class FailingAfter<T> extends AbstractCollection<T> {
        private final List<T> items;
        private final int limit;

        FailingAfter(List<T> items, int limit) {
            this.items = items;
            this.limit = limit;
        }

        @Override
        public Iterator<T> iterator() {
            Iterator<T> inner = items.iterator();
            return new Iterator<>() {
                private int given;

                @Override
                public boolean hasNext() {
                    return inner.hasNext();
                }

                @Override
                public T next() {
                    if (given++ == limit) {
                        throw new IllegalStateException("read error");
                    }
                    return inner.next();
                }
            };
        }

        @Override
        public int size() {
            return items.size();
        }
    }
}
