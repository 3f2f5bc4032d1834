package dev.tartan.emulator.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.state.EmulatorIdentity;
import dev.tartan.emulator.support.Json;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signs webhook bodies as Plaid does: an ES256 JWT for the {@code Plaid-Verification} header whose
 * header names the key ({@code kid}) and whose claims are {@code iat} and {@code request_body_sha256},
 * the hex SHA-256 of the exact body bytes. Also renders the public key as the JWK that
 * {@code /webhook_verification_key/get} returns.
 */
public final class WebhookSigner {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final EmulatorIdentity identity;

    public WebhookSigner(EmulatorIdentity identity) {
        this.identity = identity;
    }

    public String keyId() {
        return identity.keyId();
    }

    /** The Plaid-Verification header value for {@code body}, issued at {@code issuedAt}. */
    public String sign(byte[] body, Instant issuedAt) {
        ObjectNode header = Json.object();
        header.put("alg", "ES256");
        header.put("kid", identity.keyId());
        header.put("typ", "JWT");
        ObjectNode claims = Json.object();
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("request_body_sha256", sha256Hex(body));
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(identity.signingKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a webhook with ES256", e);
        }
    }

    /** The verification key as a JWK, with Plaid's created_at and expired_at members. */
    public ObjectNode jwk() {
        ObjectNode key = Json.object();
        key.put("alg", "ES256");
        key.put("created_at", identity.keyCreatedAt().getEpochSecond());
        key.put("crv", "P-256");
        key.putNull("expired_at");
        key.put("kid", identity.keyId());
        key.put("kty", "EC");
        key.put("use", "sig");
        key.put("x", coordinate(identity.verificationKey().getW().getAffineX()));
        key.put("y", coordinate(identity.verificationKey().getW().getAffineY()));
        return key;
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String encode(ObjectNode json) {
        try {
            return BASE64URL.encodeToString(Json.MAPPER.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A P-256 coordinate as exactly 32 big-endian bytes, base64url. */
    private static String coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        if (raw.length > 32) {
            raw = Arrays.copyOfRange(raw, raw.length - 32, raw.length);
        }
        System.arraycopy(raw, 0, fixed, 32 - raw.length, raw.length);
        return BASE64URL.encodeToString(fixed);
    }
}
