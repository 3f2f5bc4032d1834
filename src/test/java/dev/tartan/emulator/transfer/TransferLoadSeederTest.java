package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/** The load-test extension: an Item for user_transfers_<N> comes with N transfers that have lived their lives. */
class TransferLoadSeederTest {
    @TempDir
    Path dataDir;

    @Test
    void anItemForUserTransfersNComesWithNTransfersWhoseEventsFollowTheirLives() {
        List<JsonNode> events;
        try (PlaidEmulator emulator = PlaidEmulator.start(EmulatorConfig.builder().dataDirectory(dataDir).build())) {
            TransferClient client = new TransferClient(emulator);
            TransferClient.Account account = client.account("user_transfers_3000", "any", "checking");
            events = client.allEvents();

            Map<String, String> lastStatus = new HashMap<>();
            Set<String> types = new HashSet<>();
            Instant previous = Instant.MIN;
            for (JsonNode event : events) {
                Instant at = Instant.parse(event.path("timestamp").asText());
                assertThat(at).as("event ids follow time").isAfterOrEqualTo(previous);
                previous = at;
                String type = event.path("event_type").asText();
                types.add(type);
                if (!type.contains(".") && !type.contains("swept")) {
                    lastStatus.put(event.path("transfer_id").asText(), type);
                }
                assertThat(event.path("account_id").asText()).isEqualTo(account.accountId());
            }
            assertThat(lastStatus).hasSize(3000);
            assertThat(types).contains("pending", "posted", "settled", "funds_available", "failed", "cancelled", "returned",
                    "swept", "swept_settled", "refund.pending", "refund.settled");
            assertThat(lastStatus.values()).as("the newest transfers are still on their way").contains("pending");

            String pending = lastStatus.entrySet().stream().filter(e -> e.getValue().equals("pending")).findFirst().orElseThrow().getKey();
            JsonNode transfer = client.get(pending);
            assertThat(client.eventTypes(pending)).startsWith("pending");
            assertThat(transfer.path("status").asText()).isEqualTo("pending");
            client.simulate(pending, "posted");
        }
        try (PlaidEmulator emulator = PlaidEmulator.start(EmulatorConfig.builder().dataDirectory(dataDir).build())) {
            assertThat(new TransferClient(emulator).allEvents()).hasSize(events.size() + 1);
        }
    }

    @Test
    void moreThanAMillionTransfersAreRefused() {
        try (PlaidEmulator emulator = PlaidEmulator.start(EmulatorConfig.inMemory())) {
            TransferClient client = new TransferClient(emulator);
            ObjectNode create = body().put("institution_id", "ins_109508");
            create.putArray("initial_products").add("transfer");
            create.putObject("options").put("override_username", "user_transfers_1000001").put("override_password", "any");
            client.refused("/sandbox/public_token/create", create, 400, "INVALID_FIELD");
        }
    }
}
