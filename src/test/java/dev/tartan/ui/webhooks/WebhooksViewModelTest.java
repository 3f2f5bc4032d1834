package dev.tartan.ui.webhooks;

import dev.tartan.model.PaneTarget;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.model.WebhookFilter;
import dev.tartan.model.WebhookVerdict;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.WebhookInbox;
import dev.tartan.service.WebhookKeys;
import dev.tartan.service.WebhookVerifier;
import dev.tartan.testing.EmulatorServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Webhooks pane's view model without a window: live arrivals through the filter, the unseen count, links, pasted webhooks. */
class WebhooksViewModelTest {

    @TempDir
    Path home;
    EmulatorServices services;
    WebhookInbox inbox;
    WebhooksViewModel model;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void start() throws Exception {
        services = new EmulatorServices(home);
        inbox = new WebhookInbox(services.vault, new WebhookVerifier(new WebhookKeys(services.gateway, services.vault, Clock.systemUTC())),
                services.io, Clock.systemUTC());
        inbox.start();
        TokenBookService tokens = new TokenBookService(services.vault, services.io);
        tokens.save(TokenEntry.of(TokenKind.ACCESS, "access-sandbox-6f1b2c3d-aaaa-bbbb-cccc-1234567890ab", EmulatorServices.PROFILE, "item_case_1")
                .withLabel("Case 1")).get(10, TimeUnit.SECONDS);
        model = WaitForAsyncUtils.asyncFx(() -> new WebhooksViewModel(inbox, tokens)).get(10, TimeUnit.SECONDS);
        waitUntil(() -> !model.listStateProperty().get().isLoading());
    }

    @AfterEach
    void stop() {
        model.close();
        inbox.close();
        services.close();
    }

    private void post(String json) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(inbox.inboxUrl())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    private <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void arrivalsPassTheFilterLiveAndAreCountedUntilSeen() throws Exception {
        assertThat(onFx(() -> model.listStateProperty().get().message())).startsWith("No webhook has arrived yet");
        assertThat(model.inboxUrl().url()).isEqualTo(inbox.inboxUrl());
        WaitForAsyncUtils.asyncFx(() -> model.typeProperty().set("ITEM")).get();
        waitUntil(() -> !model.listStateProperty().get().isLoading());

        post("{\"webhook_type\":\"ITEM\",\"webhook_code\":\"ERROR\",\"item_id\":\"item_case_1\"}");
        post("{\"webhook_type\":\"TRANSFER\",\"webhook_code\":\"TRANSFER_EVENTS_UPDATE\"}");
        post("{\"webhook_type\":\"ITEM\",\"webhook_code\":\"LOGIN_REPAIRED\",\"item_id\":\"item_other\"}");
        waitUntil(() -> model.totalProperty().get() == 3);

        assertThat(onFx(() -> List.copyOf(model.webhooks()))).extracting(ReceivedWebhook::code).containsExactly("LOGIN_REPAIRED", "ERROR");
        assertThat(onFx(() -> model.unseenProperty().get())).isEqualTo(3);
        assertThat(onFx(() -> List.copyOf(model.types()))).containsExactly("ITEM", "TRANSFER");
        // Unsigned: each failed for want of its header.
        assertThat(onFx(() -> model.webhooks().get(0).verdict().check(WebhookVerdict.HEADER).passed())).isFalse();

        WaitForAsyncUtils.asyncFx(() -> model.setShown(true)).get();
        assertThat(onFx(() -> model.unseenProperty().get())).isZero();
        post("{\"webhook_type\":\"ITEM\",\"webhook_code\":\"NEW_ACCOUNTS_AVAILABLE\",\"item_id\":\"item_case_1\"}");
        waitUntil(() -> model.totalProperty().get() == 4);
        assertThat(onFx(() -> model.unseenProperty().get())).as("seen while in front").isZero();

        // The object filter, read again from the vault.
        WaitForAsyncUtils.asyncFx(() -> {
            model.typeProperty().set("");
            model.objectProperty().set("CASE_1");
            model.verdictProperty().set(WebhookFilter.Verdict.FAILED);
        }).get();
        waitUntil(() -> !model.listStateProperty().get().isLoading() && model.webhooks().size() == 2);
        assertThat(onFx(() -> List.copyOf(model.webhooks()))).extracting(ReceivedWebhook::code)
                .containsExactly("NEW_ACCOUNTS_AVAILABLE", "ERROR");
    }

    @Test
    void theOpenWebhookLinksToItsItemWhenTheTokenBookHasIt() throws Exception {
        post("{\"webhook_type\":\"ITEM\",\"webhook_code\":\"ERROR\",\"item_id\":\"item_case_1\"}");
        post("{\"webhook_type\":\"ITEM\",\"webhook_code\":\"ERROR\",\"item_id\":\"item_unknown\"}");
        waitUntil(() -> model.webhooks().size() == 2);

        WaitForAsyncUtils.asyncFx(() -> model.openProperty().set(model.webhooks().get(1))).get();
        waitUntil(() -> model.linkProperty().get() != null);
        WebhooksViewModel.Link link = onFx(() -> model.linkProperty().get());
        assertThat(link.text()).isEqualTo("Open the Item \"Case 1\" in the Items pane");
        assertThat(link.destination()).isEqualTo(new PaneTarget(PaneTarget.Kind.ITEM, "access-sandbox-6f1b2c3d-aaaa-bbbb-cccc-1234567890ab",
                "Open the Item"));
        assertThat(onFx(() -> model.openBodyProperty().get().path("item_id").asText())).isEqualTo("item_case_1");

        WaitForAsyncUtils.asyncFx(() -> model.openProperty().set(model.webhooks().get(0))).get();
        waitUntil(() -> model.linkProperty().get() != null);
        assertThat(onFx(() -> model.linkProperty().get()))
                .isEqualTo(new WebhooksViewModel.Link("The Item item_unknown is not in the token book: add it by its access token to open it.", null));
    }

    @Test
    void aPastedWebhookOpensWithItsVerdictAndIsNotKept() throws Exception {
        VerifyWebhookFormViewModel form = onFx(model::newVerifyForm);
        assertThat(onFx(() -> form.problem().get())).startsWith("Paste the webhook's body");
        WaitForAsyncUtils.asyncFx(() -> {
            form.bodyProperty().set("{\"webhook_type\":\"ITEM\",\"webhook_code\":\"ERROR\"}");
            form.headerProperty().set("Plaid-Verification: not-a-jwt");
            form.submit();
        }).get();
        waitUntil(() -> model.openProperty().get() != null);
        ReceivedWebhook pasted = onFx(() -> model.openProperty().get());
        assertThat(pasted.id()).isZero();
        assertThat(pasted.code()).isEqualTo("ERROR");
        assertThat(pasted.verdict().firstFailure()).startsWith("the Plaid-Verification header is not a signed JWT");
        assertThat(services.vault.webhooks().count()).isZero();
    }

    @Test
    void theInboxMovesToAnotherPortAndTheUrlFollows() throws Exception {
        int free;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            free = socket.getLocalPort();
        }
        WaitForAsyncUtils.asyncFx(() -> {
            model.portProperty().set(String.valueOf(free));
            model.applyPort();
        }).get();
        waitUntil(() -> model.portChangeProperty().get().hasData());
        waitUntil(() -> ("http://127.0.0.1:" + free + "/webhooks").equals(model.inboxUrl().url()));
        WaitForAsyncUtils.asyncFx(() -> {
            model.portProperty().set("eighty");
            model.applyPort();
        }).get();
        assertThat(onFx(() -> model.portChangeProperty().get().failure().summary())).contains("1024 to 65535");
    }
}
