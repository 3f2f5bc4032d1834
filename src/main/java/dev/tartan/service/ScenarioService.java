package dev.tartan.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Profile;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.Scenario;
import dev.tartan.model.StepResult;
import dev.tartan.store.Vault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Scenarios: the built-in ones, the user's own (kept in the vault's settings as JSON under
 * {@link #SETTING}), turning a simulation that ran into a step, and running a scenario step by
 * step with the webhooks each step caused.
 */
public final class ScenarioService {

    /** The vault setting that holds the user's scenarios, as JSON. */
    public static final String SETTING = "sandbox.scenarios";
    /** How long a step waits for the webhooks it expects, unless told otherwise. */
    public static final Duration USUAL_WAIT = Duration.ofSeconds(20);
    private static final int FORMAT = 1;

    /** What a run tells as it goes, on background threads. */
    public interface RunListener {
        /** Step {@code step} (from 0) is about to be sent. */
        void started(int step);

        /** Step {@code step} is over. */
        void finished(int step, StepResult result);

        /** A webhook the run caused, put with the step it belongs to. */
        void webhook(int step, ReceivedWebhook webhook);
    }

    private final SandboxService sandbox;
    private final Vault vault;
    private final Executor io;
    private final Duration webhookWait;
    private final Object saving = new Object();

    /** @param webhookWait how long a step waits for the webhooks it expects */
    public ScenarioService(SandboxService sandbox, Vault vault, Executor io, Duration webhookWait) {
        this.sandbox = sandbox;
        this.vault = vault;
        this.io = io;
        this.webhookWait = webhookWait;
    }

    /** The scenarios Tartan ships. */
    public List<Scenario> builtIn() {
        return BuiltInScenarios.all();
    }

    /** The user's scenarios, in the order they were saved. */
    public CompletableFuture<List<Scenario>> saved() {
        return CompletableFuture.supplyAsync(() -> vault.settings().get(SETTING).map(ScenarioService::read).orElse(List.of()), io);
    }

    /**
     * Keeps a scenario of the user's, replacing one of the same name (case aside); a name of a
     * built-in one, a blank name or no steps are refused ({@link IllegalArgumentException}).
     *
     * @return the user's scenarios after the change
     */
    public CompletableFuture<List<Scenario>> save(Scenario scenario) {
        String name = scenario.name().strip();
        if (name.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Give the scenario a name."));
        }
        if (builtIn().stream().anyMatch(s -> s.name().equalsIgnoreCase(name))) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("\"" + name + "\" is a built-in scenario: choose another name."));
        }
        if (scenario.steps().isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("A scenario needs at least one step."));
        }
        Scenario kept = new Scenario(name, scenario.description(), scenario.steps(), false);
        return change(list -> {
            list.removeIf(s -> s.name().equalsIgnoreCase(name));
            list.add(kept);
        });
    }

    /** Forgets one of the user's scenarios; returns what is left. */
    public CompletableFuture<List<Scenario>> delete(String name) {
        return change(list -> list.removeIf(s -> s.name().equalsIgnoreCase(name)));
    }

    private CompletableFuture<List<Scenario>> change(Consumer<List<Scenario>> edit) {
        return CompletableFuture.supplyAsync(() -> {
            synchronized (saving) {
                List<Scenario> list = new ArrayList<>(vault.settings().get(SETTING).map(ScenarioService::read).orElse(List.of()));
                edit.accept(list);
                vault.settings().put(SETTING, write(list));
                return List.copyOf(list);
            }
        }, io);
    }

    /**
     * Runs a scenario, step after step, until one fails; each step waits a while for the webhooks it
     * expects (when there is an inbox). Cancelling the result stops the run and the call under way.
     *
     * @param webhooks Tartan's inbox, or null when there is none (webhooks are then neither shown nor awaited)
     * @return each step's result, in order (steps after a failure are skipped)
     */
    public CompletableFuture<List<StepResult>> run(Profile profile, Scenario scenario, WebhookFeed webhooks,
                                                   RunListener listener, Consumer<CallRecord> log) {
        String refused = SandboxService.refusal(profile);
        if (!refused.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(refused));
        }
        return new ScenarioRun(sandbox, profile, scenario, webhooks, webhookWait, listener, log, io).start();
    }

    /**
     * A step made from a simulation that ran: its body as sent, with each value an earlier step
     * gave written as {@code ${name}} and Tartan's inbox as {@code ${inbox}} ({@code ${inbox?}} where
     * the field may be left out), expecting the webhooks it caused. Firing an Item webhook is a step
     * that needs the inbox (the Item's webhook URL).
     *
     * @param earlier        the ids and tokens earlier steps' replies carried, by name
     * @param inboxUrl       the inbox's URL, or null
     * @param requiredFields the dotted paths of the operation's required fields
     * @param caused         the webhooks it caused, {@code TYPE:CODE}
     */
    public static Scenario.Step step(String title, String path, ObjectNode sent, Map<String, String> earlier, String inboxUrl,
                                     Set<String> requiredFields, List<String> caused) {
        ObjectNode body = sent.deepCopy();
        generalize(body, "", earlier, inboxUrl, requiredFields);
        // Firing an Item's webhook needs a URL to fire at: without the inbox, that step has nothing to show.
        return new Scenario.Step(title, path, body, caused.stream().distinct().toList(), List.of(),
                path.equals("/sandbox/item/fire_webhook"));
    }

    private static void generalize(JsonNode node, String prefix, Map<String, String> earlier, String inboxUrl, Set<String> required) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                JsonNode replaced = replacement(field.getValue(), path, earlier, inboxUrl, required);
                if (replaced != null) {
                    field.setValue(replaced);
                } else {
                    generalize(field.getValue(), path, earlier, inboxUrl, required);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode replaced = replacement(array.get(i), prefix, earlier, inboxUrl, Set.of());
                if (replaced != null) {
                    array.set(i, replaced);
                }
            }
        }
    }

    private static JsonNode replacement(JsonNode value, String path, Map<String, String> earlier, String inboxUrl, Set<String> required) {
        if (!value.isTextual()) {
            return null;
        }
        String text = value.asText();
        if (inboxUrl != null && text.equals(inboxUrl)) {
            return TextNode.valueOf(required.contains(path) ? "${inbox}" : "${inbox?}");
        }
        for (Map.Entry<String, String> known : earlier.entrySet()) {
            if (known.getValue().equals(text)) {
                return TextNode.valueOf("${" + known.getKey() + "}");
            }
        }
        return null;
    }

    // --- the vault's JSON ----------------------------------------------------------------------

    static List<Scenario> read(String text) {
        try {
            JsonNode root = PlaidJson.mapper().readTree(text);
            List<Scenario> scenarios = new ArrayList<>();
            for (JsonNode s : root.path("scenarios")) {
                List<Scenario.Step> steps = new ArrayList<>();
                for (JsonNode step : s.path("steps")) {
                    List<String> expect = new ArrayList<>();
                    step.path("expect").forEach(e -> expect.add(e.asText()));
                    List<Scenario.Check> checks = new ArrayList<>();
                    step.path("checks").forEach(c -> checks.add(new Scenario.Check(c.path("pointer").asText(),
                            c.hasNonNull("equals") ? c.get("equals").asText() : null, c.path("words").asText(""))));
                    JsonNode body = step.path("body");
                    steps.add(new Scenario.Step(step.path("title").asText(step.path("path").asText()), step.path("path").asText(),
                            body.isObject() ? (ObjectNode) body : PlaidJson.mapper().createObjectNode(), expect, checks,
                            step.path("needs_inbox").asBoolean(false)));
                }
                scenarios.add(new Scenario(s.path("name").asText("Unnamed"), s.path("description").asText(""), steps, false));
            }
            return scenarios;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The saved scenarios (setting " + SETTING + ") are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String write(List<Scenario> scenarios) {
        ObjectNode root = PlaidJson.mapper().createObjectNode();
        root.put("format", FORMAT);
        ArrayNode list = root.putArray("scenarios");
        for (Scenario scenario : scenarios) {
            ObjectNode s = list.addObject();
            s.put("name", scenario.name());
            s.put("description", scenario.description());
            ArrayNode steps = s.putArray("steps");
            for (Scenario.Step step : scenario.steps()) {
                ObjectNode st = steps.addObject();
                st.put("title", step.title());
                st.put("path", step.path());
                st.set("body", step.body());
                if (step.needsInbox()) {
                    st.put("needs_inbox", true);
                }
                ArrayNode expect = st.putArray("expect");
                step.expect().forEach(expect::add);
                ArrayNode checks = st.putArray("checks");
                for (Scenario.Check check : step.checks()) {
                    ObjectNode c = checks.addObject();
                    c.put("pointer", check.pointer());
                    c.put("equals", check.equals());
                    c.put("words", check.words());
                }
            }
        }
        return root.toString();
    }

    /** "ITEM:ERROR" for a webhook, as steps name what they expect. */
    static String nameOf(ReceivedWebhook webhook) {
        return (webhook.type() + ":" + webhook.code()).toUpperCase(Locale.ROOT);
    }
}
