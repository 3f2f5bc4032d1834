package dev.tartan.emulator;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Injected faults and latency, and the parsing of their command-line forms. */
class FaultsAndConfigTest {

    private static EmulatorConfig.Builder config() {
        return EmulatorConfig.builder();
    }

    @Test
    void rateLimitFaultsAnswer429NamedAfterTheEndpoint() {
        try (PlaidEmulator emulator = PlaidEmulator.start(config().failRates(FailRates.parse("429=1")).build())) {
            EmulatorClient.Answer answer = new EmulatorClient(emulator).post("/accounts/get", body().put("access_token", "x"));
            assertThat(answer.status()).isEqualTo(429);
            assertThat(answer.json().path("error_type").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
            assertThat(answer.errorCode()).isEqualTo("ACCOUNTS_LIMIT");
        }
    }

    @Test
    void serverErrorFaultsAnswer500() {
        try (PlaidEmulator emulator = PlaidEmulator.start(config().failRates(FailRates.parse("500=1.0")).build())) {
            EmulatorClient.Answer answer = new EmulatorClient(emulator).post("/item/get", body().put("access_token", "x"));
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.json().path("error_type").asText()).isEqualTo("API_ERROR");
            assertThat(answer.errorCode()).isEqualTo("INTERNAL_SERVER_ERROR");
        }
    }

    @Test
    void dropFaultsCloseTheConnectionWithoutAnAnswer() {
        try (PlaidEmulator emulator = PlaidEmulator.start(config().failRates(FailRates.parse("drop=1")).build())) {
            OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
            Request request = new Request.Builder().url(emulator.baseUrl() + "/item/get")
                    .post(RequestBody.create("{}", MediaType.get("application/json"))).build();
            assertThatThrownBy(() -> http.newCall(request).execute().close()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void latencyDelaysEachAnswerByAtLeastTheMinimum() {
        try (PlaidEmulator emulator = PlaidEmulator.start(config().latency(Latency.parse("120-150")).build())) {
            EmulatorClient client = new EmulatorClient(emulator);
            long started = System.nanoTime();
            client.post("/categories/get", body());
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(120);
        }
    }

    @Test
    void latencyAndFailRatesParseTheirCommandLineForms() {
        assertThat(Latency.parse("50")).isEqualTo(new Latency(50, 50));
        assertThat(Latency.parse("20-200")).isEqualTo(new Latency(20, 200));
        assertThatThrownBy(() -> Latency.parse("fast")).hasMessageContaining("MIN-MAX");
        assertThatThrownBy(() -> Latency.parse("200-20")).hasMessageContaining("minimum");
        assertThat(FailRates.parse("429=0.05,500=0.01,drop=0.01")).isEqualTo(new FailRates(0.05, 0.01, 0.01));
        assertThat(FailRates.parse("500=0.2")).isEqualTo(new FailRates(0, 0.2, 0));
        assertThatThrownBy(() -> FailRates.parse("503=0.1")).hasMessageContaining("429, 500 or drop");
        assertThatThrownBy(() -> FailRates.parse("429=2")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> FailRates.parse("429=0.6,500=0.6")).hasMessageContaining("more than 1");
        assertThatThrownBy(() -> FailRates.parse("drop")).hasMessageContaining("KEY=RATE");
    }

    @Test
    void aBusyPortIsReportedClearly() {
        try (PlaidEmulator first = PlaidEmulator.start(EmulatorConfig.inMemory())) {
            assertThatThrownBy(() -> PlaidEmulator.start(config().port(first.port()).build()))
                    .hasMessageContaining("port " + first.port());
        }
    }
}
