package dev.tartan.ui.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.TokenEntry;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The two pickers of a form about one account of an Item (a processor token, a transfer): the Item
 * (given, or picked from the token book) and then one of its accounts, a checking account first.
 * Picking another Item loads its accounts. Used on the FX thread.
 */
public final class ItemAccountChoice {

    private final boolean itemFixed;
    private final Choices<TokenEntry> items;
    private final ObjectProperty<TokenEntry> item = new SimpleObjectProperty<>();
    private final Choices<JsonNode> accounts;
    private final ObjectProperty<JsonNode> account = new SimpleObjectProperty<>();

    /**
     * @param fixedItem  the Item the form is about, or null to pick one of {@code items}
     * @param items      the Items to pick from (the token book's access tokens of the profile)
     * @param accountsOf the accounts of an Item, by its entry
     * @param pickFirst  whether the first Item is picked once they are loaded (else the user picks one)
     */
    public ItemAccountChoice(TokenEntry fixedItem, Supplier<CompletableFuture<List<TokenEntry>>> items,
                             Function<TokenEntry, CompletableFuture<List<JsonNode>>> accountsOf, boolean pickFirst) {
        this.itemFixed = fixedItem != null;
        this.items = fixedItem != null
                ? new Choices<>(() -> CompletableFuture.completedFuture(List.of(fixedItem)), list -> fixedItem)
                : new Choices<>(items, list -> pickFirst && !list.isEmpty() ? list.get(0) : null);
        this.accounts = new Choices<>(() -> accountsOf.apply(item.get()), list -> list.stream()
                .filter(a -> "checking".equals(a.path("subtype").asText())).findFirst().orElse(list.isEmpty() ? null : list.get(0)));
        item.addListener((obs, old, now) -> {
            account.set(null);
            if (now != null) {
                this.accounts.load();
            }
        });
        this.accounts.stateProperty().addListener((obs, old, state) -> {
            if (state.hasData() && account.get() == null) {
                account.set(this.accounts.suggested());
            }
        });
        this.items.stateProperty().addListener((obs, old, state) -> {
            if (state.hasData() && item.get() == null) {
                item.set(this.items.suggested());
            }
        });
    }

    /** Loads the Items (and so the given Item's accounts). */
    public void load() {
        items.load();
    }

    /** Whether the Item was given (the form then does not offer others). */
    public boolean itemIsFixed() {
        return itemFixed;
    }

    public Choices<TokenEntry> items() {
        return items;
    }

    public ObjectProperty<TokenEntry> itemProperty() {
        return item;
    }

    /** The accounts of the Item picked. */
    public Choices<JsonNode> accounts() {
        return accounts;
    }

    public ObjectProperty<JsonNode> accountProperty() {
        return account;
    }

    /** The account_id picked, or null. */
    public String accountId() {
        return account.get() == null ? null : account.get().path("account_id").asText(null);
    }
}
