package dev.tartan.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The emulator's state survives a restart in its data folder; --reset forgets it but keeps the credentials. */
class PersistenceTest {
    @TempDir
    Path dataDir;

    private PlaidEmulator start(boolean reset) {
        return PlaidEmulator.start(EmulatorConfig.builder().dataDirectory(dataDir).reset(reset).build());
    }

    @Test
    void itemsTokensAndTransactionChangesSurviveARestart() {
        String clientId;
        String secret;
        String accessToken;
        String processorToken;
        String removedToken;
        String cursor;
        JsonNode accountsBefore;
        long totalBefore;
        try (PlaidEmulator emulator = start(false)) {
            clientId = emulator.clientId();
            secret = emulator.secret();
            EmulatorClient client = new EmulatorClient(emulator);
            accessToken = client.newItem("user_transactions_dynamic", "any");
            client.ok("/transactions/refresh", body().put("access_token", accessToken));
            client.ok("/item/webhook/update", body().put("access_token", accessToken).put("webhook", "http://127.0.0.1:9/hook"));
            accountsBefore = client.ok("/accounts/get", body().put("access_token", accessToken)).path("accounts");
            processorToken = client.ok("/processor/token/create", body().put("access_token", accessToken)
                    .put("account_id", accountsBefore.get(0).path("account_id").asText()).put("processor", "dwolla"))
                    .path("processor_token").asText();
            cursor = syncToEnd(client, accessToken);
            totalBefore = total(client, accessToken);
            removedToken = client.newItem("user_good", "pass_good");
            client.ok("/item/remove", body().put("access_token", removedToken));
        }
        assertThat(dataDir.resolve("emulator/state.json")).exists();
        assertThat(dataDir.resolve("emulator/credentials.json")).exists();

        try (PlaidEmulator emulator = start(false)) {
            assertThat(emulator.clientId()).isEqualTo(clientId);
            assertThat(emulator.secret()).isEqualTo(secret);
            EmulatorClient client = new EmulatorClient(emulator);
            JsonNode item = client.ok("/item/get", body().put("access_token", accessToken)).path("item");
            assertThat(item.path("webhook").asText()).isEqualTo("http://127.0.0.1:9/hook");
            assertThat(client.ok("/accounts/get", body().put("access_token", accessToken)).path("accounts")).isEqualTo(accountsBefore);
            assertThat(total(client, accessToken)).isEqualTo(totalBefore);
            JsonNode upToDate = client.ok("/transactions/sync", body().put("access_token", accessToken).put("cursor", cursor));
            assertThat(upToDate.path("added")).isEmpty();
            assertThat(upToDate.path("has_more").asBoolean()).isFalse();
            assertThat(client.ok("/processor/account/get", body().put("processor_token", processorToken))
                    .path("account").path("account_id").asText()).isEqualTo(accountsBefore.get(0).path("account_id").asText());
            assertThat(client.post("/item/get", body().put("access_token", removedToken)).errorCode()).isEqualTo("ITEM_NOT_FOUND");

            client.ok("/transactions/refresh", body().put("access_token", accessToken));
            assertThat(client.ok("/transactions/sync", body().put("access_token", accessToken).put("cursor", cursor))
                    .path("added")).isNotEmpty();
        }
    }

    @Test
    void closingSavesTheLastChangeEvenOnAnInterruptedThread() {
        String accessToken;
        PlaidEmulator emulator = start(false);
        accessToken = new EmulatorClient(emulator).newItem("user_good", "pass_good");
        Thread.currentThread().interrupt();
        try {
            emulator.close();
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        }
        try (PlaidEmulator restarted = start(false)) {
            assertThat(new EmulatorClient(restarted).post("/item/get", body().put("access_token", accessToken)).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void resetForgetsItemsButKeepsTheCredentials() {
        String clientId;
        String accessToken;
        try (PlaidEmulator emulator = start(false)) {
            clientId = emulator.clientId();
            accessToken = new EmulatorClient(emulator).newItem("user_good", "pass_good");
        }
        try (PlaidEmulator emulator = start(true)) {
            assertThat(emulator.clientId()).isEqualTo(clientId);
            EmulatorClient client = new EmulatorClient(emulator);
            assertThat(client.post("/item/get", body().put("access_token", accessToken)).errorCode()).isEqualTo("INVALID_ACCESS_TOKEN");
        }
    }

    @Test
    void largeItemsPersistTheirRecipeNotTheirTransactions() throws IOException {
        try (PlaidEmulator emulator = start(false)) {
            new EmulatorClient(emulator).newItem("user_transactions_1000000", "any", "transactions");
        }
        assertThat(Files.size(dataDir.resolve("emulator/state.json"))).isLessThan(64 * 1024);
    }

    @Test
    void aDamagedStateFileIsReportedWithTheWayOut() throws IOException {
        Files.createDirectories(dataDir.resolve("emulator"));
        Files.writeString(dataDir.resolve("emulator/state.json"), "{ not json");
        assertThatThrownBy(() -> start(false)).hasMessageContaining("--reset");
        try (PlaidEmulator emulator = start(true)) {
            assertThat(emulator.clientId()).isNotBlank();
        }
    }

    @Test
    void oneEmulatorPerFolder() {
        try (PlaidEmulator first = start(false)) {
            assertThatThrownBy(() -> start(false)).hasMessageContaining("another emulator is already running");
            assertThat(new EmulatorClient(first).post("/categories/get", body()).status()).isEqualTo(200);
        }
        try (PlaidEmulator afterwards = start(false)) {
            assertThat(afterwards.clientId()).isNotBlank();
        }
    }

    @Test
    void inMemoryEmulatorsWriteNothing() throws IOException {
        try (PlaidEmulator emulator = PlaidEmulator.start(EmulatorConfig.inMemory())) {
            new EmulatorClient(emulator).newItem("user_good", "pass_good");
        }
        try (var files = Files.list(dataDir)) {
            assertThat(files).isEmpty();
        }
    }

    private static String syncToEnd(EmulatorClient client, String accessToken) {
        String cursor = null;
        boolean more = true;
        while (more) {
            var request = body().put("access_token", accessToken).put("count", 500);
            if (cursor != null) {
                request.put("cursor", cursor);
            }
            JsonNode page = client.ok("/transactions/sync", request);
            cursor = page.path("next_cursor").asText();
            more = page.path("has_more").asBoolean();
        }
        return cursor;
    }

    private static long total(EmulatorClient client, String accessToken) {
        return client.ok("/transactions/get", body().put("access_token", accessToken).put("start_date", "2000-01-01")
                .put("end_date", "2100-01-01")).path("total_transactions").asLong();
    }
}
