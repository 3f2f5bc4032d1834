package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.emulator.WebhookSignatures;
import dev.tartan.testing.SpecSchemas;
import dev.tartan.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report answers at once and is generated after the configured delay: until then get and pdf/get answer
 * ASSET_REPORT_ERROR/PRODUCT_NOT_READY; then the signed ASSETS: PRODUCT_READY webhook goes to the report's
 * webhook. An Item in an error state makes generation fail with ASSETS: ERROR and the Item's error as cause.
 */
class AssetReportReadinessTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private PlaidEmulator emulator;
    private AssetsClient client;
    private final WebhookReceiver receiver = new WebhookReceiver();

    private void start(Duration delay) {
        emulator = PlaidEmulator.start(EmulatorConfig.builder().assetReportDelay(delay).build());
        client = new AssetsClient(emulator);
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
        receiver.close();
    }

    private ObjectNode withWebhook(ObjectNode request) {
        request.putObject("options").put("webhook", receiver.url());
        return request;
    }

    /** A delivery checked as a receiver would: its signature, its ASSETS type, and its schema. */
    private JsonNode verified(WebhookReceiver.Received delivery, String schema) throws Exception {
        WebhookSignatures.verify(client.http, delivery);
        JsonNode body = EmulatorClient.MAPPER.readTree(delivery.body());
        assertThat(body.path("webhook_type").asText()).isEqualTo("ASSETS");
        assertThat(body.path("environment").asText()).isEqualTo("sandbox");
        assertThat(SpecSchemas.componentProblems(schema, body)).as("%s: %s", schema, body).isEmpty();
        return body;
    }

    @Test
    void aReportIsNotReadyUntilItsDelayIsOverThenItsWebhookSaysSo() throws Exception {
        start(Duration.ofSeconds(3));
        String item = client.item();
        long asked = System.nanoTime();
        JsonNode created = client.create(withWebhook(AssetsClient.createRequest(30, item)));
        String token = created.path("asset_report_token").asText();
        assertThat(token).startsWith("assets-sandbox-");

        EmulatorClient.Answer early = client.refused("/asset_report/get", AssetsClient.token(token), "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY");
        assertThat(early.json().path("error_message").asText()).contains(created.path("asset_report_id").asText());
        client.refused("/asset_report/pdf/get", AssetsClient.token(token), "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY");
        client.refused("/asset_report/filter", AssetsClient.token(token).set("account_ids_to_exclude", body().arrayNode()),
                "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY");
        client.refused("/asset_report/audit_copy/create", AssetsClient.token(token).put("auditor_id", "fannie_mae"),
                "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY");

        JsonNode ready = verified(receiver.await(b -> b.contains("PRODUCT_READY"), WAIT), "AssetsProductReadyWebhook");
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("not before the delay").isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(ready.path("webhook_code").asText()).isEqualTo("PRODUCT_READY");
        assertThat(ready.path("asset_report_id").asText()).isEqualTo(created.path("asset_report_id").asText());
        assertThat(ready.path("report_type").asText()).isEqualTo("FULL");
        assertThat(client.report(token).path("asset_report_id").asText()).isEqualTo(created.path("asset_report_id").asText());
        assertThat(client.pdf("/asset_report/pdf/get", AssetsClient.token(token)).pages()).isPositive();
    }

    /** A report whose delay is over is ready for the first request, even before the timer has run. */
    @Test
    void withNoDelayTheNextRequestFindsTheReportReady() {
        start(Duration.ZERO);
        String token = client.create(30, client.item()).path("asset_report_token").asText();
        assertThat(AssetsClient.accounts(client.report(token))).isNotEmpty();
    }

    @Test
    void aReportWithoutWebhookIsFoundReadyByPolling() throws Exception {
        start(Duration.ofMillis(300));
        String token = client.create(10, client.item()).path("asset_report_token").asText();
        assertThat(client.awaitReport(token, WAIT).path("days_requested").asInt()).isEqualTo(10);
    }

    @Test
    void anItemInAnErrorStateFailsTheReportWithTheItemsErrorAsCause() throws Exception {
        start(Duration.ofMillis(200));
        String good = client.item();
        String locked = client.item();
        client.ok("/sandbox/item/reset_login", body().put("access_token", locked));
        String lockedItemId = client.ok("/item/get", body().put("access_token", locked)).path("item").path("item_id").asText();
        JsonNode created = client.create(withWebhook(AssetsClient.createRequest(30, good, locked)));

        JsonNode error = verified(receiver.await(b -> b.contains("\"ERROR\""), WAIT), "AssetsErrorWebhook");
        assertThat(error.path("webhook_code").asText()).isEqualTo("ERROR");
        assertThat(error.path("asset_report_id").asText()).isEqualTo(created.path("asset_report_id").asText());
        assertThat(error.path("error").path("error_type").asText()).isEqualTo("ASSET_REPORT_ERROR");
        assertThat(error.path("error").path("error_code").asText()).isEqualTo("DATA_UNAVAILABLE");
        JsonNode cause = error.path("error").path("causes").get(0);
        assertThat(cause.path("error_code").asText()).isEqualTo("ITEM_LOGIN_REQUIRED");
        assertThat(cause.path("error_type").asText()).isEqualTo("ITEM_ERROR");
        assertThat(cause.path("item_id").asText()).isEqualTo(lockedItemId);
        assertThat(error.path("error").path("causes")).hasSize(1);

        String token = created.path("asset_report_token").asText();
        EmulatorClient.Answer answer = client.refused("/asset_report/get", AssetsClient.token(token), "ASSET_REPORT_ERROR", "DATA_UNAVAILABLE");
        assertThat(answer.json().path("causes").get(0).path("item_id").asText()).isEqualTo(lockedItemId);
        client.refused("/asset_report/pdf/get", AssetsClient.token(token), "ASSET_REPORT_ERROR", "DATA_UNAVAILABLE");
        client.refused("/asset_report/filter", AssetsClient.token(token).set("account_ids_to_exclude", body().arrayNode()),
                "ASSET_REPORT_ERROR", "INVALID_PARENT");
        client.refused("/asset_report/audit_copy/create", AssetsClient.token(token), "ASSET_REPORT_ERROR", "INVALID_PARENT");
        client.refused("/asset_report/refresh", AssetsClient.token(token), "ASSET_REPORT_ERROR", "INVALID_PARENT");
    }

    /** With require_all_items false the report is made of the Items that could be read. */
    @Test
    void requireAllItemsFalseLeavesAFailingItemOut() throws Exception {
        start(Duration.ZERO);
        String good = client.item();
        String locked = client.item();
        client.ok("/sandbox/item/reset_login", body().put("access_token", locked));
        ObjectNode request = AssetsClient.createRequest(30, good, locked);
        request.putObject("options").put("require_all_items", false);
        JsonNode report = client.report(client.create(request).path("asset_report_token").asText());
        String goodItemId = client.ok("/item/get", body().put("access_token", good)).path("item").path("item_id").asText();
        assertThat(report.path("items")).hasSize(1);
        assertThat(report.path("items").get(0).path("item_id").asText()).isEqualTo(goodItemId);
    }

    /** The Item's state when the report is generated counts, not when it was asked for. */
    @Test
    void anItemThatFailsWhileTheReportIsBeingGeneratedFailsIt() throws Exception {
        start(Duration.ofSeconds(3));
        String item = client.item();
        String token = client.create(withWebhook(AssetsClient.createRequest(30, item))).path("asset_report_token").asText();
        client.ok("/sandbox/item/reset_login", body().put("access_token", item));
        verified(receiver.await(b -> b.contains("\"ERROR\""), WAIT), "AssetsErrorWebhook");
        client.refused("/asset_report/get", AssetsClient.token(token), "ASSET_REPORT_ERROR", "DATA_UNAVAILABLE");
    }

    /** fast_assets: a Fast Asset Report (balances and identity) is ready first, with its own webhook, then the full one. */
    @Test
    void theFastAssetsAddOnMakesAFastVersionReadyFirst() throws Exception {
        start(Duration.ofSeconds(4));
        ObjectNode request = withWebhook(AssetsClient.createRequest(30, client.item()));
        ((ObjectNode) request.get("options")).putArray("add_ons").add("fast_assets");
        JsonNode created = client.create(request);
        String token = created.path("asset_report_token").asText();
        ObjectNode fastGet = AssetsClient.token(token).put("fast_report", true);
        client.refused("/asset_report/get", fastGet, "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY");

        JsonNode fastReady = verified(receiver.await(b -> b.contains("PRODUCT_READY"), WAIT), "AssetsProductReadyWebhook");
        assertThat(fastReady.path("report_type").asText()).isEqualTo("FAST");
        JsonNode fast = client.ok("/asset_report/get", fastGet).path("report");
        for (JsonNode account : AssetsClient.accounts(fast)) {
            assertThat(account.path("balances").has("current")).isTrue();
            assertThat(account.path("owners")).isNotEmpty();
            assertThat(account.path("transactions")).isEmpty();
            assertThat(account.path("historical_balances")).isEmpty();
        }
        JsonNode fullReady = verified(receiver.await(b -> b.contains("PRODUCT_READY"), WAIT), "AssetsProductReadyWebhook");
        assertThat(fullReady.path("report_type").asText()).isEqualTo("FULL");
        JsonNode full = client.report(token);
        assertThat(AssetsClient.accounts(full).stream().anyMatch(a -> !a.path("transactions").isEmpty())).isTrue();
        assertThat(AssetsClient.accountIds(full)).isEqualTo(AssetsClient.accountIds(fast));
    }

    @Test
    void aFastReportIsOnlyThereWithTheAddOn() {
        start(Duration.ZERO);
        String token = client.create(30, client.item()).path("asset_report_token").asText();
        EmulatorClient.Answer answer = client.refused("/asset_report/get", AssetsClient.token(token).put("fast_report", true),
                "INVALID_REQUEST", "INVALID_FIELD");
        assertThat(answer.json().path("error_message").asText()).startsWith("fast_report:");
    }

    @Test
    void theDelayCannotBeNegativeAndDefaultsToAFewSeconds() {
        assertThat(EmulatorConfig.inMemory().assetReportDelay()).isEqualTo(EmulatorConfig.DEFAULT_ASSET_REPORT_DELAY)
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmulatorConfig.builder().assetReportDelay(Duration.ofMillis(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asset report delay");
    }

    /**
     * A report removed before it is generated sends nothing: Assets webhooks to one URL arrive in the order they
     * are sent, so the first to arrive is the next report's, asked for after the removed one.
     */
    @Test
    void aRemovedReportSendsNoWebhook() throws Exception {
        start(Duration.ofSeconds(2));
        String item = client.item();
        String removed = client.create(withWebhook(AssetsClient.createRequest(30, item))).path("asset_report_token").asText();
        client.ok("/asset_report/remove", AssetsClient.token(removed));
        String next = client.create(withWebhook(AssetsClient.createRequest(30, item))).path("asset_report_id").asText();
        JsonNode first = verified(receiver.await(b -> true, WAIT), "AssetsProductReadyWebhook");
        assertThat(first.path("asset_report_id").asText()).isEqualTo(next);
    }
}
