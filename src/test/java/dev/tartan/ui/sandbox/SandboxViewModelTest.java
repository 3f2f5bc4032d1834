package dev.tartan.ui.sandbox;

import dev.tartan.model.Credentials;
import dev.tartan.model.PaneTarget;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.SandboxFacts;
import dev.tartan.model.Scenario;
import dev.tartan.model.SimulationResult;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.CatalogService;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.SandboxService;
import dev.tartan.service.ScenarioService;
import dev.tartan.service.TokenBookService;
import dev.tartan.testing.EmulatorServices;
import dev.tartan.testing.TestWebhookFeed;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.TaskCenter;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Sandbox pane's view model over the real services and the built-in emulator, its webhooks heard by a test inbox. */
class SandboxViewModelTest {

    @TempDir
    static Path home;
    static EmulatorServices services;
    static CachedCalls calls;
    static SandboxService sandbox;
    static ScenarioService scenarios;
    static TestWebhookFeed feed;

    final SimpleObjectProperty<Profile> profile = new SimpleObjectProperty<>();
    final List<SandboxViewModel> models = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
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
    void closeModels() {
        onFx(() -> models.forEach(SandboxViewModel::close));
    }

    private SandboxViewModel newModel(TestWebhookFeed inbox) throws Exception {
        onFx(() -> profile.set(services.profile));
        PaneServices pane = new PaneServices(calls, new TokenBookService(services.vault, services.io),
                new InstitutionService(services.gateway, calls), new CatalogService(services.io), new TaskCenter(), profile);
        SandboxViewModel model = WaitForAsyncUtils.asyncFx(() -> new SandboxViewModel(pane, sandbox, scenarios, inbox))
                .get(10, TimeUnit.SECONDS);
        models.add(model);
        waitUntil(() -> model.catalogProperty().get().hasData() && model.entries().size() > 30);
        return model;
    }

    private static void onFx(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> fx(condition));
    }

    private static SimulationViewModel open(SandboxViewModel model, String title) throws Exception {
        onFx(() -> model.select(title));
        waitUntil(() -> model.openSimulationProperty().get() != null
                && model.openSimulationProperty().get().form().simulation().title().equals(title));
        return fx(() -> model.openSimulationProperty().get());
    }

    private static SimulationViewModel.Field field(SimulationViewModel simulation, String path) {
        return simulation.fields().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    private static SimulationResult run(SimulationViewModel simulation) throws Exception {
        assertThat(fx(() -> simulation.problem().get())).isEmpty();
        onFx(simulation::submit);
        waitUntil(() -> !simulation.submission().stateProperty().get().isLoading());
        assertThat(fx(() -> simulation.submission().stateProperty().get().failure())).isNull();
        return fx(() -> simulation.submission().stateProperty().get().data());
    }

    private static TokenEntry keepNewItem(String label) {
        var item = services.newItem("user_good");
        return services.vault.tokens().save(TokenEntry.of(TokenKind.ACCESS, item.path("access_token").asText(), services.profile.name(),
                item.path("item_id").asText()).withLabel(label).withInstitution("ins_109508"));
    }

    @Test
    void theListHasEverySimulationByProductThenTheScenariosAndFilters() throws Exception {
        SandboxViewModel model = newModel(feed);
        List<SandboxViewModel.Entry> entries = fx(() -> List.copyOf(model.entries()));
        List<String> groups = entries.stream().map(SandboxViewModel.Entry::group).distinct().toList();
        assertThat(groups.get(0)).isEqualTo("Items");
        assertThat(groups.get(groups.size() - 1)).isEqualTo(SandboxViewModel.SCENARIOS);
        assertThat(groups).contains("Transfers", "Processor", "Watchlist", "Assets", "Income");
        assertThat(entries.stream().filter(SandboxViewModel.Entry::isScenario).map(SandboxViewModel.Entry::title))
                .contains("Item needs re-login", "New transactions arrive", "Transfer returned R01", "Micro-deposits verified");

        onFx(() -> model.filterProperty().set("reset login"));
        assertThat(fx(() -> model.entries().stream().map(SandboxViewModel.Entry::detail).toList()))
                .contains("/sandbox/item/reset_login", "/sandbox/user/reset_login", "/sandbox/payment_profile/reset_login")
                .doesNotContain("/sandbox/transfer/simulate");
        onFx(() -> model.filterProperty().set(""));
    }

    @Test
    void aFormStartsWithTheNewestTokenAndOffersTheItemsAccounts() throws Exception {
        TokenEntry item = keepNewItem("Accounts test");
        SandboxViewModel model = newModel(feed);
        SimulationViewModel verify = open(model, "Finish or expire micro-deposit verification");
        SimulationViewModel.Field token = field(verify, "access_token");
        waitUntil(() -> token.text().get().equals(item.value()));
        assertThat(fx(() -> token.tokens().stream().map(TokenEntry::value).toList())).contains(item.value());
        SimulationViewModel.Field account = field(verify, "account_id");
        waitUntil(() -> !account.choices().isEmpty() && account.text().get().equals(account.choices().get(0).value()));
        assertThat(fx(() -> account.choices().get(0).meaning())).contains("Plaid Checking");
        assertThat(fx(() -> field(verify, "verification_status").text().get())).isEqualTo("automatically_verified");
        assertThat(fx(() -> field(verify, "verification_status").meaning().get())).contains("numbers are usable");
        assertThat(fx(() -> verify.problem().get())).isEmpty();

        // A required field left empty stops the form, and says which.
        onFx(() -> account.text().set(""));
        assertThat(fx(() -> verify.problem().get())).isEqualTo("Fill in account_id.");
    }

    @Test
    void aCustomUserItemIsCreatedAndTheWebhooksItCausedLinkToIt() throws Exception {
        SandboxViewModel model = newModel(feed);
        SimulationViewModel create = open(model, "Create a sandbox Item");
        assertThat(fx(() -> field(create, "options.webhook").text().get())).isEqualTo(feed.inboxUrl());
        assertThat(fx(() -> field(create, "institution_id").text().get())).isEqualTo("ins_109508");
        assertThat(fx(() -> field(create, "initial_products").text().get())).isEqualTo("transactions");
        SimulationViewModel.Field password = field(create, "options.override_password");
        assertThat(fx(() -> password.userCustom().get())).isFalse();

        onFx(() -> field(create, "options.override_username").text().set(SandboxFacts.USER_CUSTOM));
        assertThat(fx(() -> password.userCustom().get())).isTrue();
        assertThat(fx(() -> password.text().get())).isEqualTo(SandboxFacts.USER_CUSTOM_TEMPLATE);
        onFx(() -> password.text().set("{\"override_accounts\": [{\"type\": \"depository\"}]}"));
        assertThat(fx(() -> create.problem().get())).contains("override_accounts[0] needs a type and a subtype");
        onFx(() -> password.text().set(SandboxFacts.USER_CUSTOM_TEMPLATE));
        assertThat(fx(() -> create.body().path("options").path("override_password").asText()))
                .isEqualTo(SandboxFacts.compactJson(SandboxFacts.USER_CUSTOM_TEMPLATE));

        SimulationResult result = run(create);
        String itemId = result.values().get("item_id");
        assertThat(result.kept()).singleElement().satisfies(kept -> assertThat(kept.label()).isEqualTo("Sandbox: Create a sandbox Item"));
        waitUntil(() -> create.caused().stream().map(ReceivedWebhook::code).toList()
                .containsAll(List.of("INITIAL_UPDATE", "HISTORICAL_UPDATE", "SYNC_UPDATES_AVAILABLE")));
        assertThat(fx(() -> List.copyOf(create.caused()))).allSatisfy(webhook -> assertThat(webhook.subject().id()).isEqualTo(itemId));

        CompletableFuture<PaneTarget> opened = new CompletableFuture<>();
        onFx(() -> model.openItem(itemId, opened::complete));
        PaneTarget target = opened.get(10, TimeUnit.SECONDS);
        assertThat(target.kind()).isEqualTo(PaneTarget.Kind.ITEM);
        assertThat(target.token()).isEqualTo(result.values().get("access_token"));

        onFx(() -> model.openItem("no-such-item", opened::complete));
        waitUntil(() -> model.noticeProperty().get().contains("no access token for Item no-such-item"));
    }

    @Test
    void simulationsRecordedInTheDraftAreSavedAsAScenarioThatRuns() throws Exception {
        SandboxViewModel model = newModel(feed);
        SimulationViewModel create = open(model, "Create a sandbox Item");
        SimulationResult created = run(create);
        waitUntil(() -> create.caused().stream().anyMatch(w -> w.code().equals("SYNC_UPDATES_AVAILABLE")));
        onFx(model::addToDraft);

        SimulationViewModel reset = open(model, "Make the Item need a new login");
        // The newest Item in the book is the one just made.
        waitUntil(() -> field(reset, "access_token").text().get().equals(created.values().get("access_token")));
        run(reset);
        waitUntil(() -> reset.caused().stream().anyMatch(w -> w.type().equals("ITEM") && w.code().equals("ERROR")));
        onFx(model::addToDraft);

        List<Scenario.Step> draft = fx(() -> List.copyOf(model.draft()));
        assertThat(draft).hasSize(2);
        assertThat(draft.get(0).body().path("options").path("webhook").asText()).isEqualTo("${inbox?}");
        assertThat(draft.get(0).expect()).contains("TRANSACTIONS:SYNC_UPDATES_AVAILABLE");
        assertThat(draft.get(1).body().path("access_token").asText()).isEqualTo("${access_token}");
        assertThat(draft.get(1).expect()).contains("ITEM:ERROR");

        SaveScenarioFormViewModel save = fx(model::newSaveForm);
        assertThat(fx(() -> save.problem().get())).isEqualTo("Give the scenario a name.");
        onFx(() -> save.nameProperty().set("Item needs re-login"));
        assertThat(fx(() -> save.problem().get())).contains("built-in");
        onFx(() -> save.nameProperty().set("My re-login"));
        onFx(save::submit);
        waitUntil(() -> model.openScenarioProperty().get() != null
                && model.openScenarioProperty().get().scenario().name().equals("My re-login"));
        assertThat(fx(() -> model.draft().isEmpty())).isTrue();
        assertThat(scenarios.saved().join()).extracting(Scenario::name).contains("My re-login");

        ScenarioViewModel mine = fx(() -> model.openScenarioProperty().get());
        onFx(mine::run);
        waitUntil(() -> !mine.runningProperty().get());
        assertThat(fx(() -> mine.steps().stream().map(row -> row.phase().get()).toList()))
                .containsExactly(ScenarioViewModel.Phase.PASSED, ScenarioViewModel.Phase.PASSED);
        assertThat(fx(() -> mine.steps().get(1).webhooks().stream().map(ReceivedWebhook::code).toList())).contains("ERROR");

        onFx(() -> model.delete(mine.scenario()));
        waitUntil(() -> model.entries().stream().noneMatch(e -> e.title().equals("My re-login")));
        assertThat(scenarios.saved().join()).extracting(Scenario::name).doesNotContain("My re-login");
    }

    @Test
    void aBuiltInScenarioRunsAsAChecklistWithEachStepsWebhooks() throws Exception {
        SandboxViewModel model = newModel(feed);
        onFx(() -> model.select("Item needs re-login"));
        waitUntil(() -> model.openScenarioProperty().get() != null);
        ScenarioViewModel scenario = fx(() -> model.openScenarioProperty().get());
        assertThat(fx(() -> scenario.steps().stream().map(row -> row.phase().get()).distinct().toList()))
                .containsExactly(ScenarioViewModel.Phase.WAITING);
        // The run may end before a look at it: its state changes are heard instead.
        List<Boolean> running = new CopyOnWriteArrayList<>();
        onFx(() -> scenario.runningProperty().addListener((obs, was, now) -> running.add(now)));
        onFx(scenario::run);
        waitUntil(() -> !scenario.runningProperty().get());
        assertThat(running).containsExactly(true, false);
        assertThat(fx(() -> scenario.steps().stream().map(row -> row.phase().get()).toList()))
                .containsOnly(ScenarioViewModel.Phase.PASSED);
        assertThat(fx(() -> scenario.summaryProperty().get())).isEqualTo("4 of 4 steps passed.");
        assertThat(fx(() -> scenario.steps().get(1).webhooks().stream().map(w -> w.type() + ":" + w.code()).toList()))
                .contains("ITEM:ERROR");
        assertThat(fx(() -> scenario.steps().get(2).result().get().summary())).contains("The Item needs its user to log in again");
    }

    @Test
    void aRunningScenarioCanBeStoppedAndRunAgain() throws Exception {
        SandboxViewModel model = newModel(feed);
        onFx(() -> model.select("Transfer returned R01"));
        waitUntil(() -> model.openScenarioProperty().get() != null);
        ScenarioViewModel scenario = fx(() -> model.openScenarioProperty().get());
        onFx(scenario::run);
        waitUntil(() -> scenario.steps().get(0).phase().get() != ScenarioViewModel.Phase.WAITING);
        onFx(scenario::stop);
        assertThat(fx(() -> scenario.runningProperty().get())).isFalse();
        assertThat(fx(() -> scenario.summaryProperty().get())).isEqualTo("Stopped.");
        assertThat(fx(() -> scenario.steps().get(scenario.steps().size() - 1).phase().get())).isEqualTo(ScenarioViewModel.Phase.WAITING);
        // Whatever the stopped run was doing, its late news does not show over the next run.
        onFx(scenario::run);
        waitUntil(() -> !scenario.runningProperty().get());
        assertThat(fx(() -> scenario.steps().stream().map(row -> row.phase().get()).toList()))
                .containsOnly(ScenarioViewModel.Phase.PASSED);
        assertThat(fx(() -> scenario.steps().get(4).webhooks().stream().map(ReceivedWebhook::code).toList()))
                .containsExactly("TRANSFER_EVENTS_UPDATE");
    }

    @Test
    void aRequiredObjectWithNothingFilledInGoesEmptyAndFillsInOnceItHasAValue() throws Exception {
        CatalogService catalog = new CatalogService(services.io);
        var operation = catalog.find("/partner/customer/create").join().orElseThrow();
        var start = catalog.exampleRequest(operation).join();
        assertThat(start.path("address").isObject()).isTrue();
        var form = new dev.tartan.model.SimulationForm(new dev.tartan.model.Simulation("/partner/customer/create", "Partners",
                "Create a customer", "", operation.path(), null, List.of()), operation, catalog.requestFields(operation).join().stream()
                .map(f -> new dev.tartan.model.SimulationForm.Field(f, null, List.of())).toList(), start);
        SimulationViewModel simulation = fx(() -> new SimulationViewModel(form, services.profile, sandbox,
                new TokenBookService(services.vault, services.io), new TaskCenter(), null, new java.util.HashMap<>(), result -> { }));
        SimulationViewModel.Field city = field(simulation, "address.city");
        onFx(() -> city.text().set(""));
        assertThat(fx(() -> simulation.body().path("address").isObject() && simulation.body().path("address").isEmpty())).isTrue();
        onFx(() -> city.text().set("Springfield"));
        assertThat(fx(() -> simulation.body().path("address").path("city").asText())).isEqualTo("Springfield");
    }

    @Test
    void aProductionProfileTurnsThePaneOffWithTheReason() throws Exception {
        SandboxViewModel model = newModel(feed);
        assertThat(fx(() -> model.enabledProperty().get())).isTrue();
        assertThat(fx(() -> model.disabledReasonProperty().get())).isEmpty();
        Profile live = new Profile("Live payments", PlaidEnvironment.PRODUCTION, new Credentials("client", "secret"));
        onFx(() -> profile.set(live));
        assertThat(fx(() -> model.enabledProperty().get())).isFalse();
        assertThat(fx(() -> model.disabledReasonProperty().get())).contains("\"Live payments\" is Production")
                .contains("Switch to a Sandbox or emulator profile");
        onFx(() -> profile.set(services.profile));
        assertThat(fx(() -> model.enabledProperty().get())).isTrue();
    }

    @Test
    void withoutAnInboxTheFormsLeaveWebhooksOutAndSaySo() throws Exception {
        SandboxViewModel model = newModel(null);
        assertThat(model.watchesWebhooks()).isFalse();
        SimulationViewModel create = open(model, "Create a sandbox Item");
        assertThat(create.watchesWebhooks()).isFalse();
        assertThat(fx(() -> field(create, "options.webhook").text().get())).isEmpty();
        assertThat(fx(() -> create.body().path("options").has("webhook"))).isFalse();
        SimulationViewModel transfer = open(model, "Fire a Transfer webhook");
        assertThat(fx(() -> transfer.problem().get())).isEqualTo("Fill in webhook.");
    }
}
