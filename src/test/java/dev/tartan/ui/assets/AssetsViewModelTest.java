package dev.tartan.ui.assets;

import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.model.AssetReportDigest;
import dev.tartan.model.AssetReportFacts;
import dev.tartan.model.AssetReportStatus;
import dev.tartan.model.PdfPage;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.service.AssetReportService;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.CatalogService;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.ItemService;
import dev.tartan.service.PdfRenderer;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.TransactionSyncService;
import dev.tartan.store.DownloadFolder;
import dev.tartan.testing.EmulatorServices;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.TaskCenter;
import dev.tartan.ui.common.TokenRow;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Assets pane's view models over the real services and the emulator on loopback, without a window. */
class AssetsViewModelTest {

    private static final Duration GENERATION = Duration.ofMillis(1200);

    @TempDir
    static Path home;
    static EmulatorServices services;
    static CachedCalls calls;
    static AssetReportService reports;
    static PdfRenderer renderer;
    static TokenBookService tokenBook;
    static TransactionSyncService transactions;
    static InstitutionService institutions;
    static TokenEntry first;
    static TokenEntry second;

    private final List<AssetsViewModel> models = new ArrayList<>();
    private final List<Path> opened = Collections.synchronizedList(new ArrayList<>());
    private TaskCenter tasks;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        services = new EmulatorServices(EmulatorConfig.builder().assetReportDelay(GENERATION).build(), home.resolve("vault"), 4);
        calls = new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC());
        reports = new AssetReportService(calls, services.gateway, services.vault, new DownloadFolder(home.resolve("data")), services.io,
                Clock.systemUTC(), new AssetReportService.Backoff(Duration.ofMillis(250), 1.5, Duration.ofSeconds(1)));
        renderer = new PdfRenderer(services.io);
        tokenBook = new TokenBookService(services.vault, services.io);
        transactions = new TransactionSyncService(services.gateway, services.vault, services.io, Clock.systemUTC());
        institutions = new InstitutionService(services.gateway, calls);
        ItemService items = new ItemService(services.gateway, calls, services.vault, services.io);
        first = items.createSandboxItem(services.profile, new ItemService.SandboxItemSpec("ins_109508", List.of("assets", "transactions"),
                "user_good", "pass_good", null, "First")).join();
        second = items.createSandboxItem(services.profile, new ItemService.SandboxItemSpec("ins_109508", List.of("assets", "transactions"),
                "user_good", "pass_good", null, "Second")).join();
    }

    @AfterAll
    static void stop() {
        renderer.close();
        services.close();
    }

    @AfterEach
    void closeModels() {
        onFx(() -> models.forEach(model -> model.list().select(null)));
        if (tasks != null) {
            tasks.cancelAll();
        }
    }

    private AssetsViewModel newModel() throws Exception {
        tasks = new TaskCenter();
        PaneServices pane = new PaneServices(calls, tokenBook, institutions, new CatalogService(services.io), tasks,
                new SimpleObjectProperty<Profile>(services.profile));
        AssetsViewModel model = WaitForAsyncUtils.asyncFx(() -> new AssetsViewModel(pane, reports, renderer, transactions, opened::add))
                .get(10, TimeUnit.SECONDS);
        models.add(model);
        return model;
    }

    private static void onFx(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS));
    }

    /** Fills in and sends the New report form for {@code items}; returns the form. */
    private static NewReportFormViewModel create(AssetsViewModel model, TokenEntry... items) throws Exception {
        NewReportFormViewModel[] form = new NewReportFormViewModel[1];
        onFx(() -> form[0] = model.newReportForm());
        waitUntil(() -> form[0].items().stateProperty().get().hasData());
        onFx(() -> {
            assertThat(form[0].problem().get()).startsWith("Tick the Items");
            for (TokenEntry item : items) {
                TokenEntry listed = form[0].items().items().stream().filter(entry -> entry.value().equals(item.value())).findFirst().orElseThrow();
                form[0].chosenProperty(listed).set(true);
            }
            form[0].applicant().firstName().set("Alberta");
            form[0].applicant().lastName().set("Charleson");
            form[0].daysProperty().set(30);
            form[0].applicant().phoneNumber().set("555");
            assertThat(form[0].problem().get()).contains("E.164");
            form[0].applicant().phoneNumber().set("+14155550123");
            assertThat(form[0].problem().get()).isEmpty();
            form[0].submit();
        });
        return form[0];
    }

    @Test
    void aNewReportWaitsAsATaskThenOpensReadyWithItsDigestAndTransactions() throws Exception {
        AssetsViewModel model = newModel();
        List<AssetReportStatus> statuses = Collections.synchronizedList(new ArrayList<>());
        onFx(() -> model.detail().statusProperty().addListener((obs, old, now) -> statuses.add(now)));
        create(model, first, second);

        waitUntil(() -> model.list().selectedProperty().get() != null);
        TokenRow row = WaitForAsyncUtils.asyncFx(() -> model.list().selectedProperty().get()).get();
        onFx(() -> {
            assertThat(row.statusProperty().get()).isEqualTo("waiting");
            assertThat(model.detail().reportJsonProperty().get().isLoading()).isTrue();
            assertThat(tasks.running()).extracting(TaskCenter.Task::title).contains("Waiting for the asset report Alberta Charleson");
            assertThat(model.isWaiting(row.entry().value())).isTrue();
        });

        waitUntil(() -> model.detail().digestProperty().get().hasData() && !model.detail().digestProperty().get().refreshing());
        onFx(() -> {
            assertThat(row.statusProperty().get()).isEqualTo("ready");
            assertThat(model.detail().statusProperty().get()).isEqualTo(AssetReportStatus.READY);
            assertThat(tasks.running()).isEmpty();
            AssetReportDigest digest = model.detail().digestProperty().get().data();
            assertThat(digest.items()).hasSize(2);
            assertThat(model.detail().itemNames()).containsEntry(first.ownerId(), "First").containsEntry(second.ownerId(), "Second");
            assertThat(digest.transactions()).as("the summary comes first, without the transactions").isEmpty();
            assertThat(model.detail().transactions().accountNamesProperty().get()).hasSize(digest.accounts().size());
            // The calls of the wait are in the report's log, the last a success.
            assertThat(model.detail().calls()).extracting(call -> call.operation()).contains(AssetReportService.GET);
        });
        // The transactions' rows come right after the summary, one per transaction of the report.
        waitUntil(() -> !model.detail().transactions().rows().isEmpty());
        onFx(() -> {
            int expected = model.detail().digestProperty().get().data().accounts().stream()
                    .mapToInt(AssetReportDigest.AccountSummary::transactionCount).sum();
            assertThat(model.detail().transactions().rows()).hasSize(expected);
            assertThat(model.detail().transactions().syncableProperty().get()).isFalse();
        });
        assertThat(statuses).containsSubsequence(AssetReportStatus.WAITING, AssetReportStatus.READY);
        AssetReportFacts kept = AssetReportFacts.of(services.vault.tokens().byToken(row.entry().value()).orElseThrow());
        assertThat(kept.status()).isEqualTo(AssetReportStatus.READY);

        // Insights come when asked for, and give the transactions their categories.
        onFx(() -> model.detail().loadInsights());
        waitUntil(() -> model.detail().insightsProperty().get().hasData());
        onFx(() -> {
            assertThat(model.detail().insightsProperty().get().data().categories()).isNotEmpty();
            assertThat(model.detail().transactions().categories()).isNotEmpty();
        });

        // The PDF: fetched once, a page rendered, paged and zoomed within bounds.
        ReportPdfViewModel pdf = model.detail().pdf();
        onFx(pdf::show);
        waitUntil(() -> pdf.pageProperty().get().hasData());
        PdfPage page = WaitForAsyncUtils.asyncFx(() -> pdf.pageProperty().get().data()).get();
        assertThat(page.index()).isZero();
        onFx(pdf::zoomIn);
        waitUntil(() -> pdf.pageProperty().get().data().scale() > page.scale());
        onFx(() -> {
            pdf.previous(); // on the first page: stays
            for (int i = 0; i < 40; i++) {
                pdf.zoomIn();
            }
        });
        waitUntil(() -> pdf.pageProperty().get().data().scale() == PdfRenderer.MAX_SCALE);
        onFx(pdf::openExternally);
        assertThat(opened).containsExactly(pdf.file());
    }

    @Test
    void filteringAndRefreshingMakeLinkedReportsAndTheChainShowsThemInOrder() throws Exception {
        AssetsViewModel model = newModel();
        create(model, first);
        waitUntil(() -> model.detail().digestProperty().get().hasData() && !model.detail().digestProperty().get().refreshing());
        TokenEntry original = WaitForAsyncUtils.asyncFx(() -> model.detail().reportProperty().get()).get();

        FilterFormViewModel[] filter = new FilterFormViewModel[1];
        onFx(() -> {
            filter[0] = model.detail().newFilterForm();
            assertThat(filter[0].problem().get()).startsWith("Tick the accounts");
            filter[0].accounts().forEach(account -> filter[0].excludedProperty(account.accountId()).set(true));
            assertThat(filter[0].problem().get()).isEqualTo("Leave at least one account in the report.");
            filter[0].accounts().stream().skip(1).forEach(account -> filter[0].excludedProperty(account.accountId()).set(false));
            assertThat(filter[0].problem().get()).isEmpty();
            filter[0].submit();
        });
        String dropped = filter[0].accounts().get(0).accountId();
        waitUntil(() -> model.detail().reportProperty().get() != null && !model.detail().reportProperty().get().value().equals(original.value())
                && model.detail().digestProperty().get().hasData() && !model.detail().digestProperty().get().refreshing());
        onFx(() -> assertThat(model.detail().digestProperty().get().data().accounts())
                .extracting(AssetReportDigest.AccountSummary::accountId).doesNotContain(dropped));
        TokenEntry filtered = WaitForAsyncUtils.asyncFx(() -> model.detail().reportProperty().get()).get();

        onFx(() -> {
            RefreshFormViewModel refresh = model.detail().newRefreshForm();
            assertThat(refresh.daysProperty().get()).isEqualTo(30);
            refresh.daysProperty().set(800);
            assertThat(refresh.problem().get()).contains("731");
            refresh.daysProperty().set(45);
            refresh.submit();
        });
        waitUntil(() -> !model.detail().reportProperty().get().value().equals(filtered.value())
                && model.detail().statusProperty().get() == AssetReportStatus.READY);
        onFx(() -> assertThat(model.chain()).extracting(chained -> chained.entry().value())
                .containsExactly(original.value(), filtered.value(), model.detail().reportProperty().get().value()));

        // Opening the original shows the whole chain from it, itself first.
        onFx(() -> model.open(original.value()));
        waitUntil(() -> model.detail().reportProperty().get().value().equals(original.value()));
        onFx(() -> assertThat(model.chain()).extracting(chained -> AssetReportFacts.of(chained.entry()).origin())
                .containsExactly(AssetReportFacts.Origin.CREATED, AssetReportFacts.Origin.FILTERED, AssetReportFacts.Origin.REFRESHED));
    }

    @Test
    void removingShowsPlaidsRefusalAndMarksTheAuditCopiesRemoved() throws Exception {
        AssetsViewModel model = newModel();
        create(model, second);
        waitUntil(() -> model.detail().statusProperty().get() == AssetReportStatus.READY);
        onFx(() -> {
            AuditCopyFormViewModel form = model.detail().newAuditCopyForm();
            form.auditorProperty().set(" ");
            assertThat(form.problem().get()).startsWith("Name the auditor");
            form.auditorProperty().set("freddie_mac");
            form.submit();
        });
        waitUntil(() -> model.detail().auditCopies().size() == 1 && model.detail().copyDigestProperty().get().hasData());

        onFx(() -> model.detail().remove());
        waitUntil(() -> model.detail().statusProperty().get() == AssetReportStatus.REMOVED
                && model.detail().reportJsonProperty().get().phase() == Outcome.Phase.FAILED);
        onFx(() -> {
            assertThat(model.detail().reportJsonProperty().get().failure().errorCode()).isEqualTo("INVALID_ASSET_REPORT_TOKEN");
            assertThat(model.detail().digestProperty().get().phase()).isEqualTo(Outcome.Phase.FAILED);
            assertThat(model.detail().lastActionProperty().get().data()).startsWith("Removed at Plaid");
            assertThat(model.list().selectedProperty().get().statusProperty().get()).isEqualTo("removed");
        });
        waitUntil(() -> model.detail().auditCopies().stream().allMatch(copy -> dev.tartan.model.AuditCopyFacts.of(copy).removed()));
    }

    @Test
    void aWaitCancelledFromTheStatusBarLeavesTheReportWaitingAndCheckNowStartsAgain() throws Exception {
        AssetsViewModel model = newModel();
        create(model, first);
        waitUntil(() -> tasks.running().stream().anyMatch(task -> task.title().startsWith("Waiting")));
        TokenRow row = WaitForAsyncUtils.asyncFx(() -> model.list().selectedProperty().get()).get();
        // The status bar's cancel.
        onFx(() -> List.copyOf(tasks.running()).stream().filter(task -> task.title().startsWith("Waiting")).forEach(TaskCenter.Task::cancel));
        waitUntil(() -> tasks.running().isEmpty() && !model.isWaiting(row.entry().value()));
        Thread.sleep(GENERATION.toMillis() + 500);
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> assertThat(model.detail().statusProperty().get()).isEqualTo(AssetReportStatus.WAITING));
        onFx(() -> model.checkNow(row.entry()));
        waitUntil(() -> model.detail().statusProperty().get() == AssetReportStatus.READY);
    }

    @Test
    void theChainFollowsParentsThroughTheBookWhateverTheOrderOfTheList() {
        TokenRow root = row("assets-sandbox-root-0001", "r1", null);
        TokenRow child = row("assets-sandbox-child-0002", "r2", "r1");
        TokenRow grandchild = row("assets-sandbox-grand-0003", "r3", "r2");
        TokenRow sibling = row("assets-sandbox-other-0004", "r4", "r1");
        TokenRow alone = row("assets-sandbox-alone-0005", "r5", null);
        List<TokenRow> rows = List.of(grandchild, alone, sibling, child, root);
        assertThat(AssetsViewModel.chainOf(child, rows)).containsExactly(root, child, grandchild);
        assertThat(AssetsViewModel.chainOf(root, rows)).containsExactlyInAnyOrder(root, child, grandchild, sibling).startsWith(root);
        assertThat(AssetsViewModel.chainOf(alone, rows)).isEmpty();
        // A loop in the book (it cannot happen at Plaid) does not hang.
        TokenRow a = row("assets-sandbox-loopa-0006", "l1", "l2");
        TokenRow b = row("assets-sandbox-loopb-0007", "l2", "l1");
        assertThat(AssetsViewModel.chainOf(a, List.of(a, b))).containsExactly(b, a);
    }

    private static TokenRow row(String token, String id, String parent) {
        AssetReportFacts facts = new AssetReportFacts(null, List.of(), List.of(), 30, null, null,
                parent == null ? AssetReportFacts.Origin.CREATED : AssetReportFacts.Origin.REFRESHED, parent, List.of(),
                AssetReportStatus.READY, null, null);
        return new TokenRow(TokenEntry.of(TokenKind.ASSET_REPORT, token, "p", id).withNotes(facts.toNotes()));
    }
}
