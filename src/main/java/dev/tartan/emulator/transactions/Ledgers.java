package dev.tartan.emulator.transactions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.emulator.items.AccountRecord;
import dev.tartan.emulator.items.ItemRecord;
import dev.tartan.emulator.support.Ids;
import dev.tartan.emulator.support.Mix;

import java.time.LocalDate;

/** Sets up the transaction ledger of a new Item from its accounts and Sandbox login. */
final class Ledgers {
    /** Plaid's user_transactions_dynamic starts with about this many transactions. */
    private static final int DYNAMIC_USER_TRANSACTIONS = 50;
    private static final int TRANSACTIONS_PER_DAY = 2;

    private Ledgers() {
    }

    static TransactionLedger forItem(ItemRecord item) {
        TransactionLedger ledger = new TransactionLedger();
        ledger.itemId = item.itemId();
        ledger.seed = item.dataSeed();
        ledger.idSeed = Mix.of(item.dataSeed(), Mix.of(item.itemId()));
        ledger.anchor = item.anchorDate();
        ledger.days = item.transactionDays();
        for (AccountRecord account : item.accounts()) {
            if (!account.hasTransactions() || account.custom().path("transactions").isArray()) {
                continue;
            }
            ledger.accounts.add(new TransactionLedger.LedgerAccount(account.accountId(), account.type(), account.currency()));
            if (account.isDepository() && ledger.depositoryAccountId == null) {
                ledger.depositoryAccountId = account.accountId();
            }
            if (account.type().equals("credit") && ledger.cardAccountId == null) {
                ledger.cardAccountId = account.accountId();
            }
        }
        ledger.baseCount = ledger.accounts.isEmpty() ? 0 : generatedCount(item);
        ledger.nextKey = ledger.baseCount;
        for (AccountRecord account : item.accounts()) {
            for (JsonNode configured : account.custom().path("transactions")) {
                ledger.insertSorted(configured(ledger, account, configured, ledger.anchor));
            }
        }
        return ledger;
    }

    private static long generatedCount(ItemRecord item) {
        if (item.generatedTransactions() != null) {
            return item.generatedTransactions();
        }
        if ("user_transactions_dynamic".equals(item.username())) {
            return DYNAMIC_USER_TRANSACTIONS;
        }
        return (long) item.transactionDays() * TRANSACTIONS_PER_DAY;
    }

    /**
     * A transaction from a user_custom configuration or /sandbox/transactions/create: pending while its
     * posting date is after {@code today}.
     */
    static StoredTransaction configured(TransactionLedger ledger, AccountRecord account, JsonNode configured, LocalDate today) {
        StoredTransaction transaction = new StoredTransaction();
        transaction.key = ledger.nextKey++;
        transaction.id = Ids.base62(Mix.of(ledger.idSeed, transaction.key), 37);
        transaction.accountId = account.accountId();
        LocalDate posted = LocalDate.parse(configured.path("date_posted").asText(ledger.anchor.toString()));
        transaction.date = posted;
        transaction.authorizedDate = LocalDate.parse(configured.path("date_transacted").asText(posted.toString()));
        transaction.amount = configured.path("amount").asDouble();
        transaction.merchant = Merchants.indexOf(Merchants.CUSTOM);
        transaction.name = configured.path("description").asText("Transaction");
        transaction.pending = posted.isAfter(today);
        transaction.currency = configured.hasNonNull("currency") ? configured.get("currency").asText()
                : configured.hasNonNull("iso_currency_code") ? configured.get("iso_currency_code").asText() : account.currency();
        return transaction;
    }
}
