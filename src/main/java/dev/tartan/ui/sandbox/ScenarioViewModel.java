package dev.tartan.ui.sandbox;

import dev.tartan.model.FailureReport;
import dev.tartan.model.Profile;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.Scenario;
import dev.tartan.model.StepResult;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.ScenarioService;
import dev.tartan.service.WebhookFeed;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.TaskCenter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One scenario as a checklist: its steps, each waiting, under way, passed (with a note when an
 * expected webhook did not come), failed or skipped, with its result and the webhooks it caused;
 * running it with one click, and stopping it. Used on the FX thread.
 */
public final class ScenarioViewModel {

    /** Where a step stands. */
    public enum Phase { WAITING, RUNNING, PASSED, NOTED, FAILED, SKIPPED }

    /**
     * One step of the checklist.
     *
     * @param number   from 1
     * @param step     what it does
     * @param phase    where it stands
     * @param result   how it went, once over
     * @param webhooks the webhooks it caused, as they come
     */
    public record StepRow(int number, Scenario.Step step, ObjectProperty<Phase> phase, ObjectProperty<StepResult> result,
                          ObservableList<ReceivedWebhook> webhooks) {
    }

    private final Scenario scenario;
    private final ReadOnlyObjectProperty<Profile> profile;
    private final ScenarioService scenarios;
    private final TaskCenter tasks;
    private final WebhookFeed webhooks;
    private final List<StepRow> rows = new ArrayList<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObjectProperty<FailureReport> failure = new SimpleObjectProperty<>();
    private CompletableFuture<List<StepResult>> run;
    /** Which run this is: a stopped run's late news is not shown over a new run's. */
    private long generation;

    /** @param webhooks Tartan's webhook inbox, or null when there is none */
    ScenarioViewModel(Scenario scenario, ReadOnlyObjectProperty<Profile> profile, ScenarioService scenarios, TaskCenter tasks,
                      WebhookFeed webhooks) {
        this.scenario = scenario;
        this.profile = profile;
        this.scenarios = scenarios;
        this.tasks = tasks;
        this.webhooks = webhooks;
        for (int i = 0; i < scenario.steps().size(); i++) {
            rows.add(new StepRow(i + 1, scenario.steps().get(i), new SimpleObjectProperty<>(Phase.WAITING), new SimpleObjectProperty<>(),
                    FXCollections.observableArrayList()));
        }
        summary.set(scenario.steps().size() + " steps" + (webhooks == null ? "; webhooks are not shown: no webhook inbox is connected." : "."));
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<StepRow> steps() {
        return List.copyOf(rows);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** How the run stands, in a sentence ("3 of 4 steps passed; step 4 failed."). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** Why the run could not start at all (a Production profile), or null. */
    public ReadOnlyObjectProperty<FailureReport> failureProperty() {
        return failure;
    }

    /** Runs every step in order; a second click while it runs does nothing. */
    public void run() {
        if (running.get()) {
            return;
        }
        long asked = ++generation;
        rows.forEach(row -> {
            row.phase().set(Phase.WAITING);
            row.result().set(null);
            row.webhooks().clear();
        });
        failure.set(null);
        running.set(true);
        summary.set("Running\u2026");
        ScenarioService.RunListener listener = new ScenarioService.RunListener() {
            @Override
            public void started(int step) {
                onFx(asked, () -> rows.get(step).phase().set(Phase.RUNNING));
            }

            @Override
            public void finished(int step, StepResult result) {
                onFx(asked, () -> {
                    rows.get(step).result().set(result);
                    rows.get(step).phase().set(Phase.valueOf(result.status().name()));
                });
            }

            @Override
            public void webhook(int step, ReceivedWebhook webhook) {
                onFx(asked, () -> rows.get(step).webhooks().add(webhook));
            }
        };
        CompletableFuture<List<StepResult>> started = tasks.run("Scenario: " + scenario.name(),
                () -> scenarios.run(profile.get(), scenario, webhooks, listener, call -> { }));
        run = started;
        FxAsync.whenDone(started, results -> {
            if (asked == generation) {
                running.set(false);
                summary.set(summarize(results));
            }
        }, error -> {
            if (asked == generation) {
                running.set(false);
                failure.set(FailureDescriber.describe(error));
                summary.set("The scenario could not run.");
            }
        });
    }

    private void onFx(long asked, Runnable change) {
        FxAsync.runOnFx(() -> {
            if (asked == generation) {
                change.run();
            }
        });
    }

    /** Stops the run: the call under way is cancelled, the steps not reached stay waiting. */
    public void stop() {
        if (run != null && running.get()) {
            generation++;
            run.cancel(true);
            running.set(false);
            rows.stream().filter(row -> row.phase().get() == Phase.RUNNING).forEach(row -> row.phase().set(Phase.WAITING));
            summary.set("Stopped.");
        }
    }

    static String summarize(List<StepResult> results) {
        long passed = results.stream().filter(StepResult::succeeded).count();
        long noted = results.stream().filter(r -> r.status() == StepResult.Status.NOTED).count();
        int failed = -1;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).status() == StepResult.Status.FAILED) {
                failed = i;
                break;
            }
        }
        long skipped = results.stream().filter(r -> r.status() == StepResult.Status.SKIPPED).count();
        StringBuilder text = new StringBuilder(passed + " of " + results.size() + " steps passed");
        if (failed >= 0) {
            text.append("; step ").append(failed + 1).append(" failed");
        } else if (skipped > 0) {
            text.append("; ").append(skipped).append(" skipped");
        }
        if (noted > 0) {
            text.append("; ").append(noted).append(noted == 1 ? " is missing a webhook" : " are missing webhooks");
        }
        return text.append('.').toString();
    }
}
