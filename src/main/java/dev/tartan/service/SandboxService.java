package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Operation;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.model.ReplyValues;
import dev.tartan.model.RequestField;
import dev.tartan.model.SandboxFacts.Choice;
import dev.tartan.model.Simulation;
import dev.tartan.model.SimulationForm;
import dev.tartan.model.SimulationResult;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.store.Vault;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Sandbox pane's simulations: which there are (see {@link SandboxCatalog}), the form of each
 * (its request schema's fields, with Sandbox's documented values as choices), and running one. A
 * simulation never runs in Production: {@link #refusal} says why, and {@link #run} refuses before
 * anything is sent. Tokens a simulation makes (an Item's access token, a processor token, an asset
 * report token) go into the token book, with an audit entry.
 */
public final class SandboxService {

    /** What a form's value stands for until the view model knows Tartan's webhook inbox. */
    public static final String INBOX = "${inbox}";
    static final String CREATE_ITEM = "/sandbox/public_token/create";
    private static final String EXCHANGE = "/item/public_token/exchange";
    /** The example bodies' token placeholders: not real tokens, so a form starts with none. */
    private static final String PLACEHOLDER = "00000000-0000-0000-0000-000000000000";

    private final CachedCalls calls;
    private final CatalogService catalog;
    private final Vault vault;
    private final Executor io;
    private final Clock clock;

    public SandboxService(CachedCalls calls, CatalogService catalog, Vault vault, Executor io, Clock clock) {
        this.calls = calls;
        this.catalog = catalog;
        this.vault = vault;
        this.io = io;
        this.clock = clock;
    }

    /** Why simulations cannot run for {@code profile}, in a sentence; "" when they can (Sandbox, the emulator). */
    public static String refusal(Profile profile) {
        if (profile == null) {
            return "No profile is active: pick a Sandbox or emulator profile to run simulations.";
        }
        if (profile.environment().isProduction()) {
            return "Simulations exist only in Sandbox and the built-in emulator, and the active profile \"" + profile.name()
                    + "\" is Production" + (profile.environment().baseUrl() == null ? "" : " (" + profile.environment().baseUrl() + ")")
                    + ". Switch to a Sandbox or emulator profile to use this pane.";
        }
        return "";
    }

    /** Every simulation, grouped by product. */
    public CompletableFuture<List<Simulation>> simulations() {
        return catalog.operations().thenApply(SandboxCatalog::simulations);
    }

    /** The form of a simulation: its fields with their choices, and the body it starts from. */
    public CompletableFuture<SimulationForm> form(Simulation simulation) {
        return Futures.flatMap(catalog.find(simulation.path()), found -> {
            Operation operation = found.orElseThrow(() -> new IllegalArgumentException(
                    "The catalog has no operation " + simulation.path()));
            CompletableFuture<List<RequestField>> fields = catalog.requestFields(operation);
            CompletableFuture<ObjectNode> example = catalog.exampleRequest(operation);
            return fields.thenCombine(example, (list, start) -> {
                withoutPlaceholders(start);
                merge(start, simulation.defaults());
                String today = LocalDate.now(clock.withZone(ZoneId.of("America/New_York"))).toString();
                replaceText(start, "${today}", today);
                List<SimulationForm.Field> formFields = list.stream().map(field -> new SimulationForm.Field(field, tokenKindOf(field),
                        SandboxCatalog.choicesFor(simulation.path(), field))).toList();
                return new SimulationForm(simulation, operation, formFields, start);
            });
        });
    }

    /** The kind of token a field holds (access_tokens: a list of access tokens), or null. */
    static TokenKind tokenKindOf(RequestField field) {
        if (field.type() == RequestField.Type.LIST && field.name().endsWith("_tokens")) {
            return ConsoleService.tokenKindForField(field.name().substring(0, field.name().length() - 1));
        }
        return field.type() == RequestField.Type.TEXT ? ConsoleService.tokenKindForField(field.name()) : null;
    }

    /** The accounts of an Item as choices for an account_id field: the id, with the account's name and type. */
    public CompletableFuture<List<Choice>> accounts(Profile profile, String accessToken, Consumer<CallRecord> log) {
        if (accessToken == null || TokenKind.of(accessToken) != TokenKind.ACCESS) {
            return CompletableFuture.completedFuture(List.of());
        }
        ObjectNode body = PlaidJson.mapper().createObjectNode().put("access_token", accessToken.strip());
        return Futures.map(calls.fetch(profile, "/accounts/get", body, log), fetched -> {
            List<Choice> choices = new ArrayList<>();
            fetched.json().path("accounts").forEach(account -> choices.add(new Choice(account.path("account_id").asText(),
                    account.path("name").asText("account") + " (" + account.path("subtype").asText(account.path("type").asText()) + ")"
                            + (account.hasNonNull("mask") ? " \u2022\u2022" + account.path("mask").asText() : ""))));
            return choices;
        });
    }

    /**
     * Runs a simulation: sends {@code body} to {@code path} (for a new sandbox Item, also exchanges
     * its public token), keeps the tokens it made in the token book, and tells what it is about.
     * Refused before anything is sent (an {@link IllegalArgumentException}) for a Production profile
     * or a body holding a Production token.
     *
     * @param label the token book's label for a token it makes ("Scenario: Item needs re-login")
     * @param log   hears of every call made
     */
    public CompletableFuture<SimulationResult> run(Profile profile, String path, ObjectNode body, String label, Consumer<CallRecord> log) {
        String refused = refusal(profile);
        if (!refused.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(refused));
        }
        if (TokenKind.containsProductionToken(body.toString())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "The body holds a Production token: simulations run only on Sandbox tokens."));
        }
        Instant started = clock.instant();
        CompletableFuture<Set<String>> sentAbout = CompletableFuture.supplyAsync(() -> subjectsOf(body), io);
        CompletableFuture<List<SimulationResult.Call>> made = Futures.flatMap(calls.send(profile, path, body, log), first -> {
            SimulationResult.Call call = call(path, first);
            if (!path.equals(CREATE_ITEM) || !first.json().hasNonNull("public_token")) {
                return CompletableFuture.completedFuture(List.of(call));
            }
            ObjectNode exchange = PlaidJson.mapper().createObjectNode().put("public_token", first.json().path("public_token").asText());
            return Futures.map(calls.send(profile, EXCHANGE, exchange, log), second -> List.of(call, call(EXCHANGE, second)));
        });
        return Futures.flatMap(made, list -> sentAbout.thenApplyAsync(about -> {
            Set<String> subjects = new LinkedHashSet<>(about);
            list.forEach(call -> subjects.addAll(ReplyValues.subjectIds(call.reply())));
            List<TokenEntry> kept = keepTokens(profile, list, body, label);
            return new SimulationResult(started, list, subjects, kept);
        }, io));
    }

    private static SimulationResult.Call call(String path, PlaidResponse response) {
        return new SimulationResult.Call(path, response.json() == null ? PlaidJson.mapper().createObjectNode() : response.json(),
                response.requestId());
    }

    /** The subject ids a body names, and the owners (item_id, ...) of the tokens it holds, as the token book knows them. */
    private Set<String> subjectsOf(ObjectNode body) {
        Set<String> subjects = new LinkedHashSet<>(ReplyValues.subjectIds(body));
        collectTokens(body).forEach(token -> vault.tokens().byToken(token).map(TokenEntry::ownerId).ifPresent(subjects::add));
        return subjects;
    }

    /** Every token-shaped string in a body, lists included (access_tokens). */
    private static List<String> collectTokens(JsonNode node) {
        List<String> tokens = new ArrayList<>();
        if (node.isTextual() && TokenKind.of(node.asText()) != null) {
            tokens.add(node.asText());
        }
        node.forEach(child -> tokens.addAll(collectTokens(child)));
        return tokens;
    }

    /** Keeps the tokens the replies carry that the book does not have yet. */
    private List<TokenEntry> keepTokens(Profile profile, List<SimulationResult.Call> made, ObjectNode body, String label) {
        List<TokenEntry> kept = new ArrayList<>();
        String institution = body.path("institution_id").asText(null);
        for (SimulationResult.Call call : made) {
            if (call.path().equals(CREATE_ITEM)) {
                continue; // its public token is exchanged at once: only the access token is worth keeping
            }
            Map<String, String> values = ReplyValues.of(call.reply());
            keep(profile, values.get("access_token"), TokenKind.ACCESS, values.get("item_id"), institution, label, call, kept);
            keep(profile, values.get("processor_token"), TokenKind.PROCESSOR, values.get("account_id"), institution, label, call, kept);
            keep(profile, values.get("asset_report_token"), TokenKind.ASSET_REPORT, values.get("asset_report_id"), null, label, call, kept);
            keep(profile, values.get("user_token"), TokenKind.USER, values.get("user_id"), null, label, call, kept);
        }
        return kept;
    }

    private void keep(Profile profile, String token, TokenKind kind, String owner, String institution, String label,
                      SimulationResult.Call call, List<TokenEntry> kept) {
        if (token == null || TokenKind.of(token) != kind || vault.tokens().byToken(token).isPresent()) {
            return;
        }
        TokenEntry saved = vault.tokens().save(TokenEntry.of(kind, token, profile.name(), owner)
                .withLabel(label == null || label.isBlank() ? null : label.strip())
                .withInstitution(institution));
        List<String> targets = new ArrayList<>(List.of(saved.maskedValue(), "profile=" + profile.name(), "by=" + call.path()));
        Optional.ofNullable(owner).ifPresent(id -> targets.add("owner=" + id));
        vault.audit().append("keep sandbox token", targets, "ok", call.requestId());
        kept.add(saved);
    }

    /**
     * Drops the example's placeholder tokens and made-up ids: a form starts with no token or id rather
     * than a fake one (the pickers offer real ones).
     */
    private static void withoutPlaceholders(ObjectNode node) {
        List<String> drop = new ArrayList<>();
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isTextual() && (value.asText().contains(PLACEHOLDER) || field.getKey().endsWith("_id"))) {
                drop.add(field.getKey());
            } else if (value instanceof ObjectNode object) {
                withoutPlaceholders(object);
            } else if (value instanceof ArrayNode array && array.size() > 0 && array.get(0).isTextual()
                    && array.get(0).asText().contains(PLACEHOLDER)) {
                drop.add(field.getKey());
            }
        });
        drop.forEach(node::remove);
    }

    /** Lays {@code over} onto {@code base}: objects merge, anything else replaces. */
    static void merge(ObjectNode base, ObjectNode over) {
        Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode target && field.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                base.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    private static void replaceText(JsonNode node, String placeholder, String value) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual() && field.getValue().asText().equals(placeholder)) {
                    field.setValue(TextNode.valueOf(value));
                } else {
                    replaceText(field.getValue(), placeholder, value);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual() && array.get(i).asText().equals(placeholder)) {
                    array.set(i, TextNode.valueOf(value));
                } else {
                    replaceText(array.get(i), placeholder, value);
                }
            }
        }
    }
}
