package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Refunds: only of debits still standing, never more than is left, out of the ledger's available balance. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefundTest {
    private PlaidEmulator emulator;
    private TransferClient client;
    private TransferClient.Account checking;

    @BeforeAll
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new TransferClient(emulator);
        checking = client.checkingWithAvailable("900");
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private static ObjectNode refund(String transferId, String amount) {
        return body().put("transfer_id", transferId).put("amount", amount).put("idempotency_key", TransferClient.key());
    }

    private JsonNode create(String transferId, String amount) {
        return client.ok("/transfer/refund/create", refund(transferId, amount)).path("refund");
    }

    @Test
    void refundsAddUpToNoMoreThanTheTransfer() {
        String transfer = client.transfer(checking, "debit", "11.11").path("id").asText();
        JsonNode first = create(transfer, "6.00");
        assertThat(first.path("status").asText()).isEqualTo("pending");
        EmulatorClient.Answer tooMuch = client.refused("/transfer/refund/create", refund(transfer, "5.12"), 400, "INVALID_FIELD");
        assertThat(tooMuch.json().path("error_message").asText()).isEqualTo("amount 5.12 is more than the 5.11 left to refund on the transfer");
        client.ok("/transfer/refund/cancel", body().put("refund_id", first.path("id").asText()));
        create(transfer, "11.11");
        JsonNode refunds = client.get(transfer).path("refunds");
        assertThat(refunds).hasSize(2);
        assertThat(refunds.get(0).path("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void aRepeatedKeyGetsTheFirstRefund() {
        String transfer = client.transfer(checking, "debit", "11.11").path("id").asText();
        ObjectNode request = refund(transfer, "2.00");
        JsonNode first = client.ok("/transfer/refund/create", request).path("refund");
        assertThat(client.ok("/transfer/refund/create", request).path("refund")).isEqualTo(first);
        assertThat(client.get(transfer).path("refunds")).hasSize(1);
    }

    @Test
    void onlyDebitsThatStillStandCanBeRefunded() {
        String credit = client.transfer(checking, "credit", "5.00").path("id").asText();
        client.refused("/transfer/refund/create", refund(credit, "1.00"), 400, "INVALID_FIELD");
        String failed = client.transfer(checking, "debit", "22.22").path("id").asText();
        EmulatorClient.Answer answer = client.refused("/transfer/refund/create", refund(failed, "1.00"), 400, "INVALID_FIELD");
        assertThat(answer.json().path("error_message").asText()).contains("failed");
        client.refused("/transfer/refund/create", refund("00000000-0000-4000-8000-000000000000", "1.00"), 404, "NOT_FOUND");
    }

    @Test
    void aRefundComesOutOfTheAvailableBalance() {
        String transfer = client.transfer(checking, "debit", "900.00").path("id").asText();
        String available = client.ledger().path("balance").path("available").asText();
        EmulatorClient.Answer answer = client.refused("/transfer/refund/create",
                refund(transfer, new BigDecimal(available).add(BigDecimal.ONE).toPlainString()), 400, "INVALID_FIELD");
        assertThat(answer.json().path("error_message").asText()).contains("available balance");
        create(transfer, "10.00");
        assertThat(client.ledger().path("balance").path("available").asText())
                .isEqualTo(new BigDecimal(available).subtract(BigDecimal.TEN).setScale(2).toPlainString());
    }

    @Test
    void aRefundPostsOnlyOnceItsTransferHasSettledAndCancelsOnlyWhilePending() {
        String transfer = client.transfer(checking, "debit", "10.00").path("id").asText();
        String refund = create(transfer, "4.00").path("id").asText();
        ObjectNode posted = body().put("refund_id", refund).put("event_type", "refund.posted");
        EmulatorClient.Answer early = client.refused("/sandbox/transfer/refund/simulate", posted, 400, "SANDBOX_TRANSFER_EVENT_TRANSITION_INVALID");
        assertThat(early.json().path("error_message").asText()).contains("settled");
        client.simulate(transfer, "posted");
        client.simulate(transfer, "settled");
        client.ok("/sandbox/transfer/refund/simulate", posted);
        client.refused("/transfer/refund/cancel", body().put("refund_id", refund), 400, "TRANSFER_NOT_CANCELLABLE");
        client.refused("/sandbox/transfer/refund/simulate", body().put("refund_id", refund).put("event_type", "refund.failed"),
                400, "SANDBOX_TRANSFER_EVENT_TRANSITION_INVALID");
        client.ok("/sandbox/transfer/refund/simulate", body().put("refund_id", refund).put("event_type", "refund.settled"));
        JsonNode settled = client.ok("/transfer/refund/get", body().put("refund_id", refund)).path("refund");
        assertThat(settled.path("status").asText()).isEqualTo("settled");
        assertThat(client.eventTypes(transfer)).containsExactly("pending", "refund.pending", "posted", "settled", "refund.posted",
                "refund.settled");
        client.refused("/sandbox/transfer/refund/simulate", body().put("refund_id", refund).put("event_type", "posted"), 400, "INVALID_FIELD");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "1.11 | refund.pending refund.posted refund.settled",
            "2.22 | refund.pending refund.failed",
            "3.33 | refund.pending refund.posted refund.settled refund.returned"})
    void refundTestAmountsRunTheirPathByThemselves(String amount, String path) {
        String transfer = client.transfer(checking, "debit", "11.11").path("id").asText();
        create(transfer, amount);
        assertThat(String.join(" ", client.eventTypes(transfer).stream().filter(t -> t.startsWith("refund.")).toList())).isEqualTo(path);
    }
}
