package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Transfer's state survives a restart through its journal, a torn last line included; --reset forgets it. */
class TransferPersistenceTest {
    @TempDir
    Path dataDir;

    private PlaidEmulator start(boolean reset) {
        return PlaidEmulator.start(EmulatorConfig.builder().dataDirectory(dataDir).reset(reset).build());
    }

    private Path journal() {
        return dataDir.resolve("emulator").resolve("transfers.jsonl");
    }

    /** What a client can read of Transfer's state. */
    private record Snapshot(List<JsonNode> events, JsonNode transfers, JsonNode ledger, JsonNode sweeps, JsonNode recurring, JsonNode clocks) {
        static Snapshot of(TransferClient client) {
            return new Snapshot(client.allEvents(), client.ok("/transfer/list", body()).path("transfers"), client.ledger().path("balance"),
                    client.ok("/transfer/sweep/list", body()).path("sweeps"),
                    client.ok("/transfer/recurring/list", body()).path("recurring_transfers"),
                    client.ok("/sandbox/transfer/test_clock/list", body()).path("test_clocks"));
        }
    }

    @Test
    void transfersEventsBalancesRecurringTransfersClocksAndKeysSurviveARestart() throws Exception {
        Snapshot before;
        ObjectNode keyed;
        JsonNode keyedAnswer;
        String pendingId;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            try (PlaidEmulator emulator = start(false)) {
                TransferClient client = new TransferClient(emulator);
                TransferClient.Account checking = client.checkingWithAvailable("900");
                client.ok("/sandbox/transfer/fire_webhook", body().put("webhook", receiver.url()));
                String settled = client.transfer(checking, "debit", "11.11").path("id").asText();
                client.ok("/transfer/refund/create", body().put("transfer_id", settled).put("amount", "1.11").put("idempotency_key", TransferClient.key()));
                pendingId = client.transfer(checking, "debit", "20.00").path("id").asText();
                client.ok("/sandbox/transfer/sweep/simulate", body());
                client.ok("/transfer/ledger/deposit", body().put("amount", "40.00").put("network", "ach").put("idempotency_key", TransferClient.key()));
                String clock = client.ok("/sandbox/transfer/test_clock/create", body().put("virtual_time", "2030-01-07T12:00:00Z"))
                        .path("test_clock").path("test_clock_id").asText();
                client.ok("/transfer/recurring/create", RecurringTransferTest.recurring(checking, clock, "week", 2, "2030-01-08", null));
                client.ok("/sandbox/transfer/test_clock/advance", body().put("test_clock_id", clock).put("new_virtual_time", "2030-01-09T12:00:00Z"));
                keyed = TransferClient.authorization(checking, "debit", "5.00").put("idempotency_key", TransferClient.key());
                keyedAnswer = client.ok("/transfer/authorization/create", keyed).path("authorization");
                before = Snapshot.of(client);
            }
            assertThat(journal()).exists();
            String state = Files.readString(dataDir.resolve("emulator").resolve("state.json"));
            assertThat(state).as("transfers live in the journal, not in state.json").doesNotContain(pendingId);

            try (PlaidEmulator emulator = start(false)) {
                TransferClient client = new TransferClient(emulator);
                assertThat(Snapshot.of(client)).isEqualTo(before);
                assertThat(client.ok("/transfer/authorization/create", keyed).path("authorization")).isEqualTo(keyedAnswer);
                client.simulate(pendingId, "posted");
                List<JsonNode> events = client.allEvents();
                assertThat(events).hasSize(before.events().size() + 1);
                assertThat(events.get(events.size() - 1).path("event_id").asLong()).isEqualTo(before.events().size() + 1);
                receiver.drain();
                TransferClient.Account again = client.checkingWithAvailable("900");
                client.transfer(again, "debit", "22.22");
                assertThat(receiver.await(b -> b.contains("TRANSFER_EVENTS_UPDATE"), Duration.ofSeconds(10))).as("the registered webhook is kept").isNotNull();
            }
        }
    }

    @Test
    void aLastLineCutShortByACrashIsDroppedAndTheJournalGoesOn() throws IOException {
        Snapshot before;
        try (PlaidEmulator emulator = start(false)) {
            TransferClient client = new TransferClient(emulator);
            client.transfer(client.checking(), "debit", "11.11");
            before = Snapshot.of(client);
        }
        Files.writeString(journal(), "{\"fact\":\"status\",\"subjectId\":\"4a1", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (PlaidEmulator emulator = start(false)) {
            TransferClient client = new TransferClient(emulator);
            assertThat(Snapshot.of(client)).isEqualTo(before);
            client.transfer(client.checking(), "debit", "10.00");
        }
        try (PlaidEmulator emulator = start(false)) {
            assertThat(new TransferClient(emulator).allEvents()).hasSize(before.events().size() + 1);
        }
    }

    @Test
    void resetForgetsTransfers() {
        try (PlaidEmulator emulator = start(false)) {
            TransferClient client = new TransferClient(emulator);
            client.transfer(client.checking(), "debit", "11.11");
        }
        try (PlaidEmulator emulator = start(true)) {
            TransferClient client = new TransferClient(emulator);
            assertThat(client.allEvents()).isEmpty();
            assertThat(client.ledger().path("balance").path("available").asText()).isEqualTo("100.00");
        }
    }
}
