package dev.tartan.service;

import dev.tartan.model.TransactionRow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

/**
 * Transactions as CSV (RFC 4180): a header row, fields quoted when they hold a comma, a semicolon
 * (the separator spreadsheets use in locales with a decimal comma), a quote or a line break, CRLF
 * line ends, UTF-8. Dates are ISO (2024-03-01), amounts plain numbers as Plaid
 * signs them (12.5, -1200), pending is true or false.
 *
 * <p>Texts are guarded against formula injection: a spreadsheet runs a cell that starts with
 * {@code = + - @} (or a tab or carriage return) as a formula, and a merchant name is whatever a
 * merchant chose. Such a text gets a leading apostrophe, which spreadsheets show as text. Amounts
 * are written by Tartan, never from text, and stay numbers (a negative amount keeps its sign).
 */
final class TransactionCsv {

    static final List<String> HEADER = List.of("date", "authorized_date", "name", "merchant_name", "amount",
            "iso_currency_code", "unofficial_currency_code", "pending", "category_primary", "category_detailed",
            "payment_channel", "account_id", "transaction_id", "pending_transaction_id");

    private static final String LINE_END = "\r\n";

    private TransactionCsv() {
    }

    /** Writes the CSV to {@code file}, replacing it only once the whole export is written. */
    static void write(List<TransactionRow> rows, Path file) {
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                write(rows, out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // The export failed already; the partial file is the lesser problem.
            }
            throw new UncheckedIOException("Cannot write the transactions to " + target + ": " + e.getMessage(), e);
        }
    }

    static void write(List<TransactionRow> rows, Writer out) throws IOException {
        line(out, HEADER.stream().map(TransactionCsv::text).toList());
        for (TransactionRow row : rows) {
            line(out, List.of(date(row.date()), date(row.authorizedDate()), text(row.name()), text(row.merchantName()),
                    amount(row.amount()), text(row.isoCurrencyCode()), text(row.unofficialCurrencyCode()),
                    Boolean.toString(row.pending()), text(row.categoryPrimary()), text(row.categoryDetailed()),
                    text(row.paymentChannel()), text(row.accountId()), text(row.transactionId()),
                    text(row.pendingTransactionId())));
        }
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cells.get(i));
        }
        out.write(LINE_END);
    }

    /** A text cell: guarded against formulas, then quoted if it needs to be. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsLikeFormula(value) ? "'" + value : value;
        return needsQuotes(safe) ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean startsLikeFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == ';' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
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
