package dev.tartan.ui.common;

import dev.tartan.model.FailureReport;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenKind;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.CatalogService;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.TokenBookService;
import dev.tartan.ui.common.data.SubjectLoader;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every product pane's view model works with, whatever its product: the panes' calls
 * (cache-through), the token book, institutions' names, the operation catalog, the task centre,
 * the active profile and where Tartan's webhook inbox listens; and the shared pieces made from them.
 */
public record PaneServices(CachedCalls calls, TokenBookService tokenBook, InstitutionService institutions, CatalogService catalog,
                           TaskCenter tasks, ReadOnlyObjectProperty<Profile> profile, InboxUrl inbox) {

    /** Without Tartan's webhook inbox ("Use Tartan's inbox" stays disabled). */
    public PaneServices(CachedCalls calls, TokenBookService tokenBook, InstitutionService institutions, CatalogService catalog,
                        TaskCenter tasks, ReadOnlyObjectProperty<Profile> profile) {
        this(calls, tokenBook, institutions, catalog, tasks, profile, InboxUrl.none());
    }

    /** The left-hand list of the token-book entries of one kind (see {@link TokenListViewModel}). */
    public TokenListViewModel tokenList(TokenKind kind, String noun, TokenListViewModel.Adder adder, Consumer<TokenRow> describe) {
        return new TokenListViewModel(kind, noun, tokenBook, institutions, profile, adder, describe);
    }

    /** What loads the open subject's tabs and runs its actions, failures explained by {@code describe}. */
    public SubjectLoader subjectLoader(Function<Throwable, FailureReport> describe) {
        return new SubjectLoader(calls, tasks, describe);
    }

    /** Whether the active profile reaches a sandbox (Sandbox or the emulator), where sandbox-only operations work. */
    public BooleanBinding sandbox() {
        return Bindings.createBooleanBinding(() -> profile.get() != null && !profile.get().environment().isProduction(), profile);
    }
}
