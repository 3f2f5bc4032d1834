package dev.tartan.service;

import dev.tartan.model.TransactionRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionCsvTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    @TempDir
    Path dir;

    private static TransactionRow row(String name, String merchant, double amount) {
        return new TransactionRow("tx-1", "acc-1", DAY, DAY.minusDays(1), name, merchant, amount, "USD", null, true, "tx-0",
                "FOOD_AND_DRINK", "FOOD_AND_DRINK_COFFEE", "in store");
    }

    private static String csv(List<TransactionRow> rows) throws IOException {
        StringWriter out = new StringWriter();
        TransactionCsv.write(rows, out);
        return out.toString();
    }

    @Test
    void aHeaderThenOneLinePerRowWithCrlfEndsIsoDatesAndPlainAmounts() throws IOException {
        TransactionRow bare = new TransactionRow("tx-2", "acc-2", DAY.plusDays(1), null, null, null, -1200, null, "BTC", false,
                null, null, null, null);

        String text = csv(List.of(row("Blue Bottle", "Blue Bottle Coffee", 4.5), bare));

        assertThat(text).isEqualTo(
                "date,authorized_date,name,merchant_name,amount,iso_currency_code,unofficial_currency_code,pending,"
                        + "category_primary,category_detailed,payment_channel,account_id,transaction_id,pending_transaction_id\r\n"
                        + "2024-03-01,2024-02-29,Blue Bottle,Blue Bottle Coffee,4.5,USD,,true,FOOD_AND_DRINK,FOOD_AND_DRINK_COFFEE,"
                        + "in store,acc-1,tx-1,tx-0\r\n"
                        + "2024-03-02,,,,-1200,,BTC,false,,,,acc-2,tx-2,\r\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "4.5|4.5",
            "-12.3|-12.3",
            "100.0|100",
            "0.00001|0.00001",
            "123456789.12|123456789.12",
            "-0.0|0"})
    void amountsArePlainNumbers(double amount, String written) {
        assertThat(TransactionCsv.amount(amount)).isEqualTo(written);
    }

    @Test
    void textsAreQuotedWhenTheyMustBe() {
        assertThat(TransactionCsv.text("Joe's, Diner")).isEqualTo("\"Joe's, Diner\"");
        assertThat(TransactionCsv.text("The \"Best\" Shop")).isEqualTo("\"The \"\"Best\"\" Shop\"");
        assertThat(TransactionCsv.text("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(TransactionCsv.text("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
        assertThat(TransactionCsv.text("plain")).isEqualTo("plain");
        assertThat(TransactionCsv.text(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", "+1-800-FLOWERS", "-5 refund", "@SUM(A1:A9)", "\tTAB", "\rCR"})
    void textsThatASpreadsheetWouldRunAsAFormulaAreMadeText(String text) {
        String written = TransactionCsv.text(text);
        String unquoted = written.startsWith("\"") ? written.substring(1, written.length() - 1).replace("\"\"", "\"") : written;
        assertThat(unquoted).isEqualTo("'" + text);
    }

    @Test
    void aSemicolonIsQuotedForSpreadsheetsThatSplitOnIt() {
        assertThat(TransactionCsv.text("Coffee;=HYPERLINK(\"http://evil\")")).isEqualTo("\"Coffee;=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(TransactionCsv.text("a;b")).isEqualTo("\"a;b\"");
    }

    @Test
    void theGuardCoversEveryTextColumnButNotTheAmount() throws IOException {
        String text = csv(List.of(new TransactionRow("=id", "+acc", DAY, null, "-name", "@merchant", -3.25, "=USD", null, false,
                null, "=cat", "+detail", "-channel")));

        String line = text.split("\r\n")[1];
        assertThat(line).isEqualTo("2024-03-01,,'-name,'@merchant,-3.25,'=USD,,false,'=cat,'+detail,'-channel,'+acc,'=id,");
    }

    @Test
    void aFileIsReplacedWholeAndInUtf8() throws IOException {
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "old content that is longer than the new one".repeat(100));

        TransactionCsv.write(List.of(row("Café Crème", "Café", 3)), file);

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("date,").contains("Café Crème").doesNotContain("old content");
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void aFailedExportSaysWhereAndLeavesNothing() {
        Path file = dir.resolve("missing-folder").resolve("out.csv");

        assertThatThrownBy(() -> TransactionCsv.write(List.of(row("x", "y", 1)), file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Cannot write the transactions to " + file.toAbsolutePath());
        assertThat(Files.exists(file.getParent())).isFalse();
    }
}
