package dev.tartan.ui.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.model.FailureReport;
import dev.tartan.model.Masking;
import dev.tartan.model.PlaidError;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.CatalogService;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.ItemService;
import dev.tartan.service.ProcessorService;
import dev.tartan.service.TransactionService;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.TaskCenter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The Items pane's list: the Items the token book keeps for the active profile, each with its
 * last known status, filtered as the user types; and the Item open on the right.
 */
public final class ItemsViewModel {

    /**
     * One row of the list: the token-book entry, the name of its institution, and what Tartan last
     * saw of the Item's health.
     */
    public static final class ItemRow {
        private final ObjectProperty<TokenEntry> entry;
        private final StringProperty institutionName = new SimpleStringProperty();
        private final StringProperty status = new SimpleStringProperty();
        private final ObjectProperty<Instant> checkedAt = new SimpleObjectProperty<>();

        ItemRow(TokenEntry entry) {
            this.entry = new SimpleObjectProperty<>(entry);
        }

        public TokenEntry entry() {
            return entry.get();
        }

        /** The institution's name, or null until it is known (the entry keeps only its id). */
        public StringProperty institutionNameProperty() {
            return institutionName;
        }

        /** "healthy", an error code, or null when not checked yet. */
        public StringProperty statusProperty() {
            return status;
        }

        public ObjectProperty<Instant> checkedAtProperty() {
            return checkedAt;
        }

        /** The Item's status from an /item/get reply of {@code at}, and its institution's name if the reply has it. */
        void noteItemReply(JsonNode itemReply, Instant at) {
            status.set(statusOf(itemReply));
            checkedAt.set(at);
            JsonNode name = itemReply.path("item").path("institution_name");
            if (name.isTextual() && !name.asText().isBlank()) {
                institutionName.set(name.asText());
            }
        }

        boolean matches(String needle) {
            TokenEntry e = entry.get();
            String haystack = String.join(" ", String.valueOf(e.label()), String.valueOf(e.institution()),
                    String.valueOf(institutionName.get()), String.valueOf(e.ownerId()), String.valueOf(e.profile()),
                    String.valueOf(status.get())).toLowerCase(Locale.ROOT);
            return haystack.contains(needle);
        }
    }

    /**
     * A failure of the pane itself rather than of one Item's tab.
     *
     * @param what   what Tartan was doing, in a sentence ("Could not add the Item of access-sandbox-••••1234")
     * @param report why it failed
     * @param retry  does it again (the report's "Try again")
     */
    public record PaneFailure(String what, FailureReport report, Runnable retry) {
    }

    private final ItemService items;
    private final InstitutionService institutions;
    private final CachedCalls calls;
    private final CatalogService catalog;
    private final TaskCenter tasks;
    private final ReadOnlyObjectProperty<Profile> profile;
    private final ItemViewModel detail;

    private final ObservableList<ItemRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ItemRow> visibleRows = new FilteredList<>(rows, row -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<ItemRow> selected = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ObjectProperty<PaneFailure> failure = new SimpleObjectProperty<>();
    /** Completes when the list of the current profile is in. */
    private CompletableFuture<Void> listed = CompletableFuture.completedFuture(null);

    public ItemsViewModel(ItemService items, InstitutionService institutions, CachedCalls calls, CatalogService catalog, TransactionService transactions,
                          ProcessorService processors, TaskCenter tasks, ReadOnlyObjectProperty<Profile> profile) {
        this.items = items;
        this.institutions = institutions;
        this.calls = calls;
        this.catalog = catalog;
        this.tasks = tasks;
        this.profile = profile;
        this.detail = new ItemViewModel(items, calls, transactions, processors, tasks, this::replace, this::removed);
        filter.addListener((obs, old, now) -> {
            String needle = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            visibleRows.setPredicate(row -> needle.isEmpty() || row.matches(needle));
        });
        selected.addListener((obs, old, row) -> {
            if (row != null) {
                failure.set(null);
            }
            detail.open(profile.get(), row == null ? null : row.entry());
        });
        detail.overviewProperty().addListener((obs, old, state) -> {
            ItemRow row = selected.get();
            if (row != null && state != null && state.hasData()) {
                row.noteItemReply(state.data(), state.fetchedAt());
            }
        });
        profile.addListener((obs, old, now) -> reload());
        reload();
    }

    /** Reloads the list from the token book (after a profile switch, or by hand). */
    public void reload() {
        Profile current = profile.get();
        selected.set(null);
        rows.clear();
        if (current == null) {
            return;
        }
        loading.set(true);
        CompletableFuture<Void> done = new CompletableFuture<>();
        listed = done;
        FxAsync.whenDone(items.items(current.name()), entries -> {
            loading.set(false);
            failure.set(null);
            rows.setAll(entries.stream().map(ItemRow::new).toList());
            rows.forEach(row -> describe(current, row));
            done.complete(null);
        }, error -> {
            loading.set(false);
            failure.set(new PaneFailure("Could not list the Items of profile '" + current.name() + "'",
                    FailureDescriber.describe(error), this::reload));
            done.complete(null);
        });
    }

    /**
     * Fills in a row without calling /item/get: the Item's last known status from the cache, and the
     * name of its institution (from that reply, else looked up once and kept).
     */
    private void describe(Profile current, ItemRow row) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("access_token", row.entry().value());
        FxAsync.whenDone(calls.cached(current, "/item/get", body), cached -> {
            cached.ifPresent(hit -> row.noteItemReply(hit.json(), hit.fetchedAt()));
            String institution = row.entry().institution();
            if (row.institutionName.get() == null && institution != null) {
                // Without the name the row shows the institution_id, which is still right.
                FxAsync.whenDone(institutions.name(current, institution), name -> name.ifPresent(row.institutionName::set),
                        error -> { });
            }
        }, error -> { }); // an unreadable cache only means the row waits for the Item to be opened
    }

    static String statusOf(JsonNode itemReply) {
        PlaidError error = ItemService.itemError(itemReply);
        return error == null ? "healthy" : error.errorCode();
    }

    /** Opens the Item of an access token: the one in the list, else added to the token book first. */
    public void open(String accessToken) {
        listed.thenRun(() -> FxAsync.runOnFx(() -> rows.stream()
                .filter(row -> row.entry().value().equals(accessToken))
                .findFirst()
                .ifPresentOrElse(row -> {
                    filter.set("");
                    selected.set(row);
                }, () -> addByToken(accessToken, null))));
    }

    /**
     * Adds an Item by its access token and selects it. A failure (an unknown or invalid token, say)
     * becomes the pane's failure, naming the token masked.
     */
    public CompletableFuture<TokenEntry> addByToken(String token, String label) {
        Profile current = profile.get();
        CompletableFuture<TokenEntry> added = tasks.run("Add Item", () -> items.addByToken(current, token, label, call -> { }));
        FxAsync.whenDone(added, this::showNew, error -> failure.set(new PaneFailure(
                "Could not add the Item of " + Masking.maskToken(token == null ? null : token.strip()), FailureDescriber.describe(error),
                () -> addByToken(token, label))));
        return added;
    }

    /** Creates a sandbox Item; selects it. */
    public CompletableFuture<TokenEntry> createSandboxItem(ItemService.SandboxItemSpec spec) {
        Profile current = profile.get();
        CompletableFuture<TokenEntry> created = tasks.run("Create sandbox Item", () -> items.createSandboxItem(current, spec));
        FxAsync.whenDone(created, this::showNew, error -> { });
        return created;
    }

    /** Institutions for the create dialog's picker. */
    public CompletableFuture<JsonNode> institutions() {
        return institutions.list(profile.get(), 50);
    }

    /** The products and webhook codes the catalog lists, for pickers. */
    public CompletableFuture<List<String>> enumOf(String path, String field) {
        return catalog.enumOf(path, field);
    }

    private void showNew(TokenEntry entry) {
        ItemRow row = new ItemRow(entry);
        rows.removeIf(r -> r.entry().value().equals(entry.value()));
        rows.add(0, row);
        filter.set("");
        selected.set(row);
    }

    private void replace(TokenEntry fresh) {
        ItemRow row = selected.get();
        if (row != null) {
            row.entry.set(fresh);
        }
    }

    private void removed(TokenEntry gone) {
        rows.removeIf(r -> r.entry().value().equals(gone.value()));
        selected.set(null);
    }

    public FilteredList<ItemRow> visibleRows() {
        return visibleRows;
    }

    public ObservableList<ItemRow> rows() {
        return rows;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<ItemRow> selectedProperty() {
        return selected;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** What failed in the pane itself (listing or adding Items); null when nothing did. */
    public ObjectProperty<PaneFailure> failureProperty() {
        return failure;
    }

    public ItemViewModel detail() {
        return detail;
    }

    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return profile;
    }

    /** Whether the active profile can create sandbox Items (Sandbox, or the emulator). */
    public boolean canCreateSandboxItems() {
        Profile current = profile.get();
        return current != null && !current.environment().isProduction();
    }
}
