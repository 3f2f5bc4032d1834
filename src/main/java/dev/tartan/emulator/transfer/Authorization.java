package dev.tartan.emulator.transfer;

import java.time.Duration;
import java.time.Instant;

/** A transfer authorization: its decision, and whether it was cancelled or used. */
final class Authorization {
    /** Approved authorizations lapse an hour after they were made, unless used. */
    static final Duration LIFETIME = Duration.ofHours(1);

    final Fact.Authorized made;
    boolean cancelled;
    Transfer transfer;

    Authorization(Fact.Authorized made) {
        this.made = made;
    }

    String id() {
        return made.authorizationId();
    }

    Proposal proposal() {
        return made.proposal();
    }

    Instant expiresAt() {
        return made.created().plus(LIFETIME);
    }

    /** Approved, not cancelled, not yet used, and not lapsed at {@code now}. */
    boolean usableAt(Instant now) {
        return made.verdict().isApproved() && !cancelled && transfer == null && now.isBefore(expiresAt());
    }
}
