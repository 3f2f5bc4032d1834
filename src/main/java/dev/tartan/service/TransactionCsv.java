package dev.tartan.service;

import dev.tartan.model.TransactionRow;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Transactions as CSV (see {@link Csv}: RFC 4180, formulas guarded): a header row, dates ISO
 * (2024-03-01), amounts plain numbers as Plaid signs them (12.5, -1200), pending true or false.
 * Amounts are written by Tartan, never from text, and stay numbers (a negative amount keeps its sign).
 */
final class TransactionCsv {

    static final List<String> HEADER = List.of("date", "authorized_date", "name", "merchant_name", "amount",
            "iso_currency_code", "unofficial_currency_code", "pending", "category_primary", "category_detailed",
            "payment_channel", "account_id", "transaction_id", "pending_transaction_id");

    private TransactionCsv() {
    }

    /** Writes the CSV to {@code file}, replacing it only once the whole export is written. */
    static void write(List<TransactionRow> rows, Path file) {
        Csv.writeAtomically(file, "transactions", out -> write(rows, out));
    }

    static void write(List<TransactionRow> rows, Writer out) throws IOException {
        Csv.line(out, HEADER.stream().map(TransactionCsv::text).toList());
        for (TransactionRow row : rows) {
            Csv.line(out, List.of(date(row.date()), date(row.authorizedDate()), text(row.name()), text(row.merchantName()),
                    amount(row.amount()), text(row.isoCurrencyCode()), text(row.unofficialCurrencyCode()),
                    Boolean.toString(row.pending()), text(row.categoryPrimary()), text(row.categoryDetailed()),
                    text(row.paymentChannel()), text(row.accountId()), text(row.transactionId()),
                    text(row.pendingTransactionId())));
        }
    }

    /** A text cell: guarded against formulas, then quoted if it needs to be. */
    static String text(String value) {
        return Csv.text(value);
    }

    /** The amount as a plain decimal: no exponent, no grouping, no trailing zeros. */
    static String amount(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
