package dev.tartan.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One state-changing action in the audit log. Entries form a hash chain: {@code hash} covers
 * {@code previousHash} and every other field, so changing or removing an entry breaks the chain.
 *
 * @param seq          position in the log, from 1 with no gaps
 * @param at           when the action happened
 * @param actor        who did it: the OS user or the configured operator name
 * @param action       what was done, e.g. {@code item.remove} or {@code profile.add}
 * @param targets      the ids it was done to (item_id, transfer_id, profile name, ...)
 * @param outcome      how it ended, e.g. {@code success} or {@code failure: ITEM_LOGIN_REQUIRED}
 * @param requestId    Plaid's request_id when a call was made, or null
 * @param previousHash the hash of the entry before (64 zeros for the first)
 * @param hash         SHA-256 (hex) of this entry's fields and {@code previousHash}
 */
public record AuditEntry(
        long seq,
        Instant at,
        String actor,
        String action,
        List<String> targets,
        String outcome,
        String requestId,
        String previousHash,
        String hash) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
