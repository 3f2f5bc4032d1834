package dev.tartan.ui.shell;

import atlantafx.base.controls.ModalPane;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.tartan.model.BuildInfo;
import dev.tartan.model.FailureReport;
import dev.tartan.model.FixAction;
import dev.tartan.model.Profile;
import dev.tartan.ui.common.Confirmation;
import dev.tartan.ui.common.FailureView;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.LazyPane;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.settings.ProfileEditor;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.List;
import java.util.Optional;

/**
 * The main window's content: navigation on the left, the current pane in the middle, a toolbar
 * with the omnibox and the profile switcher above, a status bar below, and a red band across the
 * top whenever the active profile is Production.
 */
public final class MainWindow {

    /** Below this window width the toolbar's find box and profile switcher take less room. */
    private static final double NARROW_TOOLBAR_WIDTH = 1100;
    private static final PseudoClass NARROW = PseudoClass.getPseudoClass("narrow");
    private static final String FIND_PROMPT = "Find an id or token\u2026";

    private final ShellViewModel model;
    private final List<LazyPane> panes;
    private final Navigator navigator;
    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final ModalPane modal = new ModalPane();
    private final StackPane content = new StackPane();
    private final ListView<LazyPane> navigation = new ListView<>();
    private final Omnibox omnibox;

    public MainWindow(ShellViewModel model, List<LazyPane> panes, Navigator navigator) {
        this.model = model;
        this.panes = List.copyOf(panes);
        this.navigator = navigator;
        this.omnibox = new Omnibox(model, modal, navigator);
        root.getStyleClass().add("tartan-root");
        root.setId("mainWindow");

        frame.setTop(new VBox(productionBand(), plainHttpBand(), toolbar()));
        frame.setLeft(navigation());
        frame.setCenter(content);
        frame.setBottom(statusBar());
        content.getStyleClass().add("pane-content");
        root.getChildren().addAll(frame, modal);

        root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcuts);
    }

    public Parent root() {
        return root;
    }

    /** Brings the pane with this id to the front (the first pane if there is none). */
    public void show(String paneId) {
        LazyPane pane = panes.stream().filter(p -> p.info().id().equals(paneId)).findFirst().orElse(panes.get(0));
        navigation.getSelectionModel().select(pane);
    }

    /** The id of the pane in front. */
    public String currentPane() {
        LazyPane pane = navigation.getSelectionModel().getSelectedItem();
        return pane == null ? null : pane.info().id();
    }

    public void openOmnibox() {
        omnibox.open();
    }

    private void shortcuts(KeyEvent event) {
        if (new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN).match(event)) {
            omnibox.open();
            event.consume();
            return;
        }
        if (event.isShortcutDown() && event.getCode().isDigitKey()) {
            int index = event.getCode().ordinal() - KeyCode.DIGIT1.ordinal();
            if (index >= 0 && index < panes.size()) {
                navigation.getSelectionModel().select(index);
                event.consume();
            }
        }
    }

    // --- the top ------------------------------------------------------------------------------

    private Node productionBand() {
        FontIcon icon = new FontIcon(Material2OutlinedMZ.WARNING);
        Label band = new Label("PRODUCTION \u2014 every call here acts on real Items, accounts and money", icon);
        band.setId("productionBand");
        band.getStyleClass().add("production-band");
        band.setMaxWidth(Double.MAX_VALUE);
        band.visibleProperty().bind(model.productionProperty());
        band.managedProperty().bind(band.visibleProperty());
        return band;
    }

    /** While the active profile talks plain http to another machine (its user allowed it): what crosses the network unencrypted. */
    private Node plainHttpBand() {
        Label band = new Label(null, new FontIcon(Material2OutlinedAL.LOCK_OPEN));
        band.setId("plainHttpBand");
        band.getStyleClass().add("plain-http-band");
        band.setMaxWidth(Double.MAX_VALUE);
        band.textProperty().bind(Bindings.createStringBinding(() -> {
            Profile active = model.activeProfile();
            return active == null ? "" : "PLAIN HTTP \u2014 the secret and tokens of \"" + active.name() + "\" cross the network "
                    + "unencrypted to " + active.environment().displayName();
        }, model.activeProfileProperty()));
        band.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.activeProfile() != null && model.activeProfile().environment().sendsInClear()
                        && model.activeProfile().environment().plainHttpAllowed(), model.activeProfileProperty()));
        band.managedProperty().bind(band.visibleProperty());
        return band;
    }

    private Node toolbar() {
        FontIcon logo = new FontIcon(Material2MZ.TEXTURE);
        logo.getStyleClass().add("app-logo");
        Label name = new Label("Tartan");
        name.getStyleClass().addAll(Styles.TITLE_4, "app-name");

        Button find = new Button(FIND_PROMPT, new FontIcon(Material2MZ.SEARCH));
        find.setId("omniboxButton");
        find.getStyleClass().add("omnibox-button");
        Label shortcut = new Label("Ctrl+K");
        shortcut.setId("omniboxShortcut");
        shortcut.getStyleClass().add("kbd");
        shortcut.setMouseTransparent(true);
        find.setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
        find.setGraphicTextGap(8);
        StackPane findBox = new StackPane(find, shortcut);
        StackPane.setAlignment(shortcut, Pos.CENTER_RIGHT);
        StackPane.setMargin(shortcut, new Insets(0, 10, 0, 0));
        find.setTooltip(new Tooltip("Paste any Plaid id or token to open it (Ctrl+K)"));
        find.setOnAction(e -> omnibox.open());

        ComboBox<Profile> profiles = new ComboBox<>(model.profiles());
        profiles.setId("profileSwitcher");
        profiles.setTooltip(new Tooltip("The profile every call uses"));
        profiles.setCellFactory(list -> new ProfileCell());
        profiles.setButtonCell(new ProfileCell());
        profiles.setPrefWidth(260);
        model.activeProfileProperty().addListener((obs, old, now) -> profiles.getSelectionModel().select(now));
        profiles.getSelectionModel().select(model.activeProfile());
        profiles.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && !chosen.equals(model.activeProfile())) {
                model.activate(chosen);
            }
        });
        profiles.setPlaceholder(new Label("No profile yet"));

        MenuItem newProfile = new MenuItem("New profile\u2026", new FontIcon(Material2AL.ADD));
        newProfile.setId("newProfile");
        newProfile.setOnAction(e -> editProfile(null));
        MenuItem editProfile = new MenuItem("Edit this profile\u2026", new FontIcon(Material2OutlinedAL.EDIT));
        editProfile.setId("editProfile");
        editProfile.setOnAction(e -> editProfile(model.activeProfile()));
        editProfile.disableProperty().bind(model.activeProfileProperty().isNull());
        MenuItem removeProfile = new MenuItem("Remove this profile\u2026", new FontIcon(Material2OutlinedAL.DELETE));
        removeProfile.setOnAction(e -> removeProfile(model.activeProfile()));
        removeProfile.disableProperty().bind(model.activeProfileProperty().isNull());
        MenuItem about = new MenuItem("About Tartan", new FontIcon(Material2OutlinedAL.INFO));
        about.setId("aboutTartan");
        about.setOnAction(e -> new AboutDialog(root.getScene().getWindow(), BuildInfo.current(), model.dataFolder()).show());
        MenuButton manage = new MenuButton(null, new FontIcon(Material2MZ.SETTINGS), newProfile, editProfile, removeProfile,
                new SeparatorMenuItem(), about);
        manage.setId("profileMenu");
        manage.getStyleClass().addAll(Styles.BUTTON_ICON, Tweaks.NO_ARROW);
        manage.setTooltip(new Tooltip("Profiles"));

        ToggleButton theme = new ToggleButton(null, new FontIcon(Material2MZ.NIGHTS_STAY));
        theme.setId("themeToggle");
        theme.getStyleClass().add(Styles.BUTTON_ICON);
        theme.setTooltip(new Tooltip("Dark theme"));
        theme.selectedProperty().bindBidirectional(model.darkProperty());
        theme.setOnAction(e -> model.setDark(theme.isSelected()));

        ToolBar bar = new ToolBar(logo, name, new Spacer(24), findBox, new Spacer(), profiles, manage, theme);
        bar.getStyleClass().add("main-toolbar");
        // In a small window the find box and the profile switcher narrow, so nothing goes into the overflow menu.
        bar.widthProperty().addListener((obs, old, width) -> {
            boolean narrow = width.doubleValue() < NARROW_TOOLBAR_WIDTH;
            bar.pseudoClassStateChanged(NARROW, narrow);
            profiles.setPrefWidth(narrow ? 190 : 260);
            find.setText(narrow ? "Find\u2026" : FIND_PROMPT);
        });
        return bar;
    }

    private final class ProfileCell extends ListCell<Profile> {
        @Override
        protected void updateItem(Profile profile, boolean empty) {
            super.updateItem(profile, empty);
            if (empty || profile == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(profile.name());
            if (profile.name().equals(profile.environment().displayName())) {
                setGraphic(null);
                return;
            }
            Label environment = new Label(profile.environment().displayName());
            environment.getStyleClass().addAll("env-chip", "env-" + profile.environment().kind().name().toLowerCase(java.util.Locale.ROOT));
            setGraphic(environment);
            setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            setGraphicTextGap(8);
        }
    }

    private void editProfile(Profile existing) {
        Window owner = root.getScene().getWindow();
        Optional<Profile> result = new ProfileEditor(owner, existing, model.profiles(), model.connectionTest(), model::testConnection).showAndWait();
        result.ifPresent(profile -> model.save(profile, existing == null ? null : existing.name()));
    }

    private void removeProfile(Profile profile) {
        if (profile == null) {
            return;
        }
        if (new Confirmation(root.getScene().getWindow(), "removeProfileConfirm", "Remove a profile", "Remove the profile \"" + profile.name() + "\"?",
                "Its credentials leave the vault. Tokens it obtained stay in the token book.", "Remove", true).ask()) {
            model.remove(profile);
        }
    }

    // --- the left -----------------------------------------------------------------------------

    private Node navigation() {
        navigation.setId("navigation");
        navigation.getItems().setAll(panes);
        navigation.getStyleClass().addAll("navigation", Tweaks.EDGE_TO_EDGE);
        navigation.setPrefWidth(200); // "Processor tokens" in bold, with its icon
        navigation.setCellFactory(list -> new ListCell<>() {
            {
                setPrefWidth(0); // as wide as the list: no sideways scroll bar
            }

            @Override
            protected void updateItem(LazyPane pane, boolean empty) {
                super.updateItem(pane, empty);
                setText(empty || pane == null ? null : pane.info().title());
                setGraphic(empty || pane == null ? null : icon(pane));
                setTooltip(empty || pane == null ? null : new Tooltip(pane.info().title()));
            }
        });
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, pane) -> {
            if (pane != null) {
                content.getChildren().setAll(pane.node());
                pane.onShown();
                model.rememberPane(pane.info().id());
            }
        });
        return navigation;
    }

    /** The pane's icon, with its badge (a count, while above zero) over its corner. */
    private static Node icon(LazyPane pane) {
        FontIcon icon = new FontIcon(pane.info().icon());
        if (pane.badge() == null) {
            return icon;
        }
        Label badge = new Label();
        badge.setId("badge-" + pane.info().id());
        badge.getStyleClass().add("nav-badge");
        badge.setMouseTransparent(true);
        badge.textProperty().bind(Bindings.createStringBinding(() -> {
            int count = pane.badge().getValue().intValue();
            return count > 999 ? "999+" : String.valueOf(count);
        }, pane.badge()));
        badge.visibleProperty().bind(Bindings.createBooleanBinding(() -> pane.badge().getValue().intValue() > 0, pane.badge()));
        StackPane box = new StackPane(icon, badge);
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);
        badge.setMinWidth(16);
        badge.setTranslateX(11);
        badge.setTranslateY(-8);
        box.setMinWidth(icon.getIconSize());
        return box;
    }

    // --- the bottom ---------------------------------------------------------------------------

    private Node statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        bar.textProperty().bind(Bindings.createStringBinding(() -> {
            Profile profile = model.activeProfile();
            return profile == null ? "No profile is active" : "Profile: " + describe(profile);
        }, model.activeProfileProperty()));

        Node tasks = new TasksIndicator(model.tasks()).node();

        Button lastError = new Button();
        lastError.setId("lastErrorButton");
        lastError.setMnemonicParsing(false); // error codes are full of underscores
        lastError.getStyleClass().addAll(Styles.FLAT, Styles.DANGER, Styles.SMALL);
        lastError.setGraphic(new FontIcon(Material2OutlinedAL.ERROR_OUTLINE));
        lastError.textProperty().bind(Bindings.createStringBinding(() -> {
            FailureReport failure = model.lastFailureProperty().get();
            return failure == null ? "" : failure.title();
        }, model.lastFailureProperty()));
        lastError.visibleProperty().bind(model.lastFailureProperty().isNotNull());
        lastError.managedProperty().bind(lastError.visibleProperty());
        lastError.setTooltip(new Tooltip("The last error: click for the details"));
        lastError.setOnAction(e -> showFailure(model.lastFailureProperty().get()));

        bar.getRightItems().addAll(tasks, lastError);
        return bar;
    }

    /** "Support (Production)", "Local emulator (built-in, offline)", "Proxy (https://proxy.example.com/plaid)". */
    static String describe(Profile profile) {
        return switch (profile.environment().kind()) {
            case EMULATOR -> profile.name() + " (built-in emulator, offline)";
            case CUSTOM -> profile.name() + " (" + profile.environment().baseUrl() + ")";
            default -> profile.name() + " (" + profile.environment().displayName() + ")";
        };
    }

    private void showFailure(FailureReport failure) {
        if (failure == null) {
            return;
        }
        FailureView view = new FailureView(Fixes.none().with(FixAction.EDIT_PROFILE, () -> {
            modal.hide(true);
            editProfile(model.activeProfile());
        }), navigator::openLink);
        view.setId("statusFailure");
        view.show(failure);
        view.setMaxWidth(560);
        view.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> modal.hide(true));
        Button dismiss = new Button("Dismiss the error");
        dismiss.setOnAction(e -> {
            model.lastFailureProperty().set(null);
            modal.hide(true);
        });
        HBox actions = new HBox(8, new Spacer(), dismiss, close);
        VBox card = new VBox(8, view, actions);
        card.setPadding(new Insets(16));
        card.getStyleClass().add("modal-card");
        card.setMaxSize(600, javafx.scene.layout.Region.USE_PREF_SIZE);
        modal.setAlignment(Pos.CENTER);
        modal.show(card);
    }
}
