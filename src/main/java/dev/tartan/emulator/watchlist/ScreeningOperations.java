package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.wire.OperationRequest;

import java.util.List;

/**
 * Screenings of both kinds: {@code create}, {@code get}, {@code update}, {@code list} (filtered, oldest first,
 * with cursors) and {@code history/list} (every version, newest first, once the screening has been edited).
 */
final class ScreeningOperations {
    private final Screenings screenings;

    ScreeningOperations(Screenings screenings) {
        this.screenings = screenings;
    }

    void register(Routes routes) {
        for (Kind kind : Kind.values()) {
            routes.write(kind.path("create"), request -> create(kind, request));
            routes.read(kind.path("get"), request -> WatchlistViews.screening(screenings.require(kind, request)));
            routes.write(kind.path("update"), request -> update(kind, request));
            routes.read(kind.path("list"), request -> list(kind, request));
            routes.read(kind.path("history/list"), request -> history(kind, request));
        }
    }

    private ObjectNode create(Kind kind, OperationRequest request) {
        SearchTerms terms = screenings.terms().create(kind, request.object("search_terms"));
        return WatchlistViews.screening(screenings.create(kind, terms, request.text("client_user_id")));
    }

    private ObjectNode update(Kind kind, OperationRequest request) {
        Screening screening = screenings.require(kind, request);
        Version current = screening.current();
        JsonNode searchTerms = request.body().get("search_terms");
        boolean termsGiven = searchTerms != null && searchTerms.isObject();
        String statusText = request.text("status");
        if (termsGiven && statusText != null) {
            throw WatchlistErrors.invalid("status", "search_terms and status cannot be updated in the same request,"
                    + " since a change of search terms may change the status by itself");
        }
        SearchTerms terms = current.terms();
        boolean termsChanged = false;
        if (termsGiven) {
            SearchTerms edited = screenings.terms().update(kind, current.terms(), searchTerms);
            termsChanged = !edited.sameSearch(current.terms());
            if (termsChanged) {
                terms = edited.withVersion(current.terms().version() + 1);
            }
        }
        String assignee = current.assignee();
        boolean reset = false;
        for (JsonNode field : request.body().path("reset_fields")) {
            reset |= field.asText().equals("assignee");
        }
        String newAssignee = request.text("assignee");
        if (newAssignee != null && reset) {
            throw WatchlistErrors.invalid("reset_fields", "assignee cannot be both set and reset in one request");
        }
        if (newAssignee != null) {
            assignee = screenings.assignableUser("assignee", newAssignee).id();
        } else if (reset) {
            assignee = null;
        }
        String clientUserId = request.text("client_user_id") != null ? request.text("client_user_id") : current.clientUserId();

        Screenings.HitChanges changes = Screenings.HitChanges.NONE;
        ScreeningStatus status = current.status();
        if (statusText != null) {
            status = ScreeningStatus.fromWire(statusText);
        } else if (termsChanged && current.status() != ScreeningStatus.REJECTED) {
            // Rejected customers receive no new hits; anyone else is screened again with the new terms.
            changes = screenings.rescreen(screening, terms);
            status = Screenings.settledAfter(screening, changes);
        }
        Version next = new Version(terms, assignee, status, clientUserId, AuditTrail.api(screenings.watchlist().now()));
        screenings.change(screening, next, changes);
        return WatchlistViews.screening(screening);
    }

    private ObjectNode list(Kind kind, OperationRequest request) {
        Program program = screenings.program(kind, kind.programIdField, request.requiredText(kind.programIdField), false);
        String clientUserId = request.text("client_user_id");
        String statusText = request.text("status");
        ScreeningStatus status = statusText == null ? null : ScreeningStatus.fromWire(statusText);
        String assignee = request.text("assignee");
        if (assignee != null) {
            screenings.knownUser("assignee", assignee);
        }
        List<Screening> all = screenings.watchlist().book().screenings(kind);
        int start = Cursors.position(request, 0);
        ObjectNode body = Json.object();
        ArrayNode page = body.putArray(kind.screeningsField);
        String next = null;
        for (int i = start; i < all.size(); i++) {
            Version version = all.get(i).current();
            boolean matches = version.terms().programId().equals(program.id())
                    && (clientUserId == null || clientUserId.equals(version.clientUserId()))
                    && (status == null || status == version.status())
                    && (assignee == null || assignee.equals(version.assignee()));
            if (!matches) {
                continue;
            }
            if (page.size() == Cursors.SCREENINGS_PAGE) {
                next = Cursors.next(i);
                break;
            }
            page.add(WatchlistViews.screening(all.get(i), version));
        }
        body.put("next_cursor", next);
        return body;
    }

    /** Every version, newest first; nothing while the screening has never been edited, as Plaid documents. */
    private ObjectNode history(Kind kind, OperationRequest request) {
        Screening screening = screenings.require(kind, request);
        List<Version> versions = screening.versions;
        ObjectNode body = Json.object();
        ArrayNode page = body.putArray(kind.screeningsField);
        String next = null;
        if (versions.size() > 1) {
            int start = Math.min(Cursors.position(request, versions.size() - 1), versions.size() - 1);
            int i = start;
            for (; i >= 0 && page.size() < Cursors.PAGE; i--) {
                page.add(WatchlistViews.screening(screening, versions.get(i)));
            }
            next = i >= 0 ? Cursors.next(i) : null;
        }
        body.put("next_cursor", next);
        return body;
    }
}
