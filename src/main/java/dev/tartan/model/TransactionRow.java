package dev.tartan.model;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * One transaction as Tartan keeps and lists it: the fields the Items and Processor panes show,
 * search and filter on, not Plaid's whole Transaction. Kept small because an Item may have
 * 100,000 of them in memory: readers share one instance per distinct date and per repeated text
 * (account, merchant, category, currency), so a row costs little more than its transaction_id.
 *
 * @param transactionId          Plaid's transaction_id
 * @param accountId              the account it belongs to
 * @param date                   the posted date (for a pending transaction, the date it occurred)
 * @param authorizedDate         when it was authorized, or null
 * @param name                   the statement text Plaid cleaned up, or null
 * @param merchantName           the merchant Plaid recognised, or null
 * @param amount                 as Plaid signs it: positive when money leaves the account
 * @param isoCurrencyCode        ISO 4217 code, or null when the currency is unofficial
 * @param unofficialCurrencyCode the currency when it has no ISO code (crypto, points), else null
 * @param pending                whether it has not posted yet
 * @param pendingTransactionId   for a posted transaction, the pending one it replaced; else null
 * @param categoryPrimary        personal finance category, primary (FOOD_AND_DRINK), or null
 * @param categoryDetailed       personal finance category, detailed (FOOD_AND_DRINK_COFFEE), or null
 * @param paymentChannel         online, in store or other; null if not given
 */
public record TransactionRow(
        String transactionId,
        String accountId,
        LocalDate date,
        LocalDate authorizedDate,
        String name,
        String merchantName,
        double amount,
        String isoCurrencyCode,
        String unofficialCurrencyCode,
        boolean pending,
        String pendingTransactionId,
        String categoryPrimary,
        String categoryDetailed,
        String paymentChannel) {

    /** Newest first, as Tartan lists transactions; ties by transaction_id, so the order is stable. */
    public static final Comparator<TransactionRow> NEWEST_FIRST = Comparator.comparing(TransactionRow::date).reversed()
            .thenComparing(TransactionRow::transactionId);

    public TransactionRow {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(date, "date");
    }

    /** The currency the amount is in: the ISO code, else the unofficial one, else null. */
    public String currency() {
        return isoCurrencyCode != null ? isoCurrencyCode : unofficialCurrencyCode;
    }
}
