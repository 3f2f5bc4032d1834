package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.api.PlaidApiException;
import dev.tartan.api.PlaidJson;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.AuditEntry;
import dev.tartan.model.CallRecord;
import dev.tartan.model.DashboardUser;
import dev.tartan.model.HitDecision;
import dev.tartan.model.HitField;
import dev.tartan.model.HitReviewStatus;
import dev.tartan.model.MatchSummary;
import dev.tartan.model.ProgressSink;
import dev.tartan.model.ReviewPlan;
import dev.tartan.model.Screening;
import dev.tartan.model.ScreeningEvent;
import dev.tartan.model.ScreeningHit;
import dev.tartan.model.ScreeningKind;
import dev.tartan.model.ScreeningStatus;
import dev.tartan.model.ScreeningTerms;
import dev.tartan.model.WatchlistProgram;
import dev.tartan.testing.EmulatorServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Watchlist pane's services against the emulator's Monitor over loopback. */
class WatchlistServicesTest {

    static final String CARDHOLDERS = "prg_2eRPsDnL66rZ7H";
    static final String HIGH_RISK = "prg_7Hc2WqLm4Zx9Tb";
    static final String DANA = "54350110fedcbaf01234ffee";

    @TempDir
    static Path home;
    static EmulatorServices services;
    static WatchlistService watchlist;
    static WatchlistReviewService changes;
    static WatchlistExport export;
    static final Consumer<CallRecord> NO_LOG = call -> { };

    @BeforeAll
    static void start() {
        services = new EmulatorServices(home);
        CachedCalls calls = new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC());
        watchlist = new WatchlistService(calls, services.vault, services.io, Clock.systemUTC());
        changes = new WatchlistReviewService(calls, services.vault, services.io, Clock.systemUTC());
        export = new WatchlistExport(watchlist, services.vault, services.io);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(60, TimeUnit.SECONDS).join();
    }

    static Screening kony() {
        return await(changes.create(services.profile, ScreeningKind.INDIVIDUAL,
                ScreeningTerms.individual(CARDHOLDERS, "Joseph Kony", LocalDate.of(1964, 9, 18), null, "CF"), "cust-kony", NO_LOG));
    }

    static Screening knope() {
        return await(changes.create(services.profile, ScreeningKind.INDIVIDUAL,
                ScreeningTerms.individual(CARDHOLDERS, "Leslie Knope", LocalDate.of(1975, 1, 18), null, "US"), "cust-knope", NO_LOG));
    }

    static List<ScreeningHit> hits(Screening screening) {
        return WatchlistReplies.hits(screening.kind(), await(watchlist.hits(services.profile, screening, NO_LOG)).json());
    }

    @Test
    void theDocsSanctionedIndividualLandsInTheQueueWithHitsAndTheCleanOneIsCleared() {
        Screening kony = kony();
        Screening knope = knope();
        assertThat(kony.id()).startsWith("scr_");
        assertThat(kony.status()).isEqualTo(ScreeningStatus.PENDING_REVIEW);
        assertThat(kony.clientUserId()).isEqualTo("cust-kony");
        assertThat(knope.status()).isEqualTo(ScreeningStatus.CLEARED);

        List<ScreeningHit> hits = hits(kony);
        assertThat(hits).isNotEmpty().allMatch(ScreeningHit::isPending);
        ScreeningHit first = hits.get(0);
        assertThat(first.listCode()).isNotBlank();
        assertThat(first.primaryName()).containsIgnoringCase("Kony");
        // The docs' birth date and country: both match, and so does the name.
        assertThat(first.summary(HitField.NAMES)).isEqualTo(MatchSummary.MATCH);
        assertThat(first.summary(HitField.DATES_OF_BIRTH)).isEqualTo(MatchSummary.MATCH);
        assertThat(first.summary(HitField.LOCATIONS)).isEqualTo(MatchSummary.MATCH);
        assertThat(first.summary(HitField.DOCUMENTS)).isEqualTo(MatchSummary.NO_INPUT);
        assertThat(first.values(HitField.DATES_OF_BIRTH)).extracting(value -> value.text()).contains("1964-09-18");
        assertThat(hits(knope)).isEmpty();
        // The vault keeps every hit under the read without a cursor: the next opening shows them at once.
        assertThat(await(watchlist.cachedHits(services.profile, kony))).hasValueSatisfying(cached ->
                assertThat(cached.json().path("watchlist_screening_hits").size()).isEqualTo(hits.size()));
    }

    @Test
    void aHitListOfMorePagesThanOneComesWhole() {
        Screening khan = await(changes.create(services.profile, ScreeningKind.INDIVIDUAL,
                ScreeningTerms.individual(HIGH_RISK, "Muhammad Khan", null, null, null), null, NO_LOG));
        List<CallRecord> log = Collections.synchronizedList(new ArrayList<>());
        JsonNode reply = await(watchlist.hits(services.profile, khan, log::add)).json();
        // 20 a page: the docs' Muhammad Khan brings 21 hits.
        assertThat(reply.path("watchlist_screening_hits").size()).isGreaterThan(20);
        assertThat(reply.path("next_cursor").isNull()).isTrue();
        assertThat(log).hasSizeGreaterThanOrEqualTo(2).allMatch(call -> call.operation().endsWith("/hit/list"));
        assertThat(WatchlistReplies.hits(ScreeningKind.INDIVIDUAL, reply)).extracting(ScreeningHit::id).doesNotHaveDuplicates();
    }

    @Test
    void theQueueFollowsEveryProgramsCursorsAndListsEachScreeningOnce() {
        List<WatchlistProgram> programs = await(watchlist.programs(services.profile, NO_LOG));
        assertThat(programs).extracting(WatchlistProgram::id).contains(CARDHOLDERS, "entprg_2eRPsDnL66rZ7H");
        assertThat(programs.stream().filter(program -> program.kind() == ScreeningKind.ENTITY)).isNotEmpty();
        // More than a page (100) in one program.
        List<CompletableFuture<Screening>> made = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            made.add(changes.create(services.profile, ScreeningKind.INDIVIDUAL,
                    ScreeningTerms.individual("prg_bM5xR2aJ9dLw3F", "Queue Customer " + i, null, null, "GB"), "queue-" + i, NO_LOG));
        }
        made.forEach(WatchlistServicesTest::await);
        List<Screening> listed = Collections.synchronizedList(new ArrayList<>());
        List<Integer> pages = Collections.synchronizedList(new ArrayList<>());
        int total = await(watchlist.queue(services.profile, programs.stream().filter(p -> !p.archived()).toList(), page -> {
            pages.add(page.size());
            listed.addAll(page);
        }, NO_LOG));
        assertThat(total).isEqualTo(listed.size());
        assertThat(listed).extracting(Screening::id).doesNotHaveDuplicates();
        assertThat(listed.stream().filter(s -> s.clientUserId() != null && s.clientUserId().startsWith("queue-"))).hasSize(130);
        assertThat(pages).contains(100);
        // The programs are now in the vault: the next listing need not wait for them.
        assertThat(await(watchlist.cachedPrograms(services.profile))).hasValue(programs);
    }

    @Test
    void aReviewSettlesTheStatusByPlaidsRuleAndIsAuditedWithItsCommentAndRequestId() {
        Screening kony = kony();
        List<ScreeningHit> hits = hits(kony);
        ReviewPlan plan = ReviewPlan.of(hits, Map.of(hits.get(0).id(), HitDecision.CONFIRM));
        assertThat(plan.outcome()).isEqualTo(ScreeningStatus.REJECTED);
        List<CallRecord> log = Collections.synchronizedList(new ArrayList<>());
        WatchlistReviewService.ReviewResult result = await(changes.review(services.profile, kony, plan,
                "  Same person: birth date and country match the SDN entry.  ", log::add));
        assertThat(result.review().confirmedHits()).containsExactly(hits.get(0).id());
        assertThat(result.review().comment()).isEqualTo("Same person: birth date and country match the SDN entry.");
        assertThat(await(watchlist.screening(services.profile, kony.id(), NO_LOG)).status()).isEqualTo(ScreeningStatus.REJECTED);

        AuditEntry entry = services.vault.audit().about("watchlist_screening_id=" + kony.id(), 50).stream()
                .filter(e -> e.action().equals("watchlist review")).findFirst().orElseThrow();
        assertThat(entry.requestId()).isEqualTo(result.requestId()).isNotBlank();
        assertThat(entry.outcome()).isEqualTo("ok");
        assertThat(entry.targets()).contains("confirmed_hits=" + hits.get(0).id(), "expected_status=rejected",
                "comment=Same person: birth date and country match the SDN entry.");
        assertThat(log).extracting(CallRecord::operation).containsExactly("/watchlist_screening/individual/review/create");
    }

    @Test
    void dismissingEveryHitClearsTheScreening() {
        Screening kony = kony();
        List<ScreeningHit> hits = hits(kony);
        Map<String, HitDecision> all = new java.util.HashMap<>();
        hits.forEach(hit -> all.put(hit.id(), HitDecision.DISMISS));
        await(changes.review(services.profile, kony, ReviewPlan.of(hits, all), "A namesake: another birth date.", NO_LOG));
        assertThat(await(watchlist.screening(services.profile, kony.id(), NO_LOG)).status()).isEqualTo(ScreeningStatus.CLEARED);
        assertThat(hits(kony)).extracting(ScreeningHit::status).containsOnly(HitReviewStatus.DISMISSED);
    }

    @Test
    void aReviewWithoutACommentIsRefusedBeforeAnythingIsSent() {
        Screening kony = kony();
        ReviewPlan plan = ReviewPlan.of(hits(kony), Map.of());
        List<CallRecord> log = new ArrayList<>();
        assertThatThrownBy(() -> changes.review(services.profile, kony, plan, "   ", log::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Write a comment");
        assertThat(log).isEmpty();
    }

    @Test
    void aHitOfAnotherScreeningIsRefusedByPlaidChangesNothingAndTheRefusalIsAudited() {
        Screening kony = kony();
        Screening other = kony();
        ScreeningHit foreign = hits(other).get(0);
        ScreeningHit own = hits(kony).get(0);
        ReviewPlan plan = new ReviewPlan(List.of(foreign.id()), List.of(), 0, ScreeningStatus.REJECTED);
        assertThatThrownBy(() -> await(changes.review(services.profile, kony, plan, "Wrong hit on purpose", NO_LOG)))
                .isInstanceOf(CompletionException.class)
                .satisfies(e -> {
                    PlaidApiException api = (PlaidApiException) Futures.unwrap(e);
                    assertThat(api.error().errorCode()).isEqualTo("INVALID_FIELD");
                    assertThat(api.error().errorMessage()).startsWith("confirmed_hits");
                });
        assertThat(await(watchlist.screening(services.profile, kony.id(), NO_LOG)).status()).isEqualTo(ScreeningStatus.PENDING_REVIEW);
        assertThat(hits(kony)).filteredOn(hit -> hit.id().equals(own.id())).extracting(ScreeningHit::status)
                .containsExactly(HitReviewStatus.PENDING_REVIEW);
        Eventually.eventually(() -> assertThat(services.vault.audit().about("watchlist_screening_id=" + kony.id(), 50))
                .filteredOn(e -> e.action().equals("watchlist review"))
                .singleElement().satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo("failed: INVALID_REQUEST/INVALID_FIELD");
                    assertThat(e.requestId()).isNotBlank();
                }));
    }

    @Test
    void assigningEditingAndTheTimelineTellTheWholeStory() {
        Screening kony = kony();
        List<DashboardUser> users = await(watchlist.dashboardUsers(services.profile, NO_LOG));
        DashboardUser dana = users.stream().filter(user -> user.id().equals(DANA)).findFirst().orElseThrow();
        Screening assigned = await(changes.assign(services.profile, kony, dana, NO_LOG));
        assertThat(assigned.assignee()).isEqualTo(DANA);
        Screening edited = await(changes.editSearchTerms(services.profile, assigned,
                ScreeningTerms.individual(CARDHOLDERS, "Joseph Kony", LocalDate.of(1964, 9, 18), null, "UG"), NO_LOG));
        assertThat(edited.terms().version()).isEqualTo(2);
        assertThat(edited.terms().country()).isEqualTo("UG");
        Screening unassigned = await(changes.assign(services.profile, edited, null, NO_LOG));
        assertThat(unassigned.assignee()).isNull();
        Screening reopened = await(changes.changeStatus(services.profile, unassigned, ScreeningStatus.CLEARED,
                "Cleared by the second reviewer", NO_LOG));
        assertThat(reopened.status()).isEqualTo(ScreeningStatus.CLEARED);

        Map<String, String> names = Map.of(DANA, dana.emailAddress());
        List<ScreeningEvent> timeline = await(watchlist.timeline(services.profile, reopened, names, NO_LOG));
        assertThat(timeline).extracting(ScreeningEvent::kind).startsWith(ScreeningEvent.Kind.CREATED);
        assertThat(timeline).filteredOn(e -> e.kind() == ScreeningEvent.Kind.ASSIGNEE).extracting(ScreeningEvent::title)
                .containsExactly("Assigned to " + dana.emailAddress(), "Unassigned");
        assertThat(timeline).filteredOn(e -> e.kind() == ScreeningEvent.Kind.SEARCH_TERMS).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("country: CF \u2192 UG"));
        assertThat(timeline).filteredOn(e -> e.kind() == ScreeningEvent.Kind.STATUS).extracting(ScreeningEvent::title)
                .contains("Status: Pending review \u2192 Cleared");
        // Tartan's own entries: who did it here, the comment and the request_id.
        assertThat(timeline).filteredOn(e -> e.kind() == ScreeningEvent.Kind.RECORDED).extracting(ScreeningEvent::title)
                .anyMatch(title -> title.startsWith("Assign"))
                .anyMatch(title -> title.startsWith("Edit search terms"))
                .anyMatch(title -> title.startsWith("Change status"));
        assertThat(timeline).filteredOn(e -> e.kind() == ScreeningEvent.Kind.RECORDED && e.title().startsWith("Change status"))
                .singleElement().satisfies(e -> {
                    assertThat(e.comment()).isEqualTo("Cleared by the second reviewer");
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void badSearchTermsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> changes.create(services.profile, ScreeningKind.INDIVIDUAL,
                ScreeningTerms.individual(CARDHOLDERS, "Joseph Kony", LocalDate.now().plusDays(3), null, "CF"), null, NO_LOG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in the future");
        assertThatThrownBy(() -> changes.create(services.profile, ScreeningKind.ENTITY,
                ScreeningTerms.entity("entprg_2eRPsDnL66rZ7H", "Acme", null, "USA", null, null, null), null, NO_LOG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two-letter ISO");
    }

    @Test
    void theExportHasALinePerHitWithItsReviewAndReadsBack() throws Exception {
        Screening kony = kony();
        Screening knope = knope();
        List<ScreeningHit> hits = hits(kony);
        await(changes.review(services.profile, kony, ReviewPlan.of(hits, Map.of(hits.get(0).id(), HitDecision.DISMISS)),
                "Not him, \"another\" Kony; =SUM(A1)", NO_LOG));
        Path file = home.resolve("queue.csv");
        List<WatchlistProgram> programs = await(watchlist.programs(services.profile, NO_LOG));
        List<Long> progress = Collections.synchronizedList(new ArrayList<>());
        ProgressSink sink = (done, total, text) -> progress.add(done);
        int written = await(export.exportCsv(services.profile, List.of(kony, knope), programs, Map.of(), file, sink));
        assertThat(written).isEqualTo(2);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(String.join(",", WatchlistExport.HEADER));
        assertThat(lines).hasSize(1 + hits.size() + 1);
        String dismissed = lines.stream().filter(line -> line.contains(hits.get(0).id())).findFirst().orElseThrow();
        assertThat(dismissed).startsWith(kony.id() + ",individual,pending_review," + CARDHOLDERS + ",Cardholders,Joseph Kony,1964-09-18,CF,")
                .contains(",dismissed,").contains(",match,match,match,no_input,")
                .endsWith(",the API,\"Not him, \"\"another\"\" Kony; =SUM(A1)\"");
        assertThat(lines).anyMatch(line -> line.startsWith(knope.id() + ",individual,cleared,"));
        assertThat(progress).contains(2L);
        assertThat(services.vault.audit().recent(5)).extracting(AuditEntry::action).contains("watchlist export queue (CSV)");
    }

    @Test
    void theEmulatorsRescanGivesACleanCustomerANewHitToReview() {
        // A name of its own: the entry the rescan publishes stays on the list, and would hit later screenings of it.
        Screening knope = await(changes.create(services.profile, ScreeningKind.INDIVIDUAL,
                ScreeningTerms.individual(CARDHOLDERS, "Ann Perkins", LocalDate.of(1980, 2, 3), null, "US"), null, NO_LOG));
        assertThat(knope.status()).isEqualTo(ScreeningStatus.CLEARED);
        Screening rescanned = await(changes.simulateRescanHit(services.profile, knope, NO_LOG));
        assertThat(rescanned.status()).isEqualTo(ScreeningStatus.PENDING_REVIEW);
        assertThat(hits(knope)).singleElement().satisfies(hit -> {
            assertThat(hit.isPending()).isTrue();
            assertThat(hit.primaryName()).isEqualTo("Ann Perkins");
        });
        assertThat(services.vault.audit().about("watchlist_screening_id=" + knope.id(), 20)).extracting(AuditEntry::action)
                .contains("watchlist sandbox rescan");
    }

    @Test
    void theReviewerIsRememberedPerProfile() {
        assertThat(await(watchlist.reviewer(services.profile))).isEmpty();
        await(watchlist.rememberReviewer(services.profile, DANA));
        assertThat(await(watchlist.reviewer(services.profile))).hasValue(DANA);
        await(watchlist.rememberReviewer(services.profile, null));
        assertThat(await(watchlist.reviewer(services.profile))).isEmpty();
    }

    @Test
    void aScreeningIdOfNeitherKindIsRefusedNamingTheShapes() {
        assertThatThrownBy(() -> watchlist.screening(services.profile, "idv_123456789", NO_LOG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scr_").hasMessageContaining("entscr_");
        assertThat(PlaidJson.mapper()).isNotNull();
    }
}
