package dev.tartan.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tartan.testing.WebhookReceiver;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Checks a webhook delivery as a receiver should, with a standard JOSE library and the key the emulator serves. */
public final class WebhookSignatures {
    private WebhookSignatures() {
    }

    /** ES256 signature with the JWK of /webhook_verification_key/get, a fresh {@code iat}, and the body's SHA-256; returns the claims. */
    public static JWTClaimsSet verify(EmulatorClient client, WebhookReceiver.Received delivery) throws Exception {
        SignedJWT jwt = SignedJWT.parse(delivery.headers().get("plaid-verification"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        String keyId = jwt.getHeader().getKeyID();
        JsonNode key = client.ok("/webhook_verification_key/get", body().put("key_id", keyId)).path("key");
        assertThat(key.path("kid").asText()).isEqualTo(keyId);
        ECKey jwk = ECKey.parse(key.toString());
        assertThat(jwt.verify(new ECDSAVerifier(jwk))).as("signature verifies").isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssueTime().toInstant()).isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plusSeconds(5));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(delivery.body()));
        assertThat(claims.getStringClaim("request_body_sha256")).isEqualTo(sha256);
        return claims;
    }
}
