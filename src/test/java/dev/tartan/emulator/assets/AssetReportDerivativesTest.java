package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports are immutable: refresh makes a new one over new dates with today's data, filter a new one without
 * some accounts; remove invalidates a report's token, its audit copies and relay tokens, and nothing made from
 * it. Audit copies and relay tokens read the report they were made for.
 */
class AssetReportDerivativesTest {
    private PlaidEmulator emulator;
    private AssetsClient client;
    private String first;
    private String second;
    private JsonNode created;
    private String token;

    @BeforeEach
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.builder().assetReportDelay(Duration.ZERO).build());
        client = new AssetsClient(emulator);
        first = client.item();
        second = client.item();
        ObjectNode request = AssetsClient.createRequest(30, first, second);
        request.putObject("options").put("client_report_id", "loan-1").putObject("user").put("first_name", "Ada");
        created = client.create(request);
        token = created.path("asset_report_token").asText();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void refreshMakesANewReportOverANewDateRangeWithTodaysData() {
        JsonNode original = client.report(token);
        client.ok("/transactions/refresh", body().put("access_token", first));
        ObjectNode request = AssetsClient.token(token).put("days_requested", 90);
        request.putObject("options").put("client_report_id", "loan-1-refreshed");
        JsonNode refreshed = client.ok("/asset_report/refresh", request);
        assertThat(refreshed.path("asset_report_token").asText()).isNotEqualTo(token).startsWith("assets-sandbox-");
        assertThat(refreshed.path("asset_report_id").asText()).isNotEqualTo(created.path("asset_report_id").asText());

        JsonNode report = client.report(refreshed.path("asset_report_token").asText());
        assertThat(report.path("days_requested").asInt()).isEqualTo(90);
        assertThat(report.path("client_report_id").asText()).isEqualTo("loan-1-refreshed");
        assertThat(report.path("user").path("first_name").asText()).as("options not given are kept").isEqualTo("Ada");
        assertThat(AssetsClient.accountIds(report)).isEqualTo(AssetsClient.accountIds(original));
        JsonNode checking = AssetsClient.accounts(report).stream().filter(a -> a.path("subtype").asText().equals("checking")).findFirst().orElseThrow();
        assertThat(checking.path("days_available").asInt()).isGreaterThan(30);
        assertThat(transactionCount(report)).as("today's data: the refresh added transactions, and more days").isGreaterThan(transactionCount(original));
        assertThat(client.report(token)).as("the original is unchanged").isEqualTo(original);

        JsonNode sameDays = client.report(client.ok("/asset_report/refresh", AssetsClient.token(token)).path("asset_report_token").asText());
        assertThat(sameDays.path("days_requested").asInt()).as("the original's days by default").isEqualTo(30);
        assertThat(sameDays.path("client_report_id").asText()).isEqualTo("loan-1");
    }

    private static int transactionCount(JsonNode report) {
        return AssetsClient.accounts(report).stream().mapToInt(a -> a.path("transactions").size()).sum();
    }

    @Test
    void filterMakesANewReportWithoutTheAccountsAndRefreshKeepsThemOut() {
        JsonNode original = client.report(token);
        List<String> all = AssetsClient.accountIds(original);
        String left = all.get(0);
        String alsoLeft = all.get(all.size() - 1);
        ObjectNode request = AssetsClient.token(token);
        request.putArray("account_ids_to_exclude").add(left).add(alsoLeft);
        JsonNode filtered = client.ok("/asset_report/filter", request);
        assertThat(filtered.path("asset_report_token").asText()).isNotEqualTo(token);
        JsonNode report = client.report(filtered.path("asset_report_token").asText());
        assertThat(report.path("asset_report_id").asText()).isEqualTo(filtered.path("asset_report_id").asText());
        assertThat(AssetsClient.accountIds(report)).doesNotContain(left, alsoLeft).hasSize(all.size() - 2);
        for (String kept : AssetsClient.accountIds(report)) {
            JsonNode before = AssetsClient.account(original, kept);
            assertThat(AssetsClient.account(report, kept)).as("the same data, not new data").isEqualTo(before);
        }
        assertThat(report.path("date_generated")).isEqualTo(original.path("date_generated"));
        assertThat(AssetsClient.accountIds(client.report(token))).as("the original keeps every account").isEqualTo(all);

        JsonNode refreshed = client.report(client.ok("/asset_report/refresh", AssetsClient.token(filtered.path("asset_report_token").asText()))
                .path("asset_report_token").asText());
        assertThat(AssetsClient.accountIds(refreshed)).as("a refresh keeps the filters").doesNotContain(left, alsoLeft).hasSize(all.size() - 2);
    }

    @Test
    void filteringOutEveryAccountOfAnItemLeavesTheItemOut() {
        JsonNode original = client.report(token);
        ObjectNode request = AssetsClient.token(token);
        var exclude = request.putArray("account_ids_to_exclude");
        original.path("items").get(0).path("accounts").forEach(account -> exclude.add(account.path("account_id").asText()));
        JsonNode report = client.report(client.ok("/asset_report/filter", request).path("asset_report_token").asText());
        assertThat(report.path("items")).hasSize(1);
        assertThat(report.path("items").get(0).path("item_id")).isEqualTo(original.path("items").get(1).path("item_id"));
    }

    @Test
    void auditCopiesReadTheReportPerAuditorAndAreRemovedOneByOne() {
        JsonNode report = client.report(token);
        String fannie = client.ok("/asset_report/audit_copy/create", AssetsClient.token(token).put("auditor_id", "fannie_mae"))
                .path("audit_copy_token").asText();
        String freddie = client.ok("/asset_report/audit_copy/create", AssetsClient.token(token).put("auditor_id", "freddie_mac"))
                .path("audit_copy_token").asText();
        assertThat(fannie).startsWith("a-sandbox-").isNotEqualTo(freddie);
        JsonNode copy = client.ok("/asset_report/audit_copy/get", body().put("audit_copy_token", fannie)).path("report");
        assertThat(copy).isEqualTo(report);
        assertThat(client.pdf("/asset_report/audit_copy/pdf/get", body().put("audit_copy_token", freddie)).text())
                .contains(report.path("asset_report_id").asText());

        assertThat(client.ok("/asset_report/audit_copy/remove", body().put("audit_copy_token", fannie)).path("removed").asBoolean()).isTrue();
        client.refused("/asset_report/audit_copy/get", body().put("audit_copy_token", fannie), "INVALID_INPUT", "INVALID_AUDIT_COPY_TOKEN");
        client.refused("/asset_report/audit_copy/remove", body().put("audit_copy_token", fannie), "INVALID_INPUT", "INVALID_AUDIT_COPY_TOKEN");
        assertThat(client.ok("/asset_report/audit_copy/get", body().put("audit_copy_token", freddie)).path("report")).isEqualTo(report);
        assertThat(client.report(token)).as("the report is not affected").isEqualTo(report);
    }

    @Test
    void removingAReportInvalidatesItsTokenAuditCopiesAndRelaysButNotReportsMadeFromIt() {
        String copy = client.ok("/asset_report/audit_copy/create", AssetsClient.token(token).put("auditor_id", "fannie_mae"))
                .path("audit_copy_token").asText();
        ObjectNode relayRequest = body().put("secondary_client_id", "partner-1");
        relayRequest.putArray("report_tokens").add(token);
        String relay = client.ok("/credit/relay/create", relayRequest).path("relay_token").asText();
        String refreshed = client.ok("/asset_report/refresh", AssetsClient.token(token)).path("asset_report_token").asText();

        assertThat(client.ok("/asset_report/remove", AssetsClient.token(token)).path("removed").asBoolean()).isTrue();
        for (String path : List.of("/asset_report/get", "/asset_report/pdf/get", "/asset_report/refresh", "/asset_report/remove",
                "/asset_report/audit_copy/create")) {
            client.refused(path, AssetsClient.token(token), "INVALID_INPUT", "INVALID_ASSET_REPORT_TOKEN");
        }
        client.refused("/asset_report/audit_copy/get", body().put("audit_copy_token", copy), "INVALID_INPUT", "INVALID_AUDIT_COPY_TOKEN");
        client.refused("/credit/relay/get", body().put("relay_token", relay).put("report_type", "asset"), "INVALID_INPUT", "INVALID_RELAY_TOKEN");
        assertThat(AssetsClient.accounts(client.report(refreshed))).as("a report made from it stays").isNotEmpty();
        assertThat(client.ok("/accounts/get", body().put("access_token", first)).path("accounts")).as("the Items stay").isNotEmpty();
    }

    /** Removing an Item does not affect reports already made with it (Plaid's /asset_report/remove page). */
    @Test
    void removingAnItemLeavesItsReportsReadable() {
        JsonNode report = client.report(token);
        client.ok("/item/remove", body().put("access_token", first));
        assertThat(client.report(token)).isEqualTo(report);
        String refreshed = client.ok("/asset_report/refresh", AssetsClient.token(token)).path("asset_report_token").asText();
        JsonNode error = client.refused("/asset_report/get", AssetsClient.token(refreshed), "ASSET_REPORT_ERROR", "DATA_UNAVAILABLE").json();
        assertThat(error.path("causes").get(0).path("error_code").asText()).as("new data cannot be read from a removed Item")
                .isEqualTo("ITEM_NOT_FOUND");
    }

    @Test
    void aRelayTokenSharesTheReportAndARelayRefreshMovesItToANewReport() throws Exception {
        JsonNode report = client.report(token);
        ObjectNode request = body().put("secondary_client_id", "partner-1");
        request.putArray("report_tokens").add(token);
        String relay = client.ok("/credit/relay/create", request).path("relay_token").asText();
        assertThat(relay).startsWith("relay-sandbox-");
        ObjectNode get = body().put("relay_token", relay).put("report_type", "asset");
        assertThat(client.ok("/credit/relay/get", get).path("report")).isEqualTo(report);
        JsonNode withInsights = client.ok("/credit/relay/get", get.deepCopy().put("include_insights", true)).path("report");
        assertThat(AssetsClient.accounts(withInsights).stream().flatMap(a -> java.util.stream.StreamSupport.stream(a.path("transactions").spliterator(), false))
                .allMatch(t -> t.has("merchant_name"))).isTrue();
        assertThat(client.pdf("/credit/relay/pdf/get", get).text()).contains(report.path("asset_report_id").asText());

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode refreshed = client.ok("/credit/relay/refresh", get.deepCopy().put("webhook", receiver.url()));
            assertThat(refreshed.path("relay_token").asText()).isEqualTo(relay);
            String newId = refreshed.path("asset_report_id").asText();
            assertThat(newId).isNotEqualTo(report.path("asset_report_id").asText());
            assertThat(receiver.await(b -> b.contains(newId) && b.contains("PRODUCT_READY"), Duration.ofSeconds(10))).isNotNull();
            assertThat(client.ok("/credit/relay/get", get).path("report").path("asset_report_id").asText()).isEqualTo(newId);
        }
        assertThat(client.report(token)).as("the owner's report is untouched").isEqualTo(report);

        assertThat(client.ok("/credit/relay/remove", body().put("relay_token", relay)).path("removed").asBoolean()).isTrue();
        client.refused("/credit/relay/get", get, "INVALID_INPUT", "INVALID_RELAY_TOKEN");
        assertThat(client.report(token)).as("removing a relay token leaves the report").isEqualTo(report);
    }
}
