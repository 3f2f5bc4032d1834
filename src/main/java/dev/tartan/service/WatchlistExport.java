package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.HitField;
import dev.tartan.model.MatchSummary;
import dev.tartan.model.ProgressSink;
import dev.tartan.model.Profile;
import dev.tartan.model.Screening;
import dev.tartan.model.ScreeningHit;
import dev.tartan.model.ScreeningKind;
import dev.tartan.model.ScreeningReview;
import dev.tartan.model.WatchlistProgram;
import dev.tartan.store.Vault;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The queue as a reviewer shows it to an auditor: one CSV line per hit of each screening (a
 * screening without hits gets one line of its own), with each hit's review status and match levels,
 * and the screening's last review (when, by whom, the comment). Every screening's hits and reviews
 * are read from Plaid, a few at a time.
 */
public final class WatchlistExport {

    static final List<String> HEADER = List.of("screening_id", "kind", "status", "program_id", "program_name", "legal_name",
            "date_of_birth", "country", "document_number", "client_user_id", "assignee", "last_changed", "hit_id", "hit_status",
            "list_code", "hit_name", "name_match", "date_of_birth_match", "location_match", "document_match", "last_review_at",
            "last_review_by", "last_review_comment");
    /** Screenings read at the same time: fast enough, and kind to Plaid's rate limits. */
    static final int PARALLEL = 6;

    /** What one screening adds to the export. */
    record Part(Screening screening, List<ScreeningHit> hits, ScreeningReview lastReview) {
    }

    private final WatchlistService watchlist;
    private final Vault vault;
    private final Executor io;

    public WatchlistExport(WatchlistService watchlist, Vault vault, Executor io) {
        this.watchlist = watchlist;
        this.vault = vault;
        this.io = io;
    }

    /**
     * Writes {@code screenings} to {@code file} (replaced whole or not at all), reading each one's hits
     * and reviews, and notes the export in the audit log. Completes with the number of screenings
     * written; cancelling it stops the reads and writes nothing.
     *
     * @param programs names the programs; {@code users} names the assignees by email
     */
    public CompletableFuture<Integer> exportCsv(Profile profile, List<Screening> screenings, List<WatchlistProgram> programs,
                                                Map<String, String> users, Path file, ProgressSink progress) {
        List<Screening> snapshot = List.copyOf(screenings);
        Part[] parts = new Part[snapshot.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Set<CompletableFuture<?>> running = ConcurrentHashMap.newKeySet();
        CompletableFuture<Integer> export = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                running.forEach(call -> call.cancel(true));
                return super.cancel(mayInterruptIfRunning);
            }
        };
        progress.report(0, snapshot.size(), "Reading the hits of " + snapshot.size() + " screenings");
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(PARALLEL, snapshot.size()); i++) {
            workers.add(work(profile, snapshot, parts, next, done, running, export, progress));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).whenComplete((all, error) -> {
            if (export.isDone()) {
                return;
            }
            if (error != null) {
                export.completeExceptionally(dev.tartan.concurrent.Futures.unwrap(error));
                return;
            }
            CompletableFuture.runAsync(() -> {
                Map<String, String> programNames = new java.util.HashMap<>();
                programs.forEach(program -> programNames.put(program.id(), program.name()));
                Csv.writeFile(file, "watchlist queue", out -> write(List.of(parts), programNames, users, out));
                vault.audit().append(WatchlistService.AUDIT_PREFIX + "export queue (CSV)", List.of("file=" + file.toAbsolutePath()),
                        "ok (" + snapshot.size() + " screenings)", null);
            }, io).whenComplete((written, failure) -> {
                if (failure != null) {
                    export.completeExceptionally(dev.tartan.concurrent.Futures.unwrap(failure));
                } else {
                    export.complete(snapshot.size());
                }
            });
        });
        return export;
    }

    /** One worker: takes the next screening not read yet, reads it, and goes on until none is left. */
    private CompletableFuture<Void> work(Profile profile, List<Screening> screenings, Part[] parts, AtomicInteger next, AtomicInteger done,
                                         Set<CompletableFuture<?>> running, CompletableFuture<Integer> export, ProgressSink progress) {
        int index = next.getAndIncrement();
        if (index >= screenings.size() || export.isDone()) {
            return CompletableFuture.completedFuture(null);
        }
        Screening screening = screenings.get(index);
        ScreeningKind kind = screening.kind();
        CompletableFuture<CachedCalls.Fetched> hits = watchlist.hits(profile, screening, call -> { });
        CompletableFuture<CachedCalls.Fetched> reviews = watchlist.allPages(profile, kind.path("review/list"),
                WatchlistService.idBody(kind, screening.id()), kind.reviewsField(), call -> { });
        running.add(hits);
        running.add(reviews);
        return hits.thenCombine(reviews, (hitReply, reviewReply) -> {
            running.remove(hits);
            running.remove(reviews);
            parts[index] = new Part(screening, WatchlistReplies.hits(kind, hitReply.json()), lastReview(kind, reviewReply.json()));
            int finished = done.incrementAndGet();
            progress.report(finished, screenings.size(), finished + " of " + screenings.size() + " screenings read");
            return null;
        }).thenCompose(ignored -> work(profile, screenings, parts, next, done, running, export, progress));
    }

    private static ScreeningReview lastReview(ScreeningKind kind, JsonNode reply) {
        List<ScreeningReview> reviews = WatchlistService.newestFirst(WatchlistReplies.reviews(kind, reply));
        return reviews.isEmpty() ? null : reviews.get(0);
    }

    static void write(List<Part> parts, Map<String, String> programNames, Map<String, String> users, Writer out) throws IOException {
        Csv.line(out, HEADER);
        for (Part part : parts) {
            Screening screening = part.screening();
            List<String> about = List.of(Csv.text(screening.id()), screening.kind().word(), screening.status().wire(),
                    Csv.text(screening.programId()), Csv.text(programNames.get(screening.programId())), Csv.text(screening.name()),
                    screening.terms().dateOfBirth() == null ? "" : screening.terms().dateOfBirth().toString(),
                    Csv.text(screening.terms().country()), Csv.text(screening.terms().documentNumber()), Csv.text(screening.clientUserId()),
                    Csv.text(screening.assignee() == null ? null : users.getOrDefault(screening.assignee(), screening.assignee())),
                    instant(screening.changedAt()));
            ScreeningReview review = part.lastReview();
            List<String> reviewed = review == null ? List.of("", "", "") : List.of(instant(review.at()),
                    Csv.text(ScreeningTimeline.who(review.source(), review.reviewer(), users)), Csv.text(review.comment()));
            if (part.hits().isEmpty()) {
                List<String> cells = new ArrayList<>(about);
                cells.addAll(List.of("", "", "", "", "", "", "", ""));
                cells.addAll(reviewed);
                Csv.line(out, cells);
                continue;
            }
            for (ScreeningHit hit : part.hits()) {
                List<String> cells = new ArrayList<>(about);
                cells.addAll(List.of(Csv.text(hit.id()), hit.status().wire(), Csv.text(hit.listCode()), Csv.text(hit.primaryName()),
                        level(hit, HitField.NAMES), level(hit, HitField.DATES_OF_BIRTH), level(hit, HitField.LOCATIONS),
                        level(hit, HitField.DOCUMENTS)));
                cells.addAll(reviewed);
                Csv.line(out, cells);
            }
        }
    }

    private static String level(ScreeningHit hit, HitField field) {
        MatchSummary summary = hit.summary(field);
        return summary == null ? "" : summary.wire();
    }

    private static String instant(Instant at) {
        return at == null ? "" : at.toString();
    }
}
