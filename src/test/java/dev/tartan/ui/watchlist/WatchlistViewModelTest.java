package dev.tartan.ui.watchlist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.api.PlaidRequest;
import dev.tartan.model.AssigneeFilter;
import dev.tartan.model.HitDecision;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.model.Screening;
import dev.tartan.model.ScreeningStatus;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.CatalogService;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.WatchlistExport;
import dev.tartan.service.WatchlistReviewService;
import dev.tartan.service.WatchlistService;
import dev.tartan.testing.EmulatorServices;
import dev.tartan.testing.FakePlaid;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.TaskCenter;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The pane's view models over the real services and the emulator on loopback; the queue's merging over a fake Plaid. */
class WatchlistViewModelTest {

    static final String CARDHOLDERS = "prg_2eRPsDnL66rZ7H";
    static final String WIRES = "prg_bM5xR2aJ9dLw3F";

    @TempDir
    static Path home;
    static EmulatorServices services;
    static CachedCalls calls;
    static WatchlistService watchlist;
    static WatchlistReviewService changes;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        services = new EmulatorServices(home);
        calls = new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC());
        watchlist = new WatchlistService(calls, services.vault, services.io, Clock.systemUTC());
        changes = new WatchlistReviewService(calls, services.vault, services.io, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    private static WatchlistViewModel newModel(CachedCalls through, WatchlistService reads, WatchlistReviewService writes, Profile profile)
            throws Exception {
        PaneServices pane = new PaneServices(through, new TokenBookService(services.vault, services.io),
                new InstitutionService(services.gateway, through), new CatalogService(services.io), new TaskCenter(),
                new SimpleObjectProperty<>(profile));
        return WaitForAsyncUtils.asyncFx(() -> new WatchlistViewModel(pane, reads, writes,
                new WatchlistExport(reads, services.vault, services.io))).get(10, TimeUnit.SECONDS);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static String create(String name, String program, String clientUserId) {
        ObjectNode body = PlaidJson.mapper().createObjectNode();
        body.putObject("search_terms").put("watchlist_program_id", program).put("legal_name", name);
        if (clientUserId != null) {
            body.put("client_user_id", clientUserId);
        }
        return services.call("/watchlist_screening/individual/create", body).path("id").asText();
    }

    @Test
    void theQueueFiltersCountsAndMovesOnToTheNextPendingScreeningAfterAReview() throws Exception {
        String first = create("Joseph Kony", CARDHOLDERS, "vm-1");
        String clean = create("Leslie Knope", CARDHOLDERS, "vm-2");
        String second = create("Jianshu Zhou", WIRES, "vm-3");
        WatchlistViewModel model = newModel(calls, watchlist, changes, services.profile);
        QueueViewModel queue = model.queue();
        onFx(() -> {
            model.shown();
            return null;
        });
        waitUntil(() -> queue.loadingProperty().get().hasData());
        onFx(() -> {
            queue.searchProperty().set("vm-");
            return null;
        });
        // Pending review by default, oldest first, across programs; the counts count the other statuses too.
        List<Screening> pending = onFx(() -> List.copyOf(queue.visibleRows()));
        assertThat(pending).extracting(Screening::id).containsExactlyInAnyOrder(first, second);
        assertThat(pending.get(0).changedAt()).isBeforeOrEqualTo(pending.get(1).changedAt());
        String reviewedFirst = pending.get(0).id();
        String openedNext = pending.get(1).id();
        assertThat(onFx(() -> queue.countProperty(ScreeningStatus.CLEARED).get())).isEqualTo(1);
        onFx(() -> {
            queue.statusProperty().set(null);
            queue.searchProperty().set("knope");
            return null;
        });
        assertThat(onFx(() -> List.copyOf(queue.visibleRows()))).extracting(Screening::id).containsExactly(clean);
        // "Mine" shows nothing until the reviewer says who they are.
        onFx(() -> {
            queue.searchProperty().set("vm-");
            queue.assigneeProperty().set(AssigneeFilter.ME);
            return null;
        });
        assertThat(onFx(() -> queue.visibleRows().size())).isZero();
        onFx(() -> {
            queue.assigneeProperty().set(AssigneeFilter.UNASSIGNED);
            queue.statusProperty().set(ScreeningStatus.PENDING_REVIEW);
            queue.select(queue.visibleRows().get(0));
            return null;
        });
        ScreeningViewModel screening = model.screening();
        waitUntil(() -> !screening.hits().isEmpty() && screening.hitsStateProperty().get().hasData());
        onFx(() -> {
            screening.decideCurrent(HitDecision.CONFIRM);
            return null;
        });
        assertThat(onFx(() -> screening.planProperty().get().outcome())).isEqualTo(ScreeningStatus.REJECTED);
        ReviewFormViewModel form = onFx(screening::newReviewForm);
        assertThat(onFx(() -> form.problem().get())).contains("comment");
        onFx(() -> {
            form.commentProperty().set("Same man");
            form.submit();
            return null;
        });
        // The next pending screening opens; the reviewed row turns rejected in place.
        waitUntil(() -> screening.screeningProperty().get() != null && screening.screeningProperty().get().id().equals(openedNext));
        waitUntil(() -> queue.find(reviewedFirst).map(row -> row.status() == ScreeningStatus.REJECTED).orElse(false));
        assertThat(onFx(() -> queue.countProperty(ScreeningStatus.REJECTED).get())).isEqualTo(1);
        assertThat(onFx(() -> queue.countProperty(ScreeningStatus.PENDING_REVIEW).get())).isEqualTo(1);
    }

    @Test
    void pagesOfSeveralProgramsMergeOldestFirstAndTheCachedProgramsSpareACall() throws Exception {
        FakePlaid plaid = new FakePlaid();
        String individualPrograms = "{\"watchlist_programs\":[{\"id\":\"prg_a\",\"name\":\"A\",\"lists_enabled\":[\"US_SDN\"]},"
                + "{\"id\":\"prg_b\",\"name\":\"B\",\"lists_enabled\":[\"US_SDN\"]}],\"next_cursor\":null}";
        plaid.answerWith(request -> CompletableFuture.completedFuture(answer(request, individualPrograms)));
        CachedCalls fakeCalls = new CachedCalls(plaid, services.vault, services.io, Clock.systemUTC());
        WatchlistService reads = new WatchlistService(fakeCalls, services.vault, services.io, Clock.systemUTC());
        WatchlistReviewService writes = new WatchlistReviewService(fakeCalls, services.vault, services.io, Clock.systemUTC());
        Profile profile = new Profile("Fake", dev.tartan.model.PlaidEnvironment.SANDBOX, new dev.tartan.model.Credentials("c", "s"));

        WatchlistViewModel model = newModel(fakeCalls, reads, writes, profile);
        onFx(() -> {
            model.shown();
            return null;
        });
        waitUntil(() -> model.queue().loadingProperty().get().hasData());
        // prg_a's two pages and prg_b's one, merged by how long each has waited.
        assertThat(onFx(() -> List.copyOf(model.queue().visibleRows()))).extracting(Screening::id)
                .containsExactly("scr_a1", "scr_b1", "scr_a2", "scr_a3");
        long programCalls = plaid.requests().stream().filter(r -> r.path().endsWith("/program/list")).count();
        assertThat(programCalls).isEqualTo(2);

        // Opened again, the programs come from the vault: the first page's call is the first call made.
        int before = plaid.requests().size();
        WatchlistViewModel again = newModel(fakeCalls, reads, writes, profile);
        onFx(() -> {
            again.shown();
            return null;
        });
        waitUntil(() -> again.queue().loadingProperty().get().hasData());
        List<String> watchlistCalls = plaid.requests().subList(before, plaid.requests().size()).stream().map(PlaidRequest::path)
                .filter(path -> path.startsWith("/watchlist_screening/")).toList();
        assertThat(watchlistCalls.get(0)).isEqualTo("/watchlist_screening/individual/list");
    }

    private static final String SCREENING = "{\"id\":\"%s\",\"status\":\"pending_review\",\"assignee\":null,\"client_user_id\":null,"
            + "\"search_terms\":{\"watchlist_program_id\":\"%s\",\"legal_name\":\"%s\",\"version\":1},"
            + "\"audit_trail\":{\"source\":\"api\",\"dashboard_user_id\":null,\"timestamp\":\"%s\"}}";

    private static PlaidResponse answer(PlaidRequest request, String individualPrograms) {
        String body = request.body();
        return switch (request.path()) {
            case "/watchlist_screening/individual/program/list" -> FakePlaid.ok(individualPrograms);
            case "/watchlist_screening/entity/program/list" -> FakePlaid.ok("{\"entity_watchlist_programs\":[],\"next_cursor\":null}");
            case "/dashboard_user/list" -> FakePlaid.ok("{\"dashboard_users\":[],\"next_cursor\":null}");
            case "/watchlist_screening/individual/list" -> {
                if (body.contains("prg_b")) {
                    yield FakePlaid.ok("{\"watchlist_screenings\":[" + String.format(SCREENING, "scr_b1", "prg_b", "B one",
                            "2024-01-02T00:00:00Z") + "],\"next_cursor\":null}");
                }
                if (!body.contains("cursor")) {
                    yield FakePlaid.ok("{\"watchlist_screenings\":[" + String.format(SCREENING, "scr_a1", "prg_a", "A one",
                            "2024-01-01T00:00:00Z") + "," + String.format(SCREENING, "scr_a2", "prg_a", "A two", "2024-01-03T00:00:00Z")
                            + "],\"next_cursor\":\"page2\"}");
                }
                yield FakePlaid.ok("{\"watchlist_screenings\":[" + String.format(SCREENING, "scr_a3", "prg_a", "A three",
                        "2024-01-04T00:00:00Z") + "],\"next_cursor\":null}");
            }
            default -> FakePlaid.ok("{}");
        };
    }
}
