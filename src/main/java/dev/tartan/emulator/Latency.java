package dev.tartan.emulator;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Extra time the emulator waits before answering each request, to make a loopback server feel
 * like a remote one: a fixed delay ({@code min == max}) or a uniformly drawn one between the two.
 */
public record Latency(long minMillis, long maxMillis) {

    public static final Latency NONE = new Latency(0, 0);

    public Latency {
        if (minMillis < 0 || maxMillis < minMillis) {
            throw new IllegalArgumentException(
                    "latency must be 0 or more milliseconds, with the minimum not above the maximum (got "
                            + minMillis + "-" + maxMillis + ")");
        }
    }

    /** Reads {@code MS} or {@code MIN-MAX}, both in milliseconds, as the command line takes them. */
    public static Latency parse(String text) {
        String trimmed = text.trim();
        int dash = trimmed.indexOf('-');
        try {
            if (dash < 0) {
                long fixed = Long.parseLong(trimmed);
                return new Latency(fixed, fixed);
            }
            return new Latency(Long.parseLong(trimmed.substring(0, dash).trim()),
                    Long.parseLong(trimmed.substring(dash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "latency must be MS or MIN-MAX in whole milliseconds, for example 50 or 20-200 (got '" + text + "')");
        }
    }

    public boolean isNone() {
        return maxMillis == 0;
    }

    /** One delay drawn from the range. */
    public long draw() {
        return minMillis == maxMillis ? minMillis : ThreadLocalRandom.current().nextLong(minMillis, maxMillis + 1);
    }
}
