package dev.tartan.ui.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidRequest;
import dev.tartan.model.ConsoleDraft;
import dev.tartan.model.Credentials;
import dev.tartan.model.Operation;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.model.SchemaProblem;
import dev.tartan.service.CatalogService;
import dev.tartan.service.ConsoleService;
import dev.tartan.service.TokenBookService;
import dev.tartan.store.DownloadFolder;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;
import dev.tartan.testing.FakePlaid;
import dev.tartan.ui.common.TaskCenter;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's view model with Plaid faked at the services' door: every way a send is refused
 * leaves the fake without a request, and a send that goes ahead sends the tokens whole.
 */
class ConsoleViewModelTest {

    private static final String TOKEN = "access-sandbox-0a1b2c3d-4e5f-4789-abcd-ef0123456789";
    private static final Profile SANDBOX = new Profile("Sandbox", PlaidEnvironment.SANDBOX, new Credentials("client", "secret-0123456789"));
    private static final Profile PRODUCTION = new Profile("Live", PlaidEnvironment.PRODUCTION, new Credentials("client", "secret-0123456789"));

    @TempDir
    static Path home;
    static ExecutorService io;
    static Vault vault;
    static CatalogService catalog;
    /** The catalog's executor: a test can hold its work (a schema check) back for a moment. */
    static HoldingExecutor catalogWork;

    FakePlaid plaid;
    SimpleObjectProperty<Profile> profile;
    ConsoleViewModel model;
    /** What the send checks were asked, and what they answer. */
    final List<String> asked = new ArrayList<>();
    boolean sendDespiteProblems;
    boolean allowInProduction;

    @BeforeAll
    static void startAll() throws Exception {
        FxToolkit.registerPrimaryStage();
        io = Executors.newFixedThreadPool(4);
        vault = Vault.create(new VaultLocation(home), "console view model test passphrase".toCharArray());
        catalogWork = new HoldingExecutor(io);
        catalog = new CatalogService(catalogWork);
        catalog.operations().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopAll() {
        io.shutdownNow();
        vault.close();
    }

    @BeforeEach
    void start() throws Exception {
        plaid = new FakePlaid();
        profile = new SimpleObjectProperty<>(SANDBOX);
        ConsoleService console = new ConsoleService(plaid, vault, new DownloadFolder(home), io);
        model = WaitForAsyncUtils.asyncFx(() -> new ConsoleViewModel(catalog, console, new TokenBookService(vault, io),
                new TaskCenter(), profile, file -> { })).get(10, TimeUnit.SECONDS);
        onFx(() -> model.setSendChecks(new ConsoleViewModel.SendChecks() {
            @Override
            public boolean allowInEnvironment(Profile forProfile, Operation operation, String body) {
                asked.add("environment " + operation.path());
                return !forProfile.environment().isProductionCall(body) || allowInProduction;
            }

            @Override
            public boolean sendDespite(Operation operation, List<SchemaProblem> problems) {
                asked.add("schema " + operation.path());
                return sendDespiteProblems;
            }
        }));
        waitUntil(() -> !model.catalogLoadingProperty().get());
    }

    private void openDraft(String path, String json) throws Exception {
        ObjectNode body = (ObjectNode) new ObjectMapper().readTree(json);
        onFx(() -> model.open(new ConsoleDraft(path, body, "a test call")));
        waitUntil(() -> model.selectedProperty().get() != null && path.equals(model.selectedProperty().get().path()));
    }

    private void send() {
        onFx(model::send);
    }

    private String notice() {
        return String.valueOf(model.noticeProperty().get());
    }

    @Test
    void nothingIsSentWithoutAnOperationOrAProfile() throws Exception {
        send();
        assertThat(notice()).isEqualTo("Pick an operation first.");
        openDraft("/item/get", "{\"access_token\": \"" + TOKEN + "\"}");
        onFx(() -> profile.set(null));
        send();
        assertThat(notice()).isEqualTo("No profile is active.");
        assertThat(plaid.requests()).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void invalidJsonIsRefusedBeforeAnyQuestion() throws Exception {
        openDraft("/item/get", "{}");
        onFx(() -> model.bodyProperty().set("{\"access_token\": "));
        send();
        assertThat(notice()).startsWith("Not sent. Not valid JSON at line 1");
        assertThat(plaid.requests()).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void aMaskedTokenTheConsoleCannotFillInIsRefused() throws Exception {
        openDraft("/item/get", "{}");
        // As if copied from a masked view elsewhere: no token of this editor has that mask.
        onFx(() -> model.bodyProperty().set("{\"access_token\": \"access-sandbox-\u2022\u2022\u2022\u2022zzzz\"}"));
        send();
        assertThat(notice()).startsWith("Not sent").contains("access-sandbox-\u2022\u2022\u2022\u2022zzzz");
        assertThat(plaid.requests()).isEmpty();
    }

    @Test
    void aBodyOffItsSchemaIsSentOnlyWhenTheUserInsists() throws Exception {
        openDraft("/item/get", "{\"acess_token\": \"x\"}");
        send();
        waitUntil(() -> notice().startsWith("Not sent."));
        assertThat(notice()).contains("access_token");
        assertThat(asked).containsExactly("schema /item/get");
        assertThat(plaid.requests()).isEmpty();

        sendDespiteProblems = true;
        send();
        waitUntil(() -> model.replyProperty().get() != null);
        assertThat(plaid.requests()).singleElement().satisfies(request -> assertThat(request.body()).contains("acess_token"));
    }

    @Test
    void aProductionCallTheUserDoesNotConfirmIsNotSent() throws Exception {
        onFx(() -> profile.set(PRODUCTION));
        openDraft("/item/remove", "{\"access_token\": \"access-production-0a1b2c3d-4e5f-4789-abcd-ef0123456789\"}");
        send();
        waitUntil(() -> notice().equals("Not sent: the Production call was not confirmed."));
        assertThat(asked).containsExactly("environment /item/remove");
        assertThat(plaid.requests()).isEmpty();

        allowInProduction = true;
        send();
        waitUntil(() -> model.replyProperty().get() != null);
        assertThat(plaid.requests()).extracting(PlaidRequest::path).containsExactly("/item/remove");
    }

    @Test
    void aRequestChangedWhileItIsCheckedIsNotSent() throws Exception {
        openDraft("/item/get", "{\"access_token\": \"" + TOKEN + "\"}");
        catalogWork.hold();
        onFx(() -> {
            model.send();
            model.bodyProperty().set("{\"access_token\": \"" + TOKEN + "\", \"options\": {}}");
        });
        catalogWork.release();
        waitUntil(() -> notice().equals("Not sent: the request changed while it was being checked."));
        assertThat(plaid.requests()).isEmpty();
    }

    @Test
    void theEditorShowsTokensMaskedAndSendsThemWhole() throws Exception {
        openDraft("/item/get", "{\"access_token\": \"" + TOKEN + "\"}");
        assertThat(model.bodyProperty().get()).doesNotContain(TOKEN).contains("access-sandbox-\u2022\u2022\u2022\u2022");
        send();
        waitUntil(() -> model.replyProperty().get() != null);
        assertThat(plaid.requests()).singleElement().satisfies(request -> assertThat(request.body()).contains(TOKEN));
    }

    @Test
    void aSecondSendWhileOneIsUnderWayIsIgnored() throws Exception {
        CompletableFuture<PlaidResponse> reply = new CompletableFuture<>();
        plaid.answerWith(request -> reply);
        openDraft("/item/get", "{\"access_token\": \"" + TOKEN + "\"}");
        send();
        waitUntil(() -> plaid.requests().size() == 1);
        send();
        assertThat(model.sendingProperty().get()).isTrue();
        reply.complete(FakePlaid.ok("{\"item\": {}}"));
        waitUntil(() -> !model.sendingProperty().get());
        assertThat(plaid.requests()).hasSize(1);
        assertThat(model.replyProperty().get().json().has("item")).isTrue();
    }

    /** Runs work on another executor, or keeps it until released while held. */
    static final class HoldingExecutor implements Executor {
        private final Executor target;
        private final List<Runnable> held = new ArrayList<>();
        private boolean holding;

        HoldingExecutor(Executor target) {
            this.target = target;
        }

        synchronized void hold() {
            holding = true;
        }

        void release() {
            List<Runnable> work;
            synchronized (this) {
                holding = false;
                work = List.copyOf(held);
                held.clear();
            }
            work.forEach(target::execute);
        }

        @Override
        public void execute(Runnable command) {
            synchronized (this) {
                if (holding) {
                    held.add(command);
                    return;
                }
            }
            target.execute(command);
        }
    }

    private static void onFx(Runnable action) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS));
    }
}
