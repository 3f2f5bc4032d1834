package dev.tartan.emulator.transactions;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionLedgerTest {

    /** A two-account history of {@code days} days at two transactions a day, ending on {@code anchor}. */
    private static TransactionLedger ledger(long seed, LocalDate anchor, int days) {
        TransactionLedger ledger = new TransactionLedger();
        ledger.itemId = "item-" + seed;
        ledger.seed = seed;
        ledger.idSeed = seed * 31;
        ledger.anchor = anchor;
        ledger.days = days;
        ledger.accounts.add(new TransactionLedger.LedgerAccount("checking", "depository", "USD"));
        ledger.accounts.add(new TransactionLedger.LedgerAccount("card", "credit", "USD"));
        ledger.depositoryAccountId = "checking";
        ledger.cardAccountId = "card";
        ledger.baseCount = days * 2L;
        ledger.nextKey = ledger.baseCount;
        return ledger;
    }

    @Test
    void everyHistoryEndsWithPendingPurchasesWhateverTheDayAndSeed() {
        List<String> withoutPending = new ArrayList<>();
        LocalDate start = LocalDate.of(2026, 1, 1);
        for (int day = 0; day < 366; day++) {
            for (long seed : new long[] {1, 42, 7_000_001}) {
                TransactionLedger ledger = ledger(seed, start.plusDays(day), 90);
                long pending = LongStream.range(0, ledger.baseCount).mapToObj(ledger::generated).filter(Txn::pending).count();
                if (pending == 0) {
                    withoutPending.add(ledger.anchor + " seed " + seed);
                }
            }
        }
        assertThat(withoutPending).as("histories with nothing pending").isEmpty();
    }

    @Test
    void pendingTransactionsAreRecentPurchases() {
        TransactionLedger ledger = ledger(42, LocalDate.of(2026, 12, 1), 90);
        List<Txn> pending = LongStream.range(0, ledger.baseCount).mapToObj(ledger::generated).filter(Txn::pending).toList();
        assertThat(pending).isNotEmpty().allSatisfy(txn -> {
            assertThat(txn.merchant().inflow()).isFalse();
            assertThat(txn.date()).isAfter(ledger.anchor.minusDays(30));
        });
    }
}
