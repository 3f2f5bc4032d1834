package dev.tartan.service;

import dev.tartan.model.AuditEntry;
import dev.tartan.model.Screening;
import dev.tartan.model.ScreeningEvent;
import dev.tartan.model.ScreeningReview;
import dev.tartan.model.ScreeningTerms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A screening's story from what Plaid keeps (its versions and reviews) and what Tartan's audit log
 * recorded of the actions taken on it here: each version says what changed since the one before.
 */
final class ScreeningTimeline {

    private ScreeningTimeline() {
    }

    /**
     * @param versions the screening's versions as history/list gives them, newest first (none when it was
     *                 never edited, as Plaid documents)
     * @param users    Dashboard user ids to their emails
     */
    static List<ScreeningEvent> of(Screening current, List<Screening> versions, List<ScreeningReview> reviews, List<AuditEntry> recorded,
                                   Map<String, String> users) {
        // history/list gives the versions newest first; timestamps may tie within a second, so its order decides.
        List<Screening> oldestFirst = new ArrayList<>(versions);
        java.util.Collections.reverse(oldestFirst);
        if (oldestFirst.isEmpty()) {
            oldestFirst.add(current);
        }
        oldestFirst.sort(Comparator.comparingInt((Screening version) -> version.terms().version()));
        List<ScreeningEvent> events = new ArrayList<>();
        Screening previous = null;
        for (Screening version : oldestFirst) {
            events.addAll(changes(previous, version, users));
            previous = version;
        }
        for (ScreeningReview review : reviews) {
            events.add(review(review, users));
        }
        for (AuditEntry entry : recorded) {
            if (entry.action().startsWith(WatchlistService.AUDIT_PREFIX)) {
                events.add(recorded(entry));
            }
        }
        events.sort(Comparator.comparing((ScreeningEvent event) -> event.at() == null ? Instant.MIN : event.at())
                .thenComparing(event -> event.kind() == ScreeningEvent.Kind.RECORDED ? 1 : 0));
        return List.copyOf(events);
    }

    private static List<ScreeningEvent> changes(Screening before, Screening after, Map<String, String> users) {
        String who = who(after.changeSource(), after.changedBy(), users);
        Instant at = after.changedAt();
        List<ScreeningEvent> events = new ArrayList<>();
        if (before == null) {
            events.add(new ScreeningEvent(at, ScreeningEvent.Kind.CREATED, who, "Created, " + after.status().displayName(),
                    describe(after.terms()), null, null));
            return events;
        }
        ScreeningTerms was = before.terms();
        ScreeningTerms is = after.terms();
        if (!Objects.equals(was.programId(), is.programId())) {
            events.add(new ScreeningEvent(at, ScreeningEvent.Kind.PROGRAM, who, "Program changed",
                    was.programId() + " \u2192 " + is.programId(), null, null));
        }
        if (!was.sameSearch(is) || was.version() != is.version()) {
            events.add(new ScreeningEvent(at, ScreeningEvent.Kind.SEARCH_TERMS, who, "Search terms edited (version " + is.version() + ")",
                    termChanges(was, is), null, null));
        }
        if (!Objects.equals(before.assignee(), after.assignee())) {
            events.add(new ScreeningEvent(at, ScreeningEvent.Kind.ASSIGNEE, who, after.assignee() == null ? "Unassigned"
                    : "Assigned to " + users.getOrDefault(after.assignee(), after.assignee()), "", null, null));
        }
        if (before.status() != after.status()) {
            events.add(new ScreeningEvent(at, ScreeningEvent.Kind.STATUS, who, "Status: " + before.status().displayName() + " \u2192 "
                    + after.status().displayName(), "", null, null));
        }
        if (!Objects.equals(before.clientUserId(), after.clientUserId())) {
            events.add(new ScreeningEvent(at, ScreeningEvent.Kind.CLIENT_USER_ID, who, "client_user_id changed",
                    before.clientUserId() + " \u2192 " + after.clientUserId(), null, null));
        }
        return events;
    }

    private static ScreeningEvent review(ScreeningReview review, Map<String, String> users) {
        List<String> parts = new ArrayList<>();
        if (!review.confirmedHits().isEmpty()) {
            parts.add(review.confirmedHits().size() + " confirmed");
        }
        if (!review.dismissedHits().isEmpty()) {
            parts.add(review.dismissedHits().size() + " dismissed");
        }
        String title = parts.isEmpty() ? "Review (a comment)" : "Review: " + String.join(", ", parts);
        List<String> detail = new ArrayList<>();
        if (!review.confirmedHits().isEmpty()) {
            detail.add("confirmed " + String.join(", ", review.confirmedHits()));
        }
        if (!review.dismissedHits().isEmpty()) {
            detail.add("dismissed " + String.join(", ", review.dismissedHits()));
        }
        return new ScreeningEvent(review.at(), ScreeningEvent.Kind.REVIEW, who(review.source(), review.reviewer(), users), title,
                String.join("; ", detail), review.comment(), null);
    }

    private static ScreeningEvent recorded(AuditEntry entry) {
        String comment = null;
        List<String> detail = new ArrayList<>();
        for (String target : entry.targets()) {
            if (target.startsWith("comment=")) {
                comment = target.substring("comment=".length());
            } else if (!target.contains("screening_id=")) {
                detail.add(target);
            }
        }
        String action = entry.action().substring(WatchlistService.AUDIT_PREFIX.length());
        String title = Character.toUpperCase(action.charAt(0)) + action.substring(1) + " \u00b7 " + entry.outcome();
        return new ScreeningEvent(entry.at(), ScreeningEvent.Kind.RECORDED, entry.actor() + " (in Tartan)", title,
                String.join("; ", detail), comment, entry.requestId());
    }

    /** Who made a change: a Dashboard user by email, else what made it. */
    static String who(String source, String dashboardUserId, Map<String, String> users) {
        if (dashboardUserId != null) {
            return users.getOrDefault(dashboardUserId, dashboardUserId);
        }
        if (source == null) {
            return "unknown";
        }
        return switch (source) {
            case "api" -> "the API";
            case "system" -> "Plaid (ongoing screening)";
            case "link" -> "Link";
            case "dashboard" -> "the Dashboard";
            default -> source;
        };
    }

    private static String describe(ScreeningTerms terms) {
        List<String> parts = new ArrayList<>();
        add(parts, "legal name", terms.legalName());
        add(parts, "date of birth", terms.dateOfBirth() == null ? null : terms.dateOfBirth().toString());
        add(parts, "country", terms.country());
        add(parts, "document", terms.documentNumber());
        add(parts, "email", terms.emailAddress());
        add(parts, "phone", terms.phoneNumber());
        add(parts, "website", terms.url());
        add(parts, "program", terms.programId());
        return String.join("; ", parts);
    }

    private static String termChanges(ScreeningTerms was, ScreeningTerms is) {
        List<String> parts = new ArrayList<>();
        change(parts, "legal name", was.legalName(), is.legalName());
        change(parts, "date of birth", was.dateOfBirth() == null ? null : was.dateOfBirth().toString(),
                is.dateOfBirth() == null ? null : is.dateOfBirth().toString());
        change(parts, "country", was.country(), is.country());
        change(parts, "document", was.documentNumber(), is.documentNumber());
        change(parts, "email", was.emailAddress(), is.emailAddress());
        change(parts, "phone", was.phoneNumber(), is.phoneNumber());
        change(parts, "website", was.url(), is.url());
        return parts.isEmpty() ? "screened again" : String.join("; ", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + " " + value);
        }
    }

    private static void change(List<String> parts, String name, String was, String is) {
        if (!Objects.equals(was, is)) {
            parts.add(name + ": " + (was == null ? "(none)" : was) + " \u2192 " + (is == null ? "(none)" : is));
        }
    }
}
