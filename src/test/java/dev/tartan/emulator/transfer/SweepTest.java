package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/** /sandbox/transfer/sweep/simulate sweeps transfers step by step; /transfer/sweep/get and list find the sweeps. */
class SweepTest {
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

    private JsonNode sweepSimulate() {
        return client.ok("/sandbox/transfer/sweep/simulate", body());
    }

    @Test
    void pendingAndPostedTransfersAreSweptThenSettledAndReturnsSweptBack() {
        assertThat(sweepSimulate().has("sweep")).as("nothing to sweep").isFalse();
        String debit = client.transfer(checking, "debit", "40.00").path("id").asText();
        String credit = client.transfer(checking, "credit", "15.00").path("id").asText();
        client.simulate(credit, "posted");
        String cancelled = client.transfer(checking, "debit", "5.00").path("id").asText();
        client.ok("/transfer/cancel", body().put("transfer_id", cancelled));

        JsonNode first = sweepSimulate().path("sweep");
        assertThat(first.path("amount").asText()).isEqualTo("25.00");
        assertThat(first.path("trigger").asText()).isEqualTo("automatic_aggregate");
        assertThat(client.get(debit).path("sweep_status").asText()).isEqualTo("swept");
        assertThat(client.get(credit).path("sweep_status").asText()).isEqualTo("swept");
        assertThat(client.get(cancelled).path("sweep_status").isNull()).isTrue();

        client.simulate(debit, "posted");
        client.simulate(debit, "returned");
        JsonNode second = sweepSimulate().path("sweep");
        assertThat(second.path("amount").asText()).isEqualTo("-40.00");
        assertThat(client.get(debit).path("sweep_status").asText()).isEqualTo("return_swept");
        assertThat(client.get(credit).path("sweep_status").asText()).isEqualTo("swept_settled");
        assertThat(client.eventTypes(debit)).containsExactly("pending", "swept", "posted", "returned", "return_swept");

        JsonNode sweptEvent = client.ok("/transfer/event/list", body().put("sweep_id", first.path("id").asText())).path("transfer_events");
        assertThat(sweptEvent).hasSize(3);
        assertThat(client.ok("/transfer/sweep/get", body().put("sweep_id", second.path("id").asText())).path("sweep")).isEqualTo(second);
    }

    @Test
    void sweepListFiltersNewestFirst() {
        String debit = client.transfer(checking, "debit", "40.00").path("id").asText();
        String aggregate = sweepSimulate().path("sweep").path("id").asText();
        String deposit = client.ok("/transfer/ledger/deposit", body().put("amount", "12.00").put("network", "ach")
                .put("idempotency_key", TransferClient.key())).path("sweep").path("id").asText();
        assertThat(ids(body())).containsExactly(deposit, aggregate);
        assertThat(ids(body().put("count", 1).put("offset", 1))).containsExactly(aggregate);
        assertThat(ids(body().put("transfer_id", debit))).containsExactly(aggregate);
        assertThat(ids(body().put("trigger", "manual"))).containsExactly(deposit);
        assertThat(ids(body().put("amount", "-12.00"))).containsExactly(deposit);
        assertThat(ids(body().put("status", "pending"))).containsExactly(deposit);
        client.refused("/transfer/sweep/get", body().put("sweep_id", "missing"), 404, "NOT_FOUND");
    }

    private List<String> ids(ObjectNode request) {
        List<String> ids = new ArrayList<>();
        client.ok("/transfer/sweep/list", request).path("sweeps").forEach(s -> ids.add(s.path("id").asText()));
        return ids;
    }
}
