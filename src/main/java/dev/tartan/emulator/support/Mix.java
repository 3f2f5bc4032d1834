package dev.tartan.emulator.support;

import java.nio.charset.StandardCharsets;

/**
 * Small, fast, deterministic hashing (SplitMix64) for generated data: the same inputs always give the
 * same numbers, so data can be recomputed on demand instead of stored.
 */
public final class Mix {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Mix() {
    }

    /** Advances a SplitMix64 state. */
    public static long next(long state) {
        return state + GOLDEN;
    }

    /** The output for a SplitMix64 state. */
    public static long value(long state) {
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A well-spread hash of two longs. */
    public static long of(long a, long b) {
        return value(value(a + GOLDEN) ^ (b * GOLDEN + 0x632BE59BD9B4E019L));
    }

    public static long of(long a, long b, long c) {
        return of(of(a, b), c);
    }

    /** A stable 64-bit hash of a string (not String.hashCode, which is only 32 bits). */
    public static long of(String text) {
        long h = 0x84222325CBF29CE4L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return value(h);
    }

    /** A number in [0, bound) from a hash. */
    public static int below(long hash, int bound) {
        return (int) Long.remainderUnsigned(hash, bound);
    }

    /** A number in [0, 1) from a hash. */
    public static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }
}
