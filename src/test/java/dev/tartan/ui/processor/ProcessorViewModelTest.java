package dev.tartan.ui.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tartan.emulator.Latency;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.service.ProcessorService;
import dev.tartan.service.ProcessorService.Read;
import dev.tartan.testing.EmulatedServices;
import dev.tartan.ui.common.TaskCenter;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
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
    static EmulatedServices services;
    static ProcessorService service;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        services = new EmulatedServices(home, new Latency(LATENCY_MS, LATENCY_MS));
        service = services.processor();
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    private static ProcessorViewModel newModel() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> new ProcessorViewModel(service, new TaskCenter(),
                new SimpleObjectProperty<Profile>(services.profile()))).get(10, TimeUnit.SECONDS);
    }

    private static void onFx(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    private static boolean settled(ProcessorViewModel model, Read read) {
        TabState<JsonNode> state = model.stateOf(read).get();
        return !state.isLoading() && !state.refreshing();
    }

    @Test
    void reopeningATokenShowsItsCachedDataFirstWhileEveryTabIsFetchedAgain() throws Exception {
        // Making a sandbox token reads its account once: the vault keeps that reply.
        TokenEntry token = service.createSandboxProcessorToken(services.profile(), "ins_109508", "cached").join();
        ProcessorViewModel model = newModel();
        List<TabState<JsonNode>> accountStates = Collections.synchronizedList(new ArrayList<>());
        onFx(() -> {
            model.stateOf(Read.ACCOUNT).addListener((obs, old, now) -> accountStates.add(now));
            model.select(token);
        });
        waitUntil(() -> List.of(Read.values()).stream().allMatch(read -> settled(model, read)));

        assertThat(accountStates).extracting(TabState::phase, TabState::refreshing).containsExactly(
                tuple(TabState.Phase.LOADING, true),
                tuple(TabState.Phase.DATA, true),
                tuple(TabState.Phase.DATA, false));
        Instant cachedAt = accountStates.get(1).fetchedAt();
        assertThat(accountStates.get(2).fetchedAt()).isAfter(cachedAt);
        waitUntil(() -> model.calls().size() == Read.values().length);
        assertThat(model.calls()).extracting(CallRecord::operation).containsExactlyInAnyOrder(
                List.of(Read.values()).stream().map(Read::path).toArray(String[]::new));
    }

    @Test
    void aFailingTabLeavesTheOthersAndAnOlderTokensAnswersAreDropped() throws Exception {
        TokenEntry first = service.createSandboxProcessorToken(services.profile(), "ins_109508", "first").join();
        TokenEntry second = service.createSandboxProcessorToken(services.profile(), "ins_109508", "second").join();
        ProcessorViewModel model = newModel();
        onFx(() -> {
            model.select(first);
            model.select(second);
        });
        waitUntil(() -> List.of(Read.values()).stream().allMatch(read -> settled(model, read)));

        assertThat(model.stateOf(Read.ACCOUNT).get().data().path("account").path("account_id").asText()).isEqualTo(second.ownerId());
        assertThat(model.stateOf(Read.LIABILITIES).get().phase()).isEqualTo(TabState.Phase.FAILED);
        assertThat(model.stateOf(Read.LIABILITIES).get().failure().errorCode()).isEqualTo("NO_LIABILITY_ACCOUNTS");
        for (Read read : List.of(Read.ACCOUNT, Read.AUTH, Read.IDENTITY, Read.TRANSACTIONS)) {
            assertThat(model.stateOf(read).get().phase()).as(read.name()).isEqualTo(TabState.Phase.DATA);
        }
        // The first token's calls were cancelled on the switch: none of them reached this token's log.
        waitUntil(() -> model.calls().size() == Read.values().length);
        WaitForAsyncUtils.sleep(LATENCY_MS + 200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.calls()).hasSize(Read.values().length).allSatisfy(call -> assertThat(call.httpStatus()).isIn(200, 400));
    }

    @Test
    void theFilterMatchesWordsOfTheLabelAccountAndInstitutionOrAWholeToken() {
        TokenEntry entry = TokenEntry.of(TokenKind.PROCESSOR, "processor-sandbox-1234abcd-0000", "Emulator", "AccountXYZ")
                .withLabel("Dwolla payouts").withInstitution("ins_109508");
        assertThat(ProcessorViewModel.matcher("").test(entry)).isTrue();
        assertThat(ProcessorViewModel.matcher("dwolla ins_109508").test(entry)).isTrue();
        assertThat(ProcessorViewModel.matcher("accountxyz").test(entry)).isTrue();
        assertThat(ProcessorViewModel.matcher(" processor-sandbox-1234abcd-0000 ").test(entry)).isTrue();
        assertThat(ProcessorViewModel.matcher("dwolla moov").test(entry)).isFalse();
        // The hidden part of a token is not searchable by pieces: only the whole token finds it.
        assertThat(ProcessorViewModel.matcher("1234abcd").test(entry)).isFalse();
    }

    @Test
    void emptyRepliesSayWhyThereIsNothingToShow() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(ProcessorViewModel.emptyMessage(Read.TRANSACTIONS, json.readTree("{\"transactions\": []}"))).contains("30 days");
        assertThat(ProcessorViewModel.emptyMessage(Read.TRANSACTIONS, json.readTree("{\"transactions\": [{}]}"))).isNull();
        assertThat(ProcessorViewModel.emptyMessage(Read.RECURRING, json.readTree("{\"inflow_streams\": [], \"outflow_streams\": []}")))
                .contains("no recurring");
        assertThat(ProcessorViewModel.emptyMessage(Read.AUTH, json.readTree("{\"numbers\": {}}"))).contains("no account or routing");
        assertThat(ProcessorViewModel.emptyMessage(Read.AUTH, json.readTree("{\"numbers\": {\"ach\": {\"account\": \"1\"}}}"))).isNull();
        assertThat(ProcessorViewModel.emptyMessage(Read.LIABILITIES, json.readTree("{\"liabilities\": {\"credit\": []}}"))).isNotNull();
        assertThat(ProcessorViewModel.emptyMessage(Read.ACCOUNT, json.readTree("{\"account\": {}}"))).isNull();
    }
}
