package dev.tartan.ui.items;

import dev.tartan.model.Profile;
import dev.tartan.model.SandboxFacts;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.WebhookUrl;
import dev.tartan.service.CatalogService;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.ItemService;
import dev.tartan.ui.common.Choices;
import dev.tartan.ui.common.InstitutionChoice;
import dev.tartan.ui.common.TokenFormViewModel;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The form that creates a sandbox Item the way Link would: institution, products, test user
 * (including a user_custom configuration, checked as it is typed), webhook and a label. Used on
 * the FX thread.
 */
public final class SandboxItemFormViewModel extends TokenFormViewModel {

    static final String USER_CUSTOM_TEMPLATE = SandboxFacts.USER_CUSTOM_TEMPLATE;
    static final String USER_CUSTOM = SandboxFacts.USER_CUSTOM;
    /** The test users the form offers (any other can be typed). */
    static final List<String> TEST_USERS = List.of("user_good", USER_CUSTOM, "user_transactions_dynamic", "user_transactions_100000");
    private static final List<String> USUAL_PRODUCTS = List.of("transactions", "auth", "identity");

    private final Function<ItemService.SandboxItemSpec, CompletableFuture<TokenEntry>> create;
    private final Consumer<TokenEntry> onCreated;
    private final InstitutionChoice institution;
    private final Choices<String> products;
    private final ObservableList<String> chosenProducts = FXCollections.observableArrayList();
    private final StringProperty username = new SimpleStringProperty(TEST_USERS.get(0));
    private final StringProperty password = new SimpleStringProperty("pass_good");
    private final StringProperty userCustom = new SimpleStringProperty(USER_CUSTOM_TEMPLATE);
    private final StringProperty webhook = new SimpleStringProperty("");

    /**
     * @param create    creates the Item and keeps its access token
     * @param onCreated told of the new Item
     */
    SandboxItemFormViewModel(InstitutionService institutionService, CatalogService catalog, Profile profile,
                             Function<ItemService.SandboxItemSpec, CompletableFuture<TokenEntry>> create, Consumer<TokenEntry> onCreated) {
        super(FailureDescriber::describe);
        this.create = create;
        this.onCreated = onCreated;
        this.institution = new InstitutionChoice(institutionService, profile);
        this.products = new Choices<>(() -> catalog.enumOf("/sandbox/public_token/create", "initial_products"));
        products.stateProperty().addListener((obs, old, state) -> {
            if (state.hasData() && chosenProducts.isEmpty()) {
                chosenProducts.setAll(USUAL_PRODUCTS.stream().filter(state.data()::contains).toList());
            }
        });
        problemIs(this::whatIsMissing, institution.chosenProperty(), chosenProducts, username, userCustom, webhook);
        products.load();
    }

    /** Where the Item is made. */
    public InstitutionChoice institution() {
        return institution;
    }

    /** The products Plaid's schema allows as initial_products. */
    public Choices<String> products() {
        return products;
    }

    /** The products picked (transactions, auth and identity to start with). */
    public ObservableList<String> chosenProducts() {
        return chosenProducts;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    /** The password, unless the user is user_custom, whose "password" is its configuration. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** user_custom's configuration, as JSON text. */
    public StringProperty userCustomProperty() {
        return userCustom;
    }

    public StringProperty webhookProperty() {
        return webhook;
    }



    /** Creates the Item: the dialog closes once it exists; a failure (error_ITEM_LOCKED, say) shows in it. */
    @Override
    public void submit() {
        ItemService.SandboxItemSpec spec = spec();
        submission().submit("Creating the Item and exchanging its public token\u2026", () -> create.apply(spec), onCreated);
    }

    private ItemService.SandboxItemSpec spec() {
        boolean custom = USER_CUSTOM.equals(username.get());
        return new ItemService.SandboxItemSpec(
                institution.institutionId(),
                List.copyOf(chosenProducts),
                username.get(),
                custom ? compact(userCustom.get()) : password.get(),
                WebhookUrl.check(webhook.get()),
                labelOrNull());
    }

    private String whatIsMissing() {
        if (institution.institutionId() == null) {
            return "Choose an institution.";
        }
        if (chosenProducts.isEmpty()) {
            return "Choose at least one product.";
        }
        if (username.get() == null || username.get().isBlank()) {
            return "Choose a test user (user_good works everywhere).";
        }
        if (USER_CUSTOM.equals(username.get())) {
            String error = userCustomProblem(userCustom.get());
            if (error != null) {
                return error;
            }
        }
        try {
            WebhookUrl.check(webhook.get());
        } catch (IllegalArgumentException e) {
            return e.getMessage() + ".";
        }
        return "";
    }

    /** Why a user_custom configuration would be refused, or null when it looks right. */
    static String userCustomProblem(String text) {
        return SandboxFacts.userCustomProblem(text);
    }

    private static String compact(String json) {
        return SandboxFacts.compactJson(json);
    }
}
