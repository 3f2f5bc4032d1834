package dev.tartan.ui.assets;

import dev.tartan.model.AssetReportFacts;
import dev.tartan.model.AssetReportStatus;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.service.AssetReportService;
import dev.tartan.service.PdfRenderer;
import dev.tartan.service.TransactionSyncService;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.PasteTokenFormViewModel;
import dev.tartan.ui.common.TokenListViewModel;
import dev.tartan.ui.common.TokenRow;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The Assets pane: the asset reports the token book keeps for the active profile, each with where
 * it stands (waiting, ready, error, removed); the report open on the right; making new ones. A
 * report being generated is waited for in the background (polling with backoff, or the webhook),
 * shown in the status bar where the wait can be cancelled; once it is ready its row and, if it is
 * open, its tabs follow.
 */
public final class AssetsViewModel {

    private final PaneServices pane;
    private final AssetReportService reports;
    private final TokenListViewModel list;
    private final AssetReportViewModel detail;
    /** The waits under way, by token. */
    private final Map<String, CompletableFuture<TokenEntry>> waits = new HashMap<>();
    private final ObservableList<TokenRow> chain = FXCollections.observableArrayList();
    private final ObservableList<TokenRow> readOnlyChain = FXCollections.unmodifiableObservableList(chain);

    /**
     * @param transactions exports a report's transactions as CSV, as the Items pane does
     * @param openFile     opens a PDF in the system's viewer
     */
    public AssetsViewModel(PaneServices pane, AssetReportService reports, PdfRenderer pdf, TransactionSyncService transactions,
                           Consumer<Path> openFile) {
        this.pane = pane;
        this.reports = reports;
        this.list = pane.tokenList(TokenKind.ASSET_REPORT, "asset report",
                (profile, token, label) -> pane.tasks().run("Add an asset report", () -> reports.addByToken(profile, token, label, call -> { })),
                this::describe);
        this.detail = new AssetReportViewModel(pane, reports, pdf, transactions, openFile, new AssetReportViewModel.ReportList() {
            @Override
            public void made(TokenEntry report) {
                list.showNew(report);
                await(report);
            }

            @Override
            public void changed(TokenEntry old, TokenEntry now) {
                list.replace(old, now);
                updateChain();
            }

            @Override
            public void waiting(TokenEntry report) {
                await(report);
            }

            @Override
            public void open(String token) {
                list.open(token);
            }
        });
        list.selectedProperty().addListener((obs, old, row) -> {
            if (row != null && old != null && row.entry().value().equals(old.entry().value())) {
                detail.update(row.entry());
            } else {
                detail.open(pane.profile().get(), row == null ? null : row.entry());
            }
            updateChain();
        });
        list.rows().addListener((ListChangeListener<TokenRow>) change -> updateChain());
    }

    /** Fills in a row from what the book keeps of it; a report still being generated is waited for. */
    private void describe(TokenRow row) {
        AssetReportFacts facts = AssetReportFacts.of(row.entry());
        row.noteStatus(facts.status() == null ? null : facts.status().word(), facts.statusAt());
        if (facts.status() == AssetReportStatus.WAITING) {
            await(row.entry());
        }
    }

    /** Waits for a report in the background (once per report), as a task the status bar can cancel. */
    void await(TokenEntry report) {
        Profile profile = pane.profile().get();
        if (profile == null || waits.containsKey(report.value())) {
            return;
        }
        String name = report.label() != null ? report.label() : report.maskedValue();
        String token = report.value();
        CompletableFuture<TokenEntry> wait = pane.tasks().run("Waiting for the asset report " + name,
                progress -> reports.awaitReady(profile, report, call -> FxAsync.runOnFx(() -> detail.logIfOpen(token, call)), progress));
        waits.put(token, wait);
        wait.whenComplete((done, error) -> FxAsync.runOnFx(() -> waits.remove(token, wait)));
        FxAsync.whenDone(wait, done -> {
            list.replace(report, done);
            detail.changed(done);
            updateChain();
        }, error -> detail.waitFailed(token, error));
    }

    /** Asks Plaid about a waiting report now rather than at the next poll. */
    public void checkNow(TokenEntry report) {
        CompletableFuture<TokenEntry> wait = waits.remove(report.value());
        if (wait != null) {
            wait.cancel(true);
        }
        await(report);
    }

    /** Whether Tartan is waiting for this report. */
    public boolean isWaiting(String token) {
        return waits.containsKey(token);
    }

    /** The reports of the profile, on the left. */
    public TokenListViewModel list() {
        return list;
    }

    /** The report open on the right. */
    public AssetReportViewModel detail() {
        return detail;
    }

    /** Opens a report by its token, or the report of an audit copy token: the one listed, else added to the token book first. */
    public void open(String token) {
        list.open(token);
    }

    /** The paste field: an asset report or audit copy token of the profile's environment. */
    public PasteTokenFormViewModel newPasteForm() {
        return new PasteTokenFormViewModel(list, text -> {
            if (text.isEmpty()) {
                return "Paste an asset report token (assets-sandbox-\u2026) or an audit copy token (a-sandbox-\u2026).";
            }
            try {
                AssetReportService.checkToken(pane.profile().get(), text);
                return "";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });
    }

    /** The form of the "New asset report" dialog. */
    public NewReportFormViewModel newReportForm() {
        Profile profile = pane.profile().get();
        return new NewReportFormViewModel(pane, reports, profile, report -> {
            list.showNew(report);
            await(report);
        });
    }

    // --- the chain of reports -------------------------------------------------------------------

    /**
     * The open report's chain: the reports it was made from (oldest first), itself, and those made
     * from it (refreshed, filtered), as far as the book knows them. Empty when no report is open.
     */
    public ObservableList<TokenRow> chain() {
        return readOnlyChain;
    }

    private void updateChain() {
        TokenRow open = list.selectedProperty().get();
        chain.setAll(open == null ? List.of() : chainOf(open, list.rows()));
    }

    /** The reports {@code row} was made from, itself, and the reports made from it (depth first, oldest first). */
    static List<TokenRow> chainOf(TokenRow row, List<TokenRow> rows) {
        Map<String, TokenRow> byId = new HashMap<>();
        rows.forEach(candidate -> {
            if (candidate.entry().ownerId() != null) {
                byId.put(candidate.entry().ownerId(), candidate);
            }
        });
        List<TokenRow> ancestors = new ArrayList<>();
        TokenRow current = row;
        while (true) {
            String parent = AssetReportFacts.of(current.entry()).parentReportId();
            TokenRow up = parent == null ? null : byId.get(parent);
            if (up == null || ancestors.contains(up) || up == row) {
                break;
            }
            ancestors.add(up);
            current = up;
        }
        Collections.reverse(ancestors);
        List<TokenRow> chain = new ArrayList<>(ancestors);
        chain.add(row);
        addDescendants(row, rows, chain);
        return chain.size() == 1 ? List.of() : chain;
    }

    private static void addDescendants(TokenRow parent, List<TokenRow> rows, List<TokenRow> into) {
        String id = parent.entry().ownerId();
        if (id == null) {
            return;
        }
        List<TokenRow> children = rows.stream()
                .filter(candidate -> Objects.equals(AssetReportFacts.of(candidate.entry()).parentReportId(), id))
                .sorted(java.util.Comparator.comparing(candidate -> candidate.entry().createdAt(),
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
        for (TokenRow child : children) {
            if (!into.contains(child)) {
                into.add(child);
                addDescendants(child, rows, into);
            }
        }
    }
}
