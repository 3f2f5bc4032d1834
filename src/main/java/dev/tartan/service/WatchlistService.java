package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.AuditEntry;
import dev.tartan.model.CallRecord;
import dev.tartan.model.DashboardUser;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.model.Screening;
import dev.tartan.model.ScreeningEvent;
import dev.tartan.model.ScreeningKind;
import dev.tartan.model.ScreeningReview;
import dev.tartan.model.ScreeningTerms;
import dev.tartan.model.WatchlistProgram;
import dev.tartan.store.Vault;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What the Watchlist pane reads from Monitor: programs and Dashboard users (cache-through), the
 * queue of screenings page by page through every program's cursors, a screening, its hits (every
 * page), and its timeline (versions, reviews, and Tartan's own audit entries about it). Also the
 * reviewer the user is, remembered per profile.
 */
public final class WatchlistService {

    /** The setting that remembers, per profile, which Dashboard user the reviewer is. */
    static final String REVIEWER_SETTING = "watchlist.reviewer.";
    /** Audit entries of the pane's own actions start so, and show in a screening's timeline. */
    public static final String AUDIT_PREFIX = "watchlist ";
    private static final int TIMELINE_AUDIT_ENTRIES = 500;

    private final CachedCalls calls;
    private final Vault vault;
    private final Executor io;
    private final Clock clock;

    public WatchlistService(CachedCalls calls, Vault vault, Executor io, Clock clock) {
        this.calls = calls;
        this.vault = vault;
        this.io = io;
        this.clock = clock;
    }

    // --- programs and reviewers -------------------------------------------------------------------

    /** The programs of both kinds (every page), fresh; the vault remembers them. */
    public CompletableFuture<List<WatchlistProgram>> programs(Profile profile, Consumer<CallRecord> log) {
        CompletableFuture<CachedCalls.Fetched> individual = allPages(profile, ScreeningKind.INDIVIDUAL.path("program/list"),
                PlaidJson.mapper().createObjectNode(), ScreeningKind.INDIVIDUAL.programsField(), log);
        CompletableFuture<CachedCalls.Fetched> entity = allPages(profile, ScreeningKind.ENTITY.path("program/list"),
                PlaidJson.mapper().createObjectNode(), ScreeningKind.ENTITY.programsField(), log);
        return Futures.flatMap(individual, people -> Futures.map(entity, organisations -> programs(people.json(), organisations.json())));
    }

    /** The programs as the vault last kept them; empty when either kind was never listed. */
    public CompletableFuture<Optional<List<WatchlistProgram>>> cachedPrograms(Profile profile) {
        CompletableFuture<Optional<CachedCalls.Fetched>> individual = calls.cached(profile, ScreeningKind.INDIVIDUAL.path("program/list"),
                PlaidJson.mapper().createObjectNode());
        CompletableFuture<Optional<CachedCalls.Fetched>> entity = calls.cached(profile, ScreeningKind.ENTITY.path("program/list"),
                PlaidJson.mapper().createObjectNode());
        return individual.thenCombine(entity, (people, organisations) -> people.isPresent() && organisations.isPresent()
                ? Optional.of(programs(people.get().json(), organisations.get().json())) : Optional.empty());
    }

    private static List<WatchlistProgram> programs(JsonNode individual, JsonNode entity) {
        List<WatchlistProgram> all = new ArrayList<>(WatchlistReplies.programs(ScreeningKind.INDIVIDUAL, individual));
        all.addAll(WatchlistReplies.programs(ScreeningKind.ENTITY, entity));
        return List.copyOf(all);
    }

    /** The team's Dashboard users (every page), fresh; the vault remembers them. */
    public CompletableFuture<List<DashboardUser>> dashboardUsers(Profile profile, Consumer<CallRecord> log) {
        return Futures.map(allPages(profile, "/dashboard_user/list", PlaidJson.mapper().createObjectNode(), "dashboard_users", log),
                fetched -> WatchlistReplies.users(fetched.json()));
    }

    /** The Dashboard users as the vault last kept them. */
    public CompletableFuture<Optional<List<DashboardUser>>> cachedDashboardUsers(Profile profile) {
        return calls.cached(profile, "/dashboard_user/list", PlaidJson.mapper().createObjectNode())
                .thenApply(cached -> cached.map(fetched -> WatchlistReplies.users(fetched.json())));
    }

    /** Which Dashboard user the reviewer is on {@code profile} ("assigned to me"), if they said. */
    public CompletableFuture<Optional<String>> reviewer(Profile profile) {
        return CompletableFuture.supplyAsync(() -> vault.settings().get(REVIEWER_SETTING + profile.name())
                .filter(id -> !id.isBlank()), io);
    }

    /** Remembers which Dashboard user the reviewer is on {@code profile} (null: nobody). */
    public CompletableFuture<Void> rememberReviewer(Profile profile, String dashboardUserId) {
        return CompletableFuture.runAsync(() -> vault.settings().put(REVIEWER_SETTING + profile.name(),
                dashboardUserId == null ? "" : dashboardUserId), io);
    }

    // --- the queue ----------------------------------------------------------------------------------

    /**
     * Lists every screening of {@code programs}: each program's pages are followed through their
     * cursors, the programs side by side. Each page goes to {@code onPage} as it arrives (on a
     * background thread). Completes with how many screenings were listed; cancelling it stops every
     * program's listing.
     */
    public CompletableFuture<Integer> queue(Profile profile, List<WatchlistProgram> programs, Consumer<List<Screening>> onPage,
                                            Consumer<CallRecord> log) {
        QueueLoad load = new QueueLoad(profile, onPage, log);
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        for (WatchlistProgram program : programs) {
            chains.add(load.program(program, null));
        }
        CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).whenComplete((done, error) -> {
            if (error != null) {
                load.completeExceptionally(Futures.unwrap(error));
            } else {
                load.complete(load.listed.get());
            }
        });
        return load;
    }

    /** One listing of the queue: the calls under way, cancelled together. */
    private final class QueueLoad extends CompletableFuture<Integer> {
        private final Profile profile;
        private final Consumer<List<Screening>> onPage;
        private final Consumer<CallRecord> log;
        private final AtomicInteger listed = new AtomicInteger();
        private final Set<CompletableFuture<?>> running = ConcurrentHashMap.newKeySet();

        QueueLoad(Profile profile, Consumer<List<Screening>> onPage, Consumer<CallRecord> log) {
            this.profile = profile;
            this.onPage = onPage;
            this.log = log;
        }

        CompletableFuture<Void> program(WatchlistProgram program, String cursor) {
            if (isDone()) {
                return CompletableFuture.completedFuture(null);
            }
            ScreeningKind kind = program.kind();
            ObjectNode body = PlaidJson.mapper().createObjectNode().put(kind.programField(), program.id());
            if (cursor != null) {
                body.put("cursor", cursor);
            }
            CompletableFuture<PlaidResponse> call = calls.readUncached(profile, kind.path("list"), body, log);
            running.add(call);
            return Futures.flatMap(call, response -> {
                running.remove(call);
                List<Screening> page = WatchlistReplies.screenings(kind, response.json());
                listed.addAndGet(page.size());
                onPage.accept(page);
                String next = WatchlistReplies.text(response.json(), "next_cursor");
                return next == null || page.isEmpty() ? CompletableFuture.completedFuture(null) : program(program, next);
            });
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            running.forEach(call -> call.cancel(true));
            return cancelled;
        }
    }

    // --- one screening ------------------------------------------------------------------------------

    /** The screening as Plaid has it now. */
    public CompletableFuture<Screening> screening(Profile profile, String screeningId, Consumer<CallRecord> log) {
        ScreeningKind kind = kindOf(screeningId);
        return Futures.map(calls.fetch(profile, kind.path("get"), idBody(kind, screeningId), log),
                fetched -> WatchlistReplies.screening(kind, fetched.json()));
    }

    /** The screening as the vault last kept it. */
    public CompletableFuture<Optional<Screening>> cachedScreening(Profile profile, String screeningId) {
        ScreeningKind kind = kindOf(screeningId);
        return calls.cached(profile, kind.path("get"), idBody(kind, screeningId))
                .thenApply(cached -> cached.map(fetched -> WatchlistReplies.screening(kind, fetched.json())));
    }

    /** Every hit of the screening (all pages in one reply); the vault remembers them. */
    public CompletableFuture<CachedCalls.Fetched> hits(Profile profile, Screening screening, Consumer<CallRecord> log) {
        ScreeningKind kind = screening.kind();
        return allPages(profile, kind.path("hit/list"), idBody(kind, screening.id()), kind.hitsField(), log);
    }

    /** The hits as the vault last kept them. */
    public CompletableFuture<Optional<CachedCalls.Fetched>> cachedHits(Profile profile, Screening screening) {
        ScreeningKind kind = screening.kind();
        return calls.cached(profile, kind.path("hit/list"), idBody(kind, screening.id()));
    }

    /**
     * The screening's story, oldest first: its versions (created, search terms edited, status,
     * assignee and program changed), the reviews submitted, and what Tartan's audit log recorded of
     * the actions taken on it here (with the comment and request_id). {@code users} names Dashboard
     * users by their email.
     */
    public CompletableFuture<List<ScreeningEvent>> timeline(Profile profile, Screening screening, Map<String, String> users,
                                                            Consumer<CallRecord> log) {
        ScreeningKind kind = screening.kind();
        CompletableFuture<CachedCalls.Fetched> history = allPages(profile, kind.path("history/list"), idBody(kind, screening.id()),
                kind.screeningsField(), log);
        CompletableFuture<CachedCalls.Fetched> reviews = allPages(profile, kind.path("review/list"), idBody(kind, screening.id()),
                kind.reviewsField(), log);
        CompletableFuture<List<AuditEntry>> recorded = CompletableFuture.supplyAsync(() -> vault.audit()
                .about(kind.idField() + "=" + screening.id(), TIMELINE_AUDIT_ENTRIES), io);
        return Futures.flatMap(history, versions -> Futures.flatMap(reviews, submitted -> Futures.map(recorded, entries ->
                ScreeningTimeline.of(screening, WatchlistReplies.screenings(kind, versions.json()),
                        WatchlistReplies.reviews(kind, submitted.json()), entries, users))));
    }

    /**
     * Reads the hits of a screening into the vault ahead of time, so that opening it next shows
     * them at once. Failures are of no interest: opening it asks again.
     */
    public CompletableFuture<CachedCalls.Fetched> prefetchHits(Profile profile, Screening screening) {
        return hits(profile, screening, call -> { });
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** The kind of a screening id, or a refusal naming what it should look like. */
    public static ScreeningKind kindOf(String screeningId) {
        ScreeningKind kind = ScreeningKind.ofId(screeningId);
        if (kind == null) {
            throw new IllegalArgumentException("'" + screeningId + "' is not a watchlist screening id: those start with scr_ "
                    + "(a person) or entscr_ (an organisation).");
        }
        return kind;
    }

    static ObjectNode idBody(ScreeningKind kind, String screeningId) {
        return PlaidJson.mapper().createObjectNode().put(kind.idField(), screeningId.strip());
    }

    /**
     * Every page of a list that pages with cursors, as one reply (the first page's, with {@code arrayField}
     * holding every page's entries and no next_cursor), which the vault then remembers under the
     * request without a cursor.
     */
    CompletableFuture<CachedCalls.Fetched> allPages(Profile profile, String path, ObjectNode body, String arrayField,
                                                    Consumer<CallRecord> log) {
        CompletableFuture<PlaidResponse> first = calls.readUncached(profile, path, body, log);
        return Futures.flatMap(first, reply -> {
            ObjectNode merged = reply.json().deepCopy();
            ArrayNode entries = merged.withArray(arrayField);
            return Futures.flatMap(rest(profile, path, body, arrayField, WatchlistReplies.text(reply.json(), "next_cursor"), entries, log),
                    done -> {
                        merged.putNull("next_cursor");
                        return Futures.map(calls.remember(profile, path, body, merged, reply.requestId()),
                                kept -> new CachedCalls.Fetched(merged, kept.fetchedAt(), reply.requestId(), false));
                    });
        });
    }

    private CompletableFuture<Void> rest(Profile profile, String path, ObjectNode body, String arrayField, String cursor,
                                         ArrayNode entries, Consumer<CallRecord> log) {
        if (cursor == null) {
            return CompletableFuture.completedFuture(null);
        }
        ObjectNode next = body.deepCopy().put("cursor", cursor);
        return Futures.flatMap(calls.readUncached(profile, path, next, log), reply -> {
            JsonNode page = reply.json().path(arrayField);
            page.forEach(entries::add);
            String after = WatchlistReplies.text(reply.json(), "next_cursor");
            return page.isEmpty() || Objects.equals(after, cursor) ? CompletableFuture.completedFuture(null)
                    : rest(profile, path, body, arrayField, after, entries, log);
        });
    }

    /** Orders the queue: the screening that has waited longest (last changed earliest) first, then by id. */
    public static final Comparator<Screening> OLDEST_FIRST = Comparator
            .comparing((Screening screening) -> screening.changedAt() == null ? Instant.MAX : screening.changedAt())
            .thenComparing(Screening::id);

    /** A screening's new terms, checked as Plaid will before it is asked (for tests and forms). */
    static void check(ScreeningKind kind, ScreeningTerms terms, java.time.LocalDate today) {
        String problem = dev.tartan.model.ScreeningTermsCheck.problem(kind, terms, today);
        if (!problem.isEmpty()) {
            throw new IllegalArgumentException(problem);
        }
    }

    static List<ScreeningReview> newestFirst(List<ScreeningReview> reviews) {
        List<ScreeningReview> sorted = new ArrayList<>(reviews);
        sorted.sort(Comparator.comparing(ScreeningReview::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return sorted;
    }
}
