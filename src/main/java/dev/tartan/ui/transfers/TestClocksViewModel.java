package dev.tartan.ui.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.Profile;
import dev.tartan.service.TransferCreationService;
import dev.tartan.service.TransferSandboxService;
import dev.tartan.ui.common.Choices;
import dev.tartan.ui.common.data.Outcome;
import dev.tartan.ui.common.data.SubjectLoader;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sandbox test clocks: listed, made, and moved forward; an advance shows the transfers the
 * recurring transfers on the clock originated on the way. Used on the FX thread.
 */
public final class TestClocksViewModel {

    private final TransferSandboxService sandbox;
    private final TransferCreationService creation;
    private final SubjectLoader loader;
    private final Runnable onChange;

    private final ObservableList<JsonNode> clocks = FXCollections.observableArrayList();
    private final ObjectProperty<Outcome<List<JsonNode>>> state = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<JsonNode> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> days = new SimpleObjectProperty<>(7);
    private final ObjectProperty<Outcome<String>> action = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObservableList<String> originated = FXCollections.observableArrayList();
    private Profile profile;

    TestClocksViewModel(TransferSandboxService sandbox, TransferCreationService creation, SubjectLoader loader, Runnable onChange) {
        this.sandbox = sandbox;
        this.creation = creation;
        this.loader = loader;
        this.onChange = onChange;
    }

    void open(Profile forProfile) {
        profile = forProfile;
        loader.open(forProfile);
        clocks.clear();
        selected.set(null);
        originated.clear();
        state.set(Outcome.nothing());
        action.set(Outcome.nothing());
    }

    /** Reads the clocks (Sandbox only). */
    public void load() {
        if (profile == null || profile.environment().isProduction()) {
            state.set(Outcome.empty("Test clocks are Sandbox's: this profile reaches Production."));
            return;
        }
        state.set(Outcome.loading("Calling " + TransferSandboxService.CLOCK_LIST + "\u2026"));
        loader.whenCurrent(sandbox.clocks(profile, loader.callLog()), list -> {
            String open = selected.get() == null ? null : selected.get().path("test_clock_id").asText();
            clocks.setAll(list);
            selected.set(open == null ? null : list.stream().filter(c -> open.equals(c.path("test_clock_id").asText())).findFirst()
                    .orElse(null));
            state.set(list.isEmpty() ? Outcome.empty("No test clocks yet: make one, put a recurring transfer on it, and advance it.")
                    : Outcome.data(List.copyOf(list), Instant.now(), false));
        }, failure -> state.set(Outcome.failed(failure)));
    }

    /** The clocks' ids, for a form's picker: loaded when the form opens. */
    Choices<String> choices() {
        Profile current = profile;
        return new Choices<>(() -> current == null || current.environment().isProduction() ? CompletableFuture.completedFuture(List.of())
                : Futures.map(sandbox.clocks(current, call -> { }), list -> list.stream()
                        .map(clock -> clock.path("test_clock_id").asText()).toList()));
    }

    /** Makes a clock at the present time. */
    public void create() {
        loader.act(action, "Creating a test clock", log -> sandbox.createClock(profile, null, log), clock -> {
            load();
            selected.set(clock);
            return "Test clock " + clock.path("test_clock_id").asText() + " made at " + clock.path("virtual_time").asText() + ".";
        });
    }

    /**
     * Moves the picked clock forward by the days set; the recurring transfers on it originate what
     * falls due, and {@link #originated()} lists the transfers they made.
     */
    public void advance() {
        JsonNode clock = selected.get();
        if (clock == null) {
            return;
        }
        String id = clock.path("test_clock_id").asText();
        Instant from = Instant.parse(clock.path("virtual_time").asText());
        int by = days.get() == null ? 0 : days.get();
        if (by < 1) {
            action.set(Outcome.failed(loader.describe(new IllegalArgumentException("Advance the clock by at least one day."))));
            return;
        }
        Instant to = from.plus(Duration.ofDays(by));
        originated.clear();
        loader.act(action, "Advancing the test clock", log -> Futures.flatMap(transfersOn(id, log), before ->
                Futures.flatMap(sandbox.advanceClock(profile, id, from, to, log), advanced ->
                        Futures.map(transfersOn(id, log), after -> {
                            Set<String> made = new LinkedHashSet<>(after);
                            made.removeAll(before);
                            return List.copyOf(made);
                        }))), made -> {
                    originated.setAll(made);
                    load();
                    onChange.run();
                    return "Advanced to " + to + ": " + (made.isEmpty() ? "nothing fell due."
                            : made.size() + " transfer" + (made.size() == 1 ? "" : "s") + " originated by its recurring transfers.");
                });
    }

    /** The transfers the recurring transfers on a clock have originated so far. */
    private CompletableFuture<List<String>> transfersOn(String clockId, java.util.function.Consumer<dev.tartan.model.CallRecord> log) {
        return Futures.map(creation.recurringList(profile, log), all -> {
            List<String> ids = new ArrayList<>();
            for (JsonNode recurring : all) {
                if (clockId.equals(recurring.path("test_clock_id").asText())) {
                    recurring.path("transfer_ids").forEach(t -> ids.add(t.asText()));
                }
            }
            return ids;
        });
    }

    public ObservableList<JsonNode> clocks() {
        return clocks;
    }

    public ReadOnlyObjectProperty<Outcome<List<JsonNode>>> stateProperty() {
        return state;
    }

    public ObjectProperty<JsonNode> selectedProperty() {
        return selected;
    }

    /** How many days an advance moves the clock. */
    public ObjectProperty<Integer> daysProperty() {
        return days;
    }

    public ReadOnlyObjectProperty<Outcome<String>> actionProperty() {
        return action;
    }

    /** The transfers the last advance originated. */
    public ObservableList<String> originated() {
        return originated;
    }
}
