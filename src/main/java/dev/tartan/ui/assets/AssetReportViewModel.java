package dev.tartan.ui.assets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.AssetReportDigest;
import dev.tartan.model.AssetReportFacts;
import dev.tartan.model.AssetReportInsights;
import dev.tartan.model.AssetReportStatus;
import dev.tartan.model.AuditCopyFacts;
import dev.tartan.model.CallRecord;
import dev.tartan.model.FailureReport;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.service.AssetReportService;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.PdfRenderer;
import dev.tartan.service.TransactionSyncService;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.data.Outcome;
import dev.tartan.ui.common.data.SubjectLoader;
import dev.tartan.ui.common.data.TransactionsViewModel;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The asset report open in the Assets pane: where it stands, its data (read cache-through and
 * worked out off the FX thread into what the tabs show: accounts, daily balances, transactions,
 * owners), its insights and PDF when asked for, its audit copies, and the actions on it (refresh,
 * filter, audit copies, remove). No controls here; {@link AssetReportView} binds to it.
 */
public final class AssetReportViewModel {

    /** What the report's changes mean for the list of reports (the pane's list model carries them out). */
    interface ReportList {
        /** A new report was made from this one (refresh, filter): list it, open it, wait for it. */
        void made(TokenEntry report);

        /** The book's entry of a report changed (its status, what it told of itself). */
        void changed(TokenEntry old, TokenEntry now);

        /** The report turned out to be still being generated: wait for it. */
        void waiting(TokenEntry report);

        /** Opens another report of the list (one of the chain). */
        void open(String token);
    }

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm").withZone(ZoneId.systemDefault());

    private final PaneServices pane;
    private final AssetReportService reports;
    private final SubjectLoader loader;
    private final ReportList list;

    private final ObjectProperty<Profile> profile = new SimpleObjectProperty<>();
    private final ObjectProperty<TokenEntry> report = new SimpleObjectProperty<>();
    private final ObjectProperty<AssetReportStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<String> errorCode = new SimpleObjectProperty<>();
    private final ObjectProperty<Outcome<JsonNode>> reportJson = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<Outcome<JsonNode>> insightsJson = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<Outcome<AssetReportDigest>> digest = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<Outcome<AssetReportInsights>> insights = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<Outcome<String>> lastAction = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObservableList<TokenEntry> auditCopies = FXCollections.observableArrayList();
    private final ObjectProperty<TokenEntry> openCopy = new SimpleObjectProperty<>();
    private final ObjectProperty<Outcome<JsonNode>> copyJson = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<Outcome<AssetReportDigest>> copyDigest = new SimpleObjectProperty<>(Outcome.nothing());
    private final TransactionsViewModel transactions;
    private final ReportPdfViewModel pdf;
    private final BooleanBinding ready;
    /** Which digest of the report was asked for last: an older one finishing late is dropped. */
    private long digestAsked;
    private long insightsAsked;
    private long copyAsked;
    private boolean insightsShown;

    AssetReportViewModel(PaneServices pane, AssetReportService reports, PdfRenderer renderer, TransactionSyncService transactionExport,
                         Consumer<Path> openFile, ReportList list) {
        this.pane = pane;
        this.reports = reports;
        this.list = list;
        this.loader = pane.subjectLoader(FailureDescriber::describe);
        this.transactions = new TransactionsViewModel(transactionExport, pane.tasks(), loader::log);
        this.pdf = new ReportPdfViewModel(reports, renderer, pane.tasks(), loader, openFile);
        this.ready = Bindings.createBooleanBinding(() -> status.get() == AssetReportStatus.READY, status);
        reportJson.addListener((obs, old, now) -> followReport(now));
        insightsJson.addListener((obs, old, now) -> followInsights(now));
        copyJson.addListener((obs, old, now) -> followCopy(now));
    }

    // --- opening ----------------------------------------------------------------------------------

    /** Opens a report (null: none). A report being generated shows as waiting; any other is read at once. */
    void open(Profile forProfile, TokenEntry entry) {
        loader.open(forProfile);
        profile.set(forProfile);
        report.set(entry);
        digestAsked++;
        insightsShown = false;
        reportJson.set(Outcome.nothing());
        insightsJson.set(Outcome.nothing());
        digest.set(Outcome.nothing());
        insights.set(Outcome.nothing());
        copyJson.set(Outcome.nothing());
        copyDigest.set(Outcome.nothing());
        openCopy.set(null);
        auditCopies.clear();
        lastAction.set(Outcome.nothing());
        transactions.open(forProfile, null);
        transactions.nameAccounts(Map.of());
        pdf.open(forProfile, entry);
        AssetReportFacts facts = AssetReportFacts.of(entry);
        status.set(entry == null ? null : facts.status());
        errorCode.set(facts.errorCode());
        if (entry == null || forProfile == null) {
            return;
        }
        loadCopies();
        if (facts.status() == AssetReportStatus.WAITING) {
            showWaiting();
        } else {
            loadReport();
        }
    }

    /** The book's entry of the open report changed (same token): follows its status. */
    void update(TokenEntry entry) {
        changed(entry);
    }

    /** A report's entry changed (a wait ended): if it is the open one, its tabs follow. */
    void changed(TokenEntry entry) {
        TokenEntry shown = report.get();
        if (shown == null || !shown.value().equals(entry.value())) {
            return;
        }
        AssetReportStatus before = status.get();
        AssetReportFacts facts = AssetReportFacts.of(entry);
        report.set(entry);
        status.set(facts.status());
        errorCode.set(facts.errorCode());
        if (before == AssetReportStatus.WAITING && facts.status() != AssetReportStatus.WAITING) {
            loadReport();
            loadCopies();
        }
    }

    /** A wait for a report failed (no reply from Plaid, again and again): if it is open, say so in its tab. */
    void waitFailed(String token, Throwable error) {
        TokenEntry shown = report.get();
        if (shown != null && shown.value().equals(token)) {
            reportJson.set(Outcome.failed(loader.describe(error)));
        }
    }

    /** A call made for a report while it may not be open (a wait's): it lands in its log if it is. */
    void logIfOpen(String token, CallRecord call) {
        TokenEntry shown = report.get();
        if (shown != null && shown.value().equals(token)) {
            loader.log(call);
        }
    }

    /** Reads everything again (the reload button, a failure's "Try again"). */
    public void reload() {
        open(profile.get(), report.get());
    }

    private void showWaiting() {
        reportJson.set(Outcome.loading("Plaid is generating this report. It opens here once it is ready."));
        list.waiting(report.get());
    }

    private void loadReport() {
        TokenEntry entry = report.get();
        var fresh = loader.readLarge(reportJson, AssetReportService.GET, AssetReportService.reportBody(entry.value(), false),
                reply -> reply.path("report").path("items").isEmpty() ? "This report has no Items left (every account was filtered out)." : null);
        loader.whenCurrent(fresh, fetched -> seen(entry, AssetReportStatus.READY, null, fetched.json().path("report")), failure -> {
            AssetReportStatus seen = AssetReportService.statusOf(failure.errorType(), failure.errorCode());
            if (seen == AssetReportStatus.WAITING) {
                status.set(AssetReportStatus.WAITING);
                TokenEntry waiting = report.get();
                seen(waiting, AssetReportStatus.WAITING, null, null);
                showWaiting();
            } else if (seen != null) {
                seen(entry, seen, seen == AssetReportStatus.ERROR ? failure.errorCode() : null, null);
            }
        });
    }

    /** Notes in the book what the report turned out to be; the list and this model follow. */
    private void seen(TokenEntry entry, AssetReportStatus now, String code, JsonNode reportData) {
        status.set(now);
        errorCode.set(code);
        FxAsync.whenDone(reports.noteSeen(entry, now, code, reportData), kept -> {
            if (!kept.equals(entry)) {
                list.changed(entry, kept);
                TokenEntry shown = report.get();
                if (shown != null && shown.value().equals(kept.value())) {
                    report.set(kept);
                }
            }
        }, error -> { });
    }

    private void followReport(Outcome<JsonNode> now) {
        // Whatever the reply's state now, a summary still being made of an earlier one must not land.
        long asked = ++digestAsked;
        switch (now.phase()) {
            case DATA -> {
                TokenEntry entry = report.get();
                // The summary first (the tabs most looked at), the transactions' rows after it.
                FxAsync.whenDone(reports.summary(now.data()), made -> {
                    if (asked != digestAsked || report.get() == null || !report.get().value().equals(entry.value())) {
                        return;
                    }
                    digest.set(Outcome.data(made, now.fetchedAt(), now.refreshing()));
                    transactions.nameAccounts(titles(made));
                    FxAsync.whenDone(reports.transactions(now.data()), rows -> {
                        if (asked == digestAsked && !insights.get().hasData()) {
                            transactions.showFixed(rows, describeSource(made, false));
                        }
                    }, error -> {
                        if (asked == digestAsked) {
                            digest.set(Outcome.failed(loader.describe(error)));
                        }
                    });
                }, error -> {
                    if (asked == digestAsked) {
                        digest.set(Outcome.failed(loader.describe(error)));
                    }
                });
            }
            case LOADING -> digest.set(Outcome.loading(now.message()));
            case EMPTY -> digest.set(now.message() == null || now.message().isEmpty() ? Outcome.nothing() : Outcome.empty(now.message()));
            case FAILED -> digest.set(Outcome.failed(now.failure()));
        }
    }

    /** The accounts' names for the transactions table; two Items of one bank have accounts of the same name: the Item tells them apart. */
    private Map<String, String> titles(AssetReportDigest digest) {
        Map<String, Long> seen = digest.accounts().stream()
                .collect(java.util.stream.Collectors.groupingBy(AssetReportDigest.AccountSummary::title, java.util.stream.Collectors.counting()));
        Map<String, String> names = itemNames();
        Map<String, String> titles = new LinkedHashMap<>();
        digest.accounts().forEach(account -> titles.put(account.accountId(), seen.get(account.title()) > 1
                ? account.title() + " (" + names.getOrDefault(account.itemId(), account.institutionName()) + ")" : account.title()));
        return titles;
    }

    private static String describeSource(AssetReportDigest made, boolean withInsights) {
        return "The report's transactions" + (withInsights ? " with insights (categories, merchants)" : "")
                + (made.dateGenerated() == null ? "" : ", as generated " + GENERATED.format(made.dateGenerated())) + ".";
    }

    // --- insights -----------------------------------------------------------------------------------

    /** Reads the Asset Report with Insights (once per opening; its tab asks when it is first shown). */
    public void loadInsights() {
        TokenEntry entry = report.get();
        if (entry == null || insightsShown) {
            return;
        }
        if (status.get() != AssetReportStatus.READY) {
            insights.set(Outcome.empty("Insights are read once the report is ready."));
            return;
        }
        insightsShown = true;
        loader.readLarge(insightsJson, AssetReportService.GET, AssetReportService.reportBody(entry.value(), true), null);
    }

    /** Reads the insights again (their failure's "Try again"). */
    public void reloadInsights() {
        insightsShown = false;
        loadInsights();
    }

    private void followInsights(Outcome<JsonNode> now) {
        long asked = ++insightsAsked;
        switch (now.phase()) {
            case DATA -> {
                TokenEntry entry = report.get();
                FxAsync.whenDone(Futures.flatMap(reports.digest(now.data()), made -> Futures.map(reports.insights(made),
                        summed -> Map.entry(made, summed))), both -> {
                    if (asked != insightsAsked || report.get() == null || !report.get().value().equals(entry.value())) {
                        return;
                    }
                    insights.set(Outcome.data(both.getValue(), now.fetchedAt(), now.refreshing()));
                    transactions.showFixed(both.getKey().transactions(), describeSource(both.getKey(), true));
                }, error -> insights.set(Outcome.failed(loader.describe(error))));
            }
            case LOADING -> insights.set(Outcome.loading(now.message()));
            case EMPTY -> insights.set(Outcome.nothing());
            case FAILED -> insights.set(Outcome.failed(now.failure()));
        }
    }

    // --- audit copies -------------------------------------------------------------------------------

    private void loadCopies() {
        TokenEntry entry = report.get();
        if (entry == null) {
            return;
        }
        loader.whenCurrent(reports.auditCopies(profile.get(), entry), copies -> auditCopies.setAll(copies), failure -> { });
    }

    /** Reads an audit copy as its auditor would (/asset_report/audit_copy/get). */
    public void openCopy(TokenEntry copy) {
        openCopy.set(copy);
        if (copy == null) {
            copyJson.set(Outcome.nothing());
            return;
        }
        loader.readLarge(copyJson, AssetReportService.AUDIT_COPY_GET, AssetReportService.auditCopyBody(copy.value()), null);
    }

    private void followCopy(Outcome<JsonNode> now) {
        long asked = ++copyAsked;
        switch (now.phase()) {
            case DATA -> {
                TokenEntry copy = openCopy.get();
                FxAsync.whenDone(reports.summary(now.data()), made -> {
                    if (asked == copyAsked && copy == openCopy.get()) {
                        copyDigest.set(Outcome.data(made, now.fetchedAt(), now.refreshing()));
                    }
                }, error -> copyDigest.set(Outcome.failed(loader.describe(error))));
            }
            case LOADING -> copyDigest.set(Outcome.loading(now.message()));
            case EMPTY -> copyDigest.set(Outcome.nothing());
            case FAILED -> copyDigest.set(Outcome.failed(now.failure()));
        }
    }

    /** The form that makes an audit copy of the open report. */
    public AuditCopyFormViewModel newAuditCopyForm() {
        TokenEntry entry = report.get();
        Profile forProfile = profile.get();
        Consumer<CallRecord> log = loader.callLog();
        return new AuditCopyFormViewModel(auditor -> pane.tasks().run("Create an audit copy",
                () -> reports.createAuditCopy(forProfile, entry, auditor, log)), copy -> {
            TokenEntry shown = report.get();
            if (shown != null && shown.value().equals(entry.value())) {
                auditCopies.add(0, copy);
                lastAction.set(Outcome.data("Made an audit copy for " + AuditCopyFacts.of(copy).auditorId() + ": " + copy.maskedValue()
                        + ". Give the auditor its token.", java.time.Instant.now(), false));
                openCopy(copy);
            }
        });
    }

    /** Removes an audit copy at Plaid (the view has asked first); the book keeps it, marked removed. */
    public void removeCopy(TokenEntry copy) {
        loader.act(lastAction, "Remove the audit copy", log -> reports.removeAuditCopy(profile.get(), copy, log), removed -> {
            auditCopies.replaceAll(entry -> entry.value().equals(removed.value()) ? removed : entry);
            if (openCopy.get() != null && openCopy.get().value().equals(removed.value())) {
                openCopy(removed);
            }
            return "Removed the audit copy for " + AuditCopyFacts.of(removed).auditorId() + "; its token no longer works.";
        });
    }

    /** Fetches an audit copy's PDF and opens it in the system's viewer. */
    public void openCopyPdf(TokenEntry copy) {
        pdf.openExternally(copy);
    }

    // --- actions on the report --------------------------------------------------------------------

    /** The form that refreshes the report (a new report, linked to this one). */
    public RefreshFormViewModel newRefreshForm() {
        TokenEntry entry = report.get();
        Profile forProfile = profile.get();
        Consumer<CallRecord> log = loader.callLog();
        Integer days = digest.get().hasData() ? Integer.valueOf(digest.get().data().daysRequested()) : AssetReportFacts.of(entry).daysRequested();
        return new RefreshFormViewModel(days == null ? 60 : days, chosen -> pane.tasks().run("Refresh the asset report",
                () -> reports.refresh(forProfile, entry, chosen, log)), list::made);
    }

    /** The form that filters accounts out of the report (a new report without them). */
    public FilterFormViewModel newFilterForm() {
        TokenEntry entry = report.get();
        Profile forProfile = profile.get();
        Consumer<CallRecord> log = loader.callLog();
        return new FilterFormViewModel(digest.get().hasData() ? digest.get().data().accounts() : java.util.List.of(),
                excluded -> pane.tasks().run("Filter the asset report", () -> reports.filter(forProfile, entry, excluded, log)), list::made);
    }

    /** Removes the report at Plaid (the view has asked first): its token and audit copies stop working; the book keeps it, marked removed. */
    public void remove() {
        TokenEntry entry = report.get();
        Profile forProfile = profile.get();
        if (entry == null) {
            return;
        }
        loader.act(lastAction, "Remove the asset report", log -> Futures.tap(reports.remove(forProfile, entry, log), (saved, error) -> {
            if (saved != null) {
                FxAsync.runOnFx(() -> list.changed(entry, saved));
            }
        }), saved -> {
            report.set(saved);
            status.set(AssetReportStatus.REMOVED);
            loadCopies();
            // Read it again: Plaid's refusal shows what removing it did.
            loadReport();
            return "Removed at Plaid: the report's token and its audit copies no longer work. The token book keeps it, marked removed.";
        });
    }

    /** Opens another report of the chain. */
    public void openInChain(String token) {
        list.open(token);
    }

    // --- state ------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<TokenEntry> reportProperty() {
        return report;
    }

    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return profile;
    }

    /** Where the open report stands; null while not known. */
    public ReadOnlyObjectProperty<AssetReportStatus> statusProperty() {
        return status;
    }

    /** For a report whose generation failed, Plaid's error_code; else null. */
    public ReadOnlyObjectProperty<String> errorCodeProperty() {
        return errorCode;
    }

    /** Whether the report can be read and built upon (refreshed, filtered, copied). */
    public BooleanBinding readyProperty() {
        return ready;
    }

    /** The /asset_report/get reply (loading with a message while the report is being generated). */
    public ReadOnlyObjectProperty<Outcome<JsonNode>> reportJsonProperty() {
        return reportJson;
    }

    /** The report worked out for the tabs: accounts, daily balances, transactions, owners. */
    public ReadOnlyObjectProperty<Outcome<AssetReportDigest>> digestProperty() {
        return digest;
    }

    /** Money in and out by category and merchant, from the Asset Report with Insights. */
    public ReadOnlyObjectProperty<Outcome<AssetReportInsights>> insightsProperty() {
        return insights;
    }

    /** The report's transactions with the shared filters and CSV export. */
    public TransactionsViewModel transactions() {
        return transactions;
    }

    /** The report's PDF, rendered page by page. */
    public ReportPdfViewModel pdf() {
        return pdf;
    }

    /** The audit copies the book keeps of the report, newest first. */
    public ObservableList<TokenEntry> auditCopies() {
        return auditCopies;
    }

    /** The audit copy being read, or null. */
    public ReadOnlyObjectProperty<TokenEntry> openCopyProperty() {
        return openCopy;
    }

    /** The open audit copy as its auditor reads it. */
    public ReadOnlyObjectProperty<Outcome<AssetReportDigest>> copyDigestProperty() {
        return copyDigest;
    }

    /** What the last action achieved, or why it failed. */
    public ReadOnlyObjectProperty<Outcome<String>> lastActionProperty() {
        return lastAction;
    }

    /** Every call made for the report since it was opened, newest first (the Raw JSON tab). */
    public ObservableList<CallRecord> calls() {
        return loader.calls();
    }

    /**
     * What the open report's Items are called, by item_id: the names they have in the token book
     * where Tartan made the report, else their institution's (from the report, once read).
     */
    public Map<String, String> itemNames() {
        Map<String, String> names = new LinkedHashMap<>();
        if (digest.get().hasData()) {
            digest.get().data().items().forEach(item -> names.put(item.itemId(), item.institutionName()));
        }
        AssetReportFacts facts = AssetReportFacts.of(report.get());
        if (facts.itemIds().size() == facts.items().size() && facts.origin() != AssetReportFacts.Origin.PASTED) {
            for (int i = 0; i < facts.itemIds().size(); i++) {
                names.put(facts.itemIds().get(i), facts.items().get(i));
            }
        }
        return names;
    }

    /** How the pane explains a failure. */
    FailureReport describe(Throwable error) {
        return loader.describe(error);
    }
}
