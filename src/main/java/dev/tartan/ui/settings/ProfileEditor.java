package dev.tartan.ui.settings;

import atlantafx.base.controls.PasswordTextField;
import atlantafx.base.theme.Styles;
import dev.tartan.model.Credentials;
import dev.tartan.model.FailureReport;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.ui.common.Submission;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;

/**
 * Creates or edits a profile: name, environment (with a base URL for a custom one), client_id and
 * secret (masked until revealed), and a "Test connection" that makes one harmless call.
 */
public final class ProfileEditor extends Dialog<Profile> {

    private static final String SANDBOX = "Sandbox";
    private static final String PRODUCTION = "Production";
    private static final String CUSTOM = "Custom base URL";
    private static final String EMULATOR = "Local emulator";

    private final Profile existing;
    private final List<Profile> others;
    private final TextField name = new TextField();
    private final ComboBox<String> environment = new ComboBox<>();
    private final TextField baseUrl = new TextField();
    private final ToggleGroup productionAnswer = new ToggleGroup();
    private final RadioButton isProduction = new RadioButton("Production: real Items and money");
    private final RadioButton notProduction = new RadioButton("Not Production: a test or staging environment");
    private final CheckBox plainHttp = new CheckBox("Allow plain http: the secret and tokens travel unencrypted");
    private final TextField clientId = new TextField();
    private final PasswordTextField secret = new PasswordTextField();
    private final Label error = new Label();
    private final Label testResult = new Label();
    private final javafx.beans.property.BooleanProperty testing = new javafx.beans.property.SimpleBooleanProperty();

    /**
     * @param existing   the profile to edit, or null for a new one
     * @param all        every profile, to refuse a duplicate name
     * @param connectionTest the harmless call's state
     * @param startTest      makes the harmless call for a profile
     */
    public ProfileEditor(Window owner, Profile existing, List<Profile> all, Submission<PlaidResponse> connectionTest,
                         Consumer<Profile> startTest) {
        this.existing = existing;
        this.others = all.stream().filter(p -> existing == null || !p.name().equals(existing.name())).toList();
        initOwner(owner);
        setTitle(existing == null ? "New profile" : "Edit profile");
        setHeaderText(existing == null ? "Connect Tartan to a Plaid environment" : existing.name());
        getDialogPane().setId("profileEditor");

        boolean emulator = existing != null && existing.environment().kind() == PlaidEnvironment.Kind.EMULATOR;
        name.setId("profileName");
        name.setPromptText("e.g. Support \u2014 production");
        environment.setId("profileEnvironment");
        environment.setItems(FXCollections.observableArrayList(emulator ? List.of(EMULATOR) : List.of(SANDBOX, PRODUCTION, CUSTOM)));
        baseUrl.setId("profileUrl");
        baseUrl.setPromptText("https://proxy.example.com/plaid");
        baseUrl.disableProperty().bind(environment.valueProperty().isNotEqualTo(CUSTOM));
        isProduction.setId("profileIsProduction");
        notProduction.setId("profileNotProduction");
        isProduction.setToggleGroup(productionAnswer);
        notProduction.setToggleGroup(productionAnswer);
        plainHttp.setId("profilePlainHttp");
        plainHttp.setWrapText(true);
        plainHttp.setMinHeight(Region.USE_PREF_SIZE);
        clientId.setId("profileClientId");
        clientId.setPromptText("From the Plaid dashboard: Team settings \u2192 Keys");
        secret.setId("profileSecret");
        secret.setPromptText("The secret of this environment");
        FontIcon eye = new FontIcon(Material2OutlinedMZ.VISIBILITY_OFF);
        eye.setCursor(Cursor.HAND);
        eye.setOnMouseClicked(e -> {
            secret.setRevealPassword(!secret.getRevealPassword());
            eye.setIconCode(secret.getRevealPassword() ? Material2OutlinedMZ.VISIBILITY : Material2OutlinedMZ.VISIBILITY_OFF);
        });
        secret.setRight(eye);
        clientId.setDisable(emulator);
        secret.setDisable(emulator);

        if (existing != null) {
            name.setText(existing.name());
            clientId.setText(existing.credentials().clientId());
            secret.setText(existing.credentials().secret());
            switch (existing.environment().kind()) {
                case SANDBOX -> environment.setValue(SANDBOX);
                case PRODUCTION -> environment.setValue(PRODUCTION);
                case EMULATOR -> environment.setValue(EMULATOR);
                case CUSTOM -> {
                    environment.setValue(CUSTOM);
                    baseUrl.setText(existing.environment().baseUrl().toString());
                    productionAnswer.selectToggle(existing.environment().markedProduction() ? isProduction : notProduction);
                    plainHttp.setSelected(existing.environment().plainHttpAllowed());
                }
            }
        } else {
            environment.setValue(SANDBOX);
        }

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Environment"), environment);
        form.addRow(2, new Label("Base URL"), baseUrl);
        Label productionQuestion = new Label("Does this URL reach Plaid Production?");
        VBox customAnswers = new VBox(6, productionQuestion, isProduction, notProduction, plainHttp);
        form.add(customAnswers, 1, 3);
        form.addRow(4, new Label("client_id"), clientId);
        form.addRow(5, new Label("Secret"), secret);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        form.getColumnConstraints().addAll(labels, new ColumnConstraints());
        GridPane.setHgrow(name, Priority.ALWAYS);
        name.setPrefColumnCount(28);
        environment.setMaxWidth(Double.MAX_VALUE);

        Label productionWarning = new Label("Calls with this profile act on real Items and money. Tartan asks before anything destructive.",
                new FontIcon(Material2OutlinedMZ.WARNING));
        productionWarning.getStyleClass().add(Styles.WARNING);
        productionWarning.setWrapText(true);
        productionWarning.setMinHeight(Region.USE_PREF_SIZE);
        BooleanBinding asked = Bindings.createBooleanBinding(
                () -> typedCustomUrl().map(PlaidEnvironment::needsProductionAnswer).orElse(false),
                environment.valueProperty(), baseUrl.textProperty());
        BooleanBinding inClear = Bindings.createBooleanBinding(
                () -> typedCustomUrl().map(PlaidEnvironment::sendsInClear).orElse(false),
                environment.valueProperty(), baseUrl.textProperty());
        for (javafx.scene.Node answer : List.of(productionQuestion, isProduction, notProduction)) {
            answer.visibleProperty().bind(asked);
            answer.managedProperty().bind(asked);
        }
        plainHttp.visibleProperty().bind(inClear);
        plainHttp.managedProperty().bind(inClear);
        // A dialog keeps the size it was shown at: it grows with the questions it asks.
        for (BooleanBinding shown : List.of(asked, inClear)) {
            shown.addListener((obs, was, now) -> fitWindowToContent());
        }
        productionWarning.visibleProperty().bind(Bindings.createBooleanBinding(() -> PRODUCTION.equals(environment.getValue())
                        || typedCustomUrl().map(this::answered).map(PlaidEnvironment::isProduction).orElse(false),
                environment.valueProperty(), baseUrl.textProperty(), productionAnswer.selectedToggleProperty()));
        productionWarning.managedProperty().bind(productionWarning.visibleProperty());
        productionWarning.visibleProperty().addListener((obs, was, now) -> fitWindowToContent());
        Label emulatorNote = new Label("The built-in emulator fills in its own client_id and secret.");
        emulatorNote.getStyleClass().add(Styles.TEXT_MUTED);
        emulatorNote.setVisible(emulator);
        emulatorNote.setManaged(emulator);

        Button test = new Button("Test connection", new FontIcon(Material2OutlinedAL.ELECTRICAL_SERVICES));
        test.setId("testConnection");
        testResult.setId("testResult");
        testResult.setWrapText(true);
        test.setOnAction(e -> startTest.accept(profile()));
        connectionTest.reset();
        connectionTest.stateProperty().addListener((obs, old, state) -> showTest(state));
        HBox testRow = new HBox(10, test, testResult);
        testRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        error.setId("profileError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        StringBinding problem = Bindings.createStringBinding(this::problem,
                name.textProperty(), environment.valueProperty(), baseUrl.textProperty(), productionAnswer.selectedToggleProperty(),
                plainHttp.selectedProperty(), clientId.textProperty(), secret.passwordProperty());
        error.textProperty().bind(problem);
        test.disableProperty().bind(problem.isNotEmpty().or(testing));

        VBox content = new VBox(12, form, productionWarning, emulatorNote, testRow, error);
        content.setPadding(new Insets(8, 4, 4, 4));
        content.setPrefWidth(520);
        getDialogPane().setContent(content);

        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        getDialogPane().lookupButton(save).disableProperty().bind(problem.isNotEmpty());
        getDialogPane().lookupButton(save).setId("saveProfile");
        setResultConverter(button -> button == save ? profile() : null);
        setOnShown(e -> name.requestFocus());
    }

    private void fitWindowToContent() {
        Window window = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
        if (window != null) {
            window.sizeToScene();
        }
    }

    /** What stops the form from being saved, or "" when nothing does. */
    private String problem() {
        String trimmed = name.getText() == null ? "" : name.getText().strip();
        if (trimmed.isEmpty()) {
            return "Give the profile a name.";
        }
        if (others.stream().anyMatch(p -> p.name().equalsIgnoreCase(trimmed))) {
            return "Another profile is already called \"" + trimmed + "\".";
        }
        try {
            Profile.checkName(trimmed);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (CUSTOM.equals(environment.getValue())) {
            Optional<PlaidEnvironment> typed = typedCustomUrl();
            if (typed.isEmpty()) {
                return "The base URL must be an http:// or https:// address, e.g. https://proxy.example.com/plaid";
            }
            if (typed.get().needsProductionAnswer() && productionAnswer.getSelectedToggle() == null) {
                return "Say whether " + typed.get().displayName() + " reaches Plaid Production: Tartan cannot tell from the URL.";
            }
            Optional<String> refusal = answered(typed.get()).plainHttpRefusal();
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        if (clientId.getText() == null || clientId.getText().isBlank()) {
            return "Fill in the client_id.";
        }
        if (secret.getPassword() == null || secret.getPassword().isBlank()) {
            return "Fill in the secret.";
        }
        return new Credentials(clientId.getText().strip(), secret.getPassword().strip()).problem().orElse("");
    }

    private Profile profile() {
        return new Profile(name.getText().strip(), chosenEnvironment(),
                new Credentials(clientId.getText().strip(), secret.getPassword().strip()));
    }

    /** The custom base URL as typed, if it is one Tartan can use. */
    private Optional<PlaidEnvironment> typedCustomUrl() {
        if (!CUSTOM.equals(environment.getValue()) || baseUrl.getText() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PlaidEnvironment.custom(URI.create(baseUrl.getText().strip())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The environment chosen; a custom URL must be valid by now. */
    private PlaidEnvironment chosenEnvironment() {
        return switch (environment.getValue()) {
            case PRODUCTION -> PlaidEnvironment.PRODUCTION;
            case CUSTOM -> answered(typedCustomUrl().orElseThrow());
            case EMULATOR -> PlaidEnvironment.EMULATOR;
            default -> PlaidEnvironment.SANDBOX;
        };
    }

    /** A custom URL with the answers that apply to it: Production when asked, plain http when it travels in clear. */
    private PlaidEnvironment answered(PlaidEnvironment typed) {
        return typed.withProductionMark(typed.needsProductionAnswer() && isProduction.isSelected())
                .withPlainHttpAllowed(typed.sendsInClear() && plainHttp.isSelected());
    }

    private void showTest(Outcome<PlaidResponse> state) {
        testing.set(state.isLoading());
        testResult.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        switch (state.phase()) {
            case LOADING -> testResult.setText("Calling /institutions/get\u2026");
            case DATA -> {
                PlaidResponse response = state.data();
                testResult.getStyleClass().add(Styles.SUCCESS);
                testResult.setText("Connected: HTTP " + response.httpStatus() + " in " + response.duration().toMillis()
                        + " ms (request_id " + response.requestId() + ")");
            }
            case FAILED -> {
                FailureReport report = state.failure();
                testResult.getStyleClass().add(Styles.DANGER);
                testResult.setText(report.title() + ": " + report.message()
                        + (report.requestId() == null ? "" : " (request_id " + report.requestId() + ")"));
            }
            case EMPTY -> testResult.setText("");
        }
    }
}
