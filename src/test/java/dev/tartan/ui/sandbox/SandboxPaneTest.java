package dev.tartan.ui.sandbox;

import dev.tartan.model.ConsoleDraft;
import dev.tartan.model.Credentials;
import dev.tartan.model.PaneTarget;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.CatalogService;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.SandboxService;
import dev.tartan.service.ScenarioService;
import dev.tartan.service.TokenBookService;
import dev.tartan.testing.EmulatorServices;
import dev.tartan.testing.Screenshots;
import dev.tartan.testing.TestWebhookFeed;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.TaskCenter;
import dev.tartan.ui.shell.Theme;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Sandbox pane on screen, over the real services and the built-in emulator, its webhooks heard
 * by a test inbox: a simulation run by clicks, a built-in scenario run as a checklist whose webhooks
 * link to the Item, and the pane off for a Production profile. Screenshots, light and dark.
 */
class SandboxPaneTest {

    @TempDir
    static Path home;
    static EmulatorServices services;
    static SandboxService sandbox;
    static ScenarioService scenarios;
    static CachedCalls calls;
    static TestWebhookFeed feed;
    static Stage stage;

    final FxRobot robot = new FxRobot();
    final SimpleObjectProperty<Profile> profile = new SimpleObjectProperty<>();
    final RecordingNavigator navigator = new RecordingNavigator();
    SandboxViewModel model;

    @BeforeAll
    static void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.clearExceptions();
        services = new EmulatorServices(home);
        calls = new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC());
        sandbox = new SandboxService(calls, new CatalogService(services.io), services.vault, services.io, Clock.systemUTC());
        scenarios = new ScenarioService(sandbox, services.vault, services.io, Duration.ofSeconds(15));
        feed = new TestWebhookFeed();
    }

    @AfterAll
    static void stop() {
        feed.close();
        services.close();
    }

    @AfterEach
    void closePane() {
        onFx(() -> {
            Theme.apply(false);
            if (model != null) {
                model.close();
            }
        });
    }

    /** What the pane asked the window to open. */
    static final class RecordingNavigator implements Navigator {
        final List<Object> opened = new CopyOnWriteArrayList<>();

        @Override
        public void openInConsole(ConsoleDraft draft) {
            opened.add(draft);
        }

        @Override
        public void openInPane(PaneTarget target) {
            opened.add(target);
        }

        @Override
        public void openLink(String url) {
        }

        @Override
        public void openFile(Path file) {
        }
    }

    private void showPane(Profile active) throws Exception {
        onFx(() -> profile.set(active));
        PaneServices pane = new PaneServices(calls, new TokenBookService(services.vault, services.io),
                new InstitutionService(services.gateway, calls), new CatalogService(services.io), new TaskCenter(), profile);
        model = WaitForAsyncUtils.asyncFx(() -> new SandboxViewModel(pane, sandbox, scenarios, feed)).get(10, TimeUnit.SECONDS);
        SandboxView view = WaitForAsyncUtils.asyncFx(() -> new SandboxView(model, navigator)).get(10, TimeUnit.SECONDS);
        onFx(() -> {
            Theme.apply(false);
            javafx.scene.Scene scene = new javafx.scene.Scene((Parent) view.node(), 1280, 820);
            Theme.install(scene);
            stage.setScene(scene);
            stage.setWidth(1280);
            stage.setHeight(820);
        });
        FxToolkit.showStage();
        waitUntil(() -> model.catalogProperty().get().hasData());
    }

    private static void onFx(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(20, TimeUnit.SECONDS);
    }

    private void waitUntil(Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, () -> fx(condition));
        } catch (Exception e) {
            Screenshots.save(stage, "sandbox-timeout");
            throw e;
        }
    }

    private <T extends Node> T visible(String query) throws Exception {
        waitUntil(() -> robot.lookup(query).match((Predicate<Node>) Node::isVisible).tryQuery().isPresent());
        return robot.lookup(query).match((Predicate<Node>) Node::isVisible).query();
    }

    /** Picks a line of the list as a user does: types words of it into the filter, then clicks it. */
    private void pick(String title) throws Exception {
        robot.clickOn("#sandboxFilter");
        onFx(() -> model.filterProperty().set(""));
        robot.write(title);
        WaitForAsyncUtils.waitForFxEvents();
        Label line = visibleLabel("#sandboxEntryTitle", title);
        robot.clickOn(line);
        waitUntil(() -> model.selectedProperty().get() != null && model.selectedProperty().get().title().equals(title));
    }

    private Label visibleLabel(String query, String text) throws Exception {
        Predicate<Node> shown = node -> node instanceof Label label && label.getText().equals(text) && label.isVisible();
        waitUntil(() -> robot.lookup(query).match(shown).tryQuery().isPresent());
        return robot.lookup(query).match(shown).query();
    }

    @Test
    void aSimulationRunsFromItsFormAndShowsItsResultAndTheWebhooksItCaused() throws Exception {
        showPane(services.profile);
        visible("#sandboxNothing");
        Screenshots.save(stage, "sandbox-0-list");

        pick("Create a sandbox Item");
        Label title = visible("#simulationTitle");
        assertThat(title.getText()).isEqualTo("Create a sandbox Item");
        assertThat(robot.lookup("#simulationPath").queryAs(Label.class).getText()).isEqualTo("/sandbox/public_token/create");
        // The test user's meaning shows under it; user_custom swaps the password for its JSON editor.
        Label usernameHint = visible("#hint-field-options-override_username");
        assertThat(usernameHint.getText()).contains("standard accounts");
        onFx(() -> model.openSimulationProperty().get().fields().stream().filter(f -> f.path().equals("options.override_username"))
                .findFirst().orElseThrow().text().set("user_custom"));
        visible("#field-options-override_password-json");
        assertThat(usernameHint.getText()).contains("JSON");
        Screenshots.save(stage, "sandbox-1-form-user-custom");

        robot.clickOn("#simulationRun");
        Label done = visible("#simulationStatusDone");
        assertThat(done.getText()).contains("Kept access-sandbox-");
        VBox webhooks = visible("#simulationWebhooks");
        waitUntil(() -> webhookNames(webhooks).containsAll(List.of("TRANSACTIONS \u00b7 INITIAL_UPDATE",
                "TRANSACTIONS \u00b7 HISTORICAL_UPDATE", "TRANSACTIONS \u00b7 SYNC_UPDATES_AVAILABLE")));
        assertThat(robot.from(webhooks).lookup("#webhookVerdict").queryAllAs(Label.class))
                .allSatisfy(verdict -> assertThat(verdict.getText()).isEqualTo("not checked"));
        Screenshots.save(stage, "sandbox-2-simulation-light");
        onFx(() -> Theme.apply(true));
        Screenshots.save(stage, "sandbox-2-simulation-dark");
        onFx(() -> Theme.apply(false));

        // The form's call opens in the API console as it stands.
        robot.clickOn("#simulationToConsole");
        assertThat(navigator.opened).anyMatch(o -> o instanceof ConsoleDraft draft && draft.path().equals("/sandbox/public_token/create")
                && draft.body().path("options").path("override_username").asText().equals("user_custom"));
    }

    private static List<String> webhookNames(Node list) {
        return new FxRobot().from(list).lookup("#webhookName").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void aBuiltInScenarioRunsAsAChecklistAndItsWebhooksLinkToTheItem() throws Exception {
        showPane(services.profile);
        pick("Item needs re-login");
        Label scenarioTitle = visible("#scenarioTitle");
        assertThat(scenarioTitle.getText()).isEqualTo("Item needs re-login");
        visible("#stepIcon-waiting");
        robot.clickOn("#scenarioRun");
        Label summary = visible("#scenarioSummary");
        waitUntil(() -> summary.getText().equals("4 of 4 steps passed."));
        for (int step = 1; step <= 4; step++) {
            assertThat(robot.lookup("#stepMark-" + step + " #stepIcon-passed").tryQuery()).as("step " + step).isPresent();
        }
        assertThat(robot.lookup("#stepSummary-3").queryAs(Label.class).getText()).contains("The Item needs its user to log in again");
        VBox resetWebhooks = robot.lookup("#stepWebhooks-2").query();
        assertThat(webhookNames(resetWebhooks)).contains("ITEM \u00b7 ERROR");
        VBox repairedWebhooks = robot.lookup("#stepWebhooks-4").query();
        waitUntil(() -> webhookNames(repairedWebhooks).contains("ITEM \u00b7 LOGIN_REPAIRED"));

        // Each webhook links to the Item the scenario made; the link opens it in the Items pane.
        Hyperlink link = robot.from(resetWebhooks).lookup("#webhookItemLink").queryAs(Hyperlink.class);
        String itemId = link.getText().substring("Item ".length());
        TokenEntry item = services.vault.tokens().find(itemId).stream().filter(e -> e.kind() == TokenKind.ACCESS).findFirst().orElseThrow();
        assertThat(item.label()).isEqualTo("Scenario: Item needs re-login");
        assertThat(robot.lookup("#stepWebhooks-1 #webhookItemLink").queryAllAs(Hyperlink.class))
                .isNotEmpty().allSatisfy(other -> assertThat(other.getText()).isEqualTo("Item " + itemId));
        onFx(() -> ((ScrollPane) robot.lookup("#scenarioView").query()).setVvalue(0.6));
        Screenshots.save(stage, "sandbox-3-scenario-light");
        onFx(() -> Theme.apply(true));
        Screenshots.save(stage, "sandbox-3-scenario-dark");
        onFx(() -> Theme.apply(false));
        robot.clickOn(link);
        waitUntil(() -> navigator.opened.stream().anyMatch(o -> o instanceof PaneTarget target
                && target.kind() == PaneTarget.Kind.ITEM && target.token().equals(item.value())));
    }

    @Test
    void aProductionProfileTurnsThePaneOffAndSaysWhy() throws Exception {
        Profile live = new Profile("Live payments", PlaidEnvironment.PRODUCTION, new Credentials("client-id", "secret-value"));
        showPane(live);
        Label reason = visible("#sandboxDisabledReason");
        assertThat(reason.getText()).contains("\"Live payments\" is Production").contains("Sandbox or emulator profile");
        SplitPane content = robot.lookup("#sandboxPane .split-pane").queryAs(SplitPane.class);
        assertThat(content.isDisabled()).isTrue();
        Screenshots.save(stage, "sandbox-4-production-light");
        onFx(() -> Theme.apply(true));
        Screenshots.save(stage, "sandbox-4-production-dark");
        onFx(() -> Theme.apply(false));

        // Back on the emulator the pane works again, and the band goes.
        onFx(() -> profile.set(services.profile));
        waitUntil(() -> !content.isDisabled());
        assertThat(robot.lookup("#sandboxDisabled").queryAs(Node.class).isVisible()).isFalse();
        assertThat(robot.lookup("#simulationRun").tryQuery()).isEmpty();
        // No draft yet: its box is not shown.
        assertThat(robot.lookup("#sandboxDraft").queryAs(Node.class).isVisible()).isFalse();
    }
}
