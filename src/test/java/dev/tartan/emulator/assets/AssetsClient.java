package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.testing.SpecSchemas;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assets calls for tests, over loopback: every successful JSON answer is checked against the spec's response
 * schema, every PDF is opened and its text extracted with PDFBox, and every refusal can be read as Plaid's error.
 */
public final class AssetsClient {
    final EmulatorClient http;

    public AssetsClient(PlaidEmulator emulator) {
        this.http = new EmulatorClient(emulator);
    }

    /** Posts, requires 200 and a body valid for the operation's response schema. */
    JsonNode ok(String path, ObjectNode request) {
        JsonNode answer = http.ok(path, request);
        assertThat(SpecSchemas.responseProblems(path, answer)).as("schema problems of %s: %s", path, answer).isEmpty();
        return answer;
    }

    /** Posts a request Plaid refuses; returns the error answer after checking its status, type and code. */
    EmulatorClient.Answer refused(String path, ObjectNode request, String errorType, String errorCode) {
        EmulatorClient.Answer answer = http.post(path, request);
        assertThat(answer.status()).as("%s answered %s", path, answer.json()).isEqualTo(400);
        assertThat(answer.errorCode()).as("%s answered %s", path, answer.json()).isEqualTo(errorCode);
        assertThat(answer.json().path("error_type").asText()).as("%s answered %s", path, answer.json()).isEqualTo(errorType);
        return answer;
    }

    /** A new Item with the assets product (and transactions, identity) for these test credentials: its access token. */
    String item(String username, String password) {
        return http.newItem(username, password, "assets", "transactions", "identity");
    }

    /** A user_good Item with assets. */
    String item() {
        return item("user_good", "pass_good");
    }

    /** An /asset_report/create request for these Items. */
    static ObjectNode createRequest(int days, String... accessTokens) {
        ObjectNode request = body().put("days_requested", days);
        ArrayNode tokens = request.putArray("access_tokens");
        for (String token : accessTokens) {
            tokens.add(token);
        }
        return request;
    }

    /** The create answer (asset_report_token and asset_report_id). */
    JsonNode create(ObjectNode request) {
        return ok("/asset_report/create", request);
    }

    JsonNode create(int days, String... accessTokens) {
        return create(createRequest(days, accessTokens));
    }

    static ObjectNode token(String assetReportToken) {
        return body().put("asset_report_token", assetReportToken);
    }

    /** The report of /asset_report/get (without insights). */
    JsonNode report(String assetReportToken) {
        return ok("/asset_report/get", token(assetReportToken)).path("report");
    }

    /** Polls /asset_report/get until the report is ready (PRODUCT_NOT_READY until then); fails after {@code timeout}. */
    JsonNode awaitReport(String assetReportToken, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            EmulatorClient.Answer answer = http.post("/asset_report/get", token(assetReportToken));
            if (answer.status() == 200) {
                assertThat(SpecSchemas.responseProblems("/asset_report/get", answer.json())).isEmpty();
                return answer.json().path("report");
            }
            assertThat(answer.errorCode()).as("answer while waiting: %s", answer.json()).isEqualTo("PRODUCT_NOT_READY");
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the report was not ready within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    /** Posts a PDF operation, requires a PDF, and returns its text as PDFBox extracts it. */
    PdfText pdf(String path, ObjectNode request) {
        EmulatorClient.Answer answer = http.post(path, request);
        assertThat(answer.status()).as("%s answered %s", path, answer.json()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(answer.bytes())) {
            return new PdfText(document.getNumberOfPages(), new PDFTextStripper().getText(document), answer.bytes().length);
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable PDF", e);
        }
    }

    /** A PDF as read back: its page count and text. */
    record PdfText(int pages, String text, int bytes) {
    }

    /** Every account of a report, across its Items. */
    static List<JsonNode> accounts(JsonNode report) {
        List<JsonNode> accounts = new ArrayList<>();
        report.path("items").forEach(item -> item.path("accounts").forEach(accounts::add));
        return accounts;
    }

    static JsonNode account(JsonNode report, String accountId) {
        return accounts(report).stream().filter(a -> a.path("account_id").asText().equals(accountId)).findFirst()
                .orElseThrow(() -> new AssertionError("no account " + accountId + " in the report"));
    }

    static List<String> accountIds(JsonNode report) {
        return accounts(report).stream().map(a -> a.path("account_id").asText()).toList();
    }
}
