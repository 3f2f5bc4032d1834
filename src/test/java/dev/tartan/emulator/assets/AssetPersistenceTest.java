package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.stream.Stream;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports, their data, audit copies and relay tokens survive a restart (journal and snapshots); a report
 * asked for before a restart is generated after it, with its webhook; a torn last journal line is dropped;
 * --reset forgets everything.
 */
class AssetPersistenceTest {
    @TempDir
    Path dataDir;

    private PlaidEmulator start(boolean reset, Duration delay) {
        return PlaidEmulator.start(EmulatorConfig.builder().dataDirectory(dataDir).reset(reset).assetReportDelay(delay).build());
    }

    private Path emulatorFolder() {
        return dataDir.resolve("emulator");
    }

    @Test
    void reportsAuditCopiesAndRelaysSurviveARestart() {
        String token;
        String filteredToken;
        String removedToken;
        String copy;
        String relay;
        JsonNode report;
        JsonNode filtered;
        String pdfText;
        try (PlaidEmulator emulator = start(false, Duration.ZERO)) {
            AssetsClient client = new AssetsClient(emulator);
            String item = client.item();
            ObjectNode request = AssetsClient.createRequest(30, item);
            request.putObject("options").put("client_report_id", "kept");
            token = client.create(request).path("asset_report_token").asText();
            report = client.report(token);
            ObjectNode filter = AssetsClient.token(token);
            filter.putArray("account_ids_to_exclude").add(AssetsClient.accountIds(report).get(0));
            filteredToken = client.ok("/asset_report/filter", filter).path("asset_report_token").asText();
            filtered = client.report(filteredToken);
            copy = client.ok("/asset_report/audit_copy/create", AssetsClient.token(token).put("auditor_id", "fannie_mae"))
                    .path("audit_copy_token").asText();
            ObjectNode relayRequest = body().put("secondary_client_id", "partner-1");
            relayRequest.putArray("report_tokens").add(token);
            relay = client.ok("/credit/relay/create", relayRequest).path("relay_token").asText();
            removedToken = client.create(30, item).path("asset_report_token").asText();
            client.report(removedToken);
            client.ok("/asset_report/remove", AssetsClient.token(removedToken));
            pdfText = client.pdf("/asset_report/pdf/get", AssetsClient.token(token)).text();
        }
        assertThat(emulatorFolder().resolve(AssetReports.JOURNAL_FILE)).exists();
        try (PlaidEmulator emulator = start(false, Duration.ZERO)) {
            AssetsClient client = new AssetsClient(emulator);
            assertThat(client.report(token)).isEqualTo(report);
            assertThat(client.report(filteredToken)).isEqualTo(filtered);
            assertThat(client.ok("/asset_report/audit_copy/get", body().put("audit_copy_token", copy)).path("report")).isEqualTo(report);
            assertThat(client.ok("/credit/relay/get", body().put("relay_token", relay).put("report_type", "asset")).path("report"))
                    .isEqualTo(report);
            client.refused("/asset_report/get", AssetsClient.token(removedToken), "INVALID_INPUT", "INVALID_ASSET_REPORT_TOKEN");
            assertThat(client.pdf("/asset_report/pdf/get", AssetsClient.token(token)).text())
                    .as("the same PDF").isEqualTo(pdfText);
        }
    }

    @Test
    void aReportAskedForBeforeARestartIsGeneratedAfterIt() throws Exception {
        String token;
        String id;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            try (PlaidEmulator emulator = start(false, Duration.ofSeconds(30))) {
                AssetsClient client = new AssetsClient(emulator);
                ObjectNode request = AssetsClient.createRequest(30, client.item());
                request.putObject("options").put("webhook", receiver.url());
                JsonNode created = client.create(request);
                token = created.path("asset_report_token").asText();
                id = created.path("asset_report_id").asText();
                client.refused("/asset_report/get", AssetsClient.token(token), "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY");
            }
            // The delay is counted from when the report was asked for: a restart with a shorter delay does not change it.
            try (PlaidEmulator emulator = start(false, Duration.ZERO)) {
                AssetsClient client = new AssetsClient(emulator);
                client.refused("/asset_report/get", AssetsClient.token(token), "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY");
            }
            rewindReadyTimes();
            try (PlaidEmulator emulator = start(false, Duration.ZERO)) {
                AssetsClient client = new AssetsClient(emulator);
                JsonNode ready = EmulatorClient.MAPPER.readTree(receiver.await(b -> b.contains("PRODUCT_READY"), Duration.ofSeconds(10)).body());
                assertThat(ready.path("asset_report_id").asText()).as("the timer generates it on start").isEqualTo(id);
                assertThat(client.report(token).path("asset_report_id").asText()).isEqualTo(id);
            }
        }
    }

    /** Moves every report's due times into the past, as if the emulator had been stopped for a long while. */
    private void rewindReadyTimes() throws Exception {
        Path journal = emulatorFolder().resolve(AssetReports.JOURNAL_FILE);
        String text = Files.readString(journal).replaceAll("\"readyAt\":\"[^\"]+\"", "\"readyAt\":\"2020-01-01T00:00:00Z\"");
        Files.writeString(journal, text);
    }

    @Test
    void aLastLineCutShortByACrashIsDropped() throws Exception {
        String token;
        try (PlaidEmulator emulator = start(false, Duration.ZERO)) {
            AssetsClient client = new AssetsClient(emulator);
            token = client.create(30, client.item()).path("asset_report_token").asText();
            client.report(token);
        }
        Files.writeString(emulatorFolder().resolve(AssetReports.JOURNAL_FILE), "{\"fact\":\"removed\",\"reportId\":\"4a1",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (PlaidEmulator emulator = start(false, Duration.ZERO)) {
            AssetsClient client = new AssetsClient(emulator);
            assertThat(AssetsClient.accounts(client.report(token))).isNotEmpty();
            client.ok("/asset_report/audit_copy/create", AssetsClient.token(token));
        }
    }

    @Test
    void resetForgetsReportsAndTheirData() throws Exception {
        String token;
        try (PlaidEmulator emulator = start(false, Duration.ZERO)) {
            AssetsClient client = new AssetsClient(emulator);
            token = client.create(30, client.item()).path("asset_report_token").asText();
            client.report(token);
        }
        try (Stream<Path> files = Files.list(emulatorFolder().resolve(Snapshots.FOLDER))) {
            assertThat(files.count()).as("the report's data is stored").isEqualTo(1);
        }
        try (PlaidEmulator emulator = start(true, Duration.ZERO)) {
            new AssetsClient(emulator).refused("/asset_report/get", AssetsClient.token(token), "INVALID_INPUT", "INVALID_ASSET_REPORT_TOKEN");
        }
        try (Stream<Path> files = Files.list(emulatorFolder().resolve(Snapshots.FOLDER))) {
            assertThat(files.count()).isZero();
        }
    }

    @Test
    void removingAReportDeletesItsData() throws Exception {
        String id;
        try (PlaidEmulator emulator = start(false, Duration.ZERO)) {
            AssetsClient client = new AssetsClient(emulator);
            String token = client.create(30, client.item()).path("asset_report_token").asText();
            id = client.report(token).path("asset_report_id").asText();
            assertThat(emulatorFolder().resolve(Snapshots.FOLDER).resolve(id + ".json.gz")).exists();
            client.ok("/asset_report/remove", AssetsClient.token(token));
            assertThat(emulatorFolder().resolve(Snapshots.FOLDER).resolve(id + ".json.gz")).doesNotExist();
        }
        assertThat(Files.readString(emulatorFolder().resolve("state.json"))).as("reports are not in state.json").doesNotContain(id);
    }
}
