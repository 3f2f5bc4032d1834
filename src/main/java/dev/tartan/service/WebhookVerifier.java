package dev.tartan.service;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tartan.model.WebhookVerdict;
import dev.tartan.model.WebhookVerdict.Check;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Verifies a webhook as Plaid documents it (api_webhooks_webhook-verification.md), check by check,
 * each told in words: the {@code Plaid-Verification} header is a JWT whose algorithm is ES256; its
 * key, found by {@code kid}, is Plaid's; the signature matches that key; {@code iat} is no more than
 * five minutes old; and the body's SHA-256 equals {@code request_body_sha256} (compared in constant
 * time). Checks stop at the first failure up to the signature: the claims of a token Plaid did not
 * sign say nothing. The JWT is parsed and checked with Nimbus JOSE + JWT.
 */
public final class WebhookVerifier {

    /** How old a webhook's {@code iat} may be. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The whitespace Plaid (and the emulator) send: two-space indents, a space after each colon. */
    private static final DefaultPrettyPrinter PLAID_STYLE = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    /** Where verification keys come from (Plaid's /webhook_verification_key/get, through a cache). */
    public interface Keys {
        /**
         * The key with id {@code kid}.
         *
         * @param environment the webhook's own {@code environment} ("sandbox", "production"), to ask the right profiles first; may be null
         */
        KeyAnswer find(String kid, String environment);
    }

    /** What asking for a key found. */
    public sealed interface KeyAnswer {
    }

    /**
     * Plaid knows the key.
     *
     * @param jwk       the key as /webhook_verification_key/get returned it
     * @param profile   the profile whose Plaid returned it
     * @param expiredAt when Plaid stopped signing with it, or null
     */
    public record Found(JsonNode jwk, String profile, Instant expiredAt) implements KeyAnswer {
    }

    /** No profile's Plaid knows the key. */
    public record Unknown(List<String> profilesAsked) implements KeyAnswer {
    }

    /** The key could not be had (no answer, no profile to ask). */
    public record Unavailable(String reason) implements KeyAnswer {
    }

    /** How the verdict speaks of the time: the webhook's arrival ("before it arrived") or the present ("ago"). */
    public enum When {
        RECEIVED(" before it arrived"), NOW(" ago");

        private final String words;

        When(String words) {
            this.words = words;
        }
    }

    /** A key made ready to check signatures with, for the JWK it was made from. */
    private record Ready(JsonNode jwk, ECDSAVerifier verifier) {
    }

    private final Keys keys;
    /** By kid: parsing a JWK and making its verifier costs more than checking a signature. */
    private final java.util.Map<String, Ready> ready = new java.util.concurrent.ConcurrentHashMap<>();

    public WebhookVerifier(Keys keys) {
        this.keys = keys;
    }

    /**
     * The verdict on {@code body} (its exact bytes) signed by {@code header}.
     *
     * @param at   when the webhook arrived (or now, for one pasted), against which iat is measured
     * @param when how the verdict speaks of {@code at}
     */
    public WebhookVerdict verify(byte[] body, String header, Instant at, When when) {
        List<Check> checks = new ArrayList<>();
        run(body, header, at, when, checks);
        return new WebhookVerdict(checks);
    }

    private void run(byte[] body, String header, Instant at, When when, List<Check> checks) {
        if (header == null || header.isBlank()) {
            checks.add(Check.fail(WebhookVerdict.HEADER, "there is no Plaid-Verification header: the webhook was not signed "
                    + "(Plaid signs every webhook it sends)"));
            return;
        }
        String token = header.strip();
        Algorithm algorithm = algorithmOf(token);
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            if (algorithm != null && !JWSAlgorithm.ES256.equals(algorithm)) {
                checks.add(Check.pass(WebhookVerdict.HEADER, "the Plaid-Verification header holds a JWT"));
                checks.add(Check.fail(WebhookVerdict.ALGORITHM, "the header uses " + algorithm.getName() + ", not ES256"));
            } else {
                checks.add(Check.fail(WebhookVerdict.HEADER, "the Plaid-Verification header is not a signed JWT ("
                        + e.getMessage() + ")"));
            }
            return;
        }
        String kid = jwt.getHeader().getKeyID();
        checks.add(Check.pass(WebhookVerdict.HEADER, "the Plaid-Verification header holds a signed JWT"
                + (kid == null ? "" : " naming the key " + kid)));

        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!JWSAlgorithm.ES256.equals(alg)) {
            checks.add(Check.fail(WebhookVerdict.ALGORITHM, "the header uses " + alg.getName() + ", not ES256"));
            return;
        }
        checks.add(Check.pass(WebhookVerdict.ALGORITHM, "the header uses ES256, as Plaid's do"));

        ECDSAVerifier key = key(kid, environmentOf(body), at, checks);
        if (key == null) {
            return;
        }

        try {
            if (!jwt.verify(key)) {
                checks.add(Check.fail(WebhookVerdict.SIGNATURE, "the signature does not match Plaid's key " + kid
                        + ": the header was signed with another key, or changed after signing"));
                return;
            }
        } catch (JOSEException e) {
            checks.add(Check.fail(WebhookVerdict.SIGNATURE, "the signature could not be checked: " + e.getMessage()));
            return;
        }
        checks.add(Check.pass(WebhookVerdict.SIGNATURE, "the signature matches Plaid's key " + kid));

        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            checks.add(Check.fail(WebhookVerdict.AGE, "the signed claims cannot be read: " + e.getMessage()));
            return;
        }
        checks.add(age(claims, at, when));
        checks.add(bodyCheck(claims, body));
    }

    /** The algorithm a token's header names, read without parsing the rest; null when it cannot be read. */
    private static Algorithm algorithmOf(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            return Header.parse(new Base64URL(token.substring(0, dot))).getAlgorithm();
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    /** The key named by {@code kid}, with the key check added; null (with the check failed) when there is none to use. */
    private ECDSAVerifier key(String kid, String environment, Instant at, List<Check> checks) {
        if (kid == null || kid.isBlank()) {
            checks.add(Check.fail(WebhookVerdict.KEY, "the header names no key (it has no kid), so it is not Plaid's"));
            return null;
        }
        KeyAnswer answer = keys.find(kid, environment);
        if (answer instanceof Unknown unknown) {
            checks.add(Check.fail(WebhookVerdict.KEY, "the key " + kid + " is not Plaid's: /webhook_verification_key/get "
                    + (unknown.profilesAsked().isEmpty() ? "was asked by no profile" : "does not know it (asked for "
                    + profiles(unknown.profilesAsked()) + ")")));
            return null;
        }
        if (answer instanceof Unavailable unavailable) {
            checks.add(Check.fail(WebhookVerdict.KEY, "the key " + kid + " could not be had from Plaid: " + unavailable.reason()));
            return null;
        }
        Found found = (Found) answer;
        Ready made = ready.get(kid);
        if (made == null || !made.jwk().equals(found.jwk())) {
            ECKey key;
            try {
                key = ECKey.parse(found.jwk().toString());
            } catch (ParseException e) {
                checks.add(Check.fail(WebhookVerdict.KEY, "the key " + kid + " that Plaid returned cannot be read: " + e.getMessage()));
                return null;
            }
            if (!Curve.P_256.equals(key.getCurve())) {
                checks.add(Check.fail(WebhookVerdict.KEY, "the key " + kid + " is on the curve " + key.getCurve() + ", not P-256"));
                return null;
            }
            try {
                made = new Ready(found.jwk(), new ECDSAVerifier(key));
            } catch (JOSEException e) {
                checks.add(Check.fail(WebhookVerdict.KEY, "the key " + kid + " that Plaid returned cannot check signatures: " + e.getMessage()));
                return null;
            }
            ready.put(kid, made);
        }
        if (found.expiredAt() != null && !found.expiredAt().isAfter(at)) {
            checks.add(Check.fail(WebhookVerdict.KEY, "the key " + kid + " expired at " + found.expiredAt()
                    + ": Plaid no longer signs with it"));
            return null;
        }
        checks.add(Check.pass(WebhookVerdict.KEY, "the key " + kid + " is Plaid's (from /webhook_verification_key/get of the profile \""
                + found.profile() + "\")"));
        return made.verifier();
    }

    private static String profiles(List<String> names) {
        return names.stream().map(name -> "\"" + name + "\"").reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static Check age(JWTClaimsSet claims, Instant at, When when) {
        if (claims.getIssueTime() == null) {
            return Check.fail(WebhookVerdict.AGE, "the signed claims have no iat (when it was signed)");
        }
        Instant issued = claims.getIssueTime().toInstant();
        Duration age = Duration.between(issued, at);
        if (age.compareTo(MAX_AGE) > 0) {
            return Check.fail(WebhookVerdict.AGE, "signed " + span(age) + when.words
                    + ": older than 5 minutes (a replay, or a webhook kept too long before it was checked)");
        }
        if (age.isNegative() && age.negated().compareTo(MAX_AGE) > 0) {
            return Check.fail(WebhookVerdict.AGE, "dated " + span(age.negated()) + " in the future: a clock is wrong");
        }
        return Check.pass(WebhookVerdict.AGE, age.isNegative() ? "signed just now (the clocks differ by " + span(age.negated()) + ")"
                : "signed " + span(age) + when.words);
    }

    private static Check bodyCheck(JWTClaimsSet claims, byte[] body) {
        Object claimed = claims.getClaim("request_body_sha256");
        if (!(claimed instanceof String expected) || expected.isBlank()) {
            return Check.fail(WebhookVerdict.BODY, "the signed claims have no request_body_sha256");
        }
        String actual = sha256Hex(body);
        byte[] expectedBytes = expected.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (MessageDigest.isEqual(expectedBytes, actual.getBytes(StandardCharsets.US_ASCII))) {
            return Check.pass(WebhookVerdict.BODY, "the body is exactly what was signed (SHA-256 " + shortHash(actual) + ")");
        }
        if (sameJsonOtherWhitespace(body, expectedBytes)) {
            return Check.fail(WebhookVerdict.BODY, "the body was changed after signing: it is the same JSON with other whitespace "
                    + "(Plaid hashes the exact bytes it sent, indented by two spaces)");
        }
        return Check.fail(WebhookVerdict.BODY, "the body was changed after signing (its SHA-256 is " + shortHash(actual)
                + "\u2026, the signature is for " + shortHash(expected.strip()) + "\u2026)");
    }

    /** Whether the body, written the way Plaid writes it (or compactly), has the signed hash. */
    private static boolean sameJsonOtherWhitespace(byte[] body, byte[] expectedHex) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null) {
                return false;
            }
            for (byte[] rewritten : List.of(JSON.writer(PLAID_STYLE).writeValueAsBytes(json), JSON.writeValueAsBytes(json))) {
                if (MessageDigest.isEqual(expectedHex, sha256Hex(rewritten).getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The webhook's own environment field, to ask the right profiles first; null when it has none. */
    private static String environmentOf(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.path("environment").isTextual() ? json.path("environment").asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String shortHash(String hex) {
        return hex.length() <= 12 ? hex : hex.substring(0, 12);
    }

    /** "17 minutes", "45 seconds", "3 hours", "2 days". */
    static String span(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 1) {
            return "less than a second";
        }
        if (seconds < 90) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 90) {
            return minutes + " minutes";
        }
        long hours = Math.round(seconds / 3600.0);
        if (hours < 48) {
            return hours + " hours";
        }
        return Math.round(seconds / 86400.0) + " days";
    }
}
