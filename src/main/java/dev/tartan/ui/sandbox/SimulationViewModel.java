package dev.tartan.ui.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.model.ConsoleDraft;
import dev.tartan.model.Profile;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.RequestField;
import dev.tartan.model.SandboxFacts;
import dev.tartan.model.SandboxFacts.Choice;
import dev.tartan.model.Scenario;
import dev.tartan.model.SimulationForm;
import dev.tartan.model.SimulationResult;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.model.WebhookSubjects;
import dev.tartan.model.WebhookUrl;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.SandboxService;
import dev.tartan.service.ScenarioService;
import dev.tartan.service.TokenBookService;
import dev.tartan.ui.common.FormViewModel;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.TaskCenter;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One simulation's form, built from its operation's request schema: a field per value the body can
 * carry (the required ones and those the simulation starts with shown first), Sandbox's documented
 * values as choices, token fields picked from the token book, an account_id picked among the
 * chosen Item's accounts; running it, its result, and the webhooks it caused as they arrive. Used
 * on the FX thread.
 */
public final class SimulationViewModel extends FormViewModel<SimulationResult> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INBOX_MEANING = "Tartan's webhook inbox: its webhooks show below as they arrive";
    private static final int MAX_UNPLACED = 200;

    /**
     * One field of the form.
     *
     * @param spec       what the schema and the documentation say of it
     * @param text       what the user typed or picked (a list comma-separated, JSON as text)
     * @param choices    the values offered, with their meaning
     * @param tokens     for a token field, the token book's tokens of its kind
     * @param userCustom whether it is the password of a user_custom user: a JSON configuration
     * @param meaning    what the value picked makes Sandbox do, or the field's description
     */
    public record Field(SimulationForm.Field spec, StringProperty text, ObservableList<Choice> choices, ObservableList<TokenEntry> tokens,
                        BooleanBinding userCustom, StringBinding meaning) {

        public String path() {
            return spec.path();
        }

        public RequestField.Type type() {
            return spec.field().type();
        }

        public boolean required() {
            return spec.field().required();
        }

        /** The kind of token it holds, or null. */
        public TokenKind token() {
            return spec.token();
        }
    }

    private final SimulationForm form;
    private final Profile profile;
    private final SandboxService sandbox;
    private final TaskCenter tasks;
    private final String inboxUrl;
    private final Consumer<SimulationResult> onResult;
    private final List<Field> fields = new ArrayList<>();
    private final ObservableList<ReceivedWebhook> caused = FXCollections.observableArrayList();
    private final List<ReceivedWebhook> unplaced = new ArrayList<>();
    private Instant runStarted;
    private ObjectNode sent;
    /** The last run's result, once it came (before the submission's state says so). */
    private SimulationResult lastResult;

    /**
     * @param inboxUrl  Tartan's webhook inbox, or null when there is none
     * @param seen      ids earlier simulations gave, by name (transfer_id, ...), offered in fields of that name
     * @param onResult  told of each successful run
     */
    SimulationViewModel(SimulationForm form, Profile profile, SandboxService sandbox, TokenBookService tokenBook, TaskCenter tasks,
                        String inboxUrl, Map<String, Set<String>> seen, Consumer<SimulationResult> onResult) {
        super(FailureDescriber::describe);
        this.form = form;
        this.profile = profile;
        this.sandbox = sandbox;
        this.tasks = tasks;
        this.inboxUrl = inboxUrl;
        this.onResult = onResult;
        ObjectNode start = form.start();
        StringProperty username = new SimpleStringProperty("");
        for (SimulationForm.Field spec : form.fields()) {
            StringProperty text = new SimpleStringProperty(initialText(start, spec.field()));
            ObservableList<Choice> choices = FXCollections.observableArrayList();
            if (isWebhookUrl(spec.field()) && inboxUrl != null) {
                choices.add(new Choice(inboxUrl, INBOX_MEANING));
            }
            choices.addAll(spec.choices());
            seen.getOrDefault(spec.field().name(), Set.of()).forEach(id -> {
                if (choices.stream().noneMatch(c -> c.value().equals(id))) {
                    choices.add(new Choice(id, "from an earlier simulation"));
                }
            });
            if (spec.field().name().equals("override_username")) {
                username = text;
            }
            BooleanBinding userCustom = Bindings.createBooleanBinding(() -> false); // see linkUserCustom
            StringBinding meaning = Bindings.createStringBinding(() -> {
                String picked = SandboxFacts.meaningOf(choices, text.get() == null ? "" : text.get().strip());
                return picked != null && !picked.isEmpty() ? picked : spec.field().hint();
            }, text, choices);
            fields.add(new Field(spec, text, choices, FXCollections.observableArrayList(), userCustom, meaning));
        }
        linkUserCustom(username);
        loadTokens(tokenBook);
        followAccounts();
        List<Observable> watched = new ArrayList<>();
        fields.forEach(field -> watched.add(field.text()));
        problemIs(this::whatIsWrong, watched.toArray(Observable[]::new));
    }

    private static boolean isWebhookUrl(RequestField field) {
        return field.type() == RequestField.Type.TEXT && (field.format().equals("url") || field.name().contains("webhook"));
    }

    private String initialText(ObjectNode start, RequestField field) {
        JsonNode value = start.at("/" + field.path().replace(".", "/"));
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isTextual()) {
            return value.asText().equals(SandboxService.INBOX) ? (inboxUrl == null ? "" : inboxUrl) : value.asText();
        }
        if (value.isArray() && (field.type() == RequestField.Type.CHOICES || field.type() == RequestField.Type.LIST)) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.asText()));
            return String.join(", ", parts);
        }
        return field.type() == RequestField.Type.JSON ? value.toPrettyString() : value.asText();
    }

    /** user_custom's password is its JSON configuration: the field switches to it, and back. */
    private void linkUserCustom(StringProperty username) {
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            if (field.spec().field().name().equals("override_password")) {
                BooleanBinding custom = Bindings.createBooleanBinding(() -> SandboxFacts.USER_CUSTOM.equals(username.get()), username);
                Field linked = new Field(field.spec(), field.text(), field.choices(), field.tokens(), custom, field.meaning());
                fields.set(i, linked);
                custom.addListener((obs, was, now) -> {
                    if (now && SandboxFacts.userCustomProblem(linked.text().get()) != null) {
                        linked.text().set(SandboxFacts.USER_CUSTOM_TEMPLATE);
                    } else if (!now && linked.text().get().strip().startsWith("{")) {
                        linked.text().set("pass_good");
                    }
                });
            }
        }
    }

    /** Token fields offer the profile's tokens of their kind; an empty one starts with the newest. */
    private void loadTokens(TokenBookService tokenBook) {
        for (Field field : fields) {
            if (field.token() == null || profile == null) {
                continue;
            }
            FxAsync.whenDone(tokenBook.list(profile.name(), field.token()), list -> {
                field.tokens().setAll(list);
                if (field.text().get().isBlank() && !list.isEmpty()) {
                    field.text().set(list.get(0).value());
                }
            }, error -> field.tokens().clear());
        }
    }

    /** An account_id field offers the accounts of the Item in the access_token field. */
    private void followAccounts() {
        Field account = field("account_id");
        Field item = field("access_token");
        if (account == null || item == null) {
            return;
        }
        List<Choice> documented = List.copyOf(account.choices());
        item.text().addListener((obs, old, token) -> loadAccounts(account, documented, token));
        loadAccounts(account, documented, item.text().get());
    }

    private void loadAccounts(Field account, List<Choice> documented, String token) {
        if (profile == null || token == null || TokenKind.of(token.strip()) != TokenKind.ACCESS) {
            account.choices().setAll(documented);
            return;
        }
        FxAsync.whenDone(sandbox.accounts(profile, token.strip(), call -> { }), accounts -> {
            List<Choice> all = new ArrayList<>(accounts);
            all.addAll(documented);
            account.choices().setAll(all);
            boolean known = accounts.stream().anyMatch(c -> c.value().equals(account.text().get()));
            if (!accounts.isEmpty() && !known) {
                account.text().set(accounts.get(0).value());
            }
        }, error -> account.choices().setAll(documented));
    }

    private Field field(String path) {
        return fields.stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
    }

    // --- what the form holds -------------------------------------------------------------------

    public SimulationForm form() {
        return form;
    }

    /** Every field, in the schema's order. */
    public List<Field> fields() {
        return List.copyOf(fields);
    }

    /** The fields shown first: the required ones and those the simulation starts with. */
    public List<Field> mainFields() {
        return fields.stream().filter(this::isMain).toList();
    }

    /** The rest, shown on demand. */
    public List<Field> otherFields() {
        return fields.stream().filter(f -> !isMain(f)).toList();
    }

    private boolean isMain(Field field) {
        return field.required() || !initialText(form.start(), field.spec().field()).isEmpty() || field.path().equals("options.override_password")
                || field.path().equals("options.override_username");
    }

    /** Whether webhooks are watched (there is an inbox). */
    public boolean watchesWebhooks() {
        return inboxUrl != null;
    }

    /** The webhooks this simulation caused since it last ran, in the order they came. */
    public ObservableList<ReceivedWebhook> caused() {
        return caused;
    }

    private String whatIsWrong() {
        for (Field field : fields) {
            String problem = problemOf(field);
            if (problem != null) {
                return problem;
            }
        }
        return "";
    }

    private static String problemOf(Field field) {
        String text = field.text().get() == null ? "" : field.text().get().strip();
        if (text.isEmpty()) {
            return field.required() ? "Fill in " + field.path() + "." : null;
        }
        if (field.userCustom().get()) {
            return SandboxFacts.userCustomProblem(text);
        }
        try {
            switch (field.type()) {
                case INTEGER -> Long.parseLong(text);
                case NUMBER -> new BigDecimal(text);
                case BOOLEAN -> {
                    if (!text.equals("true") && !text.equals("false")) {
                        return field.path() + " is true or false.";
                    }
                }
                case JSON -> JSON.readTree(text);
                case TEXT -> {
                    if (field.spec().field().format().equals("url")) {
                        WebhookUrl.check(text);
                    }
                }
                case CHOICE -> {
                    if (!field.spec().field().allowed().isEmpty() && !field.spec().field().allowed().contains(text)) {
                        return field.path() + " is one of " + String.join(", ", field.spec().field().allowed()) + ".";
                    }
                }
                default -> {
                }
            }
        } catch (NumberFormatException e) {
            return field.path() + " must be " + (field.type() == RequestField.Type.INTEGER ? "a whole number." : "a number.");
        } catch (JsonProcessingException e) {
            return field.path() + " is not valid JSON: " + e.getOriginalMessage();
        } catch (IllegalArgumentException e) {
            return field.path() + ": " + e.getMessage() + ".";
        }
        return null;
    }

    /**
     * The body the form makes now; fields that cannot be read are left out (the problem says which).
     * An object the operation requires but none of whose fields is filled in goes as {} (the example
     * body, which has only what is required, has it so).
     */
    public ObjectNode body() {
        ObjectNode body = JSON.createObjectNode();
        for (Field field : fields) {
            String text = field.text().get() == null ? "" : field.text().get().strip();
            if (text.isEmpty() || problemOf(field) != null) {
                continue;
            }
            JsonNode value = valueOf(field, text);
            if (value != null) {
                put(body, field.path(), value);
            }
        }
        keepRequiredObjects(form.start(), body);
        return body;
    }

    private static void keepRequiredObjects(ObjectNode start, ObjectNode body) {
        start.fields().forEachRemaining(entry -> {
            if (entry.getValue() instanceof ObjectNode object) {
                if (object.isEmpty()) {
                    if (!body.has(entry.getKey())) {
                        body.putObject(entry.getKey());
                    }
                } else if (body.get(entry.getKey()) instanceof ObjectNode inner) {
                    keepRequiredObjects(object, inner);
                } else if (!body.has(entry.getKey()) && containsEmptyObject(object)) {
                    keepRequiredObjects(object, body.putObject(entry.getKey()));
                }
            }
        });
    }

    private static boolean containsEmptyObject(ObjectNode node) {
        for (JsonNode child : node) {
            if (child instanceof ObjectNode object && (object.isEmpty() || containsEmptyObject(object))) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode valueOf(Field field, String text) {
        if (field.userCustom().get()) {
            return JSON.getNodeFactory().textNode(SandboxFacts.compactJson(text));
        }
        return switch (field.type()) {
            case INTEGER -> JSON.getNodeFactory().numberNode(Long.parseLong(text));
            case NUMBER -> JSON.getNodeFactory().numberNode(new BigDecimal(text));
            case BOOLEAN -> JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(text));
            case CHOICES, LIST -> {
                ArrayNode list = JSON.createArrayNode();
                for (String part : text.split(",")) {
                    if (!part.isBlank()) {
                        list.add(part.strip());
                    }
                }
                yield list;
            }
            case JSON -> {
                try {
                    yield JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    yield null;
                }
            }
            case TEXT, CHOICE -> JSON.getNodeFactory().textNode(text);
        };
    }

    private static void put(ObjectNode body, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) && node.get(parts[i]).isObject() ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    /** The form's call, to open in the API console (as it stands, problems or not). */
    public ConsoleDraft consoleDraft() {
        return new ConsoleDraft(form.operation().path(), body(), "From the Sandbox pane: " + form.simulation().title());
    }

    // --- running -------------------------------------------------------------------------------

    /** Runs the simulation; the result (or why it failed) is the submission's state. */
    @Override
    public void submit() {
        if (!problem().get().isEmpty()) {
            return;
        }
        ObjectNode body = body();
        String path = form.operation().path();
        String title = form.simulation().title();
        submission().submit("Running " + path + "\u2026", () -> {
            runStarted = Instant.now();
            sent = body;
            lastResult = null;
            caused.clear();
            unplaced.clear();
            return tasks.run(title, () -> sandbox.run(profile, path, body, "Sandbox: " + title, call -> { }));
        }, result -> {
            lastResult = result;
            onResult.accept(result);
            List<ReceivedWebhook> waiting = List.copyOf(unplaced);
            unplaced.clear();
            waiting.forEach(this::heard);
        });
    }

    /** A webhook reached the inbox (on the FX thread): kept if this simulation's last run caused it. */
    void heard(ReceivedWebhook webhook) {
        if (runStarted == null || webhook.receivedAt().isBefore(runStarted.minusSeconds(1))) {
            return;
        }
        SimulationResult result = lastResult;
        if (result == null) {
            if (submission().stateProperty().get().isLoading()) {
                unplaced.add(webhook); // what it is about is known once the reply comes
                if (unplaced.size() > MAX_UNPLACED) {
                    unplaced.remove(0);
                }
            }
            return;
        }
        Set<String> about = WebhookSubjects.of(webhook);
        boolean ours = WebhookSubjects.concerns(webhook, result.subjects())
                || (about.isEmpty() && form.simulation().webhookTypes().contains(webhook.type()));
        if (ours && caused.stream().noneMatch(w -> w.id() == webhook.id())) {
            caused.add(webhook);
        }
    }

    /**
     * The last run as a scenario step: its body as sent, values that earlier steps gave written as
     * their names, expecting the webhooks it caused. Null when it has not run successfully.
     */
    Scenario.Step asStep(Map<String, String> earlier) {
        if (sent == null || lastResult == null) {
            return null;
        }
        Set<String> required = new LinkedHashSet<>();
        fields.stream().filter(Field::required).forEach(f -> required.add(f.path()));
        List<String> webhookNames = caused.stream().map(webhook -> webhook.type() + ":" + webhook.code()).toList();
        return ScenarioService.step(form.simulation().title(), form.operation().path(), sent, earlier, inboxUrl, required, webhookNames);
    }

    /** The last successful result, or null. */
    SimulationResult result() {
        return lastResult;
    }
}
