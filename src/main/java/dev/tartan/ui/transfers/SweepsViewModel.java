package dev.tartan.ui.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.Profile;
import dev.tartan.model.TransferLifecycle;
import dev.tartan.model.TransferRow;
import dev.tartan.service.TransferLedgerService;
import dev.tartan.service.TransferSandboxService;
import dev.tartan.ui.common.data.Outcome;
import dev.tartan.ui.common.data.SubjectLoader;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The sweeps between the Plaid Ledger and the funding account, newest first, a page at a time: the
 * ledger's deposits and withdrawals, and Plaid's older aggregate sweeps. For the sweep picked, the
 * transfers it moved; in Sandbox, its next events (deposits and withdrawals) and the aggregate
 * sweep's simulation. Used on the FX thread.
 */
public final class SweepsViewModel {

    private final TransferLedgerService ledger;
    private final TransferSandboxService sandbox;
    private final SubjectLoader loader;
    private final ObservableList<TransferRow> transfers;
    private final Runnable onChange;

    private final ObservableList<JsonNode> sweeps = FXCollections.observableArrayList();
    private final ObjectProperty<Outcome<List<JsonNode>>> state = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<JsonNode> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Outcome<String>> action = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<String> returnCode = new SimpleObjectProperty<>("R01");
    private final ObjectBinding<TransferLifecycle.Next> next;
    private Profile profile;
    private boolean more;

    SweepsViewModel(TransferLedgerService ledger, TransferSandboxService sandbox, SubjectLoader loader, ObservableList<TransferRow> transfers,
                    Runnable onChange) {
        this.ledger = ledger;
        this.sandbox = sandbox;
        this.loader = loader;
        this.transfers = transfers;
        this.onChange = onChange;
        next = Bindings.createObjectBinding(() -> selected.get() == null || !isLedgerSweep(selected.get()) ? null
                : TransferLifecycle.forLedgerSweep(selected.get().path("status").asText()), selected);
    }

    void open(Profile forProfile) {
        profile = forProfile;
        loader.open(forProfile);
        sweeps.clear();
        selected.set(null);
        state.set(Outcome.nothing());
        action.set(Outcome.nothing());
    }

    /** Reads the newest page of sweeps again. */
    public void load() {
        if (profile == null) {
            return;
        }
        page(0);
    }

    /** Reads the next page. */
    public void loadMore() {
        if (more) {
            page(sweeps.size());
        }
    }

    private void page(int offset) {
        state.set(Outcome.loading("Calling " + TransferLedgerService.SWEEPS + "\u2026"));
        loader.whenCurrent(ledger.sweeps(profile, offset, loader.callLog()), page -> {
            if (offset == 0) {
                String open = selected.get() == null ? null : selected.get().path("id").asText();
                sweeps.setAll(page);
                selected.set(open == null ? null : sweeps.stream().filter(s -> open.equals(s.path("id").asText())).findFirst().orElse(null));
            } else {
                sweeps.addAll(page);
            }
            more = page.size() == TransferLedgerService.PAGE;
            state.set(sweeps.isEmpty() ? Outcome.empty("No sweeps yet: deposit into the ledger or withdraw from it, "
                    + "or in Sandbox simulate Plaid's aggregate sweep.") : Outcome.data(List.copyOf(sweeps), java.time.Instant.now(), false));
        }, failure -> state.set(Outcome.failed(failure)));
    }

    /** Opens a sweep by id (from Ctrl+K): read with /transfer/sweep/get. */
    public void open(String sweepId) {
        loader.whenCurrent(ledger.sweep(profile, sweepId, loader.callLog()), selected::set,
                failure -> action.set(Outcome.failed(failure)));
    }

    /** Whether a sweep is a ledger deposit or withdrawal (Plaid's older sweeps are not simulated this way). */
    static boolean isLedgerSweep(JsonNode sweep) {
        return "manual".equals(sweep.path("trigger").asText());
    }

    /** A deposit leaves the funding account: its amount is negative. */
    static boolean isDeposit(JsonNode sweep) {
        return sweep.path("amount").asText("").startsWith("-");
    }

    /** Sandbox: Plaid's older aggregate sweep of the transfers not swept yet. */
    public void simulateSweep() {
        loader.act(action, "Simulating a sweep", log -> sandbox.simulateSweep(profile, log), reply -> {
            load();
            onChange.run();
            return reply.has("sweep") ? "Swept " + reply.path("sweep").path("amount").asText() + " (sweep "
                    + reply.path("sweep").path("id").asText() + ")." : "Nothing to sweep: no money moved.";
        });
    }

    /** Sandbox: moves the picked deposit or withdrawal to {@code eventType} (sweep.posted, ...). */
    public void simulate(String eventType) {
        JsonNode sweep = selected.get();
        if (sweep == null) {
            return;
        }
        String code = "sweep.returned".equals(eventType) ? returnCode.get() : null;
        loader.act(action, "Simulating " + eventType, log -> sandbox.simulateLedgerSweep(profile, isDeposit(sweep), sweep.path("id").asText(),
                eventType, code, log), reply -> {
                    load();
                    onChange.run();
                    return "Simulated " + eventType + " on sweep " + sweep.path("id").asText() + ".";
                });
    }

    /** The listed transfers a sweep moved (Plaid's older aggregate sweeps). */
    public List<TransferRow> transfersOf(JsonNode sweep) {
        String id = sweep.path("id").asText();
        return transfers.stream().filter(row -> id.equals(row.sweepId())).toList();
    }

    public ObservableList<JsonNode> sweeps() {
        return sweeps;
    }

    public ReadOnlyObjectProperty<Outcome<List<JsonNode>>> stateProperty() {
        return state;
    }

    public ObjectProperty<JsonNode> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Outcome<String>> actionProperty() {
        return action;
    }

    public ObjectProperty<String> returnCodeProperty() {
        return returnCode;
    }

    /** The events the picked deposit or withdrawal may take next (null for none picked, or an aggregate sweep). */
    public ObjectBinding<TransferLifecycle.Next> next() {
        return next;
    }

    public boolean hasMore() {
        return more;
    }
}
