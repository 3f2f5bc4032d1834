package dev.tartan.ui.items;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.Latency;
import dev.tartan.model.ConsoleDraft;
import dev.tartan.model.PaneTarget;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.CatalogService;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.ItemService;
import dev.tartan.service.ProcessorTokenService;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.TransactionSyncService;
import dev.tartan.testing.EmulatorServices;
import dev.tartan.testing.Screenshots;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.TaskCenter;
import dev.tartan.ui.common.data.DataPane;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Items pane over the real services and an emulator slow enough to see what each tab shows
 * before its reply comes: the vault's cached copy with its age, or its own failure.
 */
class ItemsViewTest {

    /** Each emulator answer takes this long: the vault's cache answers well before. */
    private static final long LATENCY_MS = 1_500;

    @TempDir
    static Path home;
    static EmulatorServices services;
    static Stage stage;

    ItemsViewModel model;
    ItemsView view;

    @BeforeAll
    static void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        // Late callbacks of an earlier test class (its services already closed) are not this class's failures.
        WaitForAsyncUtils.clearExceptions();
        services = new EmulatorServices(EmulatorConfig.builder().latency(new Latency(LATENCY_MS, LATENCY_MS)).build(), home, 8);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    /** Nothing of this test may call the services once they are closed: no Item stays open. */
    @AfterEach
    void closeItem() {
        if (model != null) {
            onFx(() -> {
                model.list().select(null);
                model.detail().close();
            });
        }
    }

    /** A new sandbox Item, kept in the token book. */
    private static TokenEntry keepNewItem(String username, String password, String label) {
        JsonNode item = services.newItem(username, password);
        return services.vault.tokens().save(TokenEntry.of(TokenKind.ACCESS, item.path("access_token").asText(),
                services.profile.name(), item.path("item_id").asText()).withLabel(label).withInstitution("ins_109508"));
    }

    /** Shows the pane over the services; it lists the token book's Items. */
    private void showPane(TokenEntry... listed) throws Exception {
        CachedCalls calls = new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC());
        CatalogService catalog = new CatalogService(services.io);
        PaneServices pane = new PaneServices(calls, new TokenBookService(services.vault, services.io),
                new InstitutionService(services.gateway, calls), catalog, new TaskCenter(), new SimpleObjectProperty<Profile>(services.profile));
        model = WaitForAsyncUtils.asyncFx(() -> new ItemsViewModel(pane, new ItemService(services.gateway, calls, services.vault, services.io),
                new TransactionSyncService(services.gateway, services.vault, services.io, Clock.systemUTC()),
                new ProcessorTokenService(calls, catalog, services.vault, services.io))).get(10, TimeUnit.SECONDS);
        view = WaitForAsyncUtils.asyncFx(() -> new ItemsView(model, new NowhereNavigator())).get(10, TimeUnit.SECONDS);
        FxToolkit.setupSceneRoot(() -> (Parent) view.node());
        FxToolkit.showStage();
        waitUntil(() -> List.of(listed).stream().allMatch(entry -> model.list().rows().stream()
                .anyMatch(row -> row.entry().value().equals(entry.value()))));
    }

    private void open(TokenEntry entry) {
        onFx(() -> model.list().select(model.list().rows().stream()
                .filter(row -> row.entry().value().equals(entry.value())).findFirst().orElseThrow()));
    }

    private void showTab(String id) {
        onFx(() -> tabs().getSelectionModel().select(tab(id)));
    }

    private Node tabContent(String id) {
        return tab(id).getContent();
    }

    private Tab tab(String id) {
        return tabs().getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst().orElseThrow();
    }

    private TabPane tabs() {
        return (TabPane) view.node().lookup("#itemTabs");
    }

    @Test
    void reopeningAnItemShowsItsCachedDataWithItsAgeBeforeTheRefreshCompletes() throws Exception {
        TokenEntry cached = keepNewItem("user_good", "pass_good", "Cached");
        TokenEntry other = keepNewItem("user_good", "pass_good", "Other");
        showPane(cached, other);
        ReadOnlyObjectProperty<Outcome<JsonNode>> accounts = model.detail().stateOf(ItemData.ACCOUNTS);
        open(cached);
        showTab("tabAccounts");
        waitUntil(() -> settled(accounts.get()));
        open(other);
        waitUntil(() -> settled(accounts.get()));

        // Back to the first: what the Accounts tab shows at each step, read just after the view followed the state.
        TableView<?> table = (TableView<?>) view.node().lookup("#accountsTable");
        Label age = (Label) paneAround(table).lookup("#dataAge");
        List<String> shown = Collections.synchronizedList(new ArrayList<>());
        onFx(() -> accounts.addListener((obs, old, state) -> shown.add(state.phase() + (state.refreshing() ? " refreshing" : "")
                + " | " + age.getText() + " | " + (table.getScene() == null ? "no table" : table.getItems().size() + " rows"))));
        open(cached);
        waitUntil(() -> shown.stream().anyMatch(step -> step.startsWith("DATA refreshing")));
        Screenshots.save(stage, "items-view-1-cached-while-refreshing");
        waitUntil(() -> settled(accounts.get()));

        int rows = table.getItems().size();
        assertThat(rows).isPositive();
        assertThat(shown).containsExactly(
                "EMPTY |  | no table",
                "LOADING refreshing |  | no table",
                "DATA refreshing | Updated just now \u00b7 refreshing\u2026 | " + rows + " rows",
                "DATA | Updated just now | " + rows + " rows");
    }

    @Test
    void aFailingTabShowsItsOwnErrorWhileTheOthersLoad() throws Exception {
        TokenEntry entry = keepNewItem("user_custom", ItemsPaneTest.USER_CUSTOM, "Nothing owed");
        showPane(entry);
        open(entry);
        ItemViewModel item = model.detail();
        waitUntil(() -> item.stateOf(ItemData.LIABILITIES).get().phase() == Outcome.Phase.FAILED);
        // Plaid's error for this tab alone; the tabs whose calls are still out keep loading.
        assertThat(item.stateOf(ItemData.LIABILITIES).get().failure().errorCode()).isEqualTo("NO_LIABILITY_ACCOUNTS");
        for (ReadOnlyObjectProperty<Outcome<JsonNode>> other : List.of(item.overviewProperty(), item.stateOf(ItemData.ACCOUNTS), item.stateOf(ItemData.IDENTITY),
                item.stateOf(ItemData.AUTH), item.stateOf(ItemData.RECURRING))) {
            assertThat(other.get().phase()).isNotEqualTo(Outcome.Phase.FAILED);
        }
        waitUntil(() -> settled(item.stateOf(ItemData.ACCOUNTS).get()) && settled(item.stateOf(ItemData.IDENTITY).get())
                && settled(item.stateOf(ItemData.AUTH).get()) && settled(item.overviewProperty().get()));
        assertThat(item.stateOf(ItemData.ACCOUNTS).get().phase()).isEqualTo(Outcome.Phase.DATA);
        assertThat(item.stateOf(ItemData.IDENTITY).get().phase()).isEqualTo(Outcome.Phase.DATA);
        assertThat(item.stateOf(ItemData.AUTH).get().phase()).isEqualTo(Outcome.Phase.DATA);

        showTab("tabLiabilities");
        DataPane failedPane = (DataPane) tabContent("tabLiabilities");
        assertThat(((Label) failedPane.lookup("#failureTitle")).getText()).isEqualTo("NO_LIABILITY_ACCOUNTS");
        assertThat(((Label) failedPane.lookup("#failure-request_id")).getText()).isNotBlank();
        Screenshots.save(stage, "items-view-2-liabilities-failed");
        showTab("tabAccounts");
        DataPane accountsPane = paneAround(view.node().lookup("#accountsTable"));
        assertThat(accountsPane.lookup("#failureTitle")).isNull();
        assertThat(((TableView<?>) accountsPane.lookup("#accountsTable")).getItems()).hasSize(2);
    }

    private static boolean settled(Outcome<JsonNode> state) {
        return !state.isLoading() && !state.refreshing();
    }

    /** The data pane a tab's view sits in. */
    private static DataPane paneAround(Node node) {
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof DataPane pane) {
                return pane;
            }
        }
        throw new AssertionError(node + " is not in a data pane");
    }

    private static void onFx(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS));
    }

    /** The pane under test goes nowhere else. */
    private static final class NowhereNavigator implements Navigator {
        @Override
        public void openInConsole(ConsoleDraft draft) {
        }

        @Override
        public void openInPane(PaneTarget target) {
        }

        @Override
        public void openLink(String url) {
        }

        @Override
        public void openFile(java.nio.file.Path file) {
        }
    }
}
