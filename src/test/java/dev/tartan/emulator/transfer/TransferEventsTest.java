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

/** /transfer/event/sync pages from a cursor through sequential event ids; /transfer/event/list filters, newest first. */
class TransferEventsTest {
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

    @Test
    void syncHandsOutEveryEventOnceInIdOrderFromAStoredCursor() {
        String first = client.transfer(checking, "debit", "11.11").path("id").asText();
        List<JsonNode> page = syncAfter(0, 3);
        assertThat(ids(page)).containsExactly(1L, 2L, 3L);
        assertThat(client.ok("/transfer/event/sync", body().put("after_id", 0).put("count", 3)).path("has_more").asBoolean()).isTrue();
        long cursor = 3;

        String second = client.transfer(checking, "credit", "5.00").path("id").asText();
        client.simulate(second, "posted");
        List<JsonNode> rest = syncAfter(cursor, 500);
        assertThat(ids(rest)).containsExactly(4L, 5L, 6L);
        assertThat(rest.get(0).path("transfer_id").asText()).isEqualTo(first);
        assertThat(rest.get(0).path("event_type").asText()).isEqualTo("funds_available");
        assertThat(rest.get(1).path("transfer_id").asText()).isEqualTo(second);
        assertThat(rest.get(1).path("transfer_type").asText()).isEqualTo("credit");
        assertThat(rest.get(2).path("event_type").asText()).isEqualTo("posted");
        assertThat(client.ok("/transfer/event/sync", body().put("after_id", 6)).path("transfer_events")).isEmpty();
        assertThat(client.ok("/transfer/event/sync", body().put("after_id", 6)).path("has_more").asBoolean()).isFalse();
    }

    @Test
    void everyStatusChangeOfTransfersRefundsAndSweepsIsAnEvent() {
        String transfer = client.transfer(checking, "debit", "11.11").path("id").asText();
        client.ok("/transfer/refund/create", body().put("transfer_id", transfer).put("amount", "1.11").put("idempotency_key", TransferClient.key()));
        client.ok("/transfer/ledger/deposit", body().put("amount", "111.11").put("network", "ach").put("idempotency_key", TransferClient.key()));
        List<String> types = new ArrayList<>();
        client.allEvents().forEach(event -> types.add(event.path("event_type").asText()));
        assertThat(types).containsExactly("pending", "posted", "settled", "funds_available",
                "refund.pending", "refund.posted", "refund.settled",
                "sweep.pending", "sweep.posted", "sweep.settled", "sweep.funds_available");
        JsonNode sweepEvent = client.allEvents().get(7);
        assertThat(sweepEvent.path("transfer_id").asText()).isEmpty();
        assertThat(sweepEvent.has("account_id")).isFalse();
        assertThat(sweepEvent.path("sweep_amount").asText()).isEqualTo("-111.11");
        JsonNode refundEvent = client.allEvents().get(4);
        assertThat(refundEvent.path("transfer_amount").asText()).isEqualTo("1.11");
        assertThat(refundEvent.path("transfer_type").asText()).isEqualTo("debit");
    }

    @Test
    void listFiltersAndGivesTheNewestFirst() {
        String debit = client.transfer(checking, "debit", "33.33").path("id").asText();
        String credit = client.transfer(checking, "credit", "5.00").path("id").asText();
        List<JsonNode> newest = list(body().put("count", 2));
        assertThat(ids(newest)).containsExactly(6L, 5L);
        assertThat(ids(list(body().put("count", 2).put("offset", 2)))).containsExactly(4L, 3L);
        assertThat(client.ok("/transfer/event/list", body().put("count", 2).put("offset", 2)).path("has_more").asBoolean()).isTrue();

        assertThat(list(body().put("transfer_id", credit))).extracting(e -> e.path("transfer_id").asText()).containsOnly(credit);
        ObjectNode returned = body();
        returned.putArray("event_types").add("returned");
        assertThat(list(returned)).singleElement().satisfies(e -> assertThat(e.path("transfer_id").asText()).isEqualTo(debit));
        assertThat(list(body().put("transfer_type", "credit"))).hasSize(1);
        assertThat(list(body().put("account_id", checking.accountId()))).hasSize(6);
        assertThat(list(body().put("account_id", "another"))).isEmpty();
        assertThat(list(body().put("start_date", "2000-01-01T00:00:00Z").put("end_date", "2000-12-31T00:00:00Z"))).isEmpty();
    }

    private List<JsonNode> syncAfter(long afterId, int count) {
        List<JsonNode> events = new ArrayList<>();
        client.ok("/transfer/event/sync", body().put("after_id", afterId).put("count", count)).path("transfer_events").forEach(events::add);
        return events;
    }

    private List<JsonNode> list(ObjectNode request) {
        List<JsonNode> events = new ArrayList<>();
        client.ok("/transfer/event/list", request).path("transfer_events").forEach(events::add);
        return events;
    }

    private static List<Long> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.path("event_id").asLong()).toList();
    }
}
