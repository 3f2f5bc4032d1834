package dev.tartan.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.SignedJWT;
import dev.tartan.testing.SpecSchemas;
import dev.tartan.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks arrive signed the way Plaid signs them and verify with a standard JOSE library. */
class WebhooksTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private PlaidEmulator emulator;
    private EmulatorClient client;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new EmulatorClient(emulator);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    private String itemWithWebhook() {
        return itemWithWebhook(receiver);
    }

    private String itemWithWebhook(WebhookReceiver to) {
        ObjectNode create = body().put("institution_id", "ins_109508");
        create.putArray("initial_products").add("transactions").add("auth");
        create.putObject("options").put("webhook", to.url());
        String publicToken = client.ok("/sandbox/public_token/create", create).path("public_token").asText();
        return client.ok("/item/public_token/exchange", body().put("public_token", publicToken)).path("access_token").asText();
    }

    @Test
    void itemCreationWebhooksAreSignedAndVerify() throws Exception {
        itemWithWebhook();
        WebhookReceiver.Received delivery = receiver.await(b -> b.contains("SYNC_UPDATES_AVAILABLE"), WAIT);
        WebhookSignatures.verify(client, delivery);
        JsonNode body = EmulatorClient.MAPPER.readTree(delivery.body());
        assertThat(body.path("webhook_type").asText()).isEqualTo("TRANSACTIONS");
        assertThat(body.path("environment").asText()).isEqualTo("sandbox");
        assertThat(SpecSchemas.componentProblems("SyncUpdatesAvailableWebhook", body)).isEmpty();
    }

    @Test
    void aTamperedBodyDoesNotMatchItsHash() throws Exception {
        itemWithWebhook();
        WebhookReceiver.Received delivery = receiver.await(b -> true, WAIT);
        byte[] tampered = delivery.bodyText().replace("sandbox", "production").getBytes();
        SignedJWT jwt = SignedJWT.parse(delivery.headers().get("plaid-verification"));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tampered));
        assertThat(jwt.getJWTClaimsSet().getStringClaim("request_body_sha256")).isNotEqualTo(sha256);
    }

    /** What /sandbox/item/fire_webhook sends for a code: the webhook's type and the spec schema of its body. */
    private record Shape(String webhookType, String schema) {
    }

    /** Fires {@code code} and returns the verified body that arrives for it. */
    private JsonNode fire(String accessToken, String code) throws Exception {
        receiver.drain();
        JsonNode fired = client.ok("/sandbox/item/fire_webhook", body().put("access_token", accessToken).put("webhook_code", code));
        assertThat(fired.path("webhook_fired").asBoolean()).isTrue();
        WebhookReceiver.Received delivery = receiver.await(b -> b.contains("\"" + code + "\""), WAIT);
        WebhookSignatures.verify(client, delivery);
        JsonNode body = EmulatorClient.MAPPER.readTree(delivery.body());
        assertThat(body.path("webhook_code").asText()).isEqualTo(code);
        assertThat(body.path("environment").asText()).isEqualTo("sandbox");
        return body;
    }

    @Test
    void fireWebhookSendsEachCodeInItsDocumentedShape() throws Exception {
        String accessToken = itemWithWebhook();
        String itemId = client.ok("/item/get", body().put("access_token", accessToken)).path("item").path("item_id").asText();
        receiver.await(b -> b.contains("SYNC_UPDATES_AVAILABLE"), WAIT);
        Map<String, Shape> shapes = Map.ofEntries(
                Map.entry("DEFAULT_UPDATE", new Shape("TRANSACTIONS", "DefaultUpdateWebhook")),
                Map.entry("NEW_ACCOUNTS_AVAILABLE", new Shape("ITEM", "NewAccountsAvailableWebhook")),
                Map.entry("SMS_MICRODEPOSITS_VERIFICATION", new Shape("AUTH", "HostedMMDVerificationWebhook")),
                Map.entry("PENDING_DISCONNECT", new Shape("ITEM", "PendingDisconnectWebhook")),
                Map.entry("USER_PERMISSION_REVOKED", new Shape("ITEM", "UserPermissionRevokedWebhook")),
                Map.entry("USER_ACCOUNT_REVOKED", new Shape("ITEM", "UserAccountRevokedWebhook")),
                Map.entry("RECURRING_TRANSACTIONS_UPDATE", new Shape("TRANSACTIONS", "RecurringTransactionsUpdateWebhook")),
                Map.entry("LOGIN_REPAIRED", new Shape("ITEM", "ItemLoginRepairedWebhook")),
                Map.entry("SYNC_UPDATES_AVAILABLE", new Shape("TRANSACTIONS", "SyncUpdatesAvailableWebhook")),
                Map.entry("PRODUCT_READY", new Shape("ASSETS", "AssetsProductReadyWebhook")),
                Map.entry("ERROR", new Shape("ITEM", "ItemErrorWebhook")));
        for (Map.Entry<String, Shape> code : shapes.entrySet()) {
            JsonNode body = fire(accessToken, code.getKey());
            assertThat(body.path("webhook_type").asText()).as(code.getKey()).isEqualTo(code.getValue().webhookType());
            assertThat(SpecSchemas.componentProblems(code.getValue().schema(), body)).as(code.getKey() + ": " + body).isEmpty();
            if (!code.getValue().webhookType().equals("ASSETS")) {
                assertThat(body.path("item_id").asText()).as(code.getKey()).isEqualTo(itemId);
            }
        }
    }

    @Test
    void authorizationGrantedIsAnItemWebhookWithoutASchema() throws Exception {
        String accessToken = itemWithWebhook();
        String itemId = client.ok("/item/get", body().put("access_token", accessToken)).path("item").path("item_id").asText();
        receiver.await(b -> b.contains("SYNC_UPDATES_AVAILABLE"), WAIT);
        JsonNode body = fire(accessToken, "AUTHORIZATION_GRANTED");
        assertThat(body.path("webhook_type").asText()).isEqualTo("ITEM");
        assertThat(body.path("item_id").asText()).isEqualTo(itemId);
        assertThat(body.get("error").isNull()).isTrue();
        assertThat(body.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("webhook_type", "webhook_code", "item_id", "error", "environment");
    }

    @Test
    void webhookUpdateAcknowledgesAtTheNewUrl() throws Exception {
        String accessToken = itemWithWebhook();
        try (WebhookReceiver other = new WebhookReceiver()) {
            JsonNode item = client.ok("/item/webhook/update", body().put("access_token", accessToken).put("webhook", other.url()));
            assertThat(item.path("item").path("webhook").asText()).isEqualTo(other.url());
            WebhookReceiver.Received delivery = other.await(b -> b.contains("WEBHOOK_UPDATE_ACKNOWLEDGED"), WAIT);
            JsonNode body = EmulatorClient.MAPPER.readTree(delivery.body());
            assertThat(body.path("new_webhook_url").asText()).isEqualTo(other.url());
            assertThat(SpecSchemas.componentProblems("WebhookUpdateAcknowledgedWebhook", body)).isEmpty();
        }
    }

    @Test
    void processorWebhookUpdateIsAcknowledged() throws Exception {
        String accessToken = itemWithWebhook();
        String accountId = client.ok("/accounts/get", body().put("access_token", accessToken)).path("accounts").get(0).path("account_id").asText();
        String processorToken = client.ok("/processor/token/create", body().put("access_token", accessToken)
                .put("account_id", accountId).put("processor", "dwolla")).path("processor_token").asText();
        try (WebhookReceiver processor = new WebhookReceiver()) {
            client.ok("/processor/token/webhook/update", body().put("processor_token", processorToken).put("webhook", processor.url()));
            WebhookReceiver.Received delivery = processor.await(b -> b.contains("WEBHOOK_UPDATE_ACKNOWLEDGED"), WAIT);
            WebhookSignatures.verify(client, delivery);
            JsonNode body = EmulatorClient.MAPPER.readTree(delivery.body());
            assertThat(body.path("webhook_type").asText()).isEqualTo("PROCESSOR_TOKEN");
            assertThat(body.path("account_id").asText()).isEqualTo(accountId);
            assertThat(SpecSchemas.componentProblems("ProcessorTokenWebhookUpdate", body)).isEmpty();

            client.ok("/processor/transactions/refresh", body().put("processor_token", processorToken));
            JsonNode sync = EmulatorClient.MAPPER.readTree(processor.await(b -> b.contains("SYNC_UPDATES_AVAILABLE"), WAIT).body());
            assertThat(sync.path("account_id").asText()).isEqualTo(accountId);
        }
    }

    @Test
    void deliveryNeverHoldsUpTheApiCall() {
        String accessToken = itemWithWebhook();
        receiver.await(b -> b.contains("SYNC_UPDATES_AVAILABLE"), WAIT);
        receiver.hold();
        // The receiver answers nothing until released, yet the call that fires the webhook returns.
        JsonNode fired = client.ok("/sandbox/item/fire_webhook", body().put("access_token", accessToken)
                .put("webhook_code", "NEW_ACCOUNTS_AVAILABLE"));
        assertThat(fired.path("webhook_fired").asBoolean()).isTrue();
        receiver.release();
        receiver.await(b -> b.contains("NEW_ACCOUNTS_AVAILABLE"), WAIT);
    }

    @Test
    void aFailingReceiverIsRetried() {
        String accessToken = itemWithWebhook();
        receiver.await(b -> b.contains("SYNC_UPDATES_AVAILABLE"), WAIT);
        receiver.drain();
        receiver.failNext(1);
        int before = receiver.attempts();
        client.ok("/sandbox/item/fire_webhook", body().put("access_token", accessToken).put("webhook_code", "NEW_ACCOUNTS_AVAILABLE"));
        receiver.await(b -> b.contains("NEW_ACCOUNTS_AVAILABLE"), WAIT);
        assertThat(receiver.attempts() - before).isEqualTo(2);
    }

    /** The webhook codes of the next {@code count} deliveries, in the order they arrived. */
    private List<String> nextCodes(int count) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(EmulatorClient.MAPPER.readTree(receiver.await(b -> true, WAIT).body()).path("webhook_code").asText());
        }
        return codes;
    }

    @Test
    void creationWebhooksArriveInOrderEvenWhenTheFirstIsRetried() throws Exception {
        receiver.failNext(1);
        itemWithWebhook();
        assertThat(nextCodes(3)).containsExactly("INITIAL_UPDATE", "HISTORICAL_UPDATE", "SYNC_UPDATES_AVAILABLE");
    }

    @Test
    void firedWebhooksArriveInTheOrderFired() throws Exception {
        String accessToken = itemWithWebhook();
        receiver.await(b -> b.contains("SYNC_UPDATES_AVAILABLE"), WAIT);
        List<String> fired = List.of("DEFAULT_UPDATE", "NEW_ACCOUNTS_AVAILABLE", "PENDING_DISCONNECT", "USER_PERMISSION_REVOKED",
                "LOGIN_REPAIRED");
        receiver.failNext(1);
        for (String code : fired) {
            client.ok("/sandbox/item/fire_webhook", body().put("access_token", accessToken).put("webhook_code", code));
        }
        assertThat(nextCodes(fired.size())).isEqualTo(fired);
    }

    @Test
    void aStuckReceiverHoldsUpNoOtherItem() {
        receiver.hold();
        itemWithWebhook();
        try (WebhookReceiver other = new WebhookReceiver()) {
            itemWithWebhook(other);
            other.await(b -> b.contains("SYNC_UPDATES_AVAILABLE"), WAIT);
        } finally {
            receiver.release();
        }
    }

    @Test
    void lastWebhookShowsInItemStatus() {
        String accessToken = itemWithWebhook();
        receiver.await(b -> b.contains("SYNC_UPDATES_AVAILABLE"), WAIT);
        JsonNode status = client.ok("/item/get", body().put("access_token", accessToken)).path("status");
        assertThat(status.path("last_webhook").path("code_sent").asText()).isEqualTo("SYNC_UPDATES_AVAILABLE");
    }
}
