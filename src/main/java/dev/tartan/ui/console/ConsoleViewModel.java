package dev.tartan.ui.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.model.ConsoleDraft;
import dev.tartan.model.FailureReport;
import dev.tartan.model.HistoryEntry;
import dev.tartan.model.Operation;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.model.SchemaProblem;
import dev.tartan.model.TextQuery;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.service.CatalogService;
import dev.tartan.service.ConsoleService;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.ItemService;
import dev.tartan.service.TokenBookService;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.TaskCenter;
import javafx.animation.PauseTransition;
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
import javafx.collections.transformation.FilteredList;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The API console's state and actions: the operation list and its filter, the request being
 * edited with its syntax and schema checks, the call in flight, the reply or the failure, and the
 * console's history. Holds no controls; {@link ConsoleView} binds to it.
 */
public final class ConsoleViewModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HISTORY_SIZE = 200;

    private final CatalogService catalog;
    private final ConsoleService console;
    private final TokenBookService tokens;
    private final TaskCenter tasks;
    private final ReadOnlyObjectProperty<Profile> profile;
    private final Consumer<Path> openFile;

    private final ObservableList<Operation> operations = FXCollections.observableArrayList();
    private final FilteredList<Operation> visibleOperations = new FilteredList<>(operations, op -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty catalogLoading = new SimpleBooleanProperty(true);
    private final ObjectProperty<Operation> selected = new SimpleObjectProperty<>();
    private final StringProperty body = new SimpleStringProperty("");
    /** Whether the editor shows its tokens whole; masked by default. */
    private final BooleanProperty revealTokens = new SimpleBooleanProperty();
    private final MaskedTokens maskedTokens = new MaskedTokens();
    private final StringProperty syntaxError = new SimpleStringProperty();
    private final ObservableList<SchemaProblem> problems = FXCollections.observableArrayList();
    private final BooleanProperty sending = new SimpleBooleanProperty();
    private final ObjectProperty<PlaidResponse> reply = new SimpleObjectProperty<>();
    private final ObjectProperty<FailureReport> failure = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty();
    private final ObjectProperty<String> curl = new SimpleObjectProperty<>();
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final StringProperty historyFilter = new SimpleStringProperty("");
    private final ObservableList<TokenEntry> tokenChoices = FXCollections.observableArrayList();
    private final PauseTransition validationDelay = new PauseTransition(Duration.millis(300));

    private CompletableFuture<PlaidResponse> inFlight;
    private ConsoleDraft pendingDraft;
    private long historyRequests;
    /** Until the view sets its own: refuse anything that would need a question answered. */
    private SendChecks checks = new SendChecks() {
        @Override
        public boolean allowInEnvironment(Profile profile, Operation operation, String body) {
            return !profile.environment().isProductionCall(body) || !operation.needsProductionConfirmation();
        }

        @Override
        public boolean sendDespite(Operation operation, List<SchemaProblem> problems) {
            return false;
        }
    };

    /**
     * @param openFile opens a file Tartan wrote (a PDF reply) in the system's viewer
     */
    public ConsoleViewModel(CatalogService catalog, ConsoleService console, TokenBookService tokens, TaskCenter tasks,
                            ReadOnlyObjectProperty<Profile> profile, Consumer<Path> openFile) {
        this.catalog = catalog;
        this.openFile = openFile;
        this.console = console;
        this.tokens = tokens;
        this.tasks = tasks;
        this.profile = profile;
        search.addListener((obs, old, now) -> visibleOperations.setPredicate(matcher(now)));
        body.addListener((obs, old, now) -> checkSyntax(now));
        revealTokens.addListener((obs, old, shown) -> body.set(shown ? maskedTokens.unmask(body.get()) : maskedTokens.mask(body.get())));
        validationDelay.setOnFinished(e -> validateAgainstSchema());
        historyFilter.addListener((obs, old, now) -> refreshHistory());
        profile.addListener((obs, old, now) -> {
            // Another profile's tokens are not to be sent from this one: their masks stop standing for them.
            if (old != null && (now == null || !old.name().equals(now.name()))) {
                maskedTokens.forgetAll();
            }
            refreshTokenChoices();
        });
        FxAsync.whenDone(catalog.operations(), list -> {
            operations.setAll(list);
            catalogLoading.set(false);
            if (pendingDraft != null) {
                open(pendingDraft);
            }
        }, error -> {
            catalogLoading.set(false);
            failure.set(FailureDescriber.describe(error));
        });
        refreshHistory();
        refreshTokenChoices();
    }

    // --- the operation list -------------------------------------------------------------------

    public FilteredList<Operation> visibleOperations() {
        return visibleOperations;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyBooleanProperty catalogLoadingProperty() {
        return catalogLoading;
    }

    public ReadOnlyObjectProperty<Operation> selectedProperty() {
        return selected;
    }

    /** Makes {@code operation} the one being edited, with its example body. */
    public void select(Operation operation) {
        if (operation == null || operation.equals(selected.get())) {
            return;
        }
        selected.set(operation);
        reply.set(null);
        failure.set(null);
        notice.set(null);
        FxAsync.whenDone(catalog.exampleRequest(operation), example -> {
            if (operation.equals(selected.get())) {
                body.set(operation.method().equals("GET") ? "" : shown(example.toPrettyString()));
            }
        }, error -> failure.set(FailureDescriber.describe(error)));
        refreshTokenChoices();
    }

    /** Opens a prepared call: selects its operation and puts its body in the editor. */
    public void open(ConsoleDraft draft) {
        if (catalogLoading.get()) {
            pendingDraft = draft;
            return;
        }
        pendingDraft = null;
        Operation operation = operations.stream().filter(op -> op.path().equals(draft.path())).findFirst().orElse(null);
        if (operation == null) {
            notice.set("No operation " + draft.path() + " in the catalog");
            return;
        }
        search.set("");
        selected.set(operation);
        reply.set(null);
        failure.set(null);
        notice.set(draft.description());
        body.set(shown(draft.body().toPrettyString()));
        refreshTokenChoices();
    }

    /**
     * Prepares /link/token/create in update mode for the access_token of the body being edited: the
     * fix for ITEM_LOGIN_REQUIRED and the other errors a user clears by logging in again.
     */
    public void prepareUpdateModeLinkToken() {
        String accessToken;
        try {
            accessToken = JSON.readTree(bodyToSend()).path("access_token").asText(null);
        } catch (JsonProcessingException e) {
            accessToken = null;
        }
        if (accessToken == null) {
            notice.set("This body has no access_token: an update-mode Link token is made for an Item's access token.");
            return;
        }
        open(new ConsoleDraft("/link/token/create", ItemService.updateModeLinkTokenBody(accessToken, null),
                "An update-mode Link token for this Item: send it, then open Link with the link_token so the user logs in again."));
    }

    public void resetToExample() {
        Operation operation = selected.get();
        if (operation != null) {
            FxAsync.whenDone(catalog.exampleRequest(operation), example -> body.set(shown(example.toPrettyString())),
                    error -> failure.set(FailureDescriber.describe(error)));
        }
    }

    private static java.util.function.Predicate<Operation> matcher(String typed) {
        TextQuery query = TextQuery.of(typed);
        return op -> query.matches(op.path(), op.operationId(), op.summary(), op.group());
    }

    // --- the request --------------------------------------------------------------------------

    /** The body as the editor shows it: tokens masked unless {@link #revealTokensProperty()} is on. */
    public StringProperty bodyProperty() {
        return body;
    }

    public BooleanProperty revealTokensProperty() {
        return revealTokens;
    }

    /** The body as it goes to Plaid: every mask the editor made replaced by its token. */
    public String bodyToSend() {
        return maskedTokens.unmask(body.get());
    }

    /** Whether the editor still holds the request {@code shownText} was, however its tokens are shown now. */
    private boolean sameRequest(String shownText) {
        return maskedTokens.unmask(shownText).equals(bodyToSend());
    }

    /** Text for the editor: its tokens masked (and remembered for sending), unless they are to be shown. */
    private String shown(String text) {
        String masked = maskedTokens.mask(text);
        return revealTokens.get() ? text : masked;
    }

    /** Why the body is not JSON (with line and column), or null when it parses. */
    public StringProperty syntaxErrorProperty() {
        return syntaxError;
    }

    /** Where the body departs from the operation's schema; empty when it fits. */
    public ObservableList<SchemaProblem> problems() {
        return problems;
    }

    public void formatBody() {
        try {
            body.set(shown(JSON.readTree(body.get()).toPrettyString())); // a token pasted whole is masked too
        } catch (JsonProcessingException e) {
            // The syntax message already says what is wrong.
        }
    }

    private void checkSyntax(String text) {
        problems.clear();
        Operation operation = selected.get();
        if (operation != null && operation.method().equals("GET")) {
            syntaxError.set(null);
            return;
        }
        String error = syntaxErrorOf(text);
        syntaxError.set(error);
        if (error == null) {
            validationDelay.playFromStart();
        }
    }

    static String syntaxErrorOf(String text) {
        if (text == null || text.isBlank()) {
            return "The body is empty: send {} for an operation without fields.";
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node.isObject() ? null : "The body must be a JSON object: { ... }";
        } catch (JsonProcessingException e) {
            return "Not valid JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + ": " + e.getOriginalMessage();
        }
    }

    private void validateAgainstSchema() {
        Operation operation = selected.get();
        String text = body.get();
        if (operation == null || syntaxError.get() != null) {
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return;
        }
        FxAsync.whenDone(catalog.validate(operation, json), found -> {
            if (operation.equals(selected.get()) && sameRequest(text)) {
                problems.setAll(found);
            }
        }, error -> problems.setAll(List.of(new SchemaProblem("", "Could not check the body: " + error.getMessage()))));
    }

    // --- tokens -------------------------------------------------------------------------------

    /** The token-book tokens of the active profile, for the picker. */
    public ObservableList<TokenEntry> tokenChoices() {
        return tokenChoices;
    }

    private void refreshTokenChoices() {
        Profile current = profile.get();
        if (current == null) {
            tokenChoices.clear();
            return;
        }
        FxAsync.whenDone(tokens.list(current.name(), null), tokenChoices::setAll, error -> tokenChoices.clear());
    }

    /**
     * A token field of the body and the token-book tokens that fit it.
     *
     * @param field  access_token, processor_token, ...
     * @param kind   what it holds ("Access token")
     * @param tokens the active profile's tokens of that kind
     */
    public record TokenField(String field, String kind, List<TokenEntry> tokens) {
    }

    /** The body's token fields, each with the tokens the picker offers for it. */
    public List<TokenField> tokenMenu() {
        List<TokenField> fields = new ArrayList<>();
        try {
            Iterator<String> names = JSON.readTree(body.get()).fieldNames();
            names.forEachRemaining(name -> {
                TokenKind kind = ConsoleService.tokenKindForField(name);
                if (kind != null) {
                    fields.add(new TokenField(name, kind.displayName(),
                            tokenChoices.stream().filter(token -> token.kind() == kind).toList()));
                }
            });
        } catch (JsonProcessingException e) {
            // No fields to offer until the body parses.
        }
        return fields;
    }

    /** Puts a token-book token into {@code field} of the body. */
    public void insertToken(String field, TokenEntry token) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(body.get());
            json.put(field, token.value());
            body.set(shown(json.toPrettyString()));
        } catch (JsonProcessingException | ClassCastException e) {
            notice.set("Fix the JSON first: the token goes into the body's \"" + field + "\" field.");
        }
    }

    // --- sending ------------------------------------------------------------------------------

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending;
    }

    public ReadOnlyObjectProperty<PlaidResponse> replyProperty() {
        return reply;
    }

    public ReadOnlyObjectProperty<FailureReport> failureProperty() {
        return failure;
    }

    /** A one-line message for the user (a refused send, a restored history entry, ...). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return profile;
    }

    /**
     * What the user is asked before a call goes out. The view answers with dialogs; the model asks
     * about the operation it is really about to send, whichever way the send was started.
     */
    public interface SendChecks {
        /** True when the call may go ahead in the profile's environment (Production, or a production token in the body, asks first). */
        boolean allowInEnvironment(Profile profile, Operation operation, String body);

        /** True when the user wants a body that does not fit the operation's schema sent as it is. */
        boolean sendDespite(Operation operation, List<SchemaProblem> problems);
    }

    public void setSendChecks(SendChecks checks) {
        this.checks = checks;
    }

    /**
     * Sends the body as typed, after checking it against the operation's schema. Refuses, with a
     * message and without sending, when nothing is selected, no profile is active, the body is not
     * a JSON object, or the user declines to send a body that does not fit the schema or a
     * Production call.
     */
    public void send() {
        Operation operation = selected.get();
        Profile current = profile.get();
        if (sending.get()) {
            return;
        }
        if (operation == null) {
            notice.set("Pick an operation first.");
            return;
        }
        if (current == null) {
            notice.set("No profile is active.");
            return;
        }
        if (syntaxError.get() != null) {
            notice.set("Not sent. " + syntaxError.get());
            return;
        }
        String text = body.get();
        List<String> unknownMasks = maskedTokens.unknownMasks(text);
        if (!unknownMasks.isEmpty()) {
            notice.set("Not sent: Tartan cannot fill in the masked token " + unknownMasks.get(0)
                    + ". Put the token in again with Insert token, or paste it whole.");
            return;
        }
        sending.set(true);
        notice.set(null);
        FxAsync.whenDone(schemaProblems(operation, text), found -> {
            if (!operation.equals(selected.get()) || !sameRequest(text)) {
                sending.set(false);
                notice.set("Not sent: the request changed while it was being checked.");
                return;
            }
            problems.setAll(found);
            if (!found.isEmpty() && !checks.sendDespite(operation, found)) {
                sending.set(false);
                notice.set("Not sent. " + found.get(0) + (found.size() > 1 ? " (and " + (found.size() - 1) + " more)" : ""));
                return;
            }
            String whole = maskedTokens.unmask(text);
            if (!checks.allowInEnvironment(current, operation, whole)) {
                sending.set(false);
                notice.set("Not sent: the Production call was not confirmed.");
                return;
            }
            dispatch(current, operation, whole);
        }, error -> {
            sending.set(false);
            failure.set(FailureDescriber.describe(error));
        });
    }

    private CompletableFuture<List<SchemaProblem>> schemaProblems(Operation operation, String text) {
        if (operation.method().equals("GET")) {
            return CompletableFuture.completedFuture(List.of());
        }
        try {
            return catalog.validate(operation, JSON.readTree(text));
        } catch (JsonProcessingException e) {
            return CompletableFuture.completedFuture(List.of(new SchemaProblem("", e.getOriginalMessage())));
        }
    }

    private void dispatch(Profile current, Operation operation, String text) {
        reply.set(null);
        failure.set(null);
        CompletableFuture<PlaidResponse> call;
        try {
            call = tasks.run(operation.path(), () -> console.send(current, operation, text));
        } catch (IllegalArgumentException e) {
            sending.set(false);
            notice.set("Not sent. " + e.getMessage());
            return;
        }
        inFlight = call;
        FxAsync.whenDone(call, response -> {
            reply.set(response);
            finished(call);
        }, error -> {
            failure.set(FailureDescriber.describe(error));
            finished(call);
        });
        call.whenComplete((r, e) -> {
            if (call.isCancelled()) {
                FxAsync.runOnFx(() -> {
                    notice.set("Cancelled; nothing came back.");
                    finished(call);
                });
            }
        });
    }

    private void finished(CompletableFuture<PlaidResponse> call) {
        if (inFlight == call) {
            inFlight = null;
            sending.set(false);
        }
        refreshHistory();
        refreshTokenChoices();
    }

    public void cancel() {
        CompletableFuture<PlaidResponse> call = inFlight;
        if (call != null) {
            call.cancel(true);
        }
    }

    /**
     * Builds the call as a curl command: the {@link #curlProperty()} then holds it, for the view to
     * put on the clipboard, and the notice says what was copied.
     */
    public void copyAsCurl(boolean revealSecrets) {
        Operation operation = selected.get();
        Profile current = profile.get();
        if (operation == null || current == null) {
            return;
        }
        List<String> unknownMasks = maskedTokens.unknownMasks(body.get());
        if (revealSecrets && !unknownMasks.isEmpty()) {
            notice.set("Not copied: Tartan cannot fill in the masked token " + unknownMasks.get(0)
                    + ", so the command would not run. Put the token in again with Insert token.");
            return;
        }
        FxAsync.whenDone(console.curl(current, operation, bodyToSend(), revealSecrets), command -> {
            curl.set(null); // the same command copied again is a change too
            curl.set(command);
            notice.set(revealSecrets ? "Copied a runnable curl command, secrets included."
                    : "Copied a curl command with the secret and tokens masked.");
        }, error -> failure.set(FailureDescriber.describe(error)));
    }

    /** The curl command just built, for the clipboard (null in between). */
    public ReadOnlyObjectProperty<String> curlProperty() {
        return curl;
    }

    // --- a file reply -------------------------------------------------------------------------

    /** A name for the reply's file: the operation's path and the kind of file ("asset_report-pdf-get.pdf"). */
    public String replyFileName() {
        PlaidResponse response = reply.get();
        Operation op = selected.get();
        String base = op == null ? "reply" : op.path().substring(1).replace('/', '-');
        String type = response == null || response.contentType() == null ? "" : response.contentType();
        return base + (type.contains("pdf") ? ".pdf" : type.contains("zip") ? ".zip" : ".bin");
    }

    /** Saves the file the reply is (a PDF, a zip) where the user chose. */
    public void saveReply(Path target) {
        PlaidResponse response = reply.get();
        if (response != null) {
            FxAsync.whenDone(console.saveReply(target, response.bytes()), saved -> notice.set("Saved " + saved),
                    error -> notice.set("Could not save " + target + ": " + FailureDescriber.describe(error).message()));
        }
    }

    /** Opens the file the reply is in the system's viewer (written to the data folder's downloads, not the temp folder). */
    public void openReply() {
        PlaidResponse response = reply.get();
        if (response != null) {
            FxAsync.whenDone(console.keepForViewer(replyFileName(), response.bytes()), openFile,
                    error -> notice.set("Could not open the file: " + FailureDescriber.describe(error).message()));
        }
    }

    // --- history ------------------------------------------------------------------------------

    public ObservableList<HistoryEntry> history() {
        return history;
    }

    public StringProperty historyFilterProperty() {
        return historyFilter;
    }

    public void refreshHistory() {
        long asked = ++historyRequests;
        // Each keystroke in the filter asks again; only the latest question's answer may land.
        FxAsync.whenDone(console.history(historyFilter.get(), HISTORY_SIZE), found -> {
            if (asked == historyRequests) {
                history.setAll(found);
            }
        }, error -> {
            if (asked == historyRequests) {
                history.clear();
            }
        });
    }

    /** Puts a past call back in the editor, with its tokens restored from the token book where possible. */
    public void restore(HistoryEntry entry, boolean sendAfterwards) {
        Operation operation = operations.stream().filter(op -> op.path().equals(entry.operation())).findFirst().orElse(null);
        if (operation == null) {
            notice.set("The catalog has no " + entry.operation());
            return;
        }
        FxAsync.whenDone(console.restore(entry), restored -> {
            // A mask the token book could not settle must not be filled in with a token seen earlier.
            maskedTokens.forget(restored.unresolvedTokens());
            search.set("");
            selected.set(operation);
            reply.set(null);
            failure.set(null);
            body.set(shown(restored.body()));
            if (restored.unresolvedTokens().isEmpty()) {
                notice.set("Restored the call of " + entry.at() + ".");
                if (sendAfterwards) {
                    send();
                }
            } else {
                notice.set("Restored, but " + String.join(", ", restored.unresolvedTokens())
                        + " is not in the token book: pick the token before sending.");
            }
        }, error -> failure.set(FailureDescriber.describe(error)));
    }
}
