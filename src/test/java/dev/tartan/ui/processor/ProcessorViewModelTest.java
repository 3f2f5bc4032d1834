package dev.tartan.ui.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.Latency;
import dev.tartan.model.CallRecord;
import dev.tartan.model.HistoryEntry;
import dev.tartan.model.ProcessorData;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.CatalogService;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.ProcessorAccountService;
import dev.tartan.service.ProcessorTokenService;
import dev.tartan.service.ProcessorWebhookService;
import dev.tartan.service.SignalService;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.TransactionSyncService;
import dev.tartan.testing.EmulatorServices;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.TaskCenter;
import dev.tartan.ui.common.data.Outcome;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The pane's view model over the real services, with an emulator slow enough to watch the tabs fill. */
class ProcessorViewModelTest {

    /** Each emulator answer takes this long: the vault's cache answers well before. */
    private static final long LATENCY_MS = 700;

    @TempDir
    static Path home;
    static EmulatorServices services;
    static CachedCalls calls;
    static ProcessorTokenService tokens;
    static ProcessorAccountService account;
    static SignalService signal;
    static ProcessorWebhookService webhooks;
    static TokenBookService tokenBook;
    static TransactionSyncService transactions;
    static InstitutionService institutions;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        services = new EmulatorServices(EmulatorConfig.builder().latency(new Latency(LATENCY_MS, LATENCY_MS)).build(), home, 4);
        calls = new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC());
        CatalogService catalog = new CatalogService(services.io);
        tokens = new ProcessorTokenService(calls, catalog, services.vault, services.io);
        account = new ProcessorAccountService(calls, Clock.systemUTC());
        signal = new SignalService(calls, catalog);
        webhooks = new ProcessorWebhookService(calls);
        tokenBook = new TokenBookService(services.vault, services.io);
        institutions = new InstitutionService(services.gateway, calls);
        transactions = new TransactionSyncService(services.gateway, services.vault, services.io, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    private static final String SYNC = "/processor/transactions/sync";

    /** The models of the test under way: none may call the services once they are closed. */
    private final List<ProcessorViewModel> models = new ArrayList<>();

    @AfterEach
    void closeTokens() {
        onFx(() -> models.forEach(model -> model.list().select(null)));
    }

    private ProcessorViewModel newModel() throws Exception {
        PaneServices pane = new PaneServices(calls, tokenBook, institutions, new CatalogService(services.io), new TaskCenter(),
                new SimpleObjectProperty<Profile>(services.profile));
        ProcessorViewModel model = WaitForAsyncUtils.asyncFx(() -> new ProcessorViewModel(pane, tokens, account, signal, webhooks,
                transactions)).get(10, TimeUnit.SECONDS);
        models.add(model);
        return model;
    }

    private static void onFx(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    private static boolean settled(ProcessorViewModel model, ProcessorData read) {
        Outcome<JsonNode> state = model.stateOf(read).get();
        return !state.isLoading() && !state.refreshing();
    }

    /** Opens {@code token} in the model's list, as a click on it would. */
    private static void select(ProcessorViewModel model, TokenEntry token) {
        model.list().showNew(token);
    }

    @Test
    void reopeningATokenShowsItsCachedDataFirstWhileEveryTabIsFetchedAgain() throws Exception {
        // Making a sandbox token reads its account once: the vault keeps that reply.
        TokenEntry token = tokens.createSandboxProcessorToken(services.profile, "ins_109508", "cached").join();
        ProcessorViewModel model = newModel();
        List<Outcome<JsonNode>> accountStates = Collections.synchronizedList(new ArrayList<>());
        onFx(() -> {
            model.stateOf(ProcessorData.ACCOUNT).addListener((obs, old, now) -> accountStates.add(now));
            select(model, token);
        });
        waitUntil(() -> List.of(ProcessorData.values()).stream().allMatch(read -> settled(model, read)));

        assertThat(accountStates).extracting(Outcome::phase, Outcome::refreshing).containsExactly(
                tuple(Outcome.Phase.LOADING, true),
                tuple(Outcome.Phase.DATA, true),
                tuple(Outcome.Phase.DATA, false));
        Instant cachedAt = accountStates.get(1).fetchedAt();
        assertThat(accountStates.get(2).fetchedAt()).isAfter(cachedAt);
        waitUntil(() -> reads(model).size() == ProcessorData.values().length
                && List.copyOf(model.calls()).stream().anyMatch(call -> call.operation().equals(SYNC)));
        assertThat(reads(model)).extracting(CallRecord::operation).containsExactlyInAnyOrder(
                List.of(ProcessorData.values()).stream().map(ProcessorData::path).toArray(String[]::new));
        // The transactions tab syncs too, and its calls are in the same log.
        assertThat(model.calls()).extracting(CallRecord::operation).contains(SYNC);
    }

    @Test
    void aFailingTabLeavesTheOthersAndAnOlderTokensAnswersAreDropped() throws Exception {
        TokenEntry first = tokens.createSandboxProcessorToken(services.profile, "ins_109508", "first").join();
        TokenEntry second = tokens.createSandboxProcessorToken(services.profile, "ins_109508", "second").join();
        ProcessorViewModel model = newModel();
        onFx(() -> {
            select(model, first);
            select(model, second);
        });
        waitUntil(() -> List.of(ProcessorData.values()).stream().allMatch(read -> settled(model, read)));

        assertThat(model.stateOf(ProcessorData.ACCOUNT).get().data().path("account").path("account_id").asText()).isEqualTo(second.ownerId());
        assertThat(model.stateOf(ProcessorData.LIABILITIES).get().phase()).isEqualTo(Outcome.Phase.FAILED);
        assertThat(model.stateOf(ProcessorData.LIABILITIES).get().failure().errorCode()).isEqualTo("NO_LIABILITY_ACCOUNTS");
        for (ProcessorData read : List.of(ProcessorData.ACCOUNT, ProcessorData.AUTH, ProcessorData.IDENTITY, ProcessorData.RECURRING)) {
            assertThat(model.stateOf(read).get().phase()).as(read.name()).isEqualTo(Outcome.Phase.DATA);
        }
        // The first token's calls were cancelled on the switch: none of them reached this token's log, not even once
        // the gateway had recorded every one of them in the history (a late record would have come by then).
        waitUntil(() -> reads(model).size() == ProcessorData.values().length);
        waitUntil(() -> historyOf(first).size() >= ProcessorData.values().length);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reads(model)).hasSize(ProcessorData.values().length).allSatisfy(call -> assertThat(call.httpStatus()).isIn(200, 400));
        assertThat(model.calls()).allSatisfy(call -> assertThat(call.httpStatus()).isIn(200, 400));
    }

    @Test
    void openingAnotherTokenClearsItsTabsSoTheFirstTokensDataNeverShowsWhileItLoads() throws Exception {
        TokenEntry first = tokens.createSandboxProcessorToken(services.profile, "ins_109508", "shown first").join();
        TokenEntry second = tokens.createSandboxProcessorToken(services.profile, "ins_109508", "shown second").join();
        ProcessorViewModel model = newModel();
        onFx(() -> select(model, first));
        waitUntil(() -> List.of(ProcessorData.values()).stream().allMatch(read -> settled(model, read)));

        List<Outcome<JsonNode>> accountStates = Collections.synchronizedList(new ArrayList<>());
        onFx(() -> {
            model.stateOf(ProcessorData.ACCOUNT).addListener((obs, old, now) -> accountStates.add(now));
            select(model, second);
        });
        waitUntil(() -> List.of(ProcessorData.values()).stream().allMatch(read -> settled(model, read)));

        assertThat(accountStates).extracting(Outcome::phase).startsWith(Outcome.Phase.EMPTY, Outcome.Phase.LOADING);
        assertThat(accountStates).filteredOn(Outcome::hasData).isNotEmpty().allSatisfy(state ->
                assertThat(state.data().path("account").path("account_id").asText()).isEqualTo(second.ownerId()));
    }

    @Test
    void emptyRepliesSayWhyThereIsNothingToShow() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(ProcessorViewModel.emptyMessage(ProcessorData.RECURRING, json.readTree("{\"inflow_streams\": [], \"outflow_streams\": []}")))
                .contains("no recurring");
        assertThat(ProcessorViewModel.emptyMessage(ProcessorData.AUTH, json.readTree("{\"numbers\": {}}"))).contains("no account or routing");
        assertThat(ProcessorViewModel.emptyMessage(ProcessorData.AUTH, json.readTree(
                "{\"account\": {\"verification_status\": \"pending_automatic_verification\"}, \"numbers\": {}}")))
                .contains("pending_automatic_verification", "once it is verified");
        assertThat(ProcessorViewModel.emptyMessage(ProcessorData.AUTH, json.readTree(
                "{\"account\": {\"verification_status\": \"verification_expired\"}, \"numbers\": {}}")))
                .contains("verification_expired");
        assertThat(ProcessorViewModel.emptyMessage(ProcessorData.AUTH, json.readTree(
                "{\"account\": {\"verification_status\": \"manually_verified\"}, \"numbers\": {}}")))
                .contains("no account or routing");
        assertThat(ProcessorViewModel.emptyMessage(ProcessorData.AUTH, json.readTree("{\"numbers\": {\"ach\": {\"account\": \"1\"}}}"))).isNull();
        assertThat(ProcessorViewModel.emptyMessage(ProcessorData.LIABILITIES, json.readTree("{\"liabilities\": {\"credit\": []}}"))).isNotNull();
        assertThat(ProcessorViewModel.emptyMessage(ProcessorData.ACCOUNT, json.readTree("{\"account\": {}}"))).isNull();
    }

    /** The request history's entries of the reads of {@code token} (the history keeps tokens masked). */
    private static List<HistoryEntry> historyOf(TokenEntry token) {
        List<String> readPaths = List.of(ProcessorData.values()).stream().map(ProcessorData::path).toList();
        return services.vault.history().recent(500).stream()
                .filter(entry -> readPaths.contains(entry.operation()) && String.valueOf(entry.requestBody()).contains(token.maskedValue()))
                .toList();
    }

    /** The log's calls of the tabs' reads, without those of the transactions sync. */
    private static List<CallRecord> reads(ProcessorViewModel model) {
        return List.copyOf(model.calls()).stream().filter(call -> !call.operation().equals(SYNC)).toList();
    }
}
