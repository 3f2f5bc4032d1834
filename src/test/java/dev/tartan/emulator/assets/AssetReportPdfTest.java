package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /asset_report/pdf/get is the report itself as a readable PDF: read back with PDFBox's text extraction, it
 * shows the report's particulars and applicant, every account with its mask and balances, the owners, the
 * daily balances and the transactions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssetReportPdfTest {
    private PlaidEmulator emulator;
    private AssetsClient client;
    private String token;
    private JsonNode report;
    private AssetsClient.PdfText pdf;

    @BeforeAll
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.builder().assetReportDelay(Duration.ZERO).build());
        client = new AssetsClient(emulator);
        ObjectNode request = AssetsClient.createRequest(45, client.item(), client.item("user_custom", """
                {"override_accounts": [{"type": "depository", "subtype": "savings", "starting_balance": 12345.67,
                  "meta": {"name": "Wedding Fund", "mask": "9876"}}]}"""));
        request.putObject("options").put("client_report_id", "loan-2024-0042").putObject("user")
                .put("first_name", "Ada").put("last_name", "Weaver").put("ssn", "111-22-3344").put("email", "ada@example.com");
        token = client.create(request).path("asset_report_token").asText();
        report = client.report(token);
        pdf = client.pdf("/asset_report/pdf/get", AssetsClient.token(token));
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private static String money(double value) {
        return String.format(Locale.US, "%,.2f", value);
    }

    @Test
    void theParticularsAndTheApplicantAreOnTheFirstPage() {
        assertThat(pdf.text()).contains("Asset Report", report.path("asset_report_id").asText(), "loan-2024-0042", "Ada Weaver",
                "ada@example.com", "45");
        assertThat(pdf.text()).as("the SSN is masked").contains("***-**-3344").doesNotContain("111-22-3344");
    }

    @Test
    void everyAccountShowsItsMaskAndBalances() {
        for (JsonNode account : AssetsClient.accounts(report)) {
            assertThat(pdf.text()).contains(account.path("name").asText(), account.path("mask").asText());
            JsonNode current = account.path("balances").path("current");
            if (!current.isNull()) {
                assertThat(pdf.text()).contains(money(current.asDouble()));
            }
        }
        assertThat(pdf.text()).contains("Wedding Fund", "9876", "12,345.67");
        for (JsonNode item : report.path("items")) {
            assertThat(pdf.text()).contains(item.path("institution_name").asText());
        }
    }

    @Test
    void ownersDailyBalancesAndTransactionsAreListed() {
        JsonNode checking = AssetsClient.accounts(report).stream().filter(a -> a.path("subtype").asText().equals("checking")).findFirst().orElseThrow();
        assertThat(pdf.text()).contains(checking.path("owners").get(0).path("names").get(0).asText());
        JsonNode day = checking.path("historical_balances").get(5);
        assertThat(pdf.text()).contains(day.path("date").asText(), money(day.path("current").asDouble()));
        int shown = 0;
        for (JsonNode transaction : checking.path("transactions")) {
            assertThat(pdf.text()).contains(transaction.path("date").asText(), money(Math.abs(transaction.path("amount").asDouble())));
            shown++;
        }
        assertThat(shown).isGreaterThan(10);
        assertThat(pdf.text()).contains("Transactions (" + checking.path("transactions").size());
        assertThat(pdf.pages()).isGreaterThan(1);
        assertThat(pdf.text()).contains("Page 1 of " + pdf.pages());
    }

    @Test
    void daysToIncludeShortensThePdfToo() {
        ObjectNode request = AssetsClient.token(token);
        request.putObject("options").put("days_to_include", 3);
        AssetsClient.PdfText shorter = client.pdf("/asset_report/pdf/get", request);
        assertThat(shorter.pages()).isLessThan(pdf.pages());
        JsonNode checking = AssetsClient.accounts(report).stream().filter(a -> a.path("subtype").asText().equals("checking")).findFirst().orElseThrow();
        assertThat(shorter.text()).doesNotContain(checking.path("historical_balances").get(10).path("date").asText());
    }

    /** The first page as an image, for a person to look at (target/screenshots/asset-report-pdf-page-1.png). */
    @Test
    void theFirstPageRenders() throws Exception {
        byte[] bytes = client.http.post("/asset_report/pdf/get", AssetsClient.token(token)).bytes();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFRenderer renderer = new PDFRenderer(document);
            Path folder = Files.createDirectories(Path.of("target", "screenshots"));
            for (int page = 0; page < Math.min(2, document.getNumberOfPages()); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 96);
                assertThat(image.getWidth()).isGreaterThan(600);
                ImageIO.write(image, "png", folder.resolve("asset-report-pdf-page-" + (page + 1) + ".png").toFile());
            }
        }
    }
}
