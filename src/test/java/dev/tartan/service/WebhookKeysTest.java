package dev.tartan.service;

import dev.tartan.api.PlaidApiException;
import dev.tartan.api.PlaidConnectionException;
import dev.tartan.api.PlaidRequest;
import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.PlaidError;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;
import dev.tartan.testing.FakePlaid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Which profiles are asked for a key, in which order, and when a key is asked for again. */
class WebhookKeysTest {

    private static final String KID = "bfbd5111-8e33-4643-8ced-b2e642a72f3c";

    @TempDir
    Path home;
    Vault vault;
    Instant now = Instant.parse("2026-03-02T10:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    /** Each profile's Plaid: the keys it knows (kid to expired_at, or null), or null when it cannot be reached. */
    final Map<String, Map<String, Long>> plaids = new java.util.HashMap<>();
    final List<String> asked = new ArrayList<>();
    WebhookKeys keys;

    @BeforeEach
    void vault() {
        vault = Vault.create(new VaultLocation(home), "webhook keys test passphrase 1".toCharArray());
        vault.profiles().add(new Profile("Emulator", PlaidEnvironment.EMULATOR, new Credentials("id1", "secret1")));
        vault.profiles().add(new Profile("Live", PlaidEnvironment.PRODUCTION, new Credentials("id2", "secret2")));
        vault.profiles().add(new Profile("Sandbox", PlaidEnvironment.SANDBOX, new Credentials("id3", "secret3")));
        keys = new WebhookKeys(new PlaidCalls() {
            @Override
            public CompletableFuture<PlaidResponse> call(Profile profile, PlaidRequest request) {
                String kid;
                try {
                    kid = new com.fasterxml.jackson.databind.ObjectMapper().readTree(request.body()).path("key_id").asText();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                asked.add(profile.name() + ":" + kid);
                Map<String, Long> known = plaids.get(profile.name());
                if (known == null) {
                    return CompletableFuture.failedFuture(new PlaidConnectionException("POST", request.path(), URI.create("https://x.invalid"),
                            new java.net.ConnectException("Connection refused")));
                }
                if (!known.containsKey(kid)) {
                    return CompletableFuture.failedFuture(new PlaidApiException("POST", request.path(), new PlaidError("INVALID_INPUT",
                            "INVALID_WEBHOOK_VERIFICATION_KEY_ID", null, "invalid key_id provided", null, "req1", 400, null, null, null, null)));
                }
                Long expired = known.get(kid);
                return CompletableFuture.completedFuture(FakePlaid.ok("{\"key\":{\"alg\":\"ES256\",\"crv\":\"P-256\",\"kid\":\"" + kid
                        + "\",\"kty\":\"EC\",\"use\":\"sig\",\"x\":\"a\",\"y\":\"b\",\"created_at\":1560466150,\"expired_at\":"
                        + expired + "},\"request_id\":\"req2\"}"));
            }

            @Override
            public CompletableFuture<Endpoint> endpointOf(Profile profile) {
                throw new UnsupportedOperationException();
            }
        }, vault, clock);
    }

    @AfterEach
    void close() {
        vault.close();
    }

    @Test
    void theActiveProfileIsAskedFirstThenThoseOfTheWebhooksEnvironment() {
        plaids.put("Emulator", Map.of());
        plaids.put("Live", Map.of());
        plaids.put("Sandbox", nullable(KID, null));
        vault.settings().put(SettingsService.ACTIVE_PROFILE, "Live");

        WebhookVerifier.KeyAnswer answer = keys.find(KID, "sandbox");
        assertThat(answer).isInstanceOf(WebhookVerifier.Found.class);
        assertThat(((WebhookVerifier.Found) answer).profile()).isEqualTo("Sandbox");
        assertThat(((WebhookVerifier.Found) answer).jwk().path("kid").asText()).isEqualTo(KID);
        // Live is active; then the sandbox profiles, by name.
        assertThat(asked).containsExactly("Live:" + KID, "Emulator:" + KID, "Sandbox:" + KID);
    }

    @Test
    void aKeyIsCachedAndAskedForAgainAfterADay() {
        plaids.put("Emulator", nullable(KID, null));
        assertThat(keys.find(KID, "sandbox")).isInstanceOf(WebhookVerifier.Found.class);
        now = now.plus(Duration.ofHours(23));
        assertThat(keys.find(KID, "sandbox")).isInstanceOf(WebhookVerifier.Found.class);
        assertThat(asked).hasSize(1);
        now = now.plus(Duration.ofHours(2));
        keys.find(KID, "sandbox");
        assertThat(asked).hasSize(2);
    }

    @Test
    void anExpiredKeyIsAskedForAgainEachTime() {
        plaids.put("Emulator", nullable(KID, now.minusSeconds(60).getEpochSecond()));
        WebhookVerifier.Found found = (WebhookVerifier.Found) keys.find(KID, "sandbox");
        assertThat(found.expiredAt()).isEqualTo(now.minusSeconds(60));
        keys.find(KID, "sandbox");
        assertThat(asked).hasSize(2);
    }

    @Test
    void aKeyNoProfileKnowsIsNotAskedAboutAgainForTenMinutes() {
        plaids.put("Emulator", Map.of());
        plaids.put("Live", Map.of());
        plaids.put("Sandbox", Map.of());
        WebhookVerifier.KeyAnswer first = keys.find("forged", "production");
        assertThat(first).isEqualTo(new WebhookVerifier.Unknown(List.of("Live", "Emulator", "Sandbox")));
        assertThat(keys.find("forged", "production")).isEqualTo(first);
        assertThat(asked).hasSize(3);
        now = now.plus(Duration.ofMinutes(11));
        keys.find("forged", "production");
        assertThat(asked).hasSize(6);
    }

    @Test
    void unknownKeysAreAskedAboutAtMostTwentyAMinute() {
        plaids.put("Emulator", Map.of());
        plaids.put("Live", Map.of());
        plaids.put("Sandbox", Map.of());
        for (int i = 0; i < WebhookKeys.UNKNOWN_PER_MINUTE; i++) {
            assertThat(keys.find("forged-" + i, null)).isInstanceOf(WebhookVerifier.Unknown.class);
        }
        WebhookVerifier.KeyAnswer refused = keys.find("forged-more", null);
        assertThat(refused).isInstanceOf(WebhookVerifier.Unavailable.class);
        assertThat(((WebhookVerifier.Unavailable) refused).reason()).endsWith("waits before asking about more");
        assertThat(asked).hasSize(3 * WebhookKeys.UNKNOWN_PER_MINUTE);
        now = now.plus(Duration.ofSeconds(61));
        assertThat(keys.find("forged-more", null)).isInstanceOf(WebhookVerifier.Unknown.class);
    }

    @Test
    void aProfileThatCannotAnswerIsNamedAndNothingIsCached() {
        plaids.put("Emulator", Map.of());
        plaids.put("Sandbox", Map.of());
        WebhookVerifier.KeyAnswer answer = keys.find(KID, "sandbox");
        assertThat(answer).isInstanceOf(WebhookVerifier.Unavailable.class);
        assertThat(((WebhookVerifier.Unavailable) answer).reason()).startsWith("\"Live\" could not ask: ");
        keys.find(KID, "sandbox");
        assertThat(asked).hasSize(6);
    }

    private static Map<String, Long> nullable(String kid, Long expired) {
        Map<String, Long> map = new java.util.HashMap<>();
        map.put(kid, expired);
        return map;
    }
}
