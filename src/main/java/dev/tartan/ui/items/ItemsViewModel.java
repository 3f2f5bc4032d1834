package dev.tartan.ui.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.model.PlaidError;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenKind;
import dev.tartan.service.ItemService;
import dev.tartan.service.ProcessorTokenService;
import dev.tartan.service.TransactionSyncService;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.InboxUrl;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.PasteTokenFormViewModel;
import dev.tartan.ui.common.TokenListViewModel;
import dev.tartan.ui.common.TokenRow;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * The Items pane: the Items the token book keeps for the active profile, each with its last known
 * health, and the Item open on the right; adding one by its access token, creating sandbox ones.
 */
public final class ItemsViewModel {

    private final ItemService items;
    private final PaneServices pane;
    private final TokenListViewModel list;
    private final ItemViewModel detail;
    private final BooleanBinding sandbox;

    public ItemsViewModel(PaneServices pane, ItemService items, TransactionSyncService transactions, ProcessorTokenService processorTokens) {
        this.items = items;
        this.pane = pane;
        this.list = pane.tokenList(TokenKind.ACCESS, "Item",
                (forProfile, token, label) -> pane.tasks().run("Add Item", () -> items.addByToken(forProfile, token, label, call -> { })),
                this::describe);
        this.detail = new ItemViewModel(pane, items, transactions, processorTokens, list::replace, list::removed);
        this.sandbox = pane.sandbox();
        ReadOnlyObjectProperty<Profile> profile = pane.profile();
        list.selectedProperty().addListener((obs, old, row) -> {
            if (row != null && old != null && row.entry().value().equals(old.entry().value())) {
                detail.update(row.entry());
            } else {
                detail.open(profile.get(), row == null ? null : row.entry());
            }
        });
        detail.overviewProperty().addListener((obs, old, state) -> {
            TokenRow row = list.selectedProperty().get();
            if (row != null && state != null && state.hasData()) {
                noteItemReply(row, state.data(), state.fetchedAt());
            }
        });
    }

    /** Fills in a row without calling /item/get: the Item's last known status, from the vault's copy of that reply. */
    private void describe(TokenRow row) {
        Profile current = pane.profile().get();
        if (current == null) {
            return;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("access_token", row.entry().value());
        // An unreadable cache only means the row waits for the Item to be opened.
        FxAsync.whenDone(pane.calls().cached(current, "/item/get", body),
                cached -> cached.ifPresent(hit -> noteItemReply(row, hit.json(), hit.fetchedAt())), error -> { });
    }

    private static void noteItemReply(TokenRow row, JsonNode itemReply, java.time.Instant at) {
        row.noteStatus(statusOf(itemReply), at);
        JsonNode name = itemReply.path("item").path("institution_name");
        if (name.isTextual() && !name.asText().isBlank()) {
            row.nameInstitution(name.asText());
        }
    }

    /** "healthy", or the error code the Item is in, from an /item/get reply. */
    static String statusOf(JsonNode itemReply) {
        PlaidError error = ItemService.itemError(itemReply);
        return error == null ? "healthy" : error.errorCode();
    }

    /** The list of Items on the left. */
    public TokenListViewModel list() {
        return list;
    }

    /** The Item open on the right. */
    public ItemViewModel detail() {
        return detail;
    }

    /** Opens the Item of an access token: the one listed, else added to the token book first. */
    public void open(String accessToken) {
        list.open(accessToken);
    }

    /** The form of the "Add an Item" dialog: an access token, checked with /item/get before it is kept. */
    public PasteTokenFormViewModel newAddForm() {
        return new PasteTokenFormViewModel(list, ItemsViewModel::accessTokenProblem);
    }

    static String accessTokenProblem(String text) {
        if (text.isEmpty()) {
            return "Paste the Item's access token.";
        }
        TokenKind kind = TokenKind.of(text);
        if (kind == null) {
            return "That is not a Plaid token: access tokens look like access-sandbox-\u2026 or access-production-\u2026";
        }
        return kind == TokenKind.ACCESS ? "" : "That is a " + kind.displayName().toLowerCase(java.util.Locale.ROOT)
                + ", not an access token.";
    }

    /** The form of the "Create a sandbox Item" dialog. */
    public SandboxItemFormViewModel newSandboxItemForm() {
        Profile current = pane.profile().get();
        return new SandboxItemFormViewModel(pane.institutions(), pane.catalog(), current,
                spec -> pane.tasks().run("Create sandbox Item", () -> items.createSandboxItem(current, spec)), list::showNew);
    }

    /** Where Tartan's webhook inbox listens ("Use Tartan's inbox" in the sandbox Item dialog). */
    public InboxUrl inbox() {
        return pane.inbox();
    }

    /** Whether the active profile can create sandbox Items (Sandbox, or the emulator). */
    public BooleanBinding sandboxProperty() {
        return sandbox;
    }

}
