package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/** The Plaid Ledger's balances move with transfers, refunds, deposits, withdrawals and distributions, and keep their history. */
class LedgerTest {
    private PlaidEmulator emulator;
    private TransferClient client;
    private TransferClient.Account checking;

    @BeforeEach
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new TransferClient(emulator);
        checking = client.checkingWithAvailable("900");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void assertBalance(String available, String pending) {
        JsonNode balance = client.ledger().path("balance");
        assertThat(balance.path("available").asText()).as("available").isEqualTo(available);
        assertThat(balance.path("pending").asText()).as("pending").isEqualTo(pending);
    }

    @Test
    void aDebitWaitsInPendingUntilItsFundsAreMadeAvailableAndAReturnTakesThemBack() {
        assertBalance("100.00", "0.00");
        String debit = client.transfer(checking, "debit", "40.00").path("id").asText();
        assertBalance("100.00", "40.00");
        client.simulate(debit, "posted");
        client.simulate(debit, "settled");
        assertBalance("100.00", "40.00");
        client.ok("/sandbox/transfer/ledger/simulate_available", body());
        assertThat(client.status(debit)).isEqualTo("funds_available");
        assertBalance("140.00", "0.00");
        client.simulate(debit, "returned");
        assertBalance("100.00", "0.00");

        String early = client.transfer(checking, "debit", "25.00").path("id").asText();
        client.simulate(early, "posted");
        client.simulate(early, "returned");
        assertBalance("100.00", "0.00");
    }

    @Test
    void aCreditLeavesTheAvailableBalanceAtOnceAndComesBackIfItFails() {
        String credit = client.transfer(checking, "credit", "30.00").path("id").asText();
        assertBalance("70.00", "0.00");
        client.simulate(credit, "failed");
        assertBalance("100.00", "0.00");
    }

    @Test
    void depositsAndWithdrawalsAreSweepsThatMoveTheBalances() {
        JsonNode deposit = client.ok("/transfer/ledger/deposit", body().put("amount", "50.00").put("network", "same-day-ach")
                .put("idempotency_key", TransferClient.key()).put("description", "top up")).path("sweep");
        assertThat(deposit.path("amount").asText()).isEqualTo("-50.00");
        assertThat(deposit.path("status").asText()).isEqualTo("pending");
        assertBalance("100.00", "50.00");
        String sweepId = deposit.path("id").asText();
        client.ok("/sandbox/transfer/ledger/deposit/simulate", body().put("sweep_id", sweepId).put("event_type", "sweep.posted"));
        client.ok("/sandbox/transfer/ledger/deposit/simulate", body().put("sweep_id", sweepId).put("event_type", "sweep.settled"));
        client.refused("/sandbox/transfer/ledger/deposit/simulate", body().put("sweep_id", sweepId).put("event_type", "sweep.failed"),
                400, "SANDBOX_TRANSFER_EVENT_TRANSITION_INVALID");
        client.ok("/sandbox/transfer/ledger/simulate_available", body());
        assertThat(client.ok("/transfer/sweep/get", body().put("sweep_id", sweepId)).path("sweep").path("status").asText())
                .isEqualTo("funds_available");
        assertBalance("150.00", "0.00");

        EmulatorClient.Answer tooMuch = client.refused("/transfer/ledger/withdraw", body().put("amount", "150.01").put("network", "ach")
                .put("idempotency_key", TransferClient.key()), 400, "INVALID_FIELD");
        assertThat(tooMuch.json().path("error_message").asText()).startsWith("amount");
        ObjectNode withdraw = body().put("amount", "60.00").put("network", "rtp").put("idempotency_key", TransferClient.key());
        JsonNode withdrawal = client.ok("/transfer/ledger/withdraw", withdraw).path("sweep");
        assertThat(withdrawal.path("amount").asText()).isEqualTo("60.00");
        assertThat(client.ok("/transfer/ledger/withdraw", withdraw).path("sweep").path("id").asText()).isEqualTo(withdrawal.path("id").asText());
        assertBalance("90.00", "0.00");
        client.refused("/sandbox/transfer/ledger/deposit/simulate", body().put("sweep_id", withdrawal.path("id").asText())
                .put("event_type", "sweep.posted"), 400, "INVALID_FIELD");
        client.ok("/sandbox/transfer/ledger/withdraw/simulate", body().put("sweep_id", withdrawal.path("id").asText()).put("event_type", "sweep.failed"));
        assertBalance("150.00", "0.00");
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "deposit  | 111.11 | pending posted settled funds_available | 211.11",
            "withdraw | 111.11 | pending posted settled                 | -11.11",
            "deposit  | 222.22 | pending failed                         | 100.00",
            "deposit  | 333.33 | pending posted settled funds_available returned | 100.00",
            "deposit  | 444.44 | pending posted settled returned        | 100.00"})
    void sweepTestAmountsRunTheirPathByThemselves(String kind, String amount, String path, String available) {
        client.ok("/transfer/ledger/deposit", body().put("amount", "100.00").put("network", "ach").put("idempotency_key", TransferClient.key()));
        client.ok("/transfer/ledger/distribute", body().put("from_ledger_id", client.reserveLedgerId()).put("to_ledger_id", client.defaultLedgerId())
                .put("amount", "100.00").put("idempotency_key", TransferClient.key()));
        String start = client.ledger().path("balance").path("available").asText();
        assertThat(start).isEqualTo("200.00");
        String key = TransferClient.key();
        JsonNode sweep = client.ok("/transfer/ledger/" + kind, body().put("amount", amount).put("network", "ach").put("idempotency_key", key))
                .path("sweep");
        assertThat(sweep.path("status").asText()).isEqualTo(path.substring(path.lastIndexOf(' ') + 1));
        List<String> types = new ArrayList<>();
        client.ok("/transfer/event/list", body().put("sweep_id", sweep.path("id").asText())).path("transfer_events")
                .forEach(e -> types.add(0, e.path("event_type").asText().replace("sweep.", "")));
        assertThat(String.join(" ", types)).isEqualTo(path);
        String expectedAvailable = new BigDecimal(available).add(new BigDecimal("100.00")).toPlainString();
        assertThat(client.ledger().path("balance").path("available").asText()).isEqualTo(expectedAvailable);
    }

    @Test
    void distributionsMoveAvailableFundsBetweenLedgersOnce() {
        String reserve = client.reserveLedgerId();
        ObjectNode distribute = body().put("from_ledger_id", client.defaultLedgerId()).put("to_ledger_id", reserve).put("amount", "30.00")
                .put("idempotency_key", TransferClient.key());
        client.ok("/transfer/ledger/distribute", distribute);
        client.ok("/transfer/ledger/distribute", distribute);
        assertBalance("70.00", "0.00");
        JsonNode other = client.ok("/transfer/ledger/get", body().put("ledger_id", reserve));
        assertThat(other.path("balance").path("available").asText()).isEqualTo("130.00");
        assertThat(other.path("is_default").asBoolean()).isFalse();
        client.refused("/transfer/ledger/distribute", distribute.deepCopy().put("idempotency_key", TransferClient.key()).put("amount", "70.01"),
                400, "INVALID_FIELD");
        client.refused("/transfer/ledger/distribute", distribute.deepCopy().put("idempotency_key", TransferClient.key()).put("to_ledger_id",
                client.defaultLedgerId()), 400, "INVALID_FIELD");
        client.refused("/transfer/ledger/distribute", distribute.deepCopy().put("idempotency_key", TransferClient.key()).put("to_ledger_id",
                "nowhere"), 404, "NOT_FOUND");
    }

    @Test
    void theLedgersHistoryShowsEachMovementWithBothBalancesAfterIt() {
        String debit = client.transfer(checking, "debit", "11.11").path("id").asText();
        JsonNode events = client.ok("/transfer/ledger/event/list", body().put("source_id", debit)).path("ledger_events");
        assertThat(events).hasSize(2);
        JsonNode available = events.get(0);
        assertThat(available.path("description").asText()).isEqualTo("Converted to available");
        assertThat(available.path("amount").asText()).isEqualTo("11.11");
        assertThat(available.path("available_balance").asText()).isEqualTo("111.11");
        assertThat(available.path("pending_balance").asText()).isEqualTo("0.00");
        assertThat(available.path("transfer_id").asText()).isEqualTo(debit);
        assertThat(events.get(1).path("pending_balance").asText()).isEqualTo("11.11");
        JsonNode balance = client.ok("/transfer/balance/get", body().put("type", "prefunded_rtp_credits")).path("balance");
        assertThat(balance.path("available").asText()).isEqualTo("111.11");
        assertThat(balance.path("type").asText()).isEqualTo("prefunded_rtp_credits");
    }
}
