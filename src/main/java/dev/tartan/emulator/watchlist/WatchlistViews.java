package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Monitor's objects as the API shows them, field for field as the spec's schemas name them. */
final class WatchlistViews {
    private WatchlistViews() {
    }

    /** An ISO 8601 timestamp to the second ({@code 2020-07-24T03:26:02Z}), or null. */
    static String timestamp(Instant at) {
        return at == null ? null : DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    static ObjectNode audit(AuditTrail audit) {
        return Json.object().put("source", audit.source()).put("dashboard_user_id", audit.dashboardUserId())
                .put("timestamp", timestamp(audit.timestamp()));
    }

    /** A screening as it stood in {@code version}: the body of get, create and update, and an item of list and history/list. */
    static ObjectNode screening(Screening screening, Version version) {
        ObjectNode body = Json.object();
        body.put("id", screening.id);
        body.set("search_terms", searchTerms(screening.kind, version.terms()));
        body.put("assignee", version.assignee());
        body.put("status", version.status().wire());
        body.put("client_user_id", version.clientUserId());
        body.set("audit_trail", audit(version.audit()));
        return body;
    }

    static ObjectNode screening(Screening screening) {
        return screening(screening, screening.current());
    }

    static ObjectNode searchTerms(Kind kind, SearchTerms terms) {
        ObjectNode body = Json.object();
        body.put(kind.programIdField, terms.programId());
        body.put("legal_name", terms.legalName());
        if (kind == Kind.INDIVIDUAL) {
            body.put("date_of_birth", terms.dateOfBirth() == null ? null : terms.dateOfBirth().toString());
        }
        body.put("document_number", terms.documentNumber());
        if (kind == Kind.ENTITY) {
            body.put("email_address", terms.emailAddress());
        }
        body.put("country", terms.country());
        if (kind == Kind.ENTITY) {
            body.put("phone_number", terms.phoneNumber());
            body.put("url", terms.url());
        }
        body.put("version", terms.version());
        return body;
    }

    static ObjectNode hit(Hit hit) {
        ObjectNode body = Json.object();
        body.put("id", hit.id);
        body.put("review_status", hit.status.wire());
        body.setAll(hit.body.deepCopy());
        return body;
    }

    static ObjectNode review(Review review) {
        ObjectNode body = Json.object();
        body.put("id", review.id());
        ArrayNode confirmed = body.putArray("confirmed_hits");
        review.confirmedHits().forEach(confirmed::add);
        ArrayNode dismissed = body.putArray("dismissed_hits");
        review.dismissedHits().forEach(dismissed::add);
        body.put("comment", review.comment());
        body.set("audit_trail", audit(review.audit()));
        return body;
    }

    static ObjectNode program(Program program) {
        ObjectNode body = Json.object();
        body.put("id", program.id());
        body.put("created_at", timestamp(program.createdAt()));
        body.put("is_rescanning_enabled", program.rescanning());
        ArrayNode lists = body.putArray("lists_enabled");
        program.lists().forEach(lists::add);
        body.put("name", program.name());
        body.put("name_sensitivity", program.sensitivity().wire());
        body.set("audit_trail", audit(program.audit()));
        body.put("is_archived", program.archived());
        return body;
    }

    static ObjectNode user(DashboardUser user) {
        return Json.object().put("id", user.id()).put("created_at", timestamp(user.createdAt()))
                .put("email_address", user.emailAddress()).put("status", user.status());
    }
}
