package dev.tartan.ui.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Profile;
import dev.tartan.model.TransferRow;
import dev.tartan.model.TransferVolume;
import dev.tartan.service.TransferLedgerService;
import dev.tartan.service.TransferSandboxService;
import dev.tartan.ui.common.data.Outcome;
import dev.tartan.ui.common.data.SubjectLoader;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The Plaid Ledger: its balance (available and pending) and its events, read cache-through;
 * deposits into it and withdrawals from it (money moves: the Production guard asks); in Sandbox,
 * making its pending funds available; and a chart of daily transfer volume and returns over the
 * transfers the list shows. Used on the FX thread.
 */
public final class LedgerViewModel {

    private final TransferLedgerService ledger;
    private final TransferSandboxService sandbox;
    private final SubjectLoader loader;
    private final Supplier<TransferChecks> checks;
    private final Runnable onChange;
    private final ZoneId zone;

    private final ObjectProperty<Outcome<JsonNode>> balance = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<Outcome<JsonNode>> events = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<Outcome<String>> action = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObservableList<TransferVolume> volume = FXCollections.observableArrayList();
    private final ObservableList<TransferVolume> readOnlyVolume = FXCollections.unmodifiableObservableList(volume);
    private final StringProperty volumeSummary = new SimpleStringProperty("");
    private final ObservableList<TransferRow> listed;
    private Profile profile;

    LedgerViewModel(TransferLedgerService ledger, TransferSandboxService sandbox, SubjectLoader loader, Supplier<TransferChecks> checks,
                    ObservableList<TransferRow> listed, Runnable onChange, ZoneId zone) {
        this.ledger = ledger;
        this.sandbox = sandbox;
        this.loader = loader;
        this.checks = checks;
        this.listed = listed;
        this.onChange = onChange;
        this.zone = zone;
    }

    /** Starts on a profile: nothing is read until {@link #load()}. */
    void open(Profile forProfile) {
        profile = forProfile;
        loader.open(forProfile);
        balance.set(Outcome.nothing());
        events.set(Outcome.nothing());
        action.set(Outcome.nothing());
        volume.clear();
        volumeSummary.set("");
    }

    /** Reads the balance and the ledger's latest events, and charts the listed transfers. */
    public void load() {
        if (profile == null) {
            return;
        }
        loader.read(balance, TransferLedgerService.LEDGER, JsonNodeFactory.instance.objectNode(), reply -> null);
        loader.read(events, TransferLedgerService.LEDGER_EVENTS, TransferLedgerService.page(0),
                reply -> reply.path("ledger_events").isEmpty() ? "The ledger has no events yet." : null);
        chart();
    }

    /** Charts the transfers the list shows now: volume and returns per day. */
    public void chart() {
        List<TransferVolume> days = TransferVolume.daily(listed, zone);
        volume.setAll(days);
        long debits = days.stream().mapToLong(TransferVolume::debitCents).sum();
        long credits = days.stream().mapToLong(TransferVolume::creditCents).sum();
        long returned = days.stream().mapToLong(TransferVolume::returnedCents).sum();
        int count = days.stream().mapToInt(TransferVolume::transfers).sum();
        volumeSummary.set(days.isEmpty() ? "No transfers listed: nothing to chart."
                : String.format(Locale.ROOT, "%,d transfers from %s to %s: %s debited, %s credited, %s returned.", count,
                days.get(0).day(), days.get(days.size() - 1).day(), dollars(debits), dollars(credits), dollars(returned)));
    }

    private static String dollars(long cents) {
        return dev.tartan.ui.common.data.Formats.money(cents / 100.0, "USD");
    }

    /** The form that deposits into the ledger ({@code deposit}) or withdraws from it. */
    public LedgerMoveFormViewModel newMoveForm(boolean deposit) {
        Profile current = profile;
        return new LedgerMoveFormViewModel(deposit, (cents, network, description, key) -> {
            String path = deposit ? TransferLedgerService.DEPOSIT : TransferLedgerService.WITHDRAW;
            if (!checks.get().allowMoney(current, path)) {
                throw new IllegalArgumentException("Not sent: the " + (deposit ? "deposit" : "withdrawal") + " was not confirmed.");
            }
            return deposit ? ledger.deposit(current, cents, network, description, key, loader.callLog())
                    : ledger.withdraw(current, cents, network, description, key, loader.callLog());
        }, sweep -> {
            load();
            onChange.run();
        });
    }

    /** Sandbox: makes the ledger's settled debits and deposits available. */
    public void simulateAvailable() {
        loader.act(action, "Making pending funds available", log -> sandbox.simulateAvailable(profile, null, log), reply -> {
            load();
            onChange.run();
            return "Settled debits and deposits are available now.";
        });
    }

    public ReadOnlyObjectProperty<Outcome<JsonNode>> balanceProperty() {
        return balance;
    }

    public ReadOnlyObjectProperty<Outcome<JsonNode>> eventsProperty() {
        return events;
    }

    public ReadOnlyObjectProperty<Outcome<String>> actionProperty() {
        return action;
    }

    /** Daily volume and returns of the listed transfers, oldest day first. */
    public ObservableList<TransferVolume> volume() {
        return readOnlyVolume;
    }

    public ReadOnlyStringProperty volumeSummaryProperty() {
        return volumeSummary;
    }

    public ObservableList<CallRecord> calls() {
        return loader.calls();
    }
}
