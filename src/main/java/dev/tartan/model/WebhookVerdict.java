package dev.tartan.model;

import java.util.List;

/**
 * Whether a webhook is Plaid's and unchanged, check by check (as Plaid documents webhook
 * verification: an ES256 JWT in Plaid-Verification, its key by kid, the signature, iat no older than
 * five minutes, the body's SHA-256), each in words a support engineer can repeat to a customer.
 */
public record WebhookVerdict(List<Check> checks) {

    /** The names of the checks, in the order they are made. */
    public static final String HEADER = "Header";
    public static final String ALGORITHM = "Algorithm";
    public static final String KEY = "Key";
    public static final String SIGNATURE = "Signature";
    public static final String AGE = "Age";
    public static final String BODY = "Body";

    private static final WebhookVerdict PENDING = new WebhookVerdict(List.of());

    public WebhookVerdict {
        checks = List.copyOf(checks);
    }

    /** The verdict of a webhook received but not checked yet. */
    public static WebhookVerdict pending() {
        return PENDING;
    }

    /** Verified when there were checks and every one passed. */
    public boolean verified() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    /** Not checked yet (no checks made). */
    public boolean isPending() {
        return checks.isEmpty();
    }

    /** The check with this name, or null when it was not made. */
    public Check check(String name) {
        return checks.stream().filter(check -> check.name().equals(name)).findFirst().orElse(null);
    }

    /** The words of the first failed check ("the body was changed after signing"), or null when none failed. */
    public String firstFailure() {
        return checks.stream().filter(check -> !check.passed()).map(Check::words).findFirst().orElse(null);
    }

    /** "verified", "not checked yet", or the first failure's words. */
    public String summary() {
        if (isPending()) {
            return "not checked yet";
        }
        return verified() ? "verified" : firstFailure();
    }

    /** One check: what was checked, whether it passed, and what was found ("signed 17 minutes ago"). */
    public record Check(String name, boolean passed, String words) {

        public static Check pass(String name, String words) {
            return new Check(name, true, words);
        }

        public static Check fail(String name, String words) {
            return new Check(name, false, words);
        }
    }
}
