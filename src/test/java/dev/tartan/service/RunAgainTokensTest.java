package dev.tartan.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.model.HistoryEntry;
import dev.tartan.model.Masking;
import dev.tartan.model.TokenEntry;
import dev.tartan.store.DownloadFolder;
import dev.tartan.testing.EmulatorServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.tartan.service.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** "Run again" puts back the token a past call was made with, and never another that looks the same masked. */
class RunAgainTokensTest {

    @TempDir
    static Path home;
    static EmulatorServices services;
    static ConsoleService console;

    @BeforeAll
    static void start() {
        services = new EmulatorServices(home);
        console = new ConsoleService(services.gateway, services.vault, new DownloadFolder(home), services.io);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    void aLookAlikeTokenIsNotFilledInForTheOneTheCallUsed() {
        String used = services.newItem("user_good").path("access_token").asText();
        // Same kind, environment and last four characters: the same mask, another token.
        String lookAlike = "access-sandbox-00000000-0000-4000-8000-00000000" + used.substring(used.length() - 4);
        assertThat(Masking.maskToken(lookAlike)).isEqualTo(Masking.maskToken(used));
        services.vault.tokens().save(TokenEntry.of(lookAlike, services.profile.name(), "item-look-alike"));

        HistoryEntry call = callItemGet(used);

        ConsoleService.RestoredBody restored = console.restore(call).join();
        assertThat(restored.body()).doesNotContain(lookAlike).contains(Masking.maskToken(used));
        assertThat(restored.unresolvedTokens()).containsExactly(Masking.maskToken(used));

        services.vault.tokens().save(TokenEntry.of(used, services.profile.name(), "item-used"));
        ConsoleService.RestoredBody withTheToken = console.restore(call).join();
        assertThat(withTheToken.body()).contains(used).doesNotContain(lookAlike);
        assertThat(withTheToken.unresolvedTokens()).isEmpty();
    }

    @Test
    void anEntryWithoutFingerprintsRestoresNoTokenAtAll() {
        String used = services.newItem("user_good").path("access_token").asText();
        services.vault.tokens().save(TokenEntry.of(used, services.profile.name(), "item-old"));
        HistoryEntry recorded = callItemGet(used);
        HistoryEntry older = recorded.withTokenFingerprints(null);

        assertThat(console.restore(older).join().unresolvedTokens()).containsExactly(Masking.maskToken(used));
    }

    private static HistoryEntry callItemGet(String token) {
        ObjectNode body = PlaidJson.mapper().createObjectNode().put("access_token", token);
        services.gateway.post(services.profile, "/item/get", body).join();
        eventually(() -> assertThat(recordedWith(token)).isNotEmpty());
        HistoryEntry recorded = recordedWith(token).get(0);
        assertThat(recorded.requestBody()).doesNotContain(token);
        assertThat(recorded.tokenFingerprints()).containsKey(Masking.maskToken(token));
        return recorded;
    }

    private static List<HistoryEntry> recordedWith(String token) {
        return services.vault.history().recent(50).stream()
                .filter(e -> e.operation().equals("/item/get") && e.requestBody().contains(Masking.maskToken(token)))
                .toList();
    }
}
