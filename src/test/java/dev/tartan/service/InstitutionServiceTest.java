package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.api.PlaidApiException;
import dev.tartan.testing.EmulatorServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

import static dev.tartan.service.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Institution lists and names against the built-in emulator over loopback, with a real vault. */
class InstitutionServiceTest {

    @TempDir
    static Path home;
    static EmulatorServices services;
    static InstitutionService service;

    @BeforeAll
    static void start() {
        services = new EmulatorServices(home);
        service = new InstitutionService(services.gateway, new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    /** How many lookups of this institution Plaid answered with 200, as the request history has them. */
    private static long lookupsOf(String institutionId) {
        return services.vault.history().recent(500).stream()
                .filter(entry -> entry.operation().equals("/institutions/get_by_id") && entry.httpStatus() == 200
                        && String.valueOf(entry.requestBody()).contains(institutionId)).count();
    }

    @Test
    void theListHasAsManyAsAskedWithTheUsualSandboxInstitutionAmongThem() {
        JsonNode list = service.list(services.profile, 50).join();
        assertThat(list.size()).isBetween(20, 50);
        assertThat(list.findValuesAsText("institution_id")).contains(InstitutionService.USUAL_SANDBOX_INSTITUTION);
        assertThat(service.list(services.profile, 3).join().size()).isEqualTo(3);
    }

    @Test
    void anInstitutionsNameIsAskedForOnceThenComesFromTheVault() {
        assertThat(service.name(services.profile, "ins_109508").join()).contains("First Platypus Bank");
        eventually(() -> assertThat(lookupsOf("ins_109508")).isEqualTo(1));
        assertThat(service.name(services.profile, "ins_109508").join()).contains("First Platypus Bank");
        assertThat(lookupsOf("ins_109508")).isEqualTo(1);
    }

    @Test
    void askingManyTimesAtOnceMakesOneCall() {
        List<CompletableFuture<Optional<String>>> asks = IntStream.range(0, 8)
                .mapToObj(i -> service.name(services.profile, "ins_109512")).toList();
        asks.forEach(ask -> assertThat(ask.join()).isPresent());
        eventually(() -> assertThat(lookupsOf("ins_109512")).isEqualTo(1));
    }

    @Test
    void anInstitutionPlaidDoesNotKnowFailsWithPlaidsError() {
        Throwable error = catchThrowable(() -> service.name(services.profile, "ins_0").join());
        assertThat(error).isInstanceOf(CompletionException.class).cause().isInstanceOf(PlaidApiException.class);
        assertThat(((PlaidApiException) error.getCause()).error().errorCode()).isEqualTo("INVALID_INSTITUTION");
    }
}
