package dev.tartan.ui.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.PaneTarget;
import dev.tartan.model.Profile;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.TransferCreationService;
import dev.tartan.service.TransferLedgerService;
import dev.tartan.service.TransferSandboxService;
import dev.tartan.service.TransferService;
import dev.tartan.service.TransferSyncService;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.InboxUrl;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.data.Outcome;
import dev.tartan.ui.common.data.SubjectLoader;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.ZoneId;
import java.util.Set;

/**
 * The Transfers pane's state and actions: the profile's transfers and refunds (kept current with
 * /transfer/event/sync), the transfer open, the sweeps, recurring transfers, the ledger and, in
 * Sandbox, the test clocks; making a transfer; and what the user is asked before money moves or
 * something is cancelled. Holds no controls; {@link TransfersView} binds to it.
 */
public final class TransfersViewModel {

    /** The pane's tabs. */
    public enum Section { TRANSFERS, REFUNDS, SWEEPS, RECURRING, LEDGER, TEST_CLOCKS }

    private final PaneServices pane;
    private final TransferSyncService sync;
    private final TransferService transferService;
    private final TransferCreationService creation;
    private final ZoneId zone;
    private final TransferListViewModel list;
    private final TransferViewModel transfer;
    private final LedgerViewModel ledger;
    private final SweepsViewModel sweeps;
    private final RecurringViewModel recurring;
    private final TestClocksViewModel clocks;
    private final SubjectLoader lookups;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.TRANSFERS);
    private final ObjectProperty<Outcome<String>> notice = new SimpleObjectProperty<>(Outcome.nothing());
    private final BooleanBinding sandbox;
    private TransferChecks checks = TransferChecks.OUTSIDE_PRODUCTION_ONLY;
    private boolean shownOnce;

    public TransfersViewModel(PaneServices pane, TransferSyncService sync, TransferService transfers, TransferCreationService creation,
                              TransferLedgerService ledgerService, TransferSandboxService sandboxService) {
        this(pane, sync, transfers, creation, ledgerService, sandboxService, ZoneId.systemDefault());
    }

    /** @param zone the zone the date filters and the chart count days in */
    public TransfersViewModel(PaneServices pane, TransferSyncService sync, TransferService transfers, TransferCreationService creation,
                              TransferLedgerService ledgerService, TransferSandboxService sandboxService, ZoneId zone) {
        this.pane = pane;
        this.sync = sync;
        this.transferService = transfers;
        this.creation = creation;
        this.zone = zone;
        this.sandbox = pane.sandbox();
        this.lookups = pane.subjectLoader(FailureDescriber::describe);
        this.list = new TransferListViewModel(sync, pane.tasks(), call -> { }, zone);
        this.transfer = new TransferViewModel(transfers, sandboxService, pane.subjectLoader(FailureDescriber::describe),
                () -> pane.profile().get(), () -> checks, list::sync);
        this.ledger = new LedgerViewModel(ledgerService, sandboxService, pane.subjectLoader(FailureDescriber::describe), () -> checks,
                list.visibleRows(), list::sync, zone);
        this.sweeps = new SweepsViewModel(ledgerService, sandboxService, pane.subjectLoader(FailureDescriber::describe), list.rows(),
                list::sync);
        this.clocks = new TestClocksViewModel(sandboxService, creation, pane.subjectLoader(FailureDescriber::describe), list::sync);
        this.recurring = new RecurringViewModel(creation, pane.tokenBook(), pane.subjectLoader(FailureDescriber::describe), () -> checks,
                () -> sandbox.get() ? clocks.choices() : null, list::sync);
        // Picking another transfer opens it; the same one picked again (a newer row of it) is an update, not a reload.
        list.selectedProperty().addListener((obs, old, row) -> {
            if (row != null && (old == null || !row.id().equals(old.id())) && !row.id().equals(transfer.transferIdProperty().get())) {
                transfer.open(row.id());
            }
        });
        list.onChanged(this::changedElsewhere);
        pane.profile().addListener((obs, old, now) -> {
            if (shownOnce) {
                open(now);
            }
        });
    }

    private void changedElsewhere(Set<String> ids) {
        String open = transfer.transferIdProperty().get();
        if (open != null && (ids.contains(open) || list.refundsOf(open).stream().anyMatch(r -> ids.contains(r.id())))) {
            transfer.reload();
        }
    }

    private void open(Profile profile) {
        lookups.open(profile);
        list.open(profile);
        transfer.open(null);
        ledger.open(profile);
        sweeps.open(profile);
        recurring.open(profile);
        clocks.open(profile);
        notice.set(Outcome.nothing());
        if (profile != null) {
            loadSection(section.get());
        }
    }

    /** Called each time the pane comes to the front: the first time it opens the profile, later it catches up. */
    public void onShown() {
        if (!shownOnce) {
            shownOnce = true;
            open(pane.profile().get());
        } else {
            list.sync();
        }
    }

    /** Shows a tab, reading what it shows. */
    public void show(Section shown) {
        section.set(shown);
        loadSection(shown);
    }

    private void loadSection(Section shown) {
        switch (shown) {
            case SWEEPS -> sweeps.load();
            case RECURRING -> recurring.load();
            case LEDGER -> ledger.load();
            case TEST_CLOCKS -> clocks.load();
            default -> {
                // The list is read when the profile opens and kept current by its catch-ups.
            }
        }
    }

    /** Opens what Ctrl+K found: a transfer, a refund's transfer, a sweep, a recurring transfer, an authorization's transfer. */
    public void open(PaneTarget.Kind kind, String id) {
        if (!shownOnce) {
            onShown();
        }
        Profile profile = pane.profile().get();
        if (profile == null || id == null || id.isBlank()) {
            return;
        }
        String value = id.strip();
        switch (kind) {
            case TRANSFER -> openTransfer(value);
            case TRANSFER_REFUND -> lookUp("Looking up the refund", transferService.refundOf(profile, value, lookups.callLog()),
                    refund -> openTransfer(refund.path("transfer_id").asText()));
            case TRANSFER_AUTHORIZATION -> lookUp("Looking up the authorization's transfer",
                    transferService.transferOfAuthorization(profile, value, lookups.callLog()),
                    found -> openTransfer(found.path("id").asText()));
            case TRANSFER_SWEEP -> {
                show(Section.SWEEPS);
                sweeps.open(value);
            }
            case TRANSFER_RECURRING -> {
                show(Section.RECURRING);
                recurring.open(value);
            }
            default -> {
                // Items and processor tokens are other panes'.
            }
        }
    }

    /** Shows a transfer: the row listed, else the transfer read by its id. */
    public void openTransfer(String transferId) {
        section.set(Section.TRANSFERS);
        if (!transferId.equals(transfer.transferIdProperty().get())) {
            transfer.open(transferId);
        }
        if (!list.select(transferId)) {
            list.selectedProperty().set(null);
        }
    }

    private void lookUp(String doing, java.util.concurrent.CompletableFuture<JsonNode> lookup, java.util.function.Consumer<JsonNode> then) {
        notice.set(Outcome.loading(doing + "\u2026"));
        lookups.whenCurrent(lookup, found -> {
            notice.set(Outcome.nothing());
            then.accept(found);
        }, failure -> notice.set(Outcome.failed(failure)));
    }

    /** The form that authorizes and then creates a transfer; the transfer made opens. */
    public NewTransferFormViewModel newTransferForm() {
        Profile profile = pane.profile().get();
        return new NewTransferFormViewModel(creation, pane.tokenBook(), profile, sandbox.get() ? clocks.choices() : null,
                transfer.callLog(), made -> created(profile, made.path("id").asText()));
    }

    private void created(Profile profile, String transferId) {
        FxAsync.whenDone(sync.find(profile, Set.of(transferId)), found -> {
            if (list.isOpenFor(profile)) {
                list.apply(found.values());
                openTransfer(transferId);
                list.sync();
            }
        }, error -> openTransfer(transferId));
    }

    // --- for the view ---------------------------------------------------------------------------------

    public TransferListViewModel list() {
        return list;
    }

    public TransferViewModel transfer() {
        return transfer;
    }

    public LedgerViewModel ledger() {
        return ledger;
    }

    public SweepsViewModel sweeps() {
        return sweeps;
    }

    public RecurringViewModel recurring() {
        return recurring;
    }

    public TestClocksViewModel clocks() {
        return clocks;
    }

    /** The tab shown. */
    public ReadOnlyObjectProperty<Section> sectionProperty() {
        return section;
    }

    /** A lookup of Ctrl+K under way, or why it failed. */
    public ReadOnlyObjectProperty<Outcome<String>> noticeProperty() {
        return notice;
    }

    /** Where Tartan's webhook inbox listens ("Use Tartan's inbox" beside the webhook a simulation fires to). */
    public InboxUrl inbox() {
        return pane.inbox();
    }

    /** Whether the profile reaches a sandbox, where the simulations and test clocks work. */
    public BooleanBinding sandboxProperty() {
        return sandbox;
    }

    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return pane.profile();
    }

    /** What the user is asked before money moves or something is cancelled (the view's dialogs). */
    public void setChecks(TransferChecks checks) {
        this.checks = checks;
    }

    /** The zone days are counted in. */
    public ZoneId zone() {
        return zone;
    }
}
