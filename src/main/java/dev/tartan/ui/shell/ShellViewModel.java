package dev.tartan.ui.shell;

import dev.tartan.model.FailureReport;
import dev.tartan.model.OmniboxMatch;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.OmniboxService;
import dev.tartan.service.ProfileService;
import dev.tartan.service.SettingsService;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.Submission;
import dev.tartan.ui.common.TaskCenter;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The window's state: the profiles and which one is active, whether it is Production, the theme,
 * the last failure anywhere, the tasks under way. Holds no controls.
 */
public final class ShellViewModel {

    private final ProfileService profiles;
    private final SettingsService settings;
    private final OmniboxService omnibox;
    private final TaskCenter tasks;

    private final ObservableList<Profile> profileList = FXCollections.observableArrayList();
    private final ObjectProperty<Profile> activeProfile = new SimpleObjectProperty<>();
    private final BooleanBinding production;
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final ObjectProperty<FailureReport> lastFailure = new SimpleObjectProperty<>();
    private final ObjectProperty<OmniboxMatch> omniboxMatch = new SimpleObjectProperty<>();
    private final Submission<PlaidResponse> connectionTest = new Submission<>(FailureDescriber::describe);
    private long lookUps;

    public ShellViewModel(ProfileService profiles, SettingsService settings, OmniboxService omnibox, TaskCenter tasks) {
        this.profiles = profiles;
        this.settings = settings;
        this.omnibox = omnibox;
        this.tasks = tasks;
        this.production = Bindings.createBooleanBinding(
                () -> activeProfile.get() != null && activeProfile.get().environment().isProduction(), activeProfile);
    }

    private record Loaded(java.util.List<Profile> profiles, java.util.Optional<Profile> active) {
    }

    /** Loads the profiles and picks the active one. */
    public CompletableFuture<Void> load() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        FxAsync.whenDone(profiles.list().thenCombine(profiles.active(), Loaded::new), loaded -> {
            profileList.setAll(loaded.profiles());
            activeProfile.set(loaded.active().orElse(null));
            done.complete(null);
        }, error -> {
            report(error);
            done.complete(null);
        });
        return done;
    }

    public ObservableList<Profile> profiles() {
        return profileList;
    }

    public ReadOnlyObjectProperty<Profile> activeProfileProperty() {
        return activeProfile;
    }

    public Profile activeProfile() {
        return activeProfile.get();
    }

    /** Switches profile: calls under way for the old one are cancelled. */
    public void activate(Profile profile) {
        if (profile == null || profile.equals(activeProfile.get())) {
            return;
        }
        tasks.cancelAll();
        activeProfile.set(profile);
        FxAsync.whenDone(profiles.setActive(profile.name()), ignored -> { }, this::report);
    }

    /** Saves a new or edited profile and makes it active. */
    public CompletableFuture<Profile> save(Profile profile, String previousName) {
        CompletableFuture<Profile> saved = profiles.save(profile, previousName);
        FxAsync.whenDone(saved, p -> {
            profileList.removeIf(existing -> existing.name().equals(previousName) || existing.name().equals(p.name()));
            profileList.add(p);
            profileList.sort(java.util.Comparator.comparing(Profile::name, String.CASE_INSENSITIVE_ORDER));
            activeProfile.set(null);
            activate(p);
        }, this::report);
        return saved;
    }

    public void remove(Profile profile) {
        FxAsync.whenDone(profiles.remove(profile.name()), removed -> {
            profileList.remove(profile);
            if (profile.equals(activeProfile.get())) {
                activeProfile.set(null);
                activate(profileList.isEmpty() ? null : profileList.get(0));
            }
        }, this::report);
    }

    /** Makes one harmless call for a profile being edited; {@link #connectionTest()} follows it. */
    public void testConnection(Profile profile) {
        connectionTest.submit("Calling /institutions/get\u2026",
                () -> tasks.run("Test connection: " + profile.name(), () -> profiles.testConnection(profile)), response -> { });
    }

    public Submission<PlaidResponse> connectionTest() {
        return connectionTest;
    }

    public BooleanBinding productionProperty() {
        return production;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public void setDark(boolean value) {
        dark.set(value);
        FxAsync.whenDone(settings.put(SettingsService.THEME, value ? "dark" : "light"), ignored -> { }, this::report);
    }

    /** The most recent failure, anywhere in the window, for the status bar. */
    public ObjectProperty<FailureReport> lastFailureProperty() {
        return lastFailure;
    }

    public void report(Throwable error) {
        lastFailure.set(FailureDescriber.describe(error));
    }

    public TaskCenter tasks() {
        return tasks;
    }

    /** Looks up what was pasted into the omnibox; only the latest question's answer lands in {@link #omniboxMatchProperty()}. */
    public void lookUp(String text) {
        long asked = ++lookUps;
        FxAsync.whenDone(omnibox.lookUp(text), match -> {
            if (asked == lookUps) {
                omniboxMatch.set(null); // the same text looked up again is news too
                omniboxMatch.set(match);
            }
        }, this::report);
    }

    /** What the omnibox found for the text looked up last. */
    public ReadOnlyObjectProperty<OmniboxMatch> omniboxMatchProperty() {
        return omniboxMatch;
    }

    /** Remembers the pane in front, to show it first next time. */
    public void rememberPane(String paneId) {
        FxAsync.whenDone(settings.put(SettingsService.LAST_PANE, paneId), ignored -> { }, this::report);
    }

    /** Remembers the window's place and size (as {@code WindowGeometry} describes them). */
    public void rememberWindow(String described) {
        FxAsync.whenDone(settings.put(SettingsService.WINDOW, described), ignored -> { }, this::report);
    }

    /** The folder that holds the vault and settings, for the About dialog. */
    public Path dataFolder() {
        return settings.dataFolder();
    }
}
