package dev.tartan.service;

import dev.tartan.model.TransferAmount;
import dev.tartan.model.TransferRow;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Transfers and refunds as CSV (see {@link Csv}): a header row, times ISO in UTC
 * (2024-03-01T14:05:00Z), amounts plain numbers of dollars with two decimals (12.50).
 */
final class TransferCsv {

    static final List<String> HEADER = List.of("id", "kind", "transfer_id", "created", "updated", "status", "type", "network",
            "ach_class", "amount", "iso_currency_code", "account_id", "description", "user_legal_name", "failure_code",
            "ach_return_code", "failure_description", "sweep_status", "recurring_transfer_id", "metadata");

    private TransferCsv() {
    }

    static void write(List<TransferRow> rows, Path file) {
        Csv.writeFile(file, "transfers", out -> write(rows, out));
    }

    static void write(List<TransferRow> rows, Writer out) throws IOException {
        Csv.line(out, HEADER);
        for (TransferRow row : rows) {
            Csv.line(out, List.of(Csv.text(row.id()), row.kind().name().toLowerCase(java.util.Locale.ROOT), Csv.text(row.transferId()),
                    time(row.created()), time(row.updated()), Csv.text(row.status()), Csv.text(row.type()), Csv.text(row.network()),
                    Csv.text(row.achClass()), TransferAmount.format(row.amountCents()), Csv.text(row.currency()), Csv.text(row.accountId()),
                    Csv.text(row.description()), Csv.text(row.userName()), Csv.text(row.failureCode()), Csv.text(row.returnCode()),
                    Csv.text(row.failureReason()), Csv.text(row.sweepStatus()), Csv.text(row.recurringId()), Csv.text(row.metadata())));
        }
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
