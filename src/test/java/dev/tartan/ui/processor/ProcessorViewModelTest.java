package dev.tartan.ui.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.Latency;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.CatalogService;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.ProcessorService;
import dev.tartan.service.ProcessorService.Read;
import dev.tartan.service.TransactionService;
import dev.tartan.testing.EmulatorServices;
import dev.tartan.ui.common.TaskCenter;
import dev.tartan.ui.common.data.TabState;
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
    static ProcessorService service;
    static TransactionService transactions;
    static InstitutionService institutions;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        services = new EmulatorServices(EmulatorConfig.builder().latency(new Latency(LATENCY_MS, LATENCY_MS)).build(), home, 4);
        CachedCalls calls = new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC());
        service = new ProcessorService(calls, new CatalogService(services.io), services.vault, services.io, Clock.systemUTC());
        institutions = new InstitutionService(services.gateway, calls);
        transactions = new TransactionService(services.gateway, services.vault, services.io, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    private static final String SYNC = "/processor/transactions/sync";
    private static final java.util.Map<String, String> NAMES = java.util.Map.of("ins_109508", "First Platypus Bank");

    /** The models of the test under way: none may call the services once they are closed. */
    private final List<ProcessorViewModel> models = new ArrayList<>();

    @AfterEach
    void closeTokens() {
        onFx(() -> models.forEach(model -> model.select(null)));
    }

    private ProcessorViewModel newModel() throws Exception {
        ProcessorViewModel model = WaitForAsyncUtils.asyncFx(() -> new ProcessorViewModel(service, institutions, transactions, new TaskCenter(),
                new SimpleObjectProperty<Profile>(services.profile))).get(10, TimeUnit.SECONDS);
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

    private static boolean settled(ProcessorViewModel model, Read read) {
        TabState state = model.stateOf(read).get();
        return state.kind() != TabState.Kind.LOADING && !state.refreshing();
    }

    @Test
    void reopeningATokenShowsItsCachedDataFirstWhileEveryTabIsFetchedAgain() throws Exception {
        // Making a sandbox token reads its account once: the vault keeps that reply.
        TokenEntry token = service.createSandboxProcessorToken(services.profile, "ins_109508", "cached").join();
        ProcessorViewModel model = newModel();
        List<TabState> accountStates = Collections.synchronizedList(new ArrayList<>());
        onFx(() -> {
            model.stateOf(Read.ACCOUNT).addListener((obs, old, now) -> accountStates.add(now));
            model.select(token);
        });
        waitUntil(() -> List.of(Read.values()).stream().allMatch(read -> settled(model, read)));

        assertThat(accountStates).extracting(TabState::kind, TabState::refreshing).containsExactly(
                tuple(TabState.Kind.LOADING, true),
                tuple(TabState.Kind.DATA, true),
                tuple(TabState.Kind.DATA, false));
        Instant cachedAt = accountStates.get(1).fetchedAt();
        assertThat(accountStates.get(2).fetchedAt()).isAfter(cachedAt);
        waitUntil(() -> reads(model).size() == Read.values().length
                && List.copyOf(model.calls()).stream().anyMatch(call -> call.operation().equals(SYNC)));
        assertThat(reads(model)).extracting(CallRecord::operation).containsExactlyInAnyOrder(
                List.of(Read.values()).stream().map(Read::path).toArray(String[]::new));
        // The transactions tab syncs too, and its calls are in the same log.
        assertThat(model.calls()).extracting(CallRecord::operation).contains(SYNC);
    }

    @Test
    void aFailingTabLeavesTheOthersAndAnOlderTokensAnswersAreDropped() throws Exception {
        TokenEntry first = service.createSandboxProcessorToken(services.profile, "ins_109508", "first").join();
        TokenEntry second = service.createSandboxProcessorToken(services.profile, "ins_109508", "second").join();
        ProcessorViewModel model = newModel();
        onFx(() -> {
            model.select(first);
            model.select(second);
        });
        waitUntil(() -> List.of(Read.values()).stream().allMatch(read -> settled(model, read)));

        assertThat(model.stateOf(Read.ACCOUNT).get().data().path("account").path("account_id").asText()).isEqualTo(second.ownerId());
        assertThat(model.stateOf(Read.LIABILITIES).get().kind()).isEqualTo(TabState.Kind.FAILED);
        assertThat(model.stateOf(Read.LIABILITIES).get().failure().errorCode()).isEqualTo("NO_LIABILITY_ACCOUNTS");
        for (Read read : List.of(Read.ACCOUNT, Read.AUTH, Read.IDENTITY, Read.RECURRING)) {
            assertThat(model.stateOf(read).get().kind()).as(read.name()).isEqualTo(TabState.Kind.DATA);
        }
        // The first token's calls were cancelled on the switch: none of them reached this token's log.
        waitUntil(() -> reads(model).size() == Read.values().length);
        WaitForAsyncUtils.sleep(LATENCY_MS + 200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reads(model)).hasSize(Read.values().length).allSatisfy(call -> assertThat(call.httpStatus()).isIn(200, 400));
        assertThat(model.calls()).allSatisfy(call -> assertThat(call.httpStatus()).isIn(200, 400));
    }

    @Test
    void openingAnotherTokenClearsItsTabsSoTheFirstTokensDataNeverShowsWhileItLoads() throws Exception {
        TokenEntry first = service.createSandboxProcessorToken(services.profile, "ins_109508", "shown first").join();
        TokenEntry second = service.createSandboxProcessorToken(services.profile, "ins_109508", "shown second").join();
        ProcessorViewModel model = newModel();
        onFx(() -> model.select(first));
        waitUntil(() -> List.of(Read.values()).stream().allMatch(read -> settled(model, read)));

        List<TabState> accountStates = Collections.synchronizedList(new ArrayList<>());
        onFx(() -> {
            model.stateOf(Read.ACCOUNT).addListener((obs, old, now) -> accountStates.add(now));
            model.select(second);
        });
        waitUntil(() -> List.of(Read.values()).stream().allMatch(read -> settled(model, read)));

        assertThat(accountStates).extracting(TabState::kind).startsWith(TabState.Kind.EMPTY, TabState.Kind.LOADING);
        assertThat(accountStates).filteredOn(TabState::hasData).isNotEmpty().allSatisfy(state ->
                assertThat(state.data().path("account").path("account_id").asText()).isEqualTo(second.ownerId()));
    }

    @Test
    void theFilterMatchesWordsOfTheLabelAccountAndInstitutionOrAWholeToken() {
        TokenEntry entry = TokenEntry.of(TokenKind.PROCESSOR, "processor-sandbox-1234abcd-0000", "Emulator", "AccountXYZ")
                .withLabel("Dwolla payouts").withInstitution("ins_109508");
        assertThat(ProcessorViewModel.matcher("", NAMES::get).test(entry)).isTrue();
        assertThat(ProcessorViewModel.matcher("dwolla ins_109508", NAMES::get).test(entry)).isTrue();
        assertThat(ProcessorViewModel.matcher("accountxyz", NAMES::get).test(entry)).isTrue();
        assertThat(ProcessorViewModel.matcher(" processor-sandbox-1234abcd-0000 ", NAMES::get).test(entry)).isTrue();
        assertThat(ProcessorViewModel.matcher("dwolla moov", NAMES::get).test(entry)).isFalse();
        assertThat(ProcessorViewModel.matcher("platypus", NAMES::get).test(entry)).as("the institution's name").isTrue();
        assertThat(ProcessorViewModel.matcher("platypus", id -> null).test(entry)).as("before the name is known").isFalse();
        // The hidden part of a token is not searchable by pieces: only the whole token finds it.
        assertThat(ProcessorViewModel.matcher("1234abcd", NAMES::get).test(entry)).isFalse();
    }

    @Test
    void emptyRepliesSayWhyThereIsNothingToShow() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(ProcessorViewModel.emptyMessage(Read.RECURRING, json.readTree("{\"inflow_streams\": [], \"outflow_streams\": []}")))
                .contains("no recurring");
        assertThat(ProcessorViewModel.emptyMessage(Read.AUTH, json.readTree("{\"numbers\": {}}"))).contains("no account or routing");
        assertThat(ProcessorViewModel.emptyMessage(Read.AUTH, json.readTree(
                "{\"account\": {\"verification_status\": \"pending_automatic_verification\"}, \"numbers\": {}}")))
                .contains("pending_automatic_verification", "once it is verified");
        assertThat(ProcessorViewModel.emptyMessage(Read.AUTH, json.readTree(
                "{\"account\": {\"verification_status\": \"verification_expired\"}, \"numbers\": {}}")))
                .contains("verification_expired");
        assertThat(ProcessorViewModel.emptyMessage(Read.AUTH, json.readTree(
                "{\"account\": {\"verification_status\": \"manually_verified\"}, \"numbers\": {}}")))
                .contains("no account or routing");
        assertThat(ProcessorViewModel.emptyMessage(Read.AUTH, json.readTree("{\"numbers\": {\"ach\": {\"account\": \"1\"}}}"))).isNull();
        assertThat(ProcessorViewModel.emptyMessage(Read.LIABILITIES, json.readTree("{\"liabilities\": {\"credit\": []}}"))).isNotNull();
        assertThat(ProcessorViewModel.emptyMessage(Read.ACCOUNT, json.readTree("{\"account\": {}}"))).isNull();
    }

    /** The log's calls of the tabs' reads, without those of the transactions sync. */
    private static List<CallRecord> reads(ProcessorViewModel model) {
        return List.copyOf(model.calls()).stream().filter(call -> !call.operation().equals(SYNC)).toList();
    }
}
