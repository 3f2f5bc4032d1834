package dev.tartan.ui.sandbox;

import dev.tartan.model.Scenario;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.ScenarioService;
import dev.tartan.ui.common.FormViewModel;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The form that keeps the scenario draft as one of the user's scenarios, under a name. Used on the FX thread. */
public final class SaveScenarioFormViewModel extends FormViewModel<List<Scenario>> {

    private final ScenarioService scenarios;
    private final List<Scenario.Step> steps;
    private final Consumer<Scenario> onSaved;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");

    /**
     * @param builtInNames the built-in scenarios' names, which a saved one cannot take (a saved one of the same name is replaced)
     * @param onSaved told of the scenario once it is in the vault
     */
    SaveScenarioFormViewModel(ScenarioService scenarios, List<Scenario.Step> steps, List<String> builtInNames, Consumer<Scenario> onSaved) {
        super(FailureDescriber::describe);
        this.scenarios = scenarios;
        this.steps = List.copyOf(steps);
        this.onSaved = onSaved;
        List<String> reserved = builtInNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        problemIs(() -> {
            String wanted = name.get() == null ? "" : name.get().strip();
            if (wanted.isEmpty()) {
                return "Give the scenario a name.";
            }
            if (reserved.contains(wanted.toLowerCase(Locale.ROOT))) {
                return "\"" + wanted + "\" is a built-in scenario: choose another name.";
            }
            return this.steps.isEmpty() ? "The draft has no steps yet." : "";
        }, name);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** The steps it will keep, in order. */
    public List<Scenario.Step> steps() {
        return steps;
    }

    @Override
    public void submit() {
        Scenario scenario = new Scenario(name.get().strip(), description.get() == null ? "" : description.get().strip(), steps, false);
        submission().submit("Saving the scenario\u2026", () -> scenarios.save(scenario), saved -> onSaved.accept(scenario));
    }
}
