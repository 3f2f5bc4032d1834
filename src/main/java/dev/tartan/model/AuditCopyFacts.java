package dev.tartan.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * What Tartan keeps beside an audit copy token in the token book (its entry's owner is the
 * asset_report_id of its report): who it was made for, and whether it still works.
 *
 * @param auditorId the auditor it was made for ("fannie_mae", "freddie_mac", ...), or null
 * @param removed   whether it was removed (or its report was): Plaid refuses it since
 * @param removedAt when that happened, or null
 */
public record AuditCopyFacts(String auditorId, boolean removed, Instant removedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The facts an audit copy entry keeps (none: an active copy of an unknown auditor). */
    public static AuditCopyFacts of(TokenEntry entry) {
        String notes = entry == null ? null : entry.notes();
        if (notes == null || !notes.strip().startsWith("{")) {
            return new AuditCopyFacts(entry == null ? null : entry.label(), false, null);
        }
        try {
            JsonNode facts = JSON.readTree(notes).path("audit_copy");
            return new AuditCopyFacts(facts.hasNonNull("auditor_id") ? facts.path("auditor_id").asText() : entry.label(),
                    facts.path("removed").asBoolean(false),
                    facts.hasNonNull("removed_at") ? Instant.parse(facts.path("removed_at").asText()) : null);
        } catch (JsonProcessingException | java.time.format.DateTimeParseException e) {
            return new AuditCopyFacts(entry.label(), false, null);
        }
    }

    /** These facts, the copy removed at {@code at}. */
    public AuditCopyFacts removedAt(Instant at) {
        return new AuditCopyFacts(auditorId, true, at);
    }

    public String toNotes() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode facts = root.putObject("audit_copy");
        if (auditorId != null) {
            facts.put("auditor_id", auditorId);
        }
        facts.put("removed", removed);
        if (removedAt != null) {
            facts.put("removed_at", removedAt.toString());
        }
        return root.toString();
    }
}
