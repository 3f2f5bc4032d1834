package dev.tartan.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Which token each mask in a masked body stood for, without keeping the token: a mask
 * ({@code access-sandbox-••••1f2e}) names a prefix and four characters that other tokens can share,
 * so the history keeps each mask's SHA-256 fingerprint of the whole token too, and "Run again" fills
 * a mask only with the token whose fingerprint it is.
 */
public final class TokenFingerprints {

    private TokenFingerprints() {
    }

    /**
     * Each mask of {@code text}'s tokens with its token's fingerprint. A mask that two different tokens
     * of the text share is left out: it cannot say which one it was.
     */
    public static Map<String, String> of(String text) {
        Map<String, String> byMask = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        if (text == null) {
            return Map.of();
        }
        Matcher tokens = TokenKind.TOKEN.matcher(text);
        while (tokens.find()) {
            String mask = Masking.maskToken(tokens.group());
            String fingerprint = fingerprint(tokens.group());
            String earlier = byMask.putIfAbsent(mask, fingerprint);
            if (earlier != null && !earlier.equals(fingerprint)) {
                ambiguous.add(mask);
            }
        }
        ambiguous.forEach(byMask::remove);
        return Map.copyOf(byMask);
    }

    /** The fingerprint of one token: its SHA-256 in hex. */
    public static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
