package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Plaid's errors for what a request names wrongly, each naming the field; none changes anything. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssetReportErrorsTest {
    private static final String UNKNOWN_REPORT = "assets-sandbox-00000000-0000-4000-8000-000000000000";

    private PlaidEmulator emulator;
    private AssetsClient client;
    private String item;
    private String token;

    @BeforeAll
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.builder().assetReportDelay(Duration.ZERO).build());
        client = new AssetsClient(emulator);
        item = client.item();
        token = client.create(30, item).path("asset_report_token").asText();
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private static void names(EmulatorClient.Answer answer, String field) {
        assertThat(answer.json().path("error_message").asText()).as("the message names the field").startsWith(field + ":");
        assertThat(answer.json().path("request_id").asText()).hasSize(15);
    }

    @Test
    void anUnknownAssetReportTokenIsRefusedByEveryOperation() {
        for (String path : List.of("/asset_report/get", "/asset_report/pdf/get", "/asset_report/refresh", "/asset_report/remove",
                "/asset_report/audit_copy/create")) {
            EmulatorClient.Answer answer = client.refused(path, AssetsClient.token(UNKNOWN_REPORT), "INVALID_INPUT", "INVALID_ASSET_REPORT_TOKEN");
            names(answer, "asset_report_token");
            assertThat(answer.json().path("error_message").asText()).doesNotContain(UNKNOWN_REPORT);
        }
        ObjectNode filter = AssetsClient.token(UNKNOWN_REPORT);
        filter.putArray("account_ids_to_exclude");
        client.refused("/asset_report/filter", filter, "INVALID_INPUT", "INVALID_ASSET_REPORT_TOKEN");
    }

    @Test
    void anUnknownAuditCopyOrRelayTokenIsRefused() {
        for (String path : List.of("/asset_report/audit_copy/get", "/asset_report/audit_copy/pdf/get", "/asset_report/audit_copy/remove")) {
            names(client.refused(path, body().put("audit_copy_token", "a-sandbox-00000000-0000-4000-8000-000000000000"),
                    "INVALID_INPUT", "INVALID_AUDIT_COPY_TOKEN"), "audit_copy_token");
        }
        for (String path : List.of("/credit/relay/get", "/credit/relay/pdf/get", "/credit/relay/refresh")) {
            names(client.refused(path, body().put("relay_token", "relay-sandbox-00000000-0000-4000-8000-000000000000")
                    .put("report_type", "asset"), "INVALID_INPUT", "INVALID_RELAY_TOKEN"), "relay_token");
        }
        names(client.refused("/credit/relay/remove", body().put("relay_token", "relay-sandbox-00000000-0000-4000-8000-000000000000"),
                "INVALID_INPUT", "INVALID_RELAY_TOKEN"), "relay_token");
    }

    @Test
    void anAccessTokenTheEmulatorDidNotIssueIsNamedByItsPlace() {
        EmulatorClient.Answer answer = client.refused("/asset_report/create",
                AssetsClient.createRequest(30, item, "access-sandbox-00000000-0000-4000-8000-000000000000"), "INVALID_INPUT", "INVALID_ACCESS_TOKEN");
        names(answer, "access_tokens[1]");
    }

    @Test
    void aRemovedItemCannotBeInANewReport() {
        String removed = client.item();
        client.ok("/item/remove", body().put("access_token", removed));
        names(client.refused("/asset_report/create", AssetsClient.createRequest(30, removed), "ITEM_ERROR", "ITEM_NOT_FOUND"),
                "access_tokens[0]");
    }

    @Test
    void anItemWithoutTheAssetsProductIsRefused() {
        String transactionsOnly = client.http.newItem("user_good", "pass_good", "transactions");
        EmulatorClient.Answer answer = client.refused("/asset_report/create", AssetsClient.createRequest(30, item, transactionsOnly),
                "ASSET_REPORT_ERROR", "PRODUCT_NOT_ENABLED");
        names(answer, "access_tokens[1]");
    }

    @Test
    void theSameItemTwiceIsRefused() {
        names(client.refused("/asset_report/create", AssetsClient.createRequest(30, item, item), "INVALID_REQUEST", "INVALID_FIELD"),
                "access_tokens[1]");
    }

    @Test
    void aReportNeedsAtLeastOneItem() {
        EmulatorClient.Answer empty = client.refused("/asset_report/create", AssetsClient.createRequest(30), "INVALID_REQUEST",
                "INVALID_FIELD");
        assertThat(empty.json().path("error_message").asText()).contains("access_tokens");
        names(client.refused("/asset_report/create", body().put("days_requested", 30), "INVALID_INPUT", "INVALID_ACCESS_TOKEN"),
                "access_tokens");
    }

    /** The spec lets /asset_report/get name a report by user_token; the emulator keeps no users. */
    @Test
    void getNeedsAReportToken() {
        names(client.refused("/asset_report/get", body(), "INVALID_INPUT", "INVALID_ASSET_REPORT_TOKEN"), "asset_report_token");
        names(client.refused("/asset_report/get", body().put("user_token", "user-sandbox-00000000-0000-4000-8000-000000000000"),
                "INVALID_INPUT", "INVALID_USER_TOKEN"), "user_token");
    }

    @Test
    void daysOutOfRangeAreRefusedNamingTheField() {
        for (int days : new int[] {-1, 732}) {
            EmulatorClient.Answer create = client.refused("/asset_report/create", AssetsClient.createRequest(days, item),
                    "INVALID_REQUEST", "INVALID_FIELD");
            assertThat(create.json().path("error_message").asText()).contains("days_requested");
            EmulatorClient.Answer refresh = client.refused("/asset_report/refresh", AssetsClient.token(token).put("days_requested", days),
                    "INVALID_REQUEST", "INVALID_FIELD");
            assertThat(refresh.json().path("error_message").asText()).contains("days_requested");
            ObjectNode get = AssetsClient.token(token);
            get.putObject("options").put("days_to_include", days);
            assertThat(client.refused("/asset_report/get", get, "INVALID_REQUEST", "INVALID_FIELD").json().path("error_message").asText())
                    .contains("days_to_include");
        }
    }

    @Test
    void anAccountNotInTheReportCannotBeFilteredOut() {
        JsonNode report = client.report(token);
        String inReport = AssetsClient.accountIds(report).get(0);
        String elsewhere = client.ok("/accounts/get", body().put("access_token", client.item())).path("accounts").get(0).path("account_id").asText();
        ObjectNode request = AssetsClient.token(token);
        request.putArray("account_ids_to_exclude").add(inReport).add(elsewhere);
        EmulatorClient.Answer answer = client.refused("/asset_report/filter", request, "INVALID_INPUT", "INVALID_ACCOUNT_ID");
        names(answer, "account_ids_to_exclude[1]");
        assertThat(answer.json().path("error_message").asText()).contains(elsewhere);
    }

    @Test
    void aWebhookMustBeAnHttpUrl() {
        ObjectNode request = AssetsClient.createRequest(30, item);
        request.putObject("options").put("webhook", "ftp://example.com/hook");
        assertThat(client.refused("/asset_report/create", request, "INVALID_REQUEST", "INVALID_FIELD").json().path("error_message").asText())
                .startsWith("options.webhook");
    }

    @Test
    void relayTakesOneReportToken() {
        ObjectNode request = body().put("secondary_client_id", "partner-1");
        request.putArray("report_tokens").add(token).add(token);
        names(client.refused("/credit/relay/create", request, "INVALID_REQUEST", "INVALID_FIELD"), "report_tokens");
        ObjectNode unknown = body().put("secondary_client_id", "partner-1");
        unknown.putArray("report_tokens").add(UNKNOWN_REPORT);
        names(client.refused("/credit/relay/create", unknown, "INVALID_INPUT", "INVALID_ASSET_REPORT_TOKEN"), "report_tokens[0]");
    }
}
