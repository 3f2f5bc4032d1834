package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.FailureReport;
import dev.tartan.model.Profile;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.Scenario;
import dev.tartan.model.SimulationResult;
import dev.tartan.model.StepResult;
import dev.tartan.model.WebhookSubjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of a scenario: the steps one after another, each step's body filled in from what the
 * earlier ones gave, its checks, and the webhooks it caused. A webhook belongs to the run when it
 * names the run's Item, account or transfer (or names nothing and is one a step expects); it goes
 * with the first started step still waiting for its code, else with the latest step. Webhooks that
 * come before the run knows what they are about (an Item's first webhooks can beat the reply that
 * names it) wait and are looked at again after each step.
 */
final class ScenarioRun {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRun.class);
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(\\??)}");
    private static final String INBOX = "inbox";
    private static final int MAX_WAITING_WEBHOOKS = 500;

    private final SandboxService sandbox;
    private final Profile profile;
    private final Scenario scenario;
    private final WebhookFeed feed;
    private final Duration wait;
    private final ScenarioService.RunListener listener;
    private final Consumer<CallRecord> log;
    private final Executor io;
    private final CompletableFuture<List<StepResult>> outcome = new CompletableFuture<>();
    private final List<StepResult> results = new ArrayList<>();

    // Guarded by this: what the run knows, and the webhooks not placed yet.
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> subjects = new LinkedHashSet<>();
    private final List<List<String>> awaited = new ArrayList<>();
    private final List<ReceivedWebhook> unplaced = new ArrayList<>();
    private int current = -1;
    private CompletableFuture<Void> waiting;
    private CompletableFuture<?> inFlight;

    ScenarioRun(SandboxService sandbox, Profile profile, Scenario scenario, WebhookFeed feed, Duration wait,
                ScenarioService.RunListener listener, Consumer<CallRecord> log, Executor io) {
        this.sandbox = sandbox;
        this.profile = profile;
        this.scenario = scenario;
        this.feed = feed;
        this.wait = wait;
        this.listener = listener;
        this.log = log;
        this.io = io;
        scenario.steps().forEach(step -> awaited.add(new ArrayList<>(step.expect().stream().map(String::toUpperCase).toList())));
    }

    CompletableFuture<List<StepResult>> start() {
        AutoCloseable subscription = feed == null ? null : feed.subscribe(this::heard);
        outcome.whenComplete((done, error) -> {
            synchronized (this) {
                if (inFlight != null) {
                    inFlight.cancel(true);
                }
                if (waiting != null) {
                    waiting.cancel(true);
                }
            }
            if (subscription != null) {
                try {
                    subscription.close();
                } catch (Exception e) {
                    LOG.warn("Could not stop listening to the webhook inbox: {}", e.getMessage());
                }
            }
        });
        io.execute(() -> step(0));
        return outcome;
    }

    // --- the steps -----------------------------------------------------------------------------

    private void step(int index) {
        if (outcome.isDone()) {
            return;
        }
        if (index >= scenario.steps().size()) {
            outcome.complete(List.copyOf(results));
            return;
        }
        Scenario.Step step = scenario.steps().get(index);
        synchronized (this) {
            current = index;
        }
        listener.started(index);
        ObjectNode body;
        try {
            if (step.needsInbox() && feed == null) {
                throw new Missing(INBOX);
            }
            body = filledIn(step.body());
        } catch (Missing missing) {
            if (missing.name.equals(INBOX)) {
                finish(index, new StepResult(StepResult.Status.SKIPPED, "Skipped: it needs Tartan's webhook inbox, and none is connected.",
                        null, null, null, List.of()));
                step(index + 1);
            } else {
                fail(index, new StepResult(StepResult.Status.FAILED, "It needs ${" + missing.name + "}, which no earlier step gave.",
                        null, null, null, List.of()));
            }
            return;
        }
        CompletableFuture<SimulationResult> call = sandbox.run(profile, step.path(), body, "Scenario: " + scenario.name(), log);
        synchronized (this) {
            inFlight = call;
        }
        call.whenCompleteAsync((result, error) -> {
            if (outcome.isDone()) {
                return;
            }
            if (error != null) {
                FailureReport failure = FailureDescriber.describe(Futures.unwrap(error));
                fail(index, new StepResult(StepResult.Status.FAILED, "The call failed: " + failure.summary(), null, null, failure, List.of()));
                return;
            }
            afterCall(index, step, result);
        }, io);
    }

    private void afterCall(int index, Scenario.Step step, SimulationResult result) {
        List<String> broken = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (Scenario.Check check : step.checks()) {
            JsonNode found = result.at(check.pointer());
            boolean ok = check.equals() == null ? present(found) : found.isValueNode() && found.asText().equals(check.equals());
            String what = check.words().isBlank() ? check.pointer() : check.words();
            if (ok) {
                held.add(what);
            } else {
                broken.add(what + " \u2014 " + check.pointer() + (present(found) ? " is " + shown(found) : " is missing")
                        + (check.equals() == null ? "" : ", not " + check.equals()));
            }
        }
        List<Runnable> tell;
        synchronized (this) {
            values.putAll(result.values());
            subjects.addAll(result.subjects());
            tell = placeUnplaced();
        }
        tell.forEach(Runnable::run);
        if (!broken.isEmpty()) {
            fail(index, new StepResult(StepResult.Status.FAILED, "Not as expected: " + String.join("; ", broken) + ".", result.shown(),
                    result.requestId(), null, List.of()));
            return;
        }
        String summary = (held.isEmpty() ? "Done" : String.join(". ", held))
                + (result.requestId() == null ? "." : " (request_id " + result.requestId() + ").");
        CompletableFuture<Void> webhooksCame;
        synchronized (this) {
            webhooksCame = feed == null || awaited.get(index).isEmpty() ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
            waiting = webhooksCame;
        }
        webhooksCame.completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS).whenCompleteAsync((done, error) -> {
            if (outcome.isDone()) {
                return;
            }
            List<String> missing;
            synchronized (this) {
                missing = feed == null ? List.of() : List.copyOf(awaited.get(index));
                waiting = null;
            }
            String said = summary + (feed == null && !step.expect().isEmpty()
                    ? " Webhooks were not watched: no webhook inbox is connected." : "");
            StepResult.Status status = missing.isEmpty() ? StepResult.Status.PASSED : StepResult.Status.NOTED;
            if (!missing.isEmpty()) {
                said += " But " + String.join(", ", missing) + " did not arrive within " + wait.toSeconds() + " s.";
            }
            finish(index, new StepResult(status, said, result.shown(), result.requestId(), null, missing));
            step(index + 1);
        }, io);
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull() && !(node.isTextual() && node.asText().isEmpty())
                && !(node.isContainerNode() && node.isEmpty());
    }

    private static String shown(JsonNode node) {
        String text = node.isValueNode() ? node.asText() : node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "\u2026" : text;
    }

    private void finish(int index, StepResult result) {
        synchronized (this) {
            results.add(result);
        }
        listener.finished(index, result);
    }

    /** A step failed: the rest are skipped, and the run is over. */
    private void fail(int index, StepResult result) {
        finish(index, result);
        for (int rest = index + 1; rest < scenario.steps().size(); rest++) {
            finish(rest, new StepResult(StepResult.Status.SKIPPED, "Skipped: an earlier step failed.", null, null, null, List.of()));
        }
        outcome.complete(List.copyOf(results));
    }

    // --- values --------------------------------------------------------------------------------

    private static final class Missing extends Exception {
        final String name;

        Missing(String name) {
            super(name, null, false, false);
            this.name = name;
        }
    }

    /** The body with each ${name} replaced; an optional one that has no value takes its field out. */
    private ObjectNode filledIn(ObjectNode template) throws Missing {
        ObjectNode body = template.deepCopy();
        fill(body);
        return body;
    }

    private void fill(JsonNode node) throws Missing {
        if (node instanceof ObjectNode object) {
            List<String> drop = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    String value = substitute(field.getValue().asText());
                    if (value == null) {
                        drop.add(field.getKey());
                    } else {
                        field.setValue(TextNode.valueOf(value));
                    }
                } else {
                    fill(field.getValue());
                }
            }
            drop.forEach(object::remove);
        } else if (node instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (array.get(i).isTextual()) {
                    String value = substitute(array.get(i).asText());
                    if (value == null) {
                        array.remove(i);
                    } else {
                        array.set(i, TextNode.valueOf(value));
                    }
                } else {
                    fill(array.get(i));
                }
            }
        }
    }

    /** The text with its variables filled in; null when an optional one has no value and the text is only that. */
    private String substitute(String text) throws Missing {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            boolean optional = !matcher.group(2).isEmpty();
            String value = valueOf(name);
            if (value == null) {
                if (optional && matcher.group().equals(text)) {
                    return null;
                }
                throw new Missing(name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private synchronized String valueOf(String name) {
        if (name.equals(INBOX)) {
            return feed == null ? null : feed.inboxUrl();
        }
        return values.get(name);
    }

    // --- webhooks ------------------------------------------------------------------------------

    /** A webhook reached the inbox (on the inbox's thread). */
    private void heard(ReceivedWebhook webhook) {
        List<Runnable> tell;
        synchronized (this) {
            if (current < 0 || outcome.isDone()) {
                return;
            }
            unplaced.add(webhook);
            if (unplaced.size() > MAX_WAITING_WEBHOOKS) {
                unplaced.remove(0); // traffic that is not the run's: the oldest goes
            }
            tell = placeUnplaced();
        }
        tell.forEach(Runnable::run);
    }

    /** Puts every webhook it can with its step; returns the listener calls to make outside the lock. Holds this. */
    private List<Runnable> placeUnplaced() {
        List<Runnable> tell = new ArrayList<>();
        for (Iterator<ReceivedWebhook> it = unplaced.iterator(); it.hasNext(); ) {
            ReceivedWebhook webhook = it.next();
            int step = stepOf(webhook);
            if (step >= 0) {
                it.remove();
                tell.add(() -> listener.webhook(step, webhook));
                if (step == current && waiting != null && awaited.get(step).isEmpty()) {
                    CompletableFuture<Void> done = waiting;
                    tell.add(() -> done.complete(null));
                }
            }
        }
        return tell;
    }

    /** The step a webhook belongs with, or -1 when it is not (yet) known to be the run's. Holds this. */
    private int stepOf(ReceivedWebhook webhook) {
        Set<String> about = WebhookSubjects.of(webhook);
        boolean ours = !java.util.Collections.disjoint(about, subjects);
        if (!ours && !about.isEmpty()) {
            return -1;
        }
        String name = ScenarioService.nameOf(webhook);
        for (int i = 0; i <= current; i++) {
            List<String> expected = awaited.get(i);
            for (Iterator<String> it = expected.iterator(); it.hasNext(); ) {
                String wanted = it.next();
                if (wanted.equals(name) || (!wanted.contains(":") && name.endsWith(":" + wanted))) {
                    it.remove();
                    return i;
                }
            }
        }
        return ours ? current : -1;
    }
}
