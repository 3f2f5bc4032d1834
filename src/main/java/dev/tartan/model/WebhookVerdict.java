package dev.tartan.model;

import java.util.List;

/**
 * Whether a webhook is Plaid's and unchanged, check by check (as Plaid documents webhook
 * verification: an ES256 JWT in Plaid-Verification, its key by kid, the signature, iat no older than
 * five minutes, the body's SHA-256), each in words a support engineer can repeat to a customer.
 */
public record WebhookVerdict(List<Check> checks) {

    public WebhookVerdict {
        checks = List.copyOf(checks);
    }

    /** Verified when there were checks and every one passed. */
    public boolean verified() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    /** One check: what was checked, whether it passed, and what was found ("signed 17 minutes ago"). */
    public record Check(String name, boolean passed, String words) {
    }
}
