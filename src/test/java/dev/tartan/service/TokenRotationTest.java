package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.model.AuditEntry;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.store.VaultException;
import dev.tartan.testing.EmulatorServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rotated access token is never lost: the rotation is written as pending before Plaid is asked, then confirmed. */
class TokenRotationTest {

    @TempDir
    Path home;
    EmulatorServices services;
    ItemService items;
    TokenEntry item;

    @BeforeEach
    void start() {
        services = new EmulatorServices(home);
        items = new ItemService(services.gateway, new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC()),
                services.vault, services.io);
        JsonNode created = services.newItem("user_good");
        item = services.vault.tokens().save(TokenEntry.of(TokenKind.ACCESS, created.path("access_token").asText(),
                services.profile.name(), created.path("item_id").asText()).withLabel("Checking"));
    }

    @AfterEach
    void stop() {
        services.close();
    }

    private JsonNode itemGet(String token) {
        return services.call("/item/get", PlaidJson.mapper().createObjectNode().put("access_token", token));
    }

    @Test
    void theRotationIsPendingThenConfirmedAndTheBookHoldsOnlyTheNewToken() {
        TokenEntry rotated = items.rotateAccessToken(services.profile, item, call -> { }).join();

        assertThat(rotated.value()).isNotEqualTo(item.value());
        assertThat(rotated.label()).isEqualTo("Checking");
        assertThat(services.vault.tokens().byToken(item.value())).isEmpty();
        assertThat(services.vault.tokens().byToken(rotated.value())).isPresent();
        assertThat(itemGet(rotated.value()).path("item").path("item_id").asText()).isEqualTo(item.ownerId());
        assertThat(services.vault.audit().recent(10)).filteredOn(entry -> entry.action().equals("rotate access token"))
                .extracting(AuditEntry::outcome).containsExactly("ok", "pending");
    }

    @Test
    void aVaultThatCannotTakeTheRotationStopsItBeforePlaidIsAsked() {
        services.vault.close();

        assertThatThrownBy(() -> items.rotateAccessToken(services.profile, item, call -> { }).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(VaultException.class);
        assertThat(itemGet(item.value()).path("item").path("item_id").asText())
                .as("the old token still works: nothing was rotated").isEqualTo(item.ownerId());
    }
}
