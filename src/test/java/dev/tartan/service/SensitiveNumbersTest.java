package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.model.HistoryEntry;
import dev.tartan.model.Operation;
import dev.tartan.store.DownloadFolder;
import dev.tartan.testing.EmulatorServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static dev.tartan.service.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Account numbers and auth_token are masked like tokens wherever Tartan keeps or shows a call: history, cache, curl. */
class SensitiveNumbersTest {

    @TempDir
    static Path home;
    static EmulatorServices services;

    @BeforeAll
    static void start() {
        services = new EmulatorServices(home);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    void theHistoryAndTheCacheKeepAccountNumbersMasked() {
        String token = services.newItem("user_good").path("access_token").asText();
        ObjectNode body = PlaidJson.mapper().createObjectNode().put("access_token", token);
        CachedCalls calls = new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC());

        JsonNode shown = calls.fetch(services.profile, "/auth/get", body, call -> { }).join().json();
        String number = shown.path("numbers").path("ach").get(0).path("account").asText();
        assertThat(number).as("the pane gets the whole number").hasSizeGreaterThan(4);

        String cached = calls.cached(services.profile, "/auth/get", body).join().orElseThrow().json().toString();
        assertThat(cached).doesNotContain(number).contains("\u2022\u2022\u2022\u2022" + number.substring(number.length() - 4));
        eventually(() -> assertThat(services.vault.history().recent(20)).filteredOn(e -> e.operation().equals("/auth/get"))
                .extracting(HistoryEntry::replyBody).singleElement().asString().doesNotContain(number).contains("\u2022\u2022\u2022\u2022"));
    }

    @Test
    void copyAsCurlMasksAnAuthToken() {
        ConsoleService console = new ConsoleService(services.gateway, services.vault, new DownloadFolder(home), services.io);
        Operation itemImport = new CatalogService(services.io).find("/item/import").join().orElseThrow();
        String body = "{\"products\":[\"auth\"],\"user_auth\":{\"user_id\":\"u-1\",\"auth_token\":\"exchange-auth-token-0123456789\"}}";
        assertThat(console.curl(services.profile, itemImport, body, false).join()).doesNotContain("exchange-auth-token-0123456789");
        assertThat(console.curl(services.profile, itemImport, body, true).join()).contains("exchange-auth-token-0123456789");
    }
}
