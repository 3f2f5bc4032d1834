package dev.tartan.api;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a repeatable call is tried again after a 429, a 5xx or a network
 * failure: exponential backoff with "equal jitter" (half the step fixed, half random), so a burst
 * of clients that failed together does not retry together.
 *
 * @param maxAttempts attempts in all, the first included
 * @param baseDelay   the wait before the second attempt, before jitter
 * @param maxDelay    the cap on any wait, a server's Retry-After included
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Whether a status is worth another attempt: rate limited, or the server failed. */
    public static boolean isRetryableStatus(int status) {
        return status == 429 || status >= 500;
    }

    /**
     * The wait before attempt {@code nextAttempt} (2 for the first retry). A server's
     * {@code retryAfter}, when given, is honoured up to {@link #maxDelay}.
     */
    public Duration delayBefore(int nextAttempt, Duration retryAfter) {
        return delayBefore(nextAttempt, retryAfter, ThreadLocalRandom.current());
    }

    /** The same, with the jitter drawn from {@code random} (tests give a seeded one). */
    Duration delayBefore(int nextAttempt, Duration retryAfter, RandomGenerator random) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
        }
        long step = baseDelay.toMillis() << Math.min(20, Math.max(0, nextAttempt - 2));
        long capped = Math.min(step, maxDelay.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }
}
