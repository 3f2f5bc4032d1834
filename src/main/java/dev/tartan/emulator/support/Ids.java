package dev.tartan.emulator.support;

import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh identifiers in Plaid's shapes: 37-character base62 object ids, 15-character request ids,
 * and {@code <kind>-sandbox-<uuid>} tokens. Random, so they never collide across restarts. Tokens
 * come from a secure generator; ids, which only need to be distinct, from a fast per-thread one
 * (a shared secure generator is a point of contention at thousands of requests per second).
 */
public final class Ids {
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {
    }

    /** An object id such as an item_id or account_id. */
    public static String objectId() {
        return base62(37);
    }

    public static String requestId() {
        return base62(15);
    }

    /** A token of a kind Plaid prefixes: access, public, link, processor, ... */
    public static String token(String kind) {
        return kind + "-sandbox-" + UUID.randomUUID();
    }

    public static String base62(int length) {
        Random random = ThreadLocalRandom.current();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE62[random.nextInt(BASE62.length)];
        }
        return new String(out);
    }

    public static String hex(int length) {
        Random random = ThreadLocalRandom.current();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = HEX[random.nextInt(HEX.length)];
        }
        return new String(out);
    }

    /** A deterministic base62 id of {@code length} characters derived from {@code seed}. */
    public static String base62(long seed, int length) {
        char[] out = new char[length];
        long state = seed;
        for (int i = 0; i < length; i++) {
            state = Mix.next(state);
            out[i] = BASE62[(int) Long.remainderUnsigned(Mix.value(state), BASE62.length)];
        }
        return new String(out);
    }

    /**
     * A new value shaped like {@code original}: a UUID stays a UUID, a word prefix such as
     * {@code access-sandbox-} or {@code ins_} is kept, and every other letter or digit is redrawn
     * from the same class (hex stays hex).
     */
    public static String freshLike(String original) {
        if (isUuid(original)) {
            return UUID.randomUUID().toString();
        }
        StringBuilder out = new StringBuilder(original.length());
        int start = 0;
        for (int i = 0; i <= original.length(); i++) {
            if (i == original.length() || original.charAt(i) == '-' || original.charAt(i) == '_') {
                String segment = original.substring(start, i);
                out.append(isWord(segment) ? segment : redraw(segment));
                if (i < original.length()) {
                    out.append(original.charAt(i));
                }
                start = i + 1;
            }
        }
        return out.toString();
    }

    private static boolean isUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isWord(String segment) {
        return !segment.isEmpty() && segment.length() <= 12 && segment.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    private static String redraw(String segment) {
        Random random = ThreadLocalRandom.current();
        boolean hex = segment.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
        StringBuilder out = new StringBuilder(segment.length());
        for (char c : segment.toCharArray()) {
            if (hex) {
                out.append(HEX[random.nextInt(16)]);
            } else if (c >= '0' && c <= '9') {
                out.append((char) ('0' + random.nextInt(10)));
            } else if (c >= 'a' && c <= 'z') {
                out.append((char) ('a' + random.nextInt(26)));
            } else if (c >= 'A' && c <= 'Z') {
                out.append((char) ('A' + random.nextInt(26)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
