package dev.tartan.emulator;

import java.util.Locale;

/**
 * Share of requests the emulator fails on purpose, to exercise a client's retry and error paths:
 * {@code rate429} answers RATE_LIMIT_EXCEEDED (HTTP 429), {@code rate500} answers
 * INTERNAL_SERVER_ERROR (HTTP 500) and {@code dropRate} closes the connection without any answer.
 * Each is a probability between 0 and 1; together they may not exceed 1.
 */
public record FailRates(double rate429, double rate500, double dropRate) {

    public static final FailRates NONE = new FailRates(0, 0, 0);

    public FailRates {
        check("429", rate429);
        check("500", rate500);
        check("drop", dropRate);
        if (rate429 + rate500 + dropRate > 1.0 + 1e-9) {
            throw new IllegalArgumentException("fail rates add up to more than 1");
        }
    }

    private static void check(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("fail rate " + name + " must be between 0 and 1 (got " + rate + ")");
        }
    }

    /** Reads {@code 429=0.05,500=0.01,drop=0.01}; keys may be left out and then count as 0. */
    public static FailRates parse(String text) {
        double r429 = 0;
        double r500 = 0;
        double drop = 0;
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("fail rate '" + part.trim() + "' must look like KEY=RATE, with KEY 429, 500 or drop");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            double rate;
            try {
                rate = Double.parseDouble(part.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fail rate for '" + key + "' must be a number between 0 and 1 (got '"
                        + part.substring(eq + 1).trim() + "')");
            }
            switch (key) {
                case "429" -> r429 = rate;
                case "500" -> r500 = rate;
                case "drop" -> drop = rate;
                default -> throw new IllegalArgumentException("unknown fail rate '" + key + "': use 429, 500 or drop");
            }
        }
        return new FailRates(r429, r500, drop);
    }

    public boolean isNone() {
        return rate429 == 0 && rate500 == 0 && dropRate == 0;
    }
}
