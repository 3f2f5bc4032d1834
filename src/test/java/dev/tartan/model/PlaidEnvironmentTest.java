package dev.tartan.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one decision of what is Production, and of what would travel in clear. */
class PlaidEnvironmentTest {

    private static PlaidEnvironment custom(String url) {
        return PlaidEnvironment.custom(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://production.plaid.com", "https://PRODUCTION.plaid.com./", "https://production.plaid.com:443/v2",
            "https://development.plaid.com"})
    void aCustomUrlOnPlaidsOwnHostsOtherThanSandboxIsProduction(String url) {
        assertThat(custom(url).isProduction()).isTrue();
        assertThat(custom(url).needsProductionAnswer()).isFalse();
    }

    @Test
    void aCustomUrlIsProductionWhenItsUserMarkedItSo() {
        PlaidEnvironment proxy = custom("https://plaid-proxy.example.com/plaid");
        assertThat(proxy.isProduction()).isFalse();
        assertThat(proxy.needsProductionAnswer()).isTrue();
        assertThat(proxy.withProductionMark(true).isProduction()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9000", "https://sandbox.plaid.com/"})
    void thisMachineAndSandboxAreNeverAskedAbout(String url) {
        assertThat(custom(url).needsProductionAnswer()).isFalse();
        assertThat(custom(url).isProduction()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://production.plaid.com.evil.example", "https://notplaid.com", "https://plaid.com.example"})
    void lookalikeHostsAreNotPlaids(String url) {
        assertThat(custom(url).isProduction()).isFalse();
        assertThat(custom(url).needsProductionAnswer()).isTrue();
    }

    @Test
    void theBuiltInEnvironmentsAreWhatTheyAre() {
        assertThat(PlaidEnvironment.PRODUCTION.isProduction()).isTrue();
        assertThat(PlaidEnvironment.SANDBOX.isProduction()).isFalse();
        assertThat(PlaidEnvironment.EMULATOR.isProduction()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"access_token\":\"access-production-2f6e8c1a-0d5b-4f3e-9a77-1c2d3e4f5a6b\"}",
            "{\"processor_token\":\"processor-production-1234\"}",
            "{\"access_tokens\":[\"access-sandbox-1\",\"access-production-x\"]}",
            "{\"access_token\":\"\\u0061ccess-production-written-with-an-escape\"}",
            "{\"options\":{\"nested\":{\"token\":\"public-production-abc\"}}}",
            "not json but access-production-abcd all the same"})
    void aBodyHoldingAProductionTokenMakesAnyCallProduction(String body) {
        assertThat(custom("http://127.0.0.1:8080").isProductionCall(body)).isTrue();
        assertThat(PlaidEnvironment.SANDBOX.isProductionCall(body)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"access_token\":\"access-sandbox-2f6e8c1a\"}", "{}", "{\"note\":\"production-ready\"}"})
    void aBodyWithoutAProductionTokenLeavesTheEnvironmentToDecide(String body) {
        assertThat(custom("http://127.0.0.1:8080").isProductionCall(body)).isFalse();
        assertThat(PlaidEnvironment.PRODUCTION.isProductionCall(body)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://plaid-proxy.example.com", "http://10.0.0.7:8080", "http://127.0.0.1.example.com"})
    void plainHttpToAnotherMachineTravelsInClearAndIsRefusedUnlessAllowed(String url) {
        PlaidEnvironment environment = custom(url);
        assertThat(environment.sendsInClear()).isTrue();
        assertThat(environment.plainHttpRefusal()).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("unencrypted", "--allow-insecure-http");
        assertThat(environment.withPlainHttpAllowed(true).plainHttpRefusal()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.8.9.10", "http://localhost:1", "http://[::1]:9000",
            "https://plaid-proxy.example.com"})
    void httpsAndThisMachineAreNotInClear(String url) {
        assertThat(custom(url).sendsInClear()).isFalse();
        assertThat(custom(url).plainHttpRefusal()).isEmpty();
    }

    @Test
    void onlyACustomUrlCarriesTheUsersAnswers() {
        assertThatThrownBy(() -> PlaidEnvironment.SANDBOX.withProductionMark(true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Only a custom base URL");
        assertThatThrownBy(() -> PlaidEnvironment.EMULATOR.withPlainHttpAllowed(true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
