package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.emulator.WebhookSignatures;
import dev.tartan.testing.SpecSchemas;
import dev.tartan.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfer webhooks, signed like every other: /sandbox/transfer/fire_webhook (whose URL becomes the
 * registered Transfer webhook), the test amounts' and recurring transfers' announcements, and a
 * simulation's own {@code webhook}.
 */
class TransferWebhooksTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private PlaidEmulator emulator;
    private TransferClient client;
    private WebhookReceiver receiver;
    private TransferClient.Account checking;

    @BeforeEach
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new TransferClient(emulator);
        receiver = new WebhookReceiver();
        checking = client.checkingWithAvailable("900");
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    private JsonNode verified(WebhookReceiver.Received delivery, String schema) throws Exception {
        WebhookSignatures.verify(client.http, delivery);
        JsonNode body = read(delivery);
        assertThat(body.path("webhook_type").asText()).isEqualTo("TRANSFER");
        assertThat(body.path("environment").asText()).isEqualTo("sandbox");
        assertThat(SpecSchemas.componentProblems(schema, body)).as("%s: %s", schema, body).isEmpty();
        return body;
    }

    private static JsonNode read(WebhookReceiver.Received delivery) throws IOException {
        return EmulatorClient.MAPPER.readTree(delivery.body());
    }

    private void register() throws Exception {
        client.ok("/sandbox/transfer/fire_webhook", body().put("webhook", receiver.url()));
        verified(receiver.await(b -> b.contains("TRANSFER_EVENTS_UPDATE"), WAIT), "TransferEventsUpdateWebhook");
    }

    @Test
    void aTestAmountAnnouncesItsEventsToTheRegisteredTransferWebhook() throws Exception {
        register();
        client.transfer(checking, "debit", "33.33");
        verified(receiver.await(b -> b.contains("TRANSFER_EVENTS_UPDATE"), WAIT), "TransferEventsUpdateWebhook");
    }

    @Test
    void aSimulationAnnouncesOnlyToTheWebhookItNames() throws Exception {
        String transfer = client.transfer(checking, "debit", "10.00").path("id").asText();
        try (WebhookReceiver own = new WebhookReceiver()) {
            client.ok("/sandbox/transfer/simulate", body().put("transfer_id", transfer).put("event_type", "posted").put("webhook", own.url()));
            verified(own.await(b -> b.contains("TRANSFER_EVENTS_UPDATE"), WAIT), "TransferEventsUpdateWebhook");
        }
        client.refused("/sandbox/transfer/simulate", body().put("transfer_id", transfer).put("event_type", "settled")
                .put("webhook", "ftp://example.com/hook"), 400, "INVALID_FIELD");
        assertThat(client.status(transfer)).as("a refused request changes nothing").isEqualTo("posted");
    }

    /**
     * A simulation without {@code webhook} fires nothing: deliveries to one URL keep their order, so the first
     * to arrive after it is the recurring origination's, not an announcement of the simulation.
     */
    @Test
    void aSimulationWithoutWebhookAnnouncesNothing() throws Exception {
        register();
        String clock = client.ok("/sandbox/transfer/test_clock/create", body().put("virtual_time", "2030-01-07T12:00:00Z"))
                .path("test_clock").path("test_clock_id").asText();
        String recurring = client.ok("/transfer/recurring/create",
                        RecurringTransferTest.recurring(checking, clock, "week", 3, "2030-01-08", null))
                .path("recurring_transfer").path("recurring_transfer_id").asText();
        String transfer = client.transfer(checking, "debit", "10.00").path("id").asText();
        client.simulate(transfer, "posted");
        client.ok("/sandbox/transfer/test_clock/advance", body().put("test_clock_id", clock).put("new_virtual_time", "2030-01-09T12:00:00Z"));

        JsonNode first = verified(receiver.await(b -> true, WAIT), "RecurringNewTransferWebhook");
        assertThat(first.path("webhook_code").asText()).isEqualTo("RECURRING_NEW_TRANSFER");
        assertThat(first.path("recurring_transfer_id").asText()).isEqualTo(recurring);
        assertThat(first.path("transfer_id").asText()).isEqualTo(client.ok("/transfer/recurring/get",
                body().put("recurring_transfer_id", recurring)).path("recurring_transfer").path("transfer_ids").get(0).asText());
        verified(receiver.await(b -> true, WAIT), "TransferEventsUpdateWebhook");
    }

    @Test
    void aSkippedOriginationIsAnnounced() throws Exception {
        register();
        String clock = client.ok("/sandbox/transfer/test_clock/create", body().put("virtual_time", "2030-01-07T12:00:00Z"))
                .path("test_clock").path("test_clock_id").asText();
        client.ok("/transfer/recurring/create", RecurringTransferTest.recurring(checking, clock, "week", 3, "2030-01-08", null));
        client.ok("/sandbox/item/reset_login", body().put("access_token", checking.accessToken()));
        client.ok("/sandbox/transfer/test_clock/advance", body().put("test_clock_id", clock).put("new_virtual_time", "2030-01-09T12:00:00Z"));
        JsonNode skipped = verified(receiver.await(b -> b.contains("RECURRING_TRANSFER_SKIPPED"), WAIT), "RecurringTransferSkippedWebhook");
        assertThat(skipped.path("authorization_decision").asText()).isEqualTo("user_action_required");
        assertThat(skipped.path("authorization_decision_rationale_code").asText()).isEqualTo("ITEM_LOGIN_REQUIRED");
        assertThat(skipped.path("skipped_origination_date").asText()).isEqualTo("2030-01-09");
    }
}
