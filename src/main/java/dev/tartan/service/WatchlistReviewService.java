package dev.tartan.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidApiException;
import dev.tartan.api.PlaidJson;
import dev.tartan.api.Redactor;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.DashboardUser;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.model.ReviewPlan;
import dev.tartan.model.Screening;
import dev.tartan.model.ScreeningKind;
import dev.tartan.model.ScreeningReview;
import dev.tartan.model.ScreeningStatus;
import dev.tartan.model.ScreeningTerms;
import dev.tartan.model.WatchlistProgram;
import dev.tartan.store.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a compliance reviewer changes in Monitor: new screenings, reviews of hits, assignments,
 * programs, search terms (which screens the customer again) and statuses. Each is checked before it
 * is sent, and written to the vault's audit log with Plaid's request_id and the reviewer's comment
 * (a failure too, with its error), so it can be shown later who decided what and why.
 */
public final class WatchlistReviewService {

    private static final Logger LOG = LoggerFactory.getLogger(WatchlistReviewService.class);
    /** Plaid's limit on a review comment is not documented; a long essay is kept whole up to this. */
    static final int COMMENT_LIMIT = 4000;

    /** A review Plaid accepted, and the request that submitted it. */
    public record ReviewResult(ScreeningReview review, String requestId) {
    }

    private final CachedCalls calls;
    private final Vault vault;
    private final Executor io;
    private final Clock clock;

    public WatchlistReviewService(CachedCalls calls, Vault vault, Executor io, Clock clock) {
        this.calls = calls;
        this.vault = vault;
        this.io = io;
        this.clock = clock;
    }

    /** Screens a new customer: the reply says whether they landed in the queue (pending review) or were cleared. */
    public CompletableFuture<Screening> create(Profile profile, ScreeningKind kind, ScreeningTerms terms, String clientUserId,
                                               Consumer<CallRecord> log) {
        WatchlistService.check(kind, terms, LocalDate.now(clock));
        ObjectNode body = PlaidJson.mapper().createObjectNode();
        body.set("search_terms", termsJson(kind, terms));
        if (clientUserId != null && !clientUserId.isBlank()) {
            body.put("client_user_id", clientUserId.strip());
        }
        List<String> targets = List.of(kind.programField() + "=" + terms.programId(), "legal_name=" + terms.legalName().strip());
        CompletableFuture<PlaidResponse> call = calls.send(profile, kind.path("create"), body, log);
        return Futures.map(audited("create screening", targets, call, response -> {
            Screening created = WatchlistReplies.screening(kind, response.json());
            return List.of(kind.idField() + "=" + created.id(), "status=" + created.status().wire());
        }), response -> WatchlistReplies.screening(kind, response.json()));
    }

    /**
     * Submits a review: the plan's confirmed and dismissed hits, with the reviewer's comment (required:
     * it is what shows later why). Plaid then settles the screening's status by its rule.
     */
    public CompletableFuture<ReviewResult> review(Profile profile, Screening screening, ReviewPlan plan, String comment,
                                                  Consumer<CallRecord> log) {
        String said = requireComment(comment);
        ScreeningKind kind = screening.kind();
        ObjectNode body = WatchlistService.idBody(kind, screening.id());
        plan.confirmed().forEach(body.putArray("confirmed_hits")::add);
        if (!body.has("confirmed_hits")) {
            body.putArray("confirmed_hits");
        }
        plan.dismissed().forEach(body.withArray("dismissed_hits")::add);
        if (!body.has("dismissed_hits")) {
            body.putArray("dismissed_hits");
        }
        body.put("comment", said);
        List<String> targets = new ArrayList<>(List.of(kind.idField() + "=" + screening.id()));
        if (!plan.confirmed().isEmpty()) {
            targets.add("confirmed_hits=" + String.join(",", plan.confirmed()));
        }
        if (!plan.dismissed().isEmpty()) {
            targets.add("dismissed_hits=" + String.join(",", plan.dismissed()));
        }
        targets.add("expected_status=" + plan.outcome().wire());
        targets.add("comment=" + said);
        CompletableFuture<PlaidResponse> call = calls.send(profile, kind.path("review/create"), body, log);
        return Futures.map(audited("review", targets, call, response -> List.of("review_id=" + WatchlistReplies.text(response.json(), "id"))),
                response -> new ReviewResult(WatchlistReplies.review(response.json()), response.requestId()));
    }

    /** Assigns the screening to a reviewer, or to nobody ({@code reviewer} null). */
    public CompletableFuture<Screening> assign(Profile profile, Screening screening, DashboardUser reviewer, Consumer<CallRecord> log) {
        ScreeningKind kind = screening.kind();
        ObjectNode body = WatchlistService.idBody(kind, screening.id());
        if (reviewer == null) {
            body.putArray("reset_fields").add("assignee");
        } else {
            body.put("assignee", reviewer.id());
        }
        String to = reviewer == null ? "assignee=(nobody)" : "assignee=" + reviewer.id() + " (" + reviewer.emailAddress() + ")";
        return update(profile, screening, body, reviewer == null ? "unassign" : "assign", List.of(to), log);
    }

    /** Moves the screening to another program of its kind. */
    public CompletableFuture<Screening> changeProgram(Profile profile, Screening screening, WatchlistProgram program,
                                                      Consumer<CallRecord> log) {
        ScreeningKind kind = screening.kind();
        if (program.kind() != kind) {
            throw new IllegalArgumentException("A " + kind.word() + " screening can only move to another " + kind.word() + " program; "
                    + program.name() + " is an " + program.kind().word() + " program.");
        }
        if (program.archived()) {
            throw new IllegalArgumentException("The program " + program.name() + " is archived: it takes no screenings.");
        }
        ObjectNode body = WatchlistService.idBody(kind, screening.id());
        body.set("search_terms", termsJson(kind, screening.terms().inProgram(program.id())));
        return update(profile, screening, body, "change program", List.of("from=" + screening.programId(), "to=" + program.id()
                + " (" + program.name() + ")"), log);
    }

    /** Sets the status by hand (a cleared customer back to review, say), with the reason. */
    public CompletableFuture<Screening> changeStatus(Profile profile, Screening screening, ScreeningStatus status, String reason,
                                                     Consumer<CallRecord> log) {
        String said = requireComment(reason);
        ObjectNode body = WatchlistService.idBody(screening.kind(), screening.id());
        body.put("status", status.wire());
        return update(profile, screening, body, "change status", List.of("from=" + screening.status().wire(), "to=" + status.wire(),
                "comment=" + said), log);
    }

    /** Edits the search terms: Plaid screens the customer again with them (a rejected customer gets no new hits). */
    public CompletableFuture<Screening> editSearchTerms(Profile profile, Screening screening, ScreeningTerms terms, Consumer<CallRecord> log) {
        ScreeningKind kind = screening.kind();
        WatchlistService.check(kind, terms, LocalDate.now(clock));
        if (terms.sameSearch(screening.terms()) && terms.programId().equals(screening.programId())) {
            throw new IllegalArgumentException("The search terms are as they were: change one to screen again.");
        }
        ObjectNode body = WatchlistService.idBody(kind, screening.id());
        body.set("search_terms", termsJson(kind, terms));
        return update(profile, screening, body, "edit search terms", List.of("version=" + screening.terms().version()), log);
    }

    /**
     * Emulator extension: plays the daily rescan after a list update that names the customer, so a
     * cleared screening gains a new hit. Plaid's Sandbox does not have it.
     */
    public CompletableFuture<Screening> simulateRescanHit(Profile profile, Screening screening, Consumer<CallRecord> log) {
        ScreeningKind kind = screening.kind();
        CompletableFuture<PlaidResponse> call = calls.send(profile, "/sandbox/watchlist_screening/" + kind.word() + "/rescan",
                WatchlistService.idBody(kind, screening.id()), log);
        return Futures.map(audited("sandbox rescan", List.of(kind.idField() + "=" + screening.id()), call, this::statusOf),
                response -> WatchlistReplies.screening(kind, response.json()));
    }

    private CompletableFuture<Screening> update(Profile profile, Screening screening, ObjectNode body, String action, List<String> what,
                                                Consumer<CallRecord> log) {
        ScreeningKind kind = screening.kind();
        List<String> targets = new ArrayList<>(List.of(kind.idField() + "=" + screening.id()));
        targets.addAll(what);
        CompletableFuture<PlaidResponse> call = calls.send(profile, kind.path("update"), body, log);
        return Futures.map(audited(action, targets, call, this::statusOf), response -> WatchlistReplies.screening(kind, response.json()));
    }

    private List<String> statusOf(PlaidResponse response) {
        return List.of("status=" + WatchlistReplies.text(response.json(), "status"));
    }

    /**
     * {@code call}, with its outcome written to the audit log before the caller hears of it: the
     * targets, what the reply adds to them, and the request_id; a refusal with its error code.
     */
    private CompletableFuture<PlaidResponse> audited(String action, List<String> targets, CompletableFuture<PlaidResponse> call,
                                                     Function<PlaidResponse, List<String>> learnt) {
        CompletableFuture<PlaidResponse> written = Futures.flatMap(Futures.map(call, response -> response), response ->
                CompletableFuture.supplyAsync(() -> {
                    List<String> all = new ArrayList<>(targets);
                    try {
                        all.addAll(learnt.apply(response));
                    } catch (RuntimeException e) {
                        all.add("reply not understood: " + e.getMessage());
                    }
                    append(action, all, "ok", response.requestId());
                    return response;
                }, io));
        call.whenComplete((response, failure) -> {
            Throwable error = failure == null ? null : Futures.unwrap(failure);
            if (error != null && !(error instanceof CancellationException)) {
                io.execute(() -> append(action, targets, error instanceof PlaidApiException api
                        ? "failed: " + api.error().typeAndCode() : "failed: " + Redactor.shared().redact(String.valueOf(error.getMessage())),
                        error instanceof PlaidApiException api ? api.error().requestId() : null));
            }
        });
        return written;
    }

    private void append(String action, List<String> targets, String outcome, String requestId) {
        try {
            vault.audit().append(WatchlistService.AUDIT_PREFIX + action, targets, outcome, requestId);
        } catch (RuntimeException e) {
            // The change is made at Plaid; the gateway's own entry of the call still stands.
            LOG.warn("Could not write '{}' to the audit log: {}", action, e.getMessage());
        }
    }

    private static String requireComment(String comment) {
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("Write a comment: it is kept with the decision, to show later why it was made.");
        }
        String said = comment.strip();
        if (said.length() > COMMENT_LIMIT) {
            throw new IllegalArgumentException("The comment is " + said.length() + " characters long; keep it under " + COMMENT_LIMIT + ".");
        }
        return said;
    }

    /** The search_terms object of a create or update request, without the fields not given. */
    static ObjectNode termsJson(ScreeningKind kind, ScreeningTerms terms) {
        ObjectNode json = PlaidJson.mapper().createObjectNode();
        json.put(kind.programField(), terms.programId());
        put(json, "legal_name", terms.legalName());
        if (kind == ScreeningKind.INDIVIDUAL) {
            put(json, "date_of_birth", terms.dateOfBirth() == null ? null : terms.dateOfBirth().toString());
        }
        put(json, "document_number", terms.documentNumber());
        put(json, "country", terms.country());
        if (kind == ScreeningKind.ENTITY) {
            put(json, "email_address", terms.emailAddress());
            put(json, "phone_number", terms.phoneNumber());
            put(json, "url", terms.url());
        }
        return json;
    }

    private static void put(ObjectNode json, String field, String value) {
        if (value != null && !value.isBlank()) {
            json.put(field, value.strip());
        }
    }
}
