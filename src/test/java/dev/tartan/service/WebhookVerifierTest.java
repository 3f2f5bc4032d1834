package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.tartan.model.WebhookVerdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each way a webhook fails verification, each in its own words; and one that passes every check. */
class WebhookVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KID = "6c5516e1-92dc-479e-a8ff-5a51992e0001";
    private static final Instant ARRIVED = Instant.parse("2026-03-02T10:15:30Z");
    /** The way Plaid writes a body: two-space indents, a space after each colon. */
    private static final String BODY = """
            {
              "environment": "sandbox",
              "item_id": "wz666MBjYWTp2PDzzggYhM6oWWmBb",
              "webhook_code": "SYNC_UPDATES_AVAILABLE",
              "webhook_type": "TRANSACTIONS"
            }""";

    static ECKey plaidKey;
    static ECKey otherKey;

    /** Plaid's keys as /webhook_verification_key/get would return them, by kid. */
    private final Map<String, WebhookVerifier.KeyAnswer> plaidKeys = new HashMap<>();
    private final List<String> askedFor = new java.util.ArrayList<>();
    private final WebhookVerifier verifier = new WebhookVerifier((kid, environment) -> {
        askedFor.add(kid + "/" + environment);
        return plaidKeys.getOrDefault(kid, new WebhookVerifier.Unknown(List.of("Local emulator")));
    });

    @BeforeAll
    static void keys() throws Exception {
        plaidKey = new ECKeyGenerator(Curve.P_256).keyID(KID).generate();
        otherKey = new ECKeyGenerator(Curve.P_256).keyID(KID).generate();
    }

    private void plaidKnows(ECKey key, Instant expiredAt) throws Exception {
        JsonNode jwk = JSON.readTree(key.toPublicJWK().toJSONString());
        plaidKeys.put(key.getKeyID(), new WebhookVerifier.Found(jwk, "Local emulator", expiredAt));
    }

    private static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, Instant issuedAt, String body) throws Exception {
        JWSHeader header = new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issueTime(Date.from(issuedAt))
                .claim("request_body_sha256", WebhookVerifier.sha256Hex(body.getBytes(StandardCharsets.UTF_8))).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String signedByPlaid(Instant issuedAt, String body) throws Exception {
        return sign(new ECDSASigner(plaidKey), JWSAlgorithm.ES256, KID, issuedAt, body);
    }

    private WebhookVerdict verify(String body, String header) {
        return verifier.verify(body.getBytes(StandardCharsets.UTF_8), header, ARRIVED, WebhookVerifier.When.RECEIVED);
    }

    private static List<String> names(WebhookVerdict verdict) {
        return verdict.checks().stream().map(WebhookVerdict.Check::name).toList();
    }

    @Test
    void aWebhookPlaidSignedPassesEveryCheck() throws Exception {
        plaidKnows(plaidKey, null);
        WebhookVerdict verdict = verify(BODY, signedByPlaid(ARRIVED.minusSeconds(3), BODY));

        assertThat(verdict.verified()).as(verdict.checks().toString()).isTrue();
        assertThat(names(verdict)).containsExactly(WebhookVerdict.HEADER, WebhookVerdict.ALGORITHM, WebhookVerdict.KEY,
                WebhookVerdict.SIGNATURE, WebhookVerdict.AGE, WebhookVerdict.BODY);
        assertThat(verdict.check(WebhookVerdict.ALGORITHM).words()).isEqualTo("the header uses ES256, as Plaid's do");
        assertThat(verdict.check(WebhookVerdict.KEY).words()).contains(KID).contains("is Plaid's").contains("\"Local emulator\"");
        assertThat(verdict.check(WebhookVerdict.AGE).words()).isEqualTo("signed 3 seconds before it arrived");
        assertThat(verdict.check(WebhookVerdict.BODY).words()).startsWith("the body is exactly what was signed");
        // The key is asked for by the kid, with the webhook's own environment to pick the profile.
        assertThat(askedFor).containsExactly(KID + "/sandbox");
    }

    @Test
    void aBodyChangedAfterSigningFails() throws Exception {
        plaidKnows(plaidKey, null);
        String header = signedByPlaid(ARRIVED.minusSeconds(1), BODY);
        WebhookVerdict verdict = verify(BODY.replace("SYNC_UPDATES_AVAILABLE", "DEFAULT_UPDATE"), header);

        assertThat(verdict.verified()).isFalse();
        assertThat(verdict.check(WebhookVerdict.SIGNATURE).passed()).isTrue();
        WebhookVerdict.Check body = verdict.check(WebhookVerdict.BODY);
        assertThat(body.passed()).isFalse();
        assertThat(body.words()).startsWith("the body was changed after signing (its SHA-256 is ");
        assertThat(verdict.firstFailure()).isEqualTo(body.words());
    }

    @Test
    void theSameJsonWithOtherWhitespaceIsToldApart() throws Exception {
        plaidKnows(plaidKey, null);
        String header = signedByPlaid(ARRIVED.minusSeconds(1), BODY);
        String compact = JSON.readTree(BODY).toString();
        WebhookVerdict verdict = verify(compact, header);

        assertThat(verdict.check(WebhookVerdict.BODY).passed()).isFalse();
        assertThat(verdict.check(WebhookVerdict.BODY).words())
                .startsWith("the body was changed after signing: it is the same JSON with other whitespace");
    }

    @Test
    void aWebhookSignedMoreThanFiveMinutesBeforeItArrivedFails() throws Exception {
        plaidKnows(plaidKey, null);
        WebhookVerdict verdict = verify(BODY, signedByPlaid(ARRIVED.minus(Duration.ofMinutes(17)), BODY));

        assertThat(verdict.verified()).isFalse();
        WebhookVerdict.Check age = verdict.check(WebhookVerdict.AGE);
        assertThat(age.passed()).isFalse();
        assertThat(age.words()).startsWith("signed 17 minutes before it arrived: older than 5 minutes");
        // Everything else about it holds: only its age fails.
        assertThat(verdict.checks()).filteredOn(check -> !check.passed()).containsExactly(age);
        // Pasted for support work, the age is measured to now.
        WebhookVerdict pasted = verifier.verify(BODY.getBytes(StandardCharsets.UTF_8), signedByPlaid(ARRIVED.minus(Duration.ofMinutes(17)), BODY),
                ARRIVED, WebhookVerifier.When.NOW);
        assertThat(pasted.check(WebhookVerdict.AGE).words()).startsWith("signed 17 minutes ago");
    }

    @Test
    void fourMinutesIsYoungEnough() throws Exception {
        plaidKnows(plaidKey, null);
        WebhookVerdict verdict = verify(BODY, signedByPlaid(ARRIVED.minus(Duration.ofMinutes(4)), BODY));
        assertThat(verdict.check(WebhookVerdict.AGE)).isEqualTo(WebhookVerdict.Check.pass(WebhookVerdict.AGE, "signed 4 minutes before it arrived"));
        assertThat(verdict.verified()).isTrue();
    }

    @Test
    void aKeyPlaidDoesNotKnowIsNotPlaids() throws Exception {
        ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID("f0e1d2c3-0000-4000-8000-000000000000").generate();
        String header = sign(new ECDSASigner(foreign), JWSAlgorithm.ES256, foreign.getKeyID(), ARRIVED.minusSeconds(1), BODY);
        WebhookVerdict verdict = verify(BODY, header);

        assertThat(verdict.verified()).isFalse();
        assertThat(names(verdict)).containsExactly(WebhookVerdict.HEADER, WebhookVerdict.ALGORITHM, WebhookVerdict.KEY);
        assertThat(verdict.check(WebhookVerdict.KEY).words()).isEqualTo("the key f0e1d2c3-0000-4000-8000-000000000000 is not Plaid's: "
                + "/webhook_verification_key/get does not know it (asked for \"Local emulator\")");
    }

    @Test
    void aSignatureByAnotherKeyUnderPlaidsKidDoesNotMatch() throws Exception {
        plaidKnows(plaidKey, null);
        String header = sign(new ECDSASigner(otherKey), JWSAlgorithm.ES256, KID, ARRIVED.minusSeconds(1), BODY);
        WebhookVerdict verdict = verify(BODY, header);

        assertThat(verdict.check(WebhookVerdict.KEY).passed()).isTrue();
        assertThat(verdict.check(WebhookVerdict.SIGNATURE).passed()).isFalse();
        assertThat(verdict.check(WebhookVerdict.SIGNATURE).words()).isEqualTo("the signature does not match Plaid's key " + KID
                + ": the header was signed with another key, or changed after signing");
        // Claims under a signature that does not hold are not judged.
        assertThat(verdict.check(WebhookVerdict.AGE)).isNull();
        assertThat(verdict.check(WebhookVerdict.BODY)).isNull();
    }

    @Test
    void aHeaderThatIsNotEs256IsRejectedByItsAlgorithm() throws Exception {
        plaidKnows(plaidKey, null);
        String header = sign(new MACSigner("a shared secret that is at least thirty-two bytes long"), JWSAlgorithm.HS256, KID,
                ARRIVED.minusSeconds(1), BODY);
        WebhookVerdict verdict = verify(BODY, header);

        assertThat(verdict.verified()).isFalse();
        assertThat(verdict.check(WebhookVerdict.ALGORITHM).words()).isEqualTo("the header uses HS256, not ES256");
        assertThat(names(verdict)).containsExactly(WebhookVerdict.HEADER, WebhookVerdict.ALGORITHM);
        assertThat(askedFor).as("no key is fetched for a header that is not ES256").isEmpty();
    }

    @Test
    void anUnsignedTokenIsRejectedByItsAlgorithm() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issueTime(Date.from(ARRIVED))
                .claim("request_body_sha256", WebhookVerifier.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8))).build();
        WebhookVerdict verdict = verify(BODY, new PlainJWT(claims).serialize());
        assertThat(verdict.check(WebhookVerdict.ALGORITHM).words()).isEqualTo("the header uses none, not ES256");
    }

    @Test
    void noHeaderOrGarbageSaysSo() {
        assertThat(verify(BODY, null).firstFailure()).startsWith("there is no Plaid-Verification header");
        assertThat(verify(BODY, "not a jwt").firstFailure()).startsWith("the Plaid-Verification header is not a signed JWT");
    }

    @Test
    void anExpiredKeyNoLongerVerifies() throws Exception {
        Instant expired = ARRIVED.minus(Duration.ofDays(1));
        plaidKnows(plaidKey, expired);
        WebhookVerdict verdict = verify(BODY, signedByPlaid(ARRIVED.minusSeconds(1), BODY));
        assertThat(verdict.check(WebhookVerdict.KEY).words()).isEqualTo("the key " + KID + " expired at " + expired
                + ": Plaid no longer signs with it");
    }

    @Test
    void aKeyThatCouldNotBeHadSaysWhy() throws Exception {
        plaidKeys.put(KID, new WebhookVerifier.Unavailable("\"Sandbox\" got no answer within 20 s"));
        WebhookVerdict verdict = verify(BODY, signedByPlaid(ARRIVED.minusSeconds(1), BODY));
        assertThat(verdict.check(WebhookVerdict.KEY).words()).isEqualTo("the key " + KID
                + " could not be had from Plaid: \"Sandbox\" got no answer within 20 s");
    }

    @Test
    void spansReadNaturally() {
        assertThat(WebhookVerifier.span(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(WebhookVerifier.span(Duration.ofSeconds(75))).isEqualTo("75 seconds");
        assertThat(WebhookVerifier.span(Duration.ofMinutes(17).plusSeconds(20))).isEqualTo("17 minutes");
        assertThat(WebhookVerifier.span(Duration.ofHours(5))).isEqualTo("5 hours");
        assertThat(WebhookVerifier.span(Duration.ofDays(3))).isEqualTo("3 days");
    }
}
