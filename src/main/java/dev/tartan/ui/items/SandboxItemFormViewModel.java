package dev.tartan.ui.items;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tartan.model.Profile;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The form that creates a sandbox Item the way Link would: institution, products, test user
 * (including a user_custom configuration, checked as it is typed), webhook and a label. Used on
 * the FX thread.
 */
public final class SandboxItemFormViewModel extends TokenFormViewModel {

    /** A custom user that starts from Plaid's documented shape: one checking account with two transactions. */
    static final String USER_CUSTOM_TEMPLATE = """
            {
              "override_accounts": [
                {
                  "type": "depository",
                  "subtype": "checking",
                  "starting_balance": 1250.00,
                  "meta": { "name": "Custom Checking" },
                  "transactions": [
                    { "date_transacted": "2024-01-10", "date_posted": "2024-01-11", "amount": 42.50,
                      "description": "Corner Bakery", "currency": "USD" },
                    { "date_transacted": "2024-01-12", "date_posted": "2024-01-12", "amount": -1500.00,
                      "description": "Payroll", "currency": "USD" }
                  ]
                }
              ]
            }""";
    static final String USER_CUSTOM = "user_custom";
    /** The test users the form offers (any other can be typed). */
    static final List<String> TEST_USERS = List.of("user_good", USER_CUSTOM, "user_transactions_dynamic", "user_transactions_100000");
    private static final List<String> USUAL_PRODUCTS = List.of("transactions", "auth", "identity");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> USER_CUSTOM_FIELDS = Set.of("seed", "override_accounts", "force_error", "recaptcha", "mfa");

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
        JsonNode config;
        try {
            config = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return "The user_custom configuration is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage();
        }
        if (config == null || !config.isObject()) {
            return "The user_custom configuration must be a JSON object.";
        }
        for (var names = config.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!USER_CUSTOM_FIELDS.contains(name)) {
                return "user_custom has no field \"" + name + "\" (it knows " + String.join(", ", USER_CUSTOM_FIELDS.stream().sorted().toList()) + ").";
            }
        }
        JsonNode accounts = config.path("override_accounts");
        if (!accounts.isMissingNode() && !accounts.isArray()) {
            return "override_accounts must be a list of accounts.";
        }
        for (int i = 0; i < accounts.size(); i++) {
            JsonNode account = accounts.get(i);
            if (!account.hasNonNull("type") || !account.hasNonNull("subtype")) {
                return "override_accounts[" + i + "] needs a type and a subtype (e.g. depository / checking).";
            }
        }
        return null;
    }

    private static String compact(String json) {
        try {
            return JSON.readTree(json).toString();
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
