package dev.tartan.ui.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.Profile;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.TransferCreationService;
import dev.tartan.service.TransferLedgerService;
import dev.tartan.ui.common.Choices;
import dev.tartan.ui.common.data.Outcome;
import dev.tartan.ui.common.data.SubjectLoader;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Recurring transfers, newest first: each with its schedule, its next origination and the
 * transfers it has originated; making one, and cancelling one (the user confirms). Used on the FX
 * thread.
 */
public final class RecurringViewModel {

    private final TransferCreationService creation;
    private final TokenBookService tokenBook;
    private final SubjectLoader loader;
    private final Supplier<TransferChecks> checks;
    private final Supplier<Choices<String>> testClocks;
    private final Runnable onChange;

    private final ObservableList<JsonNode> recurring = FXCollections.observableArrayList();
    private final ObjectProperty<Outcome<JsonNode>> state = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<JsonNode> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Outcome<String>> action = new SimpleObjectProperty<>(Outcome.nothing());
    private Profile profile;

    RecurringViewModel(TransferCreationService creation, TokenBookService tokenBook, SubjectLoader loader, Supplier<TransferChecks> checks,
                       Supplier<Choices<String>> testClocks, Runnable onChange) {
        this.creation = creation;
        this.tokenBook = tokenBook;
        this.loader = loader;
        this.checks = checks;
        this.testClocks = testClocks;
        this.onChange = onChange;
        state.addListener((obs, old, now) -> {
            if (now.hasData()) {
                List<JsonNode> list = new ArrayList<>();
                now.data().path("recurring_transfers").forEach(list::add);
                String open = selected.get() == null ? null : selected.get().path("recurring_transfer_id").asText();
                recurring.setAll(list);
                selected.set(open == null ? null : list.stream().filter(r -> open.equals(r.path("recurring_transfer_id").asText()))
                        .findFirst().orElse(null));
            } else if (!now.isLoading()) {
                recurring.clear();
            }
        });
    }

    void open(Profile forProfile) {
        profile = forProfile;
        loader.open(forProfile);
        recurring.clear();
        selected.set(null);
        state.set(Outcome.nothing());
        action.set(Outcome.nothing());
    }

    /** Reads the newest recurring transfers (one page). */
    public void load() {
        if (profile != null) {
            loader.read(state, TransferCreationService.RECURRING_LIST, TransferLedgerService.page(0),
                    reply -> reply.path("recurring_transfers").isEmpty() ? "No recurring transfers yet: make one with New." : null);
        }
    }

    /** Opens a recurring transfer by id (from Ctrl+K). */
    public void open(String recurringId) {
        loader.whenCurrent(creation.recurring(profile, recurringId, loader.callLog()), selected::set,
                failure -> action.set(Outcome.failed(failure)));
    }

    /** The form that makes a recurring transfer. */
    public RecurringFormViewModel newForm(ZoneId zone) {
        Profile current = profile;
        return new RecurringFormViewModel(creation, tokenBook, current, testClocks.get(), LocalDate.now(zone), loader.callLog(),
                () -> checks.get().allowMoney(current, TransferCreationService.RECURRING_CREATE), reply -> {
                    load();
                    onChange.run();
                });
    }

    /** Cancels the recurring transfer picked (after the user confirms): it originates nothing more. */
    public void cancel() {
        JsonNode picked = selected.get();
        if (picked == null) {
            return;
        }
        String id = picked.path("recurring_transfer_id").asText();
        if (!checks.get().allowCancel(profile, "Cancel the recurring transfer", id)) {
            return;
        }
        loader.act(action, "Cancelling the recurring transfer", log -> creation.cancelRecurring(profile, id, log), reply -> {
            load();
            return "Recurring transfer " + id + " cancelled: it originates no more transfers.";
        });
    }

    public ObservableList<JsonNode> recurring() {
        return recurring;
    }

    public ReadOnlyObjectProperty<Outcome<JsonNode>> stateProperty() {
        return state;
    }

    public ObjectProperty<JsonNode> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Outcome<String>> actionProperty() {
        return action;
    }
}
