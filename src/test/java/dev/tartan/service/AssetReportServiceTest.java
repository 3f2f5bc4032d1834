package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.tartan.api.PlaidApiException;
import dev.tartan.api.PlaidJson;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.model.AssetReportDigest;
import dev.tartan.model.AssetReportFacts;
import dev.tartan.model.AssetReportInsights;
import dev.tartan.model.AssetReportStatus;
import dev.tartan.model.AuditCopyFacts;
import dev.tartan.model.AuditEntry;
import dev.tartan.model.CallRecord;
import dev.tartan.model.PdfPage;
import dev.tartan.model.Profile;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.model.WebhookVerdict;
import dev.tartan.store.DownloadFolder;
import dev.tartan.testing.EmulatorServices;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The Assets service against the built-in emulator over loopback, with a real vault: every operation the pane uses. */
class AssetReportServiceTest {

    /** The emulator generates a report this long after it is asked for. */
    private static final Duration GENERATION = Duration.ofMillis(1500);
    /** A quick backoff, so the tests do not wait long past the report's readiness. */
    private static final AssetReportService.Backoff QUICK = new AssetReportService.Backoff(Duration.ofMillis(200), 1.5, Duration.ofMillis(600));

    @TempDir
    static Path home;
    static EmulatorServices services;
    static CachedCalls calls;
    static AssetReportService reports;
    static Profile profile;
    static TokenEntry first;
    static TokenEntry second;
    static final List<CallRecord> log = new CopyOnWriteArrayList<>();
    static final Consumer<CallRecord> LOG = log::add;

    @BeforeAll
    static void start() {
        services = new EmulatorServices(EmulatorConfig.builder().assetReportDelay(GENERATION).build(), home.resolve("vault"), 4);
        profile = services.profile;
        calls = new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC());
        reports = new AssetReportService(calls, services.gateway, services.vault, new DownloadFolder(home.resolve("data")), services.io,
                Clock.systemUTC(), QUICK);
        first = assetsItem("Checking and savings", "user_good");
        second = assetsItem("Second bank", "user_good");
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    /** A sandbox Item with the assets product, kept in the token book as the Items pane keeps it. */
    static TokenEntry assetsItem(String label, String username) {
        ItemService items = new ItemService(services.gateway, calls, services.vault, services.io);
        return items.createSandboxItem(profile, new ItemService.SandboxItemSpec("ins_109508", List.of("assets", "transactions", "identity"),
                username, "pass_good", null, label)).join();
    }

    private static AssetReportService.NewReport spec(int days, TokenEntry... items) {
        return new AssetReportService.NewReport(List.of(items), days,
                new AssetReportService.Applicant("applicant-7", "Alberta", "B", "Charleson", "alberta@example.com", "+14155550123"),
                "loan-4711", null);
    }

    private static <T> T join(CompletableFuture<T> future) {
        return future.orTimeout(60, TimeUnit.SECONDS).join();
    }

    private static TokenEntry ready(TokenEntry report) {
        TokenEntry entry = join(reports.awaitReady(profile, report, LOG, (done, total, text) -> { }));
        assertThat(AssetReportFacts.of(entry).status()).isEqualTo(AssetReportStatus.READY);
        return entry;
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.orTimeout(60, TimeUnit.SECONDS).join();
        } catch (RuntimeException e) {
            return dev.tartan.concurrent.Futures.unwrap(e);
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void aNewReportWaitsThenBecomesReadyByPollingAndIsBuiltFromBothItemsOwnAccounts() {
        Instant asked = Instant.now();
        TokenEntry report = join(reports.create(profile, spec(60, first, second), LOG));

        assertThat(report.kind()).isEqualTo(TokenKind.ASSET_REPORT);
        assertThat(report.ownerId()).isNotBlank();
        assertThat(report.label()).isEqualTo("Alberta B Charleson");
        AssetReportFacts facts = AssetReportFacts.of(report);
        assertThat(facts.status()).isEqualTo(AssetReportStatus.WAITING);
        assertThat(facts.items()).containsExactly("Checking and savings", "Second bank");
        assertThat(facts.itemIds()).containsExactly(first.ownerId(), second.ownerId());
        assertThat(facts.daysRequested()).isEqualTo(60);
        assertThat(facts.origin()).isEqualTo(AssetReportFacts.Origin.CREATED);
        // Right after create, Plaid is still generating it.
        AssetReportService.Checked now = join(reports.check(profile, report, LOG));
        assertThat(now.status()).isEqualTo(AssetReportStatus.WAITING);

        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        TokenEntry done = join(reports.awaitReady(profile, report, LOG, (d, t, text) -> progress.add(text)));
        assertThat(Duration.between(asked, Instant.now())).isGreaterThanOrEqualTo(GENERATION);
        assertThat(AssetReportFacts.of(done).status()).isEqualTo(AssetReportStatus.READY);
        assertThat(progress).anyMatch(text -> text.startsWith("Still being generated; asking again in"));
        assertThat(services.vault.tokens().byToken(report.value()).map(AssetReportFacts::of).map(AssetReportFacts::status))
                .contains(AssetReportStatus.READY);

        JsonNode reply = calls.fetch(profile, AssetReportService.GET, AssetReportService.reportBody(report.value(), false), LOG).join().json();
        AssetReportDigest digest = join(reports.digest(reply));
        assertThat(digest.assetReportId()).isEqualTo(report.ownerId());
        assertThat(digest.applicant()).isEqualTo("Alberta B Charleson");
        assertThat(digest.items()).extracting(AssetReportDigest.ItemSummary::itemId).containsExactly(first.ownerId(), second.ownerId());
        // The accounts and balances are the Items' own, as /accounts/get shows them.
        JsonNode accounts = services.call("/accounts/get", PlaidJson.mapper().createObjectNode().put("access_token", first.value()));
        for (JsonNode account : accounts.path("accounts")) {
            AssetReportDigest.AccountSummary summary = digest.account(account.path("account_id").asText());
            assertThat(summary).as(account.path("name").asText()).isNotNull();
            assertThat(summary.current()).isEqualTo(account.path("balances").path("current").isNumber()
                    ? account.path("balances").path("current").asDouble() : null);
            assertThat(summary.mask()).isEqualTo(account.path("mask").asText());
        }
        AssetReportDigest.AccountSummary checking = digest.accounts().stream().filter(a -> "checking".equals(a.subtype())).findFirst().orElseThrow();
        assertThat(checking.balances()).hasSizeLessThanOrEqualTo(60).isNotEmpty();
        assertThat(checking.balances()).isSortedAccordingTo(java.util.Comparator.comparing(AssetReportDigest.BalancePoint::date));
        assertThat(checking.averageBalance()).isEqualTo(Math.round(checking.balances().stream()
                .mapToDouble(AssetReportDigest.BalancePoint::current).average().orElseThrow() * 100) / 100.0);
        assertThat(digest.transactions()).isNotEmpty().allSatisfy(row -> assertThat(row.name()).isNotBlank());
        assertThat(digest.withInsights()).isFalse();
        assertThat(digest.owners()).isNotEmpty();
        assertThat(services.vault.audit().recent(50)).extracting(AuditEntry::action).contains("create asset report");
    }

    @Test
    void insightsSumMoneyInAndOutByCategory() {
        TokenEntry report = ready(join(reports.create(profile, spec(30, first), LOG)));
        JsonNode reply = calls.fetch(profile, AssetReportService.GET, AssetReportService.reportBody(report.value(), true), LOG).join().json();
        AssetReportDigest digest = join(reports.digest(reply));
        assertThat(digest.withInsights()).isTrue();
        AssetReportInsights insights = join(reports.insights(digest));
        double out = digest.transactions().stream().filter(row -> !row.pending() && row.amount() > 0).mapToDouble(row -> row.amount()).sum();
        assertThat(insights.outflow()).isCloseTo(out, org.assertj.core.data.Offset.offset(0.01));
        assertThat(insights.categories()).isNotEmpty();
        assertThat(insights.categories().stream().mapToInt(AssetReportInsights.Total::count).sum() + insights.uncategorized())
                .isEqualTo((int) digest.transactions().stream().filter(row -> !row.pending()).count());
    }

    @Test
    void refreshAndFilterMakeNewReportsLinkedToTheirParent() {
        TokenEntry original = ready(join(reports.create(profile, spec(30, first, second), LOG)));
        TokenEntry refreshed = join(reports.refresh(profile, original, 45, LOG));
        assertThat(refreshed.value()).isNotEqualTo(original.value());
        AssetReportFacts refreshedFacts = AssetReportFacts.of(refreshed);
        assertThat(refreshedFacts.origin()).isEqualTo(AssetReportFacts.Origin.REFRESHED);
        assertThat(refreshedFacts.parentReportId()).isEqualTo(original.ownerId());
        assertThat(refreshedFacts.daysRequested()).isEqualTo(45);
        assertThat(refreshedFacts.status()).isEqualTo(AssetReportStatus.WAITING);
        refreshed = ready(refreshed);

        JsonNode reply = calls.fetch(profile, AssetReportService.GET, AssetReportService.reportBody(original.value(), false), LOG).join().json();
        String dropped = reply.path("report").path("items").path(0).path("accounts").path(0).path("account_id").asText();
        TokenEntry filtered = ready(join(reports.filter(profile, refreshed, List.of(dropped), LOG)));
        AssetReportFacts filteredFacts = AssetReportFacts.of(filtered);
        assertThat(filteredFacts.origin()).isEqualTo(AssetReportFacts.Origin.FILTERED);
        assertThat(filteredFacts.parentReportId()).isEqualTo(refreshed.ownerId());
        assertThat(filteredFacts.excludedAccounts()).containsExactly(dropped);
        AssetReportDigest digest = join(reports.digest(calls.fetch(profile, AssetReportService.GET,
                AssetReportService.reportBody(filtered.value(), false), LOG).join().json()));
        assertThat(digest.accounts()).extracting(AssetReportDigest.AccountSummary::accountId).doesNotContain(dropped).isNotEmpty();

        // Plaid refuses an account that is not in the report, naming the field.
        Throwable refused = failureOf(reports.filter(profile, filtered, List.of(dropped), LOG));
        assertThat(refused).isInstanceOf(PlaidApiException.class);
        assertThat(((PlaidApiException) refused).error().errorCode()).isEqualTo("INVALID_ACCOUNT_ID");
        assertThat(((PlaidApiException) refused).error().errorMessage()).contains("account_ids_to_exclude[0]");
    }

    @Test
    void auditCopiesAreMadeReadAndRemovedAndRemovingTheReportRefusesLaterCalls() throws Exception {
        TokenEntry report = ready(join(reports.create(profile, spec(30, first), LOG)));
        TokenEntry copy = join(reports.createAuditCopy(profile, report, "fannie_mae", LOG));
        assertThat(copy.kind()).isEqualTo(TokenKind.AUDIT_COPY);
        assertThat(copy.ownerId()).isEqualTo(report.ownerId());
        assertThat(AuditCopyFacts.of(copy).auditorId()).isEqualTo("fannie_mae");
        assertThat(join(reports.auditCopies(profile, report))).extracting(TokenEntry::value).containsExactly(copy.value());
        JsonNode read = calls.fetch(profile, AssetReportService.AUDIT_COPY_GET, AssetReportService.auditCopyBody(copy.value()), LOG)
                .join().json();
        assertThat(read.path("report").path("asset_report_id").asText()).isEqualTo(report.ownerId());
        // Pasting the copy's token opens its report.
        assertThat(join(reports.addByToken(profile, copy.value(), null, LOG)).value()).isEqualTo(report.value());

        TokenEntry second = join(reports.createAuditCopy(profile, report, "freddie_mac", LOG));
        TokenEntry removedCopy = join(reports.removeAuditCopy(profile, second, LOG));
        assertThat(AuditCopyFacts.of(removedCopy).removed()).isTrue();
        Throwable gone = failureOf(calls.fetch(profile, AssetReportService.AUDIT_COPY_GET, AssetReportService.auditCopyBody(second.value()), LOG));
        assertThat(((PlaidApiException) gone).error().errorCode()).isEqualTo("INVALID_AUDIT_COPY_TOKEN");

        // The PDF is a real one: PDFBox reads an account's mask back from it, and renders its first page.
        Path pdf = join(reports.downloadPdf(profile, report, LOG));
        assertThat(pdf.getFileName().toString()).endsWith(".pdf");
        AssetReportDigest digest = join(reports.digest(calls.fetch(profile, AssetReportService.GET,
                AssetReportService.reportBody(report.value(), false), LOG).join().json()));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(digest.accounts().get(0).mask());
        }
        try (PdfRenderer renderer = new PdfRenderer(services.io)) {
            PdfPage page = join(renderer.render(pdf, 0, 1.0));
            assertThat(page.pageCount()).isGreaterThanOrEqualTo(1);
            assertThat(page.image().getWidth()).isBetween(500, 700); // US Letter or A4 at 72 dpi
            PdfPage zoomed = join(renderer.render(pdf, 99, 2.0));
            assertThat(zoomed.index()).isEqualTo(page.pageCount() - 1);
            assertThat(zoomed.image().getWidth()).isEqualTo(page.image().getWidth() * 2);
        }
        Path saved = join(reports.savePdf(pdf, home.resolve("saved.pdf")));
        assertThat(Files.mismatch(saved, pdf)).isEqualTo(-1);

        TokenEntry removed = join(reports.remove(profile, report, LOG));
        assertThat(AssetReportFacts.of(removed).status()).isEqualTo(AssetReportStatus.REMOVED);
        assertThat(AuditCopyFacts.of(services.vault.tokens().byToken(copy.value()).orElseThrow()).removed()).isTrue();
        Throwable refused = failureOf(calls.fetch(profile, AssetReportService.GET, AssetReportService.reportBody(report.value(), false), LOG));
        assertThat(((PlaidApiException) refused).error().errorCode()).isEqualTo("INVALID_ASSET_REPORT_TOKEN");
        assertThat(AssetReportService.statusOf(refused)).isEqualTo(AssetReportStatus.REMOVED);
        assertThat(join(reports.check(profile, removed, LOG)).status()).isEqualTo(AssetReportStatus.REMOVED);
        assertThat(services.vault.audit().recent(50)).extracting(AuditEntry::action)
                .contains("create audit copy", "remove audit copy", "remove asset report");
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        int before = services.vault.history().recent(1000).size();
        assertThat(failureOf(reports.create(profile, spec(732, first), LOG))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("days_requested");
        assertThat(failureOf(reports.create(profile, new AssetReportService.NewReport(List.of(), 30, null, null, null), LOG)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one Item");
        assertThat(failureOf(reports.create(profile, new AssetReportService.NewReport(List.of(first), 30, null, null, "not a url"), LOG)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("webhook");
        assertThat(failureOf(reports.addByToken(profile, "access-sandbox-12345678", null, LOG))).hasMessageContaining("access token");
        assertThat(services.vault.history().recent(1000)).hasSize(before);
        // An Item without the assets product: Plaid's own refusal, naming the Item's field.
        TokenEntry plain = new ItemService(services.gateway, calls, services.vault, services.io).createSandboxItem(profile,
                new ItemService.SandboxItemSpec("ins_109508", List.of("transactions"), "user_good", "pass_good", null, "no assets")).join();
        Throwable refused = failureOf(reports.create(profile, spec(30, first, plain), LOG));
        assertThat(((PlaidApiException) refused).error().errorCode()).isEqualTo("PRODUCT_NOT_ENABLED");
        assertThat(((PlaidApiException) refused).error().errorMessage()).contains("access_tokens[1]");
    }

    @Test
    void aPastedTokenIsCheckedWithPlaidAndAnUnknownOneIsNotKept() {
        TokenEntry made = ready(join(reports.create(profile, spec(30, second), LOG)));
        // Forget it, then paste it back: the book learns its id, Items and applicant from the report.
        services.vault.tokens().remove(made.value());
        TokenEntry pasted = join(reports.addByToken(profile, "  " + made.value() + " ", null, LOG));
        assertThat(pasted.ownerId()).isEqualTo(made.ownerId());
        AssetReportFacts facts = AssetReportFacts.of(pasted);
        assertThat(facts.origin()).isEqualTo(AssetReportFacts.Origin.PASTED);
        assertThat(facts.status()).isEqualTo(AssetReportStatus.READY);
        assertThat(facts.itemIds()).containsExactly(second.ownerId());
        assertThat(facts.applicant()).isEqualTo("Alberta B Charleson");

        String unknown = "assets-sandbox-00000000-0000-0000-0000-000000000000";
        assertThat(failureOf(reports.addByToken(profile, unknown, null, LOG))).hasMessageContaining("INVALID_ASSET_REPORT_TOKEN");
        assertThat(services.vault.tokens().byToken(unknown)).isEmpty();
    }

    @Test
    void anAssetsWebhookEndsTheWaitBeforeTheNextPoll() throws Exception {
        // A slow backoff: only the webhook can end the wait soon after the report is ready.
        AssetReportService slow = new AssetReportService(calls, services.gateway, services.vault, new DownloadFolder(home.resolve("data")),
                services.io, Clock.systemUTC(), new AssetReportService.Backoff(Duration.ofSeconds(20), 2, Duration.ofSeconds(60)));
        try (InboxFeed inbox = new InboxFeed()) {
            slow.useWebhooks(inbox);
            assertThat(slow.inboxUrl()).isEqualTo(inbox.inboxUrl());
            AssetReportService.NewReport withWebhook = new AssetReportService.NewReport(List.of(first), 30, null, null, inbox.inboxUrl());
            TokenEntry report = join(slow.create(profile, withWebhook, LOG));
            long start = System.nanoTime();
            TokenEntry done = slow.awaitReady(profile, report, LOG, (d, t, text) -> { }).get(15, TimeUnit.SECONDS);
            assertThat(AssetReportFacts.of(done).status()).isEqualTo(AssetReportStatus.READY);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(inbox.received).anyMatch(webhook -> webhook.code().equals("PRODUCT_READY"));
            assertThat(inbox.listeners).isEmpty(); // the wait stopped listening
        }
    }

    @Test
    void cancellingAWaitStopsAsking() throws Exception {
        TokenEntry report = join(reports.create(profile, spec(30, first), LOG));
        CompletableFuture<TokenEntry> waiting = reports.awaitReady(profile, report, LOG, (d, t, text) -> { });
        Thread.sleep(300);
        waiting.cancel(true);
        int asked = (int) services.vault.history().recent(1000).stream()
                .filter(entry -> entry.operation().equals(AssetReportService.GET)).count();
        Thread.sleep(GENERATION.toMillis() + 1000);
        assertThat(services.vault.history().recent(1000).stream().filter(entry -> entry.operation().equals(AssetReportService.GET)).count())
                .isLessThanOrEqualTo(asked + 1); // at most the call that was under way
        assertThat(AssetReportFacts.of(services.vault.tokens().byToken(report.value()).orElseThrow()).status())
                .isEqualTo(AssetReportStatus.WAITING);
    }

    /** A webhook inbox on loopback, as the app's will be: what it receives goes to its listeners. */
    static final class InboxFeed implements WebhookFeed, AutoCloseable {
        final HttpServer server;
        final List<Consumer<ReceivedWebhook>> listeners = new CopyOnWriteArrayList<>();
        final List<ReceivedWebhook> received = new CopyOnWriteArrayList<>();

        InboxFeed() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                JsonNode json = PlaidJson.mapper().readTree(body);
                ReceivedWebhook webhook = new ReceivedWebhook(received.size() + 1, Instant.now(), json.path("webhook_type").asText(),
                        json.path("webhook_code").asText(), json.has("asset_report_id") ? new ReceivedWebhook.WebhookSubject(
                        ReceivedWebhook.WebhookSubject.Kind.ASSET_REPORT, json.path("asset_report_id").asText()) : null, body, Map.of(),
                        new WebhookVerdict(List.of()));
                received.add(webhook);
                listeners.forEach(listener -> listener.accept(webhook));
            });
            server.start();
        }

        @Override
        public String inboxUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
        }

        @Override
        public List<ReceivedWebhook> recent(int limit) {
            return List.copyOf(received);
        }

        @Override
        public AutoCloseable subscribe(Consumer<ReceivedWebhook> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

}
