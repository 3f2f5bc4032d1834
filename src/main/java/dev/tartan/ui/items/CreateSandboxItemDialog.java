package dev.tartan.ui.items;

import java.util.function.Consumer;
import dev.tartan.ui.common.Fixes;
import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tartan.model.FailureReport;
import dev.tartan.model.TokenEntry;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.ItemService;
import dev.tartan.ui.common.FailureView;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.InstitutionPicker;
import dev.tartan.ui.common.JsonEditor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.CheckComboBox;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Creates a sandbox Item the way Link would: institution, products, test user (including a
 * user_custom configuration, checked as it is typed), webhook. Stays open on failure (an
 * error_ITEM_LOCKED password fails on purpose) with the error shown.
 */
final class CreateSandboxItemDialog extends Dialog<TokenEntry> {

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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> USER_CUSTOM_FIELDS = Set.of("seed", "override_accounts", "force_error", "recaptcha", "mfa");

    private final InstitutionPicker institution = new InstitutionPicker();
    private final CheckComboBox<String> products = new CheckComboBox<>();
    private final ComboBox<String> username = new ComboBox<>();
    private final TextField password = new TextField("pass_good");
    private final JsonEditor userCustom = new JsonEditor();
    private final TextField webhook = new TextField();
    private final TextField label = new TextField();
    private final FailureView failure;
    private final ProgressIndicator busy = new ProgressIndicator();

    CreateSandboxItemDialog(Window owner, ItemsViewModel model, Consumer<String> openLink) {
        this.failure = new FailureView(Fixes.none(), openLink);
        initOwner(owner);
        setTitle("Create a sandbox Item");
        setHeaderText("A new Item, as if a user linked it in Sandbox");
        getDialogPane().setId("createSandboxItemDialog");
        setResizable(true);

        institution.load(model.institutions(), this::showFailure);

        products.setId("sandboxProducts");
        products.setMaxWidth(Double.MAX_VALUE);
        FxAsync.whenDone(model.enumOf("/sandbox/public_token/create", "initial_products"), values -> {
            products.getItems().setAll(values);
            for (String wanted : List.of("transactions", "auth", "identity")) {
                products.getCheckModel().check(wanted);
            }
        }, error -> { });

        username.setId("sandboxUsername");
        username.setEditable(true);
        username.getItems().addAll("user_good", "user_custom", "user_transactions_dynamic", "user_transactions_100000");
        username.setValue("user_good");
        username.setMaxWidth(Double.MAX_VALUE);
        password.setId("sandboxPassword");
        password.setPromptText("pass_good, or error_ITEM_LOCKED to make creation fail");

        userCustom.setId("userCustomEditor");
        userCustom.textProperty().set(USER_CUSTOM_TEMPLATE);
        userCustom.setPrefHeight(220);
        Label customHelp = new Label("user_custom: the password is this JSON configuration (accounts, balances, transactions, identity).");
        customHelp.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        customHelp.setWrapText(true);
        VBox customBox = new VBox(4, customHelp, userCustom);
        customBox.visibleProperty().bind(username.valueProperty().isEqualTo("user_custom"));
        customBox.managedProperty().bind(customBox.visibleProperty());
        // The window was sized for the form without the editor: it grows to show it, and shrinks back.
        customBox.visibleProperty().addListener((obs, old, shown) -> fitWindow());
        password.disableProperty().bind(customBox.visibleProperty());

        webhook.setId("sandboxWebhook");
        webhook.setPromptText("optional: https://example.com/plaid-webhooks");
        label.setId("sandboxLabel");
        label.setPromptText("optional: a name for the token book");

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, FieldName.of("Institution"), institution);
        form.addRow(1, FieldName.of("Products"), products);
        form.addRow(2, FieldName.of("Test user"), username);
        form.addRow(3, FieldName.of("Password"), password);
        form.addRow(4, FieldName.of("Webhook URL"), webhook);
        form.addRow(5, FieldName.of("Label"), label);
        GridPane.setHgrow(institution, Priority.ALWAYS);

        Label problem = new Label();
        problem.setId("sandboxProblem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        StringBinding problems = Bindings.createStringBinding(this::problem, institution.valueProperty(),
                products.getCheckModel().getCheckedItems(), username.valueProperty(), userCustom.textProperty(), webhook.textProperty());
        problem.textProperty().bind(problems);

        failure.setId("sandboxFailure");
        failure.setVisible(false);
        failure.managedProperty().bind(failure.visibleProperty());
        busy.setMaxSize(20, 20);
        busy.setVisible(false);
        Label busyText = new Label("Creating the Item and exchanging its public token\u2026");
        busyText.visibleProperty().bind(busy.visibleProperty());
        HBox busyRow = new HBox(8, busy, busyText);

        VBox content = new VBox(10, form, customBox, problem, busyRow, failure);
        content.setPadding(new Insets(8, 12, 4, 12));
        content.setPrefWidth(620);
        getDialogPane().setContent(content);

        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        Button createButton = (Button) getDialogPane().lookupButton(create);
        createButton.setId("createItemButton");
        createButton.disableProperty().bind(problems.isNotEmpty().or(busy.visibleProperty()));
        createButton.addEventFilter(ActionEvent.ACTION, event -> {
            // The dialog stays open until the Item exists; a failure shows here and the user can change the form.
            event.consume();
            busy.setVisible(true);
            failure.setVisible(false);
            FxAsync.whenDone(model.createSandboxItem(spec()), created -> {
                busy.setVisible(false);
                setResult(created);
                close();
            }, error -> {
                busy.setVisible(false);
                showFailure(FailureDescriber.describe(error));
            });
        });
        setResultConverter(button -> null);
    }

    private void showFailure(FailureReport report) {
        failure.show(report);
        failure.setVisible(true);
        fitWindow();
    }

    private void fitWindow() {
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    private ItemService.SandboxItemSpec spec() {
        boolean custom = "user_custom".equals(username.getValue());
        return new ItemService.SandboxItemSpec(
                institution.institutionId(),
                List.copyOf(products.getCheckModel().getCheckedItems()),
                username.getValue(),
                custom ? compact(userCustom.textProperty().get()) : password.getText(),
                webhook.getText().strip(),
                label.getText().isBlank() ? null : label.getText().strip());
    }

    /** What stops the form from being sent, or "" when nothing does. */
    private String problem() {
        if (institution.getValue() == null) {
            return "Choose an institution.";
        }
        if (products.getCheckModel().getCheckedItems().isEmpty()) {
            return "Choose at least one product.";
        }
        if (username.getValue() == null || username.getValue().isBlank()) {
            return "Choose a test user (user_good works everywhere).";
        }
        if ("user_custom".equals(username.getValue())) {
            String error = userCustomProblem(userCustom.textProperty().get());
            if (error != null) {
                return error;
            }
        }
        String url = webhook.getText() == null ? "" : webhook.getText().strip();
        if (!url.isEmpty()) {
            try {
                URI uri = URI.create(url);
                if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                    return "The webhook URL must be an http:// or https:// address.";
                }
            } catch (IllegalArgumentException e) {
                return "The webhook URL is not a URL: " + e.getMessage();
            }
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
