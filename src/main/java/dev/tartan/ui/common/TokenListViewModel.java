package dev.tartan.ui.common;

import dev.tartan.model.FailureReport;
import dev.tartan.model.Masking;
import dev.tartan.model.Profile;
import dev.tartan.model.TextQuery;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.TokenBookService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The left side of a pane that lists tokens of one kind from the token book (Items, processor
 * tokens, asset reports, ...): the active profile's entries with their institutions named, filtered
 * as the user types, the one the user picked, and opening a token by its value (the one listed, or
 * added to the book first). A failure of the list itself (listing, adding) is the pane's failure.
 * Used on the FX thread.
 */
public final class TokenListViewModel {

    /** Adds a token to the book for a profile (checking it with Plaid first, if the kind needs it). */
    @FunctionalInterface
    public interface Adder {
        CompletableFuture<TokenEntry> add(Profile profile, String token, String label);
    }

    /**
     * A failure of the pane itself rather than of the open subject's tabs.
     *
     * @param what   what Tartan was doing, in a sentence ("Could not add the Item of access-sandbox-••••1234")
     * @param report why it failed
     * @param retry  does it again (the report's "Try again")
     */
    public record PaneFailure(String what, FailureReport report, Runnable retry) {
    }

    private final TokenKind kind;
    private final String noun;
    private final TokenBookService tokenBook;
    private final InstitutionService institutions;
    private final ReadOnlyObjectProperty<Profile> profile;
    private final Adder adder;
    private final Consumer<TokenRow> describe;

    private final ObservableList<TokenRow> rows = FXCollections.observableArrayList();
    private final ObservableList<TokenRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<TokenRow> visibleRows = new FilteredList<>(rows, row -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<TokenRow> selected = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ObjectProperty<PaneFailure> failure = new SimpleObjectProperty<>();
    /** Completes (on the FX thread) once the list of the current profile is in the rows. */
    private CompletableFuture<Void> listed = CompletableFuture.completedFuture(null);

    /**
     * @param noun     what one entry is called ("Item", "processor token"), for messages
     * @param adder    adds a token that is not listed yet
     * @param describe fills in what the pane shows of a row beyond the book's entry (called for each row listed or added)
     */
    public TokenListViewModel(TokenKind kind, String noun, TokenBookService tokenBook, InstitutionService institutions,
                              ReadOnlyObjectProperty<Profile> profile, Adder adder, Consumer<TokenRow> describe) {
        this.kind = kind;
        this.noun = noun;
        this.tokenBook = tokenBook;
        this.institutions = institutions;
        this.profile = profile;
        this.adder = adder;
        this.describe = describe;
        filter.addListener((obs, old, now) -> refilter());
        profile.addListener((obs, old, now) -> {
            // Another profile's tokens are not shown, not even while its own list loads.
            select(null);
            rows.clear();
            reload();
        });
        reload();
    }

    // --- the list -----------------------------------------------------------------------------

    /** The rows that match the filter, for the list view. */
    public FilteredList<TokenRow> visibleRows() {
        return visibleRows;
    }

    /** Every row of the profile. */
    public ObservableList<TokenRow> rows() {
        // One wrapper for every caller: a listener added to a fresh wrapper would be lost with it.
        return readOnlyRows;
    }

    /** What the user typed to narrow the list. */
    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** Reloads the list from the token book (after a profile switch, or when another pane added tokens). */
    public void reload() {
        Profile current = profile.get();
        if (current == null) {
            select(null);
            rows.clear();
            return;
        }
        loading.set(true);
        CompletableFuture<Void> done = new CompletableFuture<>();
        listed = done;
        FxAsync.whenDone(tokenBook.list(current.name(), kind), list -> {
            if (!current.equals(profile.get())) {
                done.complete(null);
                return;
            }
            loading.set(false);
            failure.set(null);
            TokenRow shown = selected.get();
            rows.setAll(list.stream().map(TokenRow::new).toList());
            rows.forEach(this::describe);
            // The open subject stays open if the book still has it (with the book's newer entry).
            select(shown == null ? null : rowOf(shown.entry().value()).orElse(null));
            done.complete(null); // last: an open() waiting for the list finds the rows in
        }, error -> {
            done.complete(null);
            loading.set(false);
            failure.set(new PaneFailure("Could not list the " + noun + "s of profile '" + current.name() + "'",
                    FailureDescriber.describe(error), this::reload));
        });
    }

    private void describe(TokenRow row) {
        nameInstitution(row);
        describe.accept(row);
    }

    private void nameInstitution(TokenRow row) {
        Profile current = profile.get();
        String institutionId = row.entry().institution();
        if (current == null || institutionId == null || row.institutionNameProperty().get() != null) {
            return;
        }
        // Without the name the row shows the institution_id, which is still right.
        FxAsync.whenDone(institutions.name(current, institutionId), name -> name.ifPresent(found -> {
            row.nameInstitution(found);
            if (!filter.get().isBlank()) {
                refilter(); // the name may make the row match what was typed before it came
            }
        }), error -> { });
    }

    private void refilter() {
        TextQuery query = TextQuery.of(filter.get());
        visibleRows.setPredicate(row -> row.matches(query));
    }

    private Optional<TokenRow> rowOf(String token) {
        return rows.stream().filter(row -> row.entry().value().equals(token)).findFirst();
    }

    // --- the open one -------------------------------------------------------------------------

    /** The row whose subject is open, or null. */
    public ReadOnlyObjectProperty<TokenRow> selectedProperty() {
        return selected;
    }

    /** Opens {@code row}'s subject (null: none). */
    public void select(TokenRow row) {
        if (row != null) {
            failure.set(null);
        }
        selected.set(row);
    }

    /** Opens a token: the row listed, else the token added to the book first. */
    public void open(String token) {
        listed.thenRun(() -> FxAsync.runOnFx(() -> rowOf(token).ifPresentOrElse(row -> {
            filter.set("");
            select(row);
        }, () -> addAndOpen(token, null))));
    }

    /**
     * Adds a token and opens it; a refusal (not a token of this kind, unknown to Plaid) becomes the
     * pane's failure, naming the token masked.
     */
    public void addAndOpen(String token, String label) {
        FxAsync.whenDone(add(token, label), entry -> { }, error -> failure.set(new PaneFailure(
                "Could not add the " + noun + " " + Masking.maskToken(token == null ? null : token.strip()),
                FailureDescriber.describe(error), () -> addAndOpen(token, label))));
    }

    /** Adds a token to the book (and the list) and opens it; the caller hears how it went. */
    public CompletableFuture<TokenEntry> add(String token, String label) {
        Profile current = profile.get();
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("No profile is active."));
        }
        CompletableFuture<TokenEntry> added = adder.add(current, token, label);
        FxAsync.whenDone(added, this::showNew, error -> { });
        return added;
    }

    /** Puts a new (or newly made) entry at the top of the list and opens it. */
    public void showNew(TokenEntry entry) {
        rows.removeIf(row -> row.entry().value().equals(entry.value()));
        TokenRow row = new TokenRow(entry);
        rows.add(0, row);
        describe(row);
        filter.set("");
        select(row);
    }

    /** The book's entry for a listed token changed (an account learnt, a token rotated to {@code kept}). */
    public void replace(TokenEntry old, TokenEntry kept) {
        rowOf(old.value()).ifPresent(row -> {
            row.update(kept);
            describe(row);
        });
    }

    /** Forgets a token (after the view has asked): the book drops it, Plaid is not told. */
    public void forget(TokenEntry entry) {
        FxAsync.whenDone(tokenBook.remove(entry), removed -> removed(entry), error -> failure.set(new PaneFailure(
                "Could not remove " + entry.maskedValue() + " from the token book", FailureDescriber.describe(error),
                () -> forget(entry))));
    }

    /** The token left the book. */
    public void removed(TokenEntry gone) {
        TokenRow shown = selected.get();
        if (shown != null && shown.entry().value().equals(gone.value())) {
            select(null);
        }
        rows.removeIf(row -> row.entry().value().equals(gone.value()));
    }

    // --- the pane's own failure ---------------------------------------------------------------

    /** What failed in the list itself (listing or adding); null when nothing did. */
    public ReadOnlyObjectProperty<PaneFailure> failureProperty() {
        return failure;
    }

    public void dismissFailure() {
        failure.set(null);
    }

    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return profile;
    }
}
