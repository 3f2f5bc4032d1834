package dev.tartan.emulator.watchlist;

import dev.tartan.emulator.wire.OperationRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the operations do to screenings, under the Watchlist's write lock: screen new ones, rescreen changed
 * ones, and record the facts, announcing every status change. Also the look-ups that refuse what names
 * nothing (screenings, programs, Dashboard users), naming the field.
 */
final class Screenings {
    private final Watchlist watchlist;

    Screenings(Watchlist watchlist) {
        this.watchlist = watchlist;
    }

    Watchlist watchlist() {
        return watchlist;
    }

    TermsReader terms() {
        return new TermsReader(this, LocalDate.ofInstant(watchlist.now(), ZoneOffset.UTC).plusDays(1));
    }

    // ---- look-ups ---------------------------------------------------------------------------------------

    /** The screening the request names in its kind's id field. */
    Screening require(Kind kind, OperationRequest request) {
        String id = request.requiredText(kind.screeningIdField);
        return watchlist.book().screening(id).filter(s -> s.kind == kind)
                .orElseThrow(() -> WatchlistErrors.unknownScreening(kind, kind.screeningIdField, id));
    }

    /**
     * The program {@code id}, given in {@code field}; {@code forScreening} when a screening is to enter it,
     * which an archived program refuses.
     */
    Program program(Kind kind, String field, String id, boolean forScreening) {
        Program program = watchlist.directory().program(kind, id).orElseThrow(() -> {
            boolean otherKind = id.startsWith(Kind.ENTITY.programPrefix) != (kind == Kind.ENTITY);
            return WatchlistErrors.invalid(field, "no " + kind.programNoun + " has the id " + id
                    + (otherKind && id.contains("_") ? " (it looks like an id of the other kind of program)" : ""));
        });
        if (forScreening && program.archived()) {
            throw WatchlistErrors.invalid(field, "the program " + id + " (" + program.name()
                    + ") is archived: archived programs are read-only and take no screenings");
        }
        return program;
    }

    /** The Dashboard user {@code id}, given in {@code field}; a deactivated one cannot be assigned work. */
    DashboardUser assignableUser(String field, String id) {
        DashboardUser user = knownUser(field, id);
        if (DashboardUser.DEACTIVATED.equals(user.status())) {
            throw WatchlistErrors.invalid(field, "the Dashboard user " + id + " is deactivated and cannot be assigned screenings");
        }
        return user;
    }

    DashboardUser knownUser(String field, String id) {
        return watchlist.directory().user(id).orElseThrow(() -> WatchlistErrors.invalid(field, "no Dashboard user has the id " + id
                + " (see /dashboard_user/list)"));
    }

    // ---- changes ----------------------------------------------------------------------------------------

    /** Screens a new customer: every listing of the program's lists that matches becomes a pending hit. */
    Screening create(Kind kind, SearchTerms terms, String clientUserId) {
        Program program = program(kind, "search_terms." + kind.programIdField, terms.programId(), true);
        Instant now = watchlist.now();
        List<Hit.Found> hits = new ArrayList<>();
        for (Screener.Match match : Screener.screen(kind, terms, program, watchlist.dataset())) {
            hits.add(new Hit.Found(Watchlist.newId(kind.hitPrefix), match.listing().key(), match.body()));
        }
        ScreeningStatus status = hits.isEmpty() ? ScreeningStatus.CLEARED : ScreeningStatus.PENDING_REVIEW;
        String id = Watchlist.newId(kind.screeningPrefix);
        watchlist.record(new Fact.Created(kind, id, now, new Version(terms, null, status, clientUserId, AuditTrail.api(now)), hits));
        return watchlist.book().screening(id).orElseThrow();
    }

    /** What a rescreen does to a screening's hits. */
    record HitChanges(List<Hit.Found> added, List<Hit.Found> updated, List<String> removed) {
        static final HitChanges NONE = new HitChanges(List.of(), List.of(), List.of());

        boolean isEmpty() {
            return added.isEmpty() && updated.isEmpty() && removed.isEmpty();
        }
    }

    /**
     * Compares {@code terms} with the lists again. Pending hits that still match are brought up to date, those
     * that no longer match go; listings not yet on the screening become new hits. Reviewed hits stay as they were
     * reviewed, and a listing once reviewed on this screening never comes back.
     */
    HitChanges rescreen(Screening screening, SearchTerms terms) {
        Program program = watchlist.directory().program(screening.kind, terms.programId()).orElseThrow();
        Map<String, Screener.Match> found = new HashMap<>();
        List<Screener.Match> inOrder = Screener.screen(screening.kind, terms, program, watchlist.dataset());
        inOrder.forEach(match -> found.put(match.listing().key(), match));
        List<Hit.Found> updated = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, Hit> onScreening = new HashMap<>();
        for (Hit hit : screening.hits.values()) {
            onScreening.put(hit.listingKey, hit);
            if (hit.status != HitStatus.PENDING_REVIEW) {
                continue;
            }
            Screener.Match match = found.get(hit.listingKey);
            if (match == null) {
                removed.add(hit.id);
            } else if (!match.body().equals(hit.body)) {
                updated.add(new Hit.Found(hit.id, hit.listingKey, match.body()));
            }
        }
        List<Hit.Found> added = new ArrayList<>();
        for (Screener.Match match : inOrder) {
            if (!onScreening.containsKey(match.listing().key())) {
                added.add(new Hit.Found(Watchlist.newId(screening.kind.hitPrefix), match.listing().key(), match.body()));
            }
        }
        return new HitChanges(added, updated, removed);
    }

    /** The status the screening's hits call for once {@code changes} are made (see {@link Screening#settle}). */
    static ScreeningStatus settledAfter(Screening screening, HitChanges changes) {
        boolean confirmed = false;
        boolean pending = !changes.added().isEmpty();
        for (Hit hit : screening.hits.values()) {
            confirmed |= hit.status == HitStatus.CONFIRMED;
            pending |= hit.status == HitStatus.PENDING_REVIEW && !changes.removed().contains(hit.id);
        }
        return Screening.settle(confirmed, pending);
    }

    /**
     * Records a change: {@code next} becomes the screening's latest version (unless it equals the current one
     * but for its audit trail and no hit changed, when nothing is recorded). Announces a status change.
     */
    void change(Screening screening, Version next, HitChanges changes) {
        Version current = screening.current();
        boolean sameVersion = Objects.equals(next.terms(), current.terms()) && Objects.equals(next.assignee(), current.assignee())
                && next.status() == current.status() && Objects.equals(next.clientUserId(), current.clientUserId());
        if (sameVersion && changes.isEmpty()) {
            return;
        }
        watchlist.record(new Fact.Changed(screening.id, sameVersion ? null : next, changes.added(), changes.updated(), changes.removed()));
        if (next.status() != current.status()) {
            watchlist.announceStatus(screening);
        }
    }
}
