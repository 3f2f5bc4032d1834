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
import java.util.concurrent.CompletionException;

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

    /** How many calls of {@code operation} Plaid answered with 200, as the request history has them. */
    private static long answered(String operation) {
        return services.vault.history().recent(500).stream()
                .filter(entry -> entry.operation().equals(operation) && entry.httpStatus() == 200).count();
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
        eventually(() -> assertThat(answered("/institutions/get_by_id")).isEqualTo(1));
        assertThat(service.name(services.profile, "ins_109508").join()).contains("First Platypus Bank");
        assertThat(answered("/institutions/get_by_id")).isEqualTo(1);
    }

    @Test
    void anInstitutionPlaidDoesNotKnowFailsWithPlaidsError() {
        Throwable error = catchThrowable(() -> service.name(services.profile, "ins_0").join());
        assertThat(error).isInstanceOf(CompletionException.class).cause().isInstanceOf(PlaidApiException.class);
        assertThat(((PlaidApiException) error.getCause()).error().errorCode()).isEqualTo("INVALID_INSTITUTION");
    }
}
