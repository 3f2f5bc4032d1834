package dev.tartan.ui.common;

import dev.tartan.service.FailureDescriber;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The form that adds a pasted token to a pane's list: the token, an optional label, what is wrong
 * with the text as it is typed (never repeating it), and the adding. Used on the FX thread.
 */
public final class PasteTokenFormViewModel extends TokenFormViewModel {

    private final TokenListViewModel list;
    private final StringProperty token = new SimpleStringProperty("");

    /**
     * @param problemOf what is wrong with the text typed (stripped; blank asks for the token), or "" when it looks
     *                  like a token of the list's kind
     */
    public PasteTokenFormViewModel(TokenListViewModel list, Function<String, String> problemOf) {
        super(FailureDescriber::describe);
        this.list = list;
        problemIs(() -> problemOf.apply(token.get().strip()), token);
        token.addListener((obs, old, now) -> submission().reset());
    }

    public StringProperty tokenProperty() {
        return token;
    }


    /** What is wrong with the text typed so far; "" when it can be added. */

    /** Adds the token and opens it; the form empties once it is in. Text that is not such a token is refused with the reason. */
    @Override
    public void submit() {
        String pasted = token.get();
        String name = labelOrNull();
        String refusal = problem().get();
        submission().submit("Adding the token\u2026", () -> refusal.isEmpty()
                ? list.add(pasted, name)
                : CompletableFuture.failedFuture(new IllegalArgumentException(refusal)), added -> {
            token.set("");
            labelProperty().set("");
        });
    }
}
