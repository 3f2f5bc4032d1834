package dev.tartan.model;

import java.util.OptionalLong;

/**
 * What checking the audit log's hash chain found.
 *
 * @param entriesChecked how many entries were read
 * @param firstBrokenSeq the first entry whose link is broken, if any
 * @param problem        what is wrong with that entry, or null when the chain is intact
 */
public record AuditVerification(long entriesChecked, OptionalLong firstBrokenSeq, String problem) {

    public static AuditVerification intact(long entries) {
        return new AuditVerification(entries, OptionalLong.empty(), null);
    }

    public static AuditVerification brokenAt(long entriesChecked, long seq, String problem) {
        return new AuditVerification(entriesChecked, OptionalLong.of(seq), problem);
    }

    public boolean isIntact() {
        return firstBrokenSeq.isEmpty();
    }
}
