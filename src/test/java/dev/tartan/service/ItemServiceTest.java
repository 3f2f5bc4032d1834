package dev.tartan.service;

import dev.tartan.api.PlaidApiException;
import dev.tartan.model.CallRecord;
import dev.tartan.model.TokenEntry;
import dev.tartan.testing.EmulatorServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static dev.tartan.service.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Item service against the built-in emulator over loopback, with a real vault. */
class ItemServiceTest {

    @TempDir
    static Path home;
    static EmulatorServices services;
    static ItemService service;

    @BeforeAll
    static void start() {
        services = new EmulatorServices(home);
        CachedCalls calls = new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC());
        service = new ItemService(services.gateway, calls, services.vault, services.io);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class);
        return future.handle((value, error) -> error instanceof CompletionException ? error.getCause() : error).join();
    }

    @Test
    void aPastedAccessTokenPlaidDoesNotKnowIsRefusedWithItsRequestIdAndNotKept() {
        String unknown = "access-sandbox-00000000-0000-4000-8000-000000000000";
        Throwable error = failureOf(service.addByToken(services.profile, unknown, null, call -> { }));
        assertThat(((PlaidApiException) error).error().errorCode()).isEqualTo("INVALID_ACCESS_TOKEN");
        assertThat(((PlaidApiException) error).error().requestId()).isNotBlank();
        assertThat(services.vault.tokens().byToken(unknown)).isEmpty();
    }

    @Test
    void textThatIsNotAnAccessTokenIsRefusedWithoutACall() {
        List<CallRecord> log = new ArrayList<>();
        assertThat(failureOf(service.addByToken(services.profile, "public-sandbox-1234", null, log::add)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an access token");
        assertThat(log).isEmpty();
    }

    @Test
    void aPastedAccessTokenIsKeptWithItsItemAndInstitution() {
        String token = services.newItem("user_good").path("access_token").asText();
        List<CallRecord> log = Collections.synchronizedList(new ArrayList<>());
        TokenEntry added = service.addByToken(services.profile, "  " + token + " ", "Pasted", log::add).join();
        assertThat(added.value()).isEqualTo(token);
        assertThat(added.ownerId()).isNotBlank();
        assertThat(added.institution()).isEqualTo("ins_109508");
        assertThat(added.label()).isEqualTo("Pasted");
        assertThat(services.vault.tokens().byToken(token)).isPresent();
        eventually(() -> assertThat(log).extracting(CallRecord::operation).containsExactly("/item/get"));
    }

    @Test
    void pastingAnItemTheBookKeepsAgainKeepsItsLabelAndNotesUnlessANewLabelIsGiven() {
        String token = services.newItem("user_good").path("access_token").asText();
        TokenEntry kept = service.addByToken(services.profile, token, "Case 4711", call -> { }).join();
        services.vault.tokens().save(kept.withNotes("the customer's main Item"));

        TokenEntry again = service.addByToken(services.profile, token, null, call -> { }).join();
        assertThat(again.label()).isEqualTo("Case 4711");
        assertThat(again.notes()).isEqualTo("the customer's main Item");
        assertThat(service.addByToken(services.profile, token, " Renamed ", call -> { }).join().label()).isEqualTo("Renamed");
    }
}
