package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tartan.api.PlaidJson;
import dev.tartan.model.HistoryEntry;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.WebhookVerdict;
import dev.tartan.testing.EmulatorServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The inbox over loopback: the emulator's webhooks arrive, are kept and verify; bad input is refused and kept out. */
class WebhookInboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    EmulatorServices services;
    WebhookInbox inbox;
    final BlockingQueue<ReceivedWebhook> arrived = new LinkedBlockingQueue<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        services = new EmulatorServices(home);
        inbox = newInbox();
        inbox.start();
        inbox.subscribe(arrived::add);
    }

    private WebhookInbox newInbox() {
        return new WebhookInbox(services.vault, new WebhookVerifier(new WebhookKeys(services.gateway, services.vault, Clock.systemUTC())),
                services.io, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        inbox.close();
        services.close();
    }

    private ReceivedWebhook next() throws InterruptedException {
        ReceivedWebhook webhook = arrived.poll(30, TimeUnit.SECONDS);
        assertThat(webhook).as("a webhook within 30 s").isNotNull();
        return webhook;
    }

    private String newItemWithInboxWebhook() {
        ObjectNode create = PlaidJson.mapper().createObjectNode().put("institution_id", "ins_109508");
        create.putArray("initial_products").add("transactions");
        create.putObject("options").put("webhook", inbox.inboxUrl());
        String publicToken = services.call("/sandbox/public_token/create", create).path("public_token").asText();
        return services.call("/item/public_token/exchange", PlaidJson.mapper().createObjectNode().put("public_token", publicToken))
                .path("item_id").asText();
    }

    @Test
    void theEmulatorsWebhooksArriveInOrderAreKeptAndVerify() throws Exception {
        assertThat(inbox.inboxUrl()).matches("http://127\\.0\\.0\\.1:\\d+/webhooks");
        String itemId = newItemWithInboxWebhook();

        List<ReceivedWebhook> three = List.of(next(), next(), next());
        assertThat(three).extracting(ReceivedWebhook::code).containsExactly("INITIAL_UPDATE", "HISTORICAL_UPDATE", "SYNC_UPDATES_AVAILABLE");
        assertThat(three).extracting(ReceivedWebhook::id).isSorted();
        for (ReceivedWebhook webhook : three) {
            assertThat(webhook.verdict().verified()).as(webhook.verdict().checks().toString()).isTrue();
            assertThat(webhook.type()).isEqualTo("TRANSACTIONS");
            assertThat(webhook.subject()).isEqualTo(new ReceivedWebhook.WebhookSubject(ReceivedWebhook.WebhookSubject.Kind.ITEM, itemId));
            assertThat(webhook.verdict().check(WebhookVerdict.KEY).words()).contains("\"" + EmulatorServices.PROFILE + "\"");
        }
        // Kept in the vault with their verdicts, newest first.
        assertThat(inbox.recent(3)).containsExactly(three.get(2), three.get(1), three.get(0));
        // The key was asked for once, then taken from the cache.
        assertThat(services.vault.history().recent(100)).extracting(HistoryEntry::operation)
                .filteredOn(WebhookKeys.OPERATION::equals).hasSize(1);

        // The same webhook pasted (with its header name, as logs show it) verifies the same way.
        ReceivedWebhook last = three.get(2);
        ReceivedWebhook pasted = inbox.verifyPasted(last.body(), "Plaid-Verification: " + last.header("Plaid-Verification"))
                .get(30, TimeUnit.SECONDS);
        assertThat(pasted.verdict().verified()).as(pasted.verdict().checks().toString()).isTrue();
        assertThat(pasted.code()).isEqualTo("SYNC_UPDATES_AVAILABLE");
        assertThat(pasted.verdict().check(WebhookVerdict.AGE).words()).endsWith(" ago");
        // ...and tampered with, does not.
        ReceivedWebhook tampered = inbox.verifyPasted(last.body().replace("true", "false"), last.header("Plaid-Verification"))
                .get(30, TimeUnit.SECONDS);
        assertThat(tampered.verdict().firstFailure()).startsWith("the body was changed after signing");
    }

    @Test
    void aKeyTheEmulatorDoesNotKnowIsNotPlaids() throws Exception {
        ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID("not-the-emulators-key").generate();
        String body = "{\n  \"environment\": \"sandbox\",\n  \"webhook_type\": \"ITEM\",\n  \"webhook_code\": \"ERROR\"\n}";
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(foreign.getKeyID()).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issueTime(Date.from(Instant.now()))
                        .claim("request_body_sha256", WebhookVerifier.sha256Hex(body.getBytes(StandardCharsets.UTF_8))).build());
        jwt.sign(new ECDSASigner(foreign));
        HttpResponse<String> reply = post("application/json", body, jwt.serialize());
        assertThat(reply.statusCode()).isEqualTo(200);
        ReceivedWebhook webhook = next();
        assertThat(webhook.verdict().verified()).isFalse();
        assertThat(webhook.verdict().firstFailure()).isEqualTo("the key not-the-emulators-key is not Plaid's: "
                + "/webhook_verification_key/get does not know it (asked for \"" + EmulatorServices.PROFILE + "\")");
        assertThat(inbox.recent(1).get(0).verdict()).isEqualTo(webhook.verdict());
    }

    private HttpResponse<String> post(String contentType, String body, String verification) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(inbox.inboxUrl()))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (verification != null) {
            request.header("Plaid-Verification", verification);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void badInputIsRefusedAndKeptOut() throws Exception {
        assertThat(post("text/plain", "hello", null).statusCode()).isEqualTo(415);
        assertThat(post("application/json", "[1, 2, 3]", null).statusCode()).isEqualTo(400);
        assertThat(post("application/json", "{\"webhook_type\": ", null).statusCode()).isEqualTo(400);
        HttpResponse<String> huge = post("application/json", "{\"pad\":\"" + "x".repeat(WebhookInbox.MAX_BODY_BYTES) + "\"}", null);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(huge.body()).path("error").asText()).isEqualTo("a webhook body is at most 1024 KB");
        HttpResponse<String> bytes = http.send(HttpRequest.newBuilder(URI.create(inbox.inboxUrl())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'})).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bytes.statusCode()).as("not UTF-8").isEqualTo(400);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(inbox.inboxUrl())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).startsWith("Tartan's webhook inbox");
        assertThat(inbox.refusedCount()).isEqualTo(5);
        assertThat(services.vault.webhooks().count()).isZero();

        // An unsigned JSON webhook is kept, and fails for want of a header.
        assertThat(post("application/json; charset=utf-8", "{\"webhook_type\":\"ITEM\",\"webhook_code\":\"ERROR\"}", null).statusCode())
                .isEqualTo(200);
        assertThat(next().verdict().firstFailure()).startsWith("there is no Plaid-Verification header");
    }

    @Test
    void thePortIsChosenOnceAndKeptAndATakenPortIsSaid() throws Exception {
        int port = inbox.status().port();
        assertThat(services.vault.settings().getInt(WebhookInbox.PORT_SETTING, 0)).isEqualTo(port);
        inbox.close();

        // The same port again, next time.
        inbox = newInbox();
        assertThat(inbox.start().port()).isEqualTo(port);
        inbox.close();

        try (ServerSocket taken = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            inbox = newInbox();
            WebhookInbox.Status status = inbox.start();
            assertThat(status.port()).isNotEqualTo(port).isPositive();
            assertThat(status.problem()).startsWith("port " + port + " is in use");
            assertThat(services.vault.settings().getInt(WebhookInbox.PORT_SETTING, 0)).as("the setting stays").isEqualTo(port);

            assertThatThrownBy(() -> inbox.changePort(port).join()).hasMessageContaining("Port " + port + " is in use");
            assertThatThrownBy(() -> inbox.changePort(80).join()).hasMessageContaining("from 1024 to 65535");
        }
        int other;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            other = free.getLocalPort();
        }
        WebhookInbox.Status moved = inbox.changePort(other).get(10, TimeUnit.SECONDS);
        assertThat(moved).isEqualTo(new WebhookInbox.Status(other, other, null));
        assertThat(inbox.inboxUrl()).isEqualTo("http://127.0.0.1:" + other + "/webhooks");
        assertThat(services.vault.settings().getInt(WebhookInbox.PORT_SETTING, 0)).isEqualTo(other);
        assertThat(post("application/json", "{\"webhook_type\":\"ITEM\"}", null).statusCode()).isEqualTo(200);
    }

    @Test
    void webhooksLeftUnverifiedAreVerifiedAtTheNextStart() throws Exception {
        ReceivedWebhook left = services.vault.webhooks().record(new ReceivedWebhook(0, Instant.now(), "ITEM", "ERROR", null,
                "{\"webhook_type\":\"ITEM\"}", java.util.Map.of(), WebhookVerdict.pending()));
        inbox.close();
        inbox = newInbox();
        inbox.subscribe(arrived::add);
        inbox.start();
        ReceivedWebhook verified = next();
        assertThat(verified.id()).isEqualTo(left.id());
        assertThat(verified.verdict().isPending()).isFalse();
        assertThat(services.vault.webhooks().pending(10)).isEmpty();
    }

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
