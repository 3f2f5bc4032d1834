package dev.tartan.emulator.transactions;

import dev.tartan.emulator.support.Ids;
import dev.tartan.emulator.support.Mix;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The transactions of one Item, as persisted. The history is not stored: transaction {@code k} of the
 * {@code baseCount} generated ones is recomputed from the seed whenever it is read, dated so that
 * {@code k} ascending is date ascending over the last {@code days} days. What the history cannot
 * recompute is kept: stored transactions (added later, or configured), patches to generated ones,
 * removals, and the batches of changes that /transactions/sync reports. Each batch is one version.
 *
 * <p>Not thread-safe: read under the state store's read lock, change under its write lock.
 */
final class TransactionLedger {
    private static final Comparator<StoredTransaction> BY_DATE = Comparator
            .comparing((StoredTransaction t) -> t.date).thenComparingLong(t -> t.key);
    private static final double RESTAURANT_TIP = 1.18;
    /** The newest generated purchases (money out, not a recurring bill) are always pending, so every history has some. */
    private static final int PENDING_TAIL = 3;
    /** How far back from the newest transaction the pending tail is looked for. */
    private static final int PENDING_TAIL_SCAN = 200;
    /** Days at the end of the history whose transactions may still be pending. */
    private static final int PENDING_DAYS = 2;

    String itemId;
    long seed;
    long idSeed;
    LocalDate anchor;
    int days;
    long baseCount;
    /** Accounts that carry generated transactions. */
    List<LedgerAccount> accounts = new ArrayList<>();
    /** Where recurring bills and income land, or null when the Item has no such account. */
    String depositoryAccountId;
    String cardAccountId;
    /** Sorted by date, then key. */
    List<StoredTransaction> stored = new ArrayList<>();
    Map<Long, Patch> patches = new HashMap<>();
    TreeMap<Long, Integer> removedBase = new TreeMap<>();
    /** Batch i holds the changes that made version i + 1. */
    List<Batch> batches = new ArrayList<>();
    long nextKey;
    int refreshes;
    /** The keys of {@link #pendingTail()}, recomputed after a restart rather than stored. */
    private transient Set<Long> pendingTail;

    static final class LedgerAccount {
        String id;
        String type;
        String currency;

        LedgerAccount() {
        }

        LedgerAccount(String id, String type, String currency) {
            this.id = id;
            this.type = type;
            this.currency = currency;
        }
    }

    /** A change to a generated transaction. */
    static final class Patch {
        double amount;
        String name;
    }

    static final class Batch {
        Instant at;
        List<Long> added = new ArrayList<>();
        List<Long> modified = new ArrayList<>();
        List<Long> removed = new ArrayList<>();
    }

    TransactionLedger() {
    }

    int version() {
        return batches.size();
    }

    // ---- generated history ------------------------------------------------------------------------

    private int dayIndex(long key) {
        return (int) (key * days / baseCount);
    }

    private long firstKeyOfDay(long dayIndex) {
        return (dayIndex * baseCount + days - 1) / days;
    }

    LocalDate dateOf(long key) {
        return key < baseCount ? anchor.minusDays(days - 1L - dayIndex(key)) : storedByKey(key).date;
    }

    /** The recurring stream transaction {@code key} carries, or null for an everyday one. */
    private RecurringStream streamOf(long key) {
        int day = dayIndex(key);
        long position = key - firstKeyOfDay(day);
        if (position >= RecurringStream.ALL.size()) {
            return null;
        }
        LocalDate date = anchor.minusDays(days - 1L - day);
        int seen = 0;
        for (RecurringStream stream : RecurringStream.ALL) {
            if (stream.fallsOn(date) && streamAccount(stream) != null) {
                if (seen == position) {
                    return stream;
                }
                seen++;
            }
        }
        return null;
    }

    String streamAccount(RecurringStream stream) {
        return stream.prefersCard() && cardAccountId != null ? cardAccountId : depositoryAccountId;
    }

    /** The account of generated transaction {@code key}, without building the transaction. */
    String accountOf(long key) {
        RecurringStream stream = streamOf(key);
        return stream != null ? streamAccount(stream) : accounts.get(Mix.below(Mix.of(seed, key), accounts.size())).id;
    }

    /** Generated transaction {@code key} (0 <= key < baseCount), patches applied. */
    Txn generated(long key) {
        int day = dayIndex(key);
        LocalDate date = anchor.minusDays(days - 1L - day);
        long hash = Mix.of(seed, key);
        RecurringStream stream = streamOf(key);
        Merchant merchant;
        String accountId;
        String currency;
        double amount;
        boolean pending = false;
        if (stream != null) {
            merchant = stream.merchant();
            accountId = streamAccount(stream);
            currency = currencyOf(accountId);
            amount = streamAmount(stream, date);
        } else {
            LedgerAccount account = accounts.get(Mix.below(hash, accounts.size()));
            merchant = everydayMerchant(account, hash);
            accountId = account.id;
            currency = account.currency;
            amount = amount(merchant, Mix.value(hash + 1));
            pending = !merchant.inflow()
                    && (pendingTail().contains(key) || (day >= days - PENDING_DAYS && Mix.below(Mix.value(hash + 2), 3) == 0));
        }
        LocalDate authorized = merchant.channel().equals("in store") && !pending
                ? date.minusDays(Mix.below(Mix.value(hash + 3), 3)) : date;
        String name = merchant.description();
        Patch patch = patches.get(key);
        if (patch != null) {
            amount = patch.amount;
            name = patch.name;
        }
        return new Txn(key, Ids.base62(Mix.of(idSeed, key), 37), accountId, date, authorized, amount, merchant, name,
                pending, null, currency);
    }

    private static Merchant everydayMerchant(LedgerAccount account, long hash) {
        List<Merchant> choices = account.type.equals("credit") ? CREDIT_MERCHANTS : DEPOSITORY_MERCHANTS;
        return choices.get(Mix.below(Mix.value(hash), choices.size()));
    }

    /**
     * The newest {@value #PENDING_TAIL} everyday purchases. The newest keys alone will not do: on
     * some days they are all recurring bills or income, and a history would have nothing pending.
     */
    private Set<Long> pendingTail() {
        if (pendingTail == null) {
            Set<Long> keys = new HashSet<>();
            for (long key = baseCount - 1; key >= Math.max(0, baseCount - PENDING_TAIL_SCAN) && keys.size() < PENDING_TAIL; key--) {
                long hash = Mix.of(seed, key);
                if (streamOf(key) == null && !everydayMerchant(accounts.get(Mix.below(hash, accounts.size())), hash).inflow()) {
                    keys.add(key);
                }
            }
            pendingTail = keys;
        }
        return pendingTail;
    }

    private static final List<Merchant> DEPOSITORY_MERCHANTS = Merchants.EVERYDAY.stream()
            .filter(m -> m.appearsOn("depository")).toList();
    private static final List<Merchant> CREDIT_MERCHANTS = Merchants.EVERYDAY.stream()
            .filter(m -> m.appearsOn("credit")).toList();

    private double streamAmount(RecurringStream stream, LocalDate date) {
        int index = RecurringStream.ALL.indexOf(stream);
        long hash = stream.fixedAmount() ? Mix.of(seed, 1000 + index) : Mix.of(seed, 1000 + index, date.toEpochDay());
        return amount(stream.merchant(), hash);
    }

    /** An amount between the merchant's bounds, skewed towards small ones, signed the way Plaid signs them. */
    static double amount(Merchant merchant, long hash) {
        double unit = Mix.unit(hash);
        double value = merchant.minAmount() * Math.pow(merchant.maxAmount() / merchant.minAmount(), unit);
        double cents = Math.round(value * 100) / 100.0;
        return merchant.inflow() ? -cents : cents;
    }

    private String currencyOf(String accountId) {
        return accounts.stream().filter(a -> a.id.equals(accountId)).map(a -> a.currency).findFirst().orElse("USD");
    }

    // ---- reading ---------------------------------------------------------------------------------

    boolean isLive(long key) {
        return key < baseCount ? !removedBase.containsKey(key) : storedByKey(key).removedAt == null;
    }

    Txn get(long key) {
        return key < baseCount ? generated(key) : storedByKey(key).view();
    }

    private StoredTransaction storedByKey(long key) {
        for (StoredTransaction transaction : stored) {
            if (transaction.key == key) {
                return transaction;
            }
        }
        throw new IllegalStateException("no stored transaction " + key);
    }

    /** A place in the ascending sequence of all transactions: the next generated key and the next stored index. */
    record Position(long base, int stored) {
        static final Position START = new Position(0, 0);
    }

    /** A slice of the ascending sequence. */
    record Slice(List<Txn> transactions, Position next, boolean more) {
    }

    /**
     * Up to {@code limit} live transactions on the accounts {@code accepted} names (all when null), in
     * ascending date order, starting at {@code from}. Generated transactions are only built for the ones
     * returned.
     */
    Slice ascending(Position from, int limit, Set<String> accepted) {
        List<Txn> out = new ArrayList<>(Math.min(limit, 512));
        long base = from.base();
        int next = from.stored();
        boolean more = false;
        while (base < baseCount || next < stored.size()) {
            boolean takeBase = base < baseCount
                    && (next >= stored.size() || !dateOf(base).isAfter(stored.get(next).date));
            boolean matches;
            if (takeBase) {
                matches = !removedBase.containsKey(base) && (accepted == null || accepted.contains(accountOf(base)));
            } else {
                StoredTransaction candidate = stored.get(next);
                matches = candidate.removedAt == null && (accepted == null || accepted.contains(candidate.accountId));
            }
            if (matches && out.size() == limit) {
                more = true;
                break;
            }
            if (matches) {
                out.add(takeBase ? generated(base) : stored.get(next).view());
            }
            if (takeBase) {
                base++;
            } else {
                next++;
            }
        }
        return new Slice(out, new Position(base, next), more);
    }

    /** A page of live transactions between two dates on the accounts named (all when null), newest first, with the total that match. */
    record Page(List<Txn> transactions, long total) {
    }

    Page descending(LocalDate start, LocalDate end, Set<String> accepted, long offset, int count) {
        boolean allAccounts = accepted == null;
        long low = 0;
        long high = 0;
        if (baseCount > 0) {
            long firstDay = Math.max(0, days - 1 - ChronoUnit.DAYS.between(start, anchor));
            long lastDay = Math.min(days - 1L, days - 1 - ChronoUnit.DAYS.between(end, anchor));
            if (firstDay <= lastDay) {
                low = firstKeyOfDay(firstDay);
                high = firstKeyOfDay(lastDay + 1);
            }
        }
        List<StoredTransaction> inRange = stored.stream()
                .filter(t -> t.removedAt == null && !t.date.isBefore(start) && !t.date.isAfter(end)).toList();
        List<Txn> page = new ArrayList<>(count);
        long total = 0;
        long base = high - 1;
        int next = inRange.size() - 1;
        boolean countOnly = false;
        while (base >= low || next >= 0) {
            if (countOnly && allAccounts) {
                // Nothing left to build: count what remains without walking it.
                long baseLeft = base >= low ? (base - low + 1) - removedBase.subMap(low, true, base, true).size() : 0;
                total += baseLeft + (next + 1);
                break;
            }
            boolean takeBase = base >= low && (next < 0 || !dateOf(base).isBefore(inRange.get(next).date));
            boolean matches = takeBase
                    ? !removedBase.containsKey(base) && (allAccounts || accepted.contains(accountOf(base)))
                    : allAccounts || accepted.contains(inRange.get(next).accountId);
            if (matches) {
                if (total >= offset && page.size() < count) {
                    page.add(takeBase ? generated(base) : inRange.get(next).view());
                }
                total++;
                countOnly = page.size() == count;
            }
            if (takeBase) {
                base--;
            } else {
                next--;
            }
        }
        return new Page(page, total);
    }

    /** What changed from version {@code from} to the current one, as /transactions/sync reports it. */
    record Changes(List<Long> added, List<Long> modified, List<Long> removed) {
        int size() {
            return added.size() + modified.size() + removed.size();
        }
    }

    Changes changesSince(int from) {
        Set<Long> added = new LinkedHashSet<>();
        Set<Long> modified = new LinkedHashSet<>();
        Set<Long> removed = new LinkedHashSet<>();
        for (Batch batch : batches.subList(from, batches.size())) {
            added.addAll(batch.added);
            modified.addAll(batch.modified);
            removed.addAll(batch.removed);
        }
        List<Long> addedLive = added.stream().filter(this::isLive).sorted(byDate()).toList();
        List<Long> modifiedLive = modified.stream().filter(k -> !added.contains(k) && isLive(k)).sorted(byDate()).toList();
        List<Long> removedBefore = removed.stream().filter(k -> !added.contains(k)).sorted().toList();
        return new Changes(addedLive, modifiedLive, removedBefore);
    }

    private Comparator<Long> byDate() {
        return Comparator.comparing(this::dateOf).thenComparing(Comparator.naturalOrder());
    }

    // ---- changes ---------------------------------------------------------------------------------

    /**
     * Simulates the institution reporting new data, as /transactions/refresh does in the Sandbox: pending
     * transactions post (the pending one is removed, a posted one with {@code pending_transaction_id}
     * added), a few new transactions appear dated {@code today}, and one recent transaction is corrected.
     */
    Batch refresh(Instant now, LocalDate today) {
        Batch batch = new Batch();
        batch.at = now;
        refreshes++;
        for (Txn pending : livePending(today)) {
            remove(pending.key(), batch);
            double amount = pending.merchant().pfcPrimary().equals("FOOD_AND_DRINK")
                    ? Math.round(pending.amount() * RESTAURANT_TIP * 100) / 100.0 : pending.amount();
            batch.added.add(store(pending.accountId(), pending.date(), pending.authorizedDate(), amount,
                    pending.merchant(), pending.name(), false, pending.id(), pending.currency()));
        }
        if (!accounts.isEmpty()) {
            long hash = Mix.of(seed, 0x5EED, refreshes);
            int fresh = 2 + Mix.below(hash, 3);
            for (int i = 0; i < fresh; i++) {
                long draw = Mix.of(hash, i);
                LedgerAccount account = accounts.get(Mix.below(draw, accounts.size()));
                List<Merchant> choices = account.type.equals("credit") ? CREDIT_MERCHANTS : DEPOSITORY_MERCHANTS;
                Merchant merchant = choices.get(Mix.below(Mix.value(draw), choices.size()));
                boolean pending = i == 0 && !merchant.inflow();
                batch.added.add(store(account.id, today, today, amount(merchant, Mix.value(draw + 1)), merchant,
                        merchant.description(), pending, null, account.currency));
            }
        }
        correctLatestPosted(batch);
        batches.add(batch);
        return batch;
    }

    /** Adds transactions built with {@link Ledgers#configured}, as /sandbox/transactions/create does; returns their batch. */
    Batch addStored(Instant now, List<StoredTransaction> additions) {
        Batch batch = new Batch();
        batch.at = now;
        for (StoredTransaction addition : additions) {
            insertSorted(addition);
            batch.added.add(addition.key);
        }
        batches.add(batch);
        return batch;
    }

    private List<Txn> livePending(LocalDate today) {
        List<Txn> pending = new ArrayList<>();
        if (baseCount > 0) {
            long first = pendingTail().stream().reduce(firstKeyOfDay(Math.max(0, days - PENDING_DAYS)), Math::min);
            for (long key = first; key < baseCount; key++) {
                if (!removedBase.containsKey(key)) {
                    Txn candidate = generated(key);
                    if (candidate.pending()) {
                        pending.add(candidate);
                    }
                }
            }
        }
        for (StoredTransaction transaction : stored) {
            if (transaction.pending && transaction.removedAt == null && !transaction.date.isAfter(today)) {
                pending.add(transaction.view());
            }
        }
        return pending;
    }

    private void correctLatestPosted(Batch batch) {
        for (long key = baseCount - 1; key >= 0 && key >= baseCount - 50; key--) {
            if (!removedBase.containsKey(key) && !batch.removed.contains(key)) {
                Txn latest = generated(key);
                if (!latest.pending() && !latest.merchant().inflow()) {
                    Patch patch = new Patch();
                    patch.amount = Math.round((latest.amount() - 0.5) * 100) / 100.0;
                    patch.name = latest.name() + " ADJ";
                    patches.put(key, patch);
                    batch.modified.add(key);
                    return;
                }
            }
        }
    }

    private void remove(long key, Batch batch) {
        int version = batches.size() + 1;
        if (key < baseCount) {
            removedBase.put(key, version);
        } else {
            storedByKey(key).removedAt = version;
        }
        batch.removed.add(key);
    }

    private long store(String accountId, LocalDate date, LocalDate authorized, double amount, Merchant merchant,
                       String name, boolean pending, String pendingTransactionId, String currency) {
        StoredTransaction transaction = new StoredTransaction();
        transaction.key = nextKey++;
        transaction.id = Ids.base62(Mix.of(idSeed, transaction.key), 37);
        transaction.accountId = accountId;
        transaction.date = date;
        transaction.authorizedDate = authorized;
        transaction.amount = amount;
        transaction.merchant = Merchants.indexOf(merchant);
        transaction.name = name;
        transaction.pending = pending;
        transaction.pendingTransactionId = pendingTransactionId;
        transaction.currency = currency;
        insertSorted(transaction);
        return transaction.key;
    }

    void insertSorted(StoredTransaction transaction) {
        int at = stored.size();
        while (at > 0 && BY_DATE.compare(stored.get(at - 1), transaction) > 0) {
            at--;
        }
        stored.add(at, transaction);
    }

    /** The id of transaction {@code key}, live or removed. */
    String idOf(long key) {
        return key < baseCount ? Ids.base62(Mix.of(idSeed, key), 37) : storedByKey(key).id;
    }

    /** The account of transaction {@code key}, live or removed. */
    String accountIdOf(long key) {
        return key < baseCount ? accountOf(key) : storedByKey(key).accountId;
    }

    /** The live generated occurrences of a recurring stream, oldest first. */
    List<Txn> occurrences(RecurringStream stream) {
        List<Txn> found = new ArrayList<>();
        if (baseCount == 0 || streamAccount(stream) == null) {
            return found;
        }
        for (int day = 0; day < days; day++) {
            LocalDate date = anchor.minusDays(days - 1L - day);
            if (!stream.fallsOn(date)) {
                continue;
            }
            long key = firstKeyOfDay(day);
            while (key < baseCount && dayIndex(key) == day) {
                if (streamOf(key) == stream) {
                    if (isLive(key)) {
                        found.add(generated(key));
                    }
                    break;
                }
                key++;
            }
        }
        return found;
    }
}
