package dev.tartan.ui.sandbox;

import dev.tartan.model.FailureReport;
import dev.tartan.model.PaneTarget;
import dev.tartan.model.Profile;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.Scenario;
import dev.tartan.model.Simulation;
import dev.tartan.model.SimulationForm;
import dev.tartan.model.SimulationResult;
import dev.tartan.model.TextQuery;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.SandboxService;
import dev.tartan.service.ScenarioService;
import dev.tartan.service.WebhookFeed;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Sandbox pane: every simulation Tartan can run, grouped by product, and the scenarios (built
 * in, and the user's own) on the left; the one open on the right. Webhooks from Tartan's inbox
 * reach the simulation that caused them. A draft scenario collects simulations as they run, to be
 * saved under a name. Nothing here runs for a Production profile: {@link #disabledReasonProperty()}
 * says why. Used on the FX thread.
 */
public final class SandboxViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxViewModel.class);
    /** The group the scenarios are listed under, after the products. */
    public static final String SCENARIOS = "Scenarios";

    /**
     * One line of the list: a simulation or a scenario.
     *
     * @param group  its product, or {@link #SCENARIOS}
     * @param title  what it does
     * @param detail the operation (a simulation), or "built in" / "saved" with its number of steps (a scenario)
     */
    public record Entry(String group, String title, String detail, Simulation simulation, Scenario scenario) {

        public boolean isScenario() {
            return scenario != null;
        }

        boolean matches(TextQuery query) {
            return query.matches(group, title, detail, simulation == null ? null : simulation.what());
        }
    }

    private final PaneServices pane;
    private final SandboxService sandbox;
    private final ScenarioService scenarios;
    private final WebhookFeed webhooks;
    private final AutoCloseable subscription;

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final FilteredList<Entry> visible = new FilteredList<>(entries, entry -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<Outcome<List<Simulation>>> catalog = new SimpleObjectProperty<>(Outcome.loading("Loading the simulations\u2026"));
    private final ObjectProperty<Entry> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Outcome<SimulationForm>> formState = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<SimulationViewModel> openSimulation = new SimpleObjectProperty<>();
    private final ObjectProperty<ScenarioViewModel> openScenario = new SimpleObjectProperty<>();
    private final StringBinding disabledReason;
    private final BooleanBinding enabled;
    private final StringProperty notice = new SimpleStringProperty("");
    private final ObservableList<Scenario.Step> draft = FXCollections.observableArrayList();
    private final Map<String, String> draftValues = new LinkedHashMap<>();
    private final Map<String, Set<String>> seenIds = new LinkedHashMap<>();
    private List<Simulation> simulations = List.of();
    private List<Scenario> saved = List.of();
    /** Which form is wanted: a form that loads after another was asked for is dropped. */
    private long formAsked;

    /**
     * @param webhooks Tartan's webhook inbox, or null when this build has none: simulations then run
     *                 without their webhooks being shown, and scenarios do not wait for them
     */
    public SandboxViewModel(PaneServices pane, SandboxService sandbox, ScenarioService scenarios, WebhookFeed webhooks) {
        this.pane = pane;
        this.sandbox = sandbox;
        this.scenarios = scenarios;
        this.webhooks = webhooks;
        ReadOnlyObjectProperty<Profile> profile = pane.profile();
        this.disabledReason = Bindings.createStringBinding(() -> SandboxService.refusal(profile.get()), profile);
        this.enabled = Bindings.createBooleanBinding(() -> disabledReason.get().isEmpty(), disabledReason);
        filter.addListener((obs, old, now) -> {
            TextQuery query = TextQuery.of(now);
            visible.setPredicate(entry -> entry.matches(query));
        });
        selected.addListener((obs, old, entry) -> open(entry));
        // Another profile has other tokens: the open form is made again for it.
        profile.addListener((obs, old, now) -> open(selected.get()));
        this.subscription = webhooks == null ? null : webhooks.subscribe(webhook -> FxAsync.runOnFx(() -> heard(webhook)));
        load();
    }

    /** Loads the simulations and the user's scenarios (again). */
    public void load() {
        catalog.set(Outcome.loading("Loading the simulations\u2026"));
        FxAsync.whenDone(sandbox.simulations(), list -> {
            simulations = list;
            catalog.set(Outcome.data(list, Instant.now(), false));
            rebuild();
        }, error -> catalog.set(Outcome.failed(FailureDescriber.describe(error))));
        reloadSaved(null);
    }

    private void reloadSaved(String select) {
        FxAsync.whenDone(scenarios.saved(), list -> {
            saved = list;
            rebuild();
            if (select != null) {
                entries.stream().filter(e -> e.isScenario() && e.scenario().name().equals(select)).findFirst().ifPresent(selected::set);
            }
        }, error -> {
            LOG.warn("Could not read the saved scenarios: {}", error.getMessage());
            notice.set("Your saved scenarios could not be read: " + error.getMessage());
        });
    }

    private void rebuild() {
        Entry was = selected.get();
        List<Entry> all = new ArrayList<>();
        simulations.forEach(s -> all.add(new Entry(s.product(), s.title(), s.path(), s, null)));
        scenarios.builtIn().forEach(s -> all.add(new Entry(SCENARIOS, s.name(), "built in \u00b7 " + s.steps().size() + " steps", null, s)));
        saved.forEach(s -> all.add(new Entry(SCENARIOS, s.name(), "saved \u00b7 " + s.steps().size() + " steps", null, s)));
        entries.setAll(all);
        if (was != null) {
            // The same simulation or scenario stays open across a reload (a scenario saved again opens anew).
            entries.stream().filter(e -> sameThing(e, was)).findFirst().ifPresent(e -> {
                if (!e.equals(was)) {
                    selected.set(e);
                }
            });
        }
    }

    private static boolean sameThing(Entry a, Entry b) {
        return a.isScenario() == b.isScenario() && (a.isScenario()
                ? a.scenario().name().equals(b.scenario().name()) && a.scenario().builtIn() == b.scenario().builtIn()
                : a.simulation().id().equals(b.simulation().id()));
    }

    private void open(Entry entry) {
        long asked = ++formAsked;
        notice.set("");
        openSimulation.set(null);
        openScenario.set(null);
        formState.set(Outcome.nothing());
        if (entry == null) {
            return;
        }
        if (entry.isScenario()) {
            openScenario.set(new ScenarioViewModel(entry.scenario(), pane.profile(), scenarios, pane.tasks(), webhooks));
            return;
        }
        Profile profile = pane.profile().get();
        formState.set(Outcome.loading("Reading " + entry.simulation().path() + "'s request schema\u2026"));
        FxAsync.whenDone(sandbox.form(entry.simulation()), form -> {
            if (asked == formAsked) {
                formState.set(Outcome.data(form, null, false));
                openSimulation.set(new SimulationViewModel(form, profile, sandbox, pane.tokenBook(), pane.tasks(),
                        webhooks == null ? null : webhooks.inboxUrl(), seenIds, this::noteResult));
            }
        }, error -> {
            if (asked == formAsked) {
                formState.set(Outcome.failed(FailureDescriber.describe(error)));
            }
        });
    }

    private void noteResult(SimulationResult result) {
        result.values().forEach((name, value) -> {
            if (name.endsWith("_id")) {
                seenIds.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(value);
            }
        });
    }

    private void heard(ReceivedWebhook webhook) {
        SimulationViewModel open = openSimulation.get();
        if (open != null) {
            open.heard(webhook);
        }
    }

    /** Stops listening to the inbox (the pane's end). */
    public void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.warn("Could not stop listening to the webhook inbox: {}", e.getMessage());
            }
        }
    }

    // --- the list ------------------------------------------------------------------------------

    /** The simulations and scenarios that match the filter, grouped (products first, then scenarios). */
    public ObservableList<Entry> entries() {
        return visible;
    }

    /** Words that every line shown must contain. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The simulations: loading, loaded, or why they could not be. */
    public ReadOnlyObjectProperty<Outcome<List<Simulation>>> catalogProperty() {
        return catalog;
    }

    /** The line open on the right; the view sets it from the list. */
    public ObjectProperty<Entry> selectedProperty() {
        return selected;
    }

    /** Opens the simulation or scenario of that title (the first found). */
    public void select(String title) {
        entries.stream().filter(e -> e.title().equals(title)).findFirst().ifPresent(selected::set);
    }

    /** The open simulation's form while it loads, or why it could not. */
    public ReadOnlyObjectProperty<Outcome<SimulationForm>> formStateProperty() {
        return formState;
    }

    public ReadOnlyObjectProperty<SimulationViewModel> openSimulationProperty() {
        return openSimulation;
    }

    public ReadOnlyObjectProperty<ScenarioViewModel> openScenarioProperty() {
        return openScenario;
    }

    /** Why the pane cannot be used (a Production profile, no profile); "" when it can. */
    public StringBinding disabledReasonProperty() {
        return disabledReason;
    }

    public BooleanBinding enabledProperty() {
        return enabled;
    }

    /** Whether Tartan's webhook inbox is connected, so simulations show the webhooks they cause. */
    public boolean watchesWebhooks() {
        return webhooks != null;
    }

    /** A one-line message (an Item link that could not be followed, ...), "" when there is none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    // --- webhooks' links -----------------------------------------------------------------------

    /**
     * Opens the Item a webhook is about in the Items pane: {@code go} is called with the Item's
     * access token, from the token book; when the book has none, the notice says so.
     */
    public void openItem(String itemId, Consumer<PaneTarget> go) {
        Profile profile = pane.profile().get();
        FxAsync.whenDone(pane.tokenBook().find(itemId), found -> {
            TokenEntry item = found.stream().filter(e -> e.kind() == TokenKind.ACCESS)
                    .filter(e -> profile == null || profile.name().equals(e.profile())).findFirst()
                    .orElse(found.stream().filter(e -> e.kind() == TokenKind.ACCESS).findFirst().orElse(null));
            if (item == null) {
                notice.set("The token book has no access token for Item " + itemId + ", so it cannot be opened.");
            } else {
                go.accept(new PaneTarget(PaneTarget.Kind.ITEM, item.value(), "Open Item " + itemId));
            }
        }, error -> notice.set("Could not look the Item up: " + error.getMessage()));
    }

    // --- the draft scenario --------------------------------------------------------------------

    /** The steps recorded so far. */
    public ObservableList<Scenario.Step> draft() {
        return draft;
    }

    /** Adds the open simulation's last run to the draft; the notice says why not when it has not run. */
    public void addToDraft() {
        SimulationViewModel open = openSimulation.get();
        Scenario.Step step = open == null ? null : open.asStep(draftValues);
        if (step == null) {
            notice.set("Run the simulation first: the draft takes a simulation that ran, with what it sent.");
            return;
        }
        draft.add(step);
        draftValues.putAll(open.result().values());
        notice.set("Added to the draft as step " + draft.size() + ".");
    }

    public void discardDraft() {
        draft.clear();
        draftValues.clear();
    }

    /** The form that saves the draft under a name; once saved, the draft starts again and the scenario opens. */
    public SaveScenarioFormViewModel newSaveForm() {
        return new SaveScenarioFormViewModel(scenarios, List.copyOf(draft), scenarios.builtIn().stream().map(Scenario::name).toList(),
                scenario -> {
                    discardDraft();
                    reloadSaved(scenario.name());
                });
    }

    /** Forgets one of the user's scenarios (a built-in one stays). */
    public void delete(Scenario scenario) {
        if (scenario.builtIn()) {
            return;
        }
        FxAsync.whenDone(scenarios.delete(scenario.name()), list -> {
            saved = list;
            selected.set(null);
            rebuild();
        }, error -> notice.set("Could not delete the scenario: " + FailureDescriber.describe(error).summary()));
    }

    /** How a failure of the list shows. */
    public FailureReport describe(Throwable error) {
        return FailureDescriber.describe(error);
    }
}
