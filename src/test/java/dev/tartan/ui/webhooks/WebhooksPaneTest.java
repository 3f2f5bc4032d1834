package dev.tartan.ui.webhooks;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tartan.emulator.webhooks.WebhookSigner;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.store.Vault;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import dev.tartan.ui.common.UseInboxButton;
import dev.tartan.ui.shell.Theme;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Webhooks pane against the built-in emulator: an Item's webhooks arrive verified, in order; pasted webhooks get their verdicts. */
class WebhooksPaneTest {

    @TempDir
    Path home;
    TartanAppFixture app;

    @BeforeEach
    void start() throws Exception {
        TestVaults.create(home);
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#navigation", 60);
        app.waitFor("#operationPath", 30); // the demo Item is ready, so the emulator runs
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            app.close();
            app.onFx(() -> Theme.apply(false));
        }
    }

    /** Opens the Webhooks pane and reads the inbox's URL there. */
    private String inboxUrl() {
        app.openPane("Webhooks");
        TextField url = app.waitFor("#inboxUrl");
        return url.getText();
    }

    @Test
    void aSandboxItemWithTheInboxAsItsWebhookSendsItsWebhooksInOrderEachVerified() throws Exception {
        String inbox = inboxUrl();
        assertThat(inbox).matches("http://127\\.0\\.0\\.1:\\d+/webhooks");

        app.openPane("Items");
        app.clickOn("#addItemMenu").clickOn("#createSandboxItem");
        DialogPane dialog = app.waitFor("#createSandboxItemDialog");
        app.waitUntil("institutions", 20, () -> app.lookup("#sandboxInstitution").queryComboBox().getValue() != null);
        app.clickOn("#sandboxLabel").write("Inbox case");
        app.clickOn(dialog.lookup("#" + UseInboxButton.ID));
        TextField webhookField = app.lookup("#sandboxWebhook").query();
        assertThat(webhookField.getText()).isEqualTo(inbox);
        app.screenshot("webhooks-0-use-the-inbox");
        app.clickOn("#createSandboxItemDialogGo");
        Label title = app.waitFor("#itemTitle", 30);
        app.waitUntil("the new Item open", 20, () -> "Inbox case".equals(title.getText()));
        // The Item knows the inbox as its webhook, and offers it again beside the field.
        TextField itemWebhook = app.waitFor("#itemWebhook", 30);
        app.waitUntil("the Item's webhook", 20, () -> inbox.equals(itemWebhook.getText()));
        assertThat(itemWebhook.getParent().lookup("#" + UseInboxButton.ID)).isNotNull();

        // Away from the Webhooks pane, its entry counts what arrived.
        Label badge = app.waitFor("#badge-webhooks", 30);
        app.waitUntil("three unseen webhooks", 30, () -> "3".equals(badge.getText()));
        app.screenshot("webhooks-1-badge");

        app.openPane("Webhooks");
        app.waitUntil("the badge gone", 10, () -> !badge.isVisible());
        ListView<ReceivedWebhook> list = app.waitFor("#webhookList");
        app.waitUntil("three webhooks listed", 30, () -> list.getItems().size() == 3);
        List<ReceivedWebhook> listed = List.copyOf(list.getItems());
        assertThat(listed).extracting(ReceivedWebhook::code).containsExactly("SYNC_UPDATES_AVAILABLE", "HISTORICAL_UPDATE", "INITIAL_UPDATE");
        assertThat(listed.get(0).id()).isGreaterThan(listed.get(1).id());
        assertThat(listed.get(1).id()).isGreaterThan(listed.get(2).id());
        assertThat(listed).allSatisfy(webhook -> assertThat(webhook.verdict().verified()).as(webhook.verdict().summary()).isTrue());
        assertThat(listed).allSatisfy(webhook -> assertThat(webhook.subject().kind()).isEqualTo(ReceivedWebhook.WebhookSubject.Kind.ITEM));
        assertThat(app.lookup("#webhookList #verdictChip").queryAll()).extracting(node -> ((Label) node).getText())
                .containsOnly("verified");
        app.screenshot("webhooks-2-inbox");

        app.clickOn("SYNC_UPDATES_AVAILABLE");
        VBox checks = app.waitFor("#verdictChecks");
        app.waitUntil("six checks", 10, () -> checks.getChildren().size() == 6);
        assertThat(checks.getChildren()).allSatisfy(row -> assertThat(row.getStyleClass()).contains("check-passed"));
        assertThat(words(checks, "checkAge")).startsWith("signed ").endsWith("before it arrived");
        Hyperlink link = app.waitFor("#webhookLink");
        app.waitUntil("the link to the Item", 10, () -> link.getText().equals("Open the Item \"Inbox case\" in the Items pane"));
        app.screenshot("webhooks-3-verdict");

        app.clickOn("#themeToggle");
        app.waitUntil("the dark theme", 10, () -> Application.getUserAgentStylesheet().contains("dark"));
        app.screenshot("webhooks-3-verdict-dark");
        app.clickOn("INITIAL_UPDATE");
        app.waitUntil("INITIAL_UPDATE open", 10, () -> "INITIAL_UPDATE".equals(app.lookup("#webhookTitle").queryLabeled().getText()));
        app.screenshot("webhooks-2-inbox-dark");

        app.clickOn(link);
        app.waitUntil("the Item open in the Items pane", 20, () -> app.lookup("#itemTitle").tryQuery().map(n -> ((Label) n).getText())
                .filter("Inbox case"::equals).isPresent() && app.lookup("#itemTitle").query().isVisible());
    }

    private static String words(VBox checks, String rowId) {
        Node row = checks.lookup("#" + rowId.replace("check", "check-"));
        return ((Label) row.lookup("#checkWords")).getText();
    }

    // --- pasted webhooks -----------------------------------------------------------------------

    private static final String BODY = """
            {
              "item_id": "wz666MBjYWTp2PDzzggYhM6oWWmBb",
              "webhook_type": "ITEM",
              "webhook_code": "WEBHOOK_UPDATE_ACKNOWLEDGED",
              "error": null,
              "environment": "sandbox"
            }""";

    /** Pastes a body and header into "Verify a webhook", and returns the verdict's check rows once shown. */
    private VBox paste(String body, String header) {
        app.clickOn("#verifyWebhook");
        app.waitFor("#verifyWebhookDialog");
        app.onFx(() -> {
            ((TextInputControl) app.lookup("#pastedBody").query()).setText(body);
            ((TextInputControl) app.lookup("#pastedHeader").query()).setText(header);
        });
        app.clickOn("#verifyWebhookDialogGo");
        app.waitUntil("the dialog closed", 30, () -> app.lookup("#verifyWebhookDialog").tryQuery().isEmpty());
        Label subtitle = app.waitFor("#webhookSubtitle");
        app.waitUntil("the pasted webhook open", 10, () -> subtitle.getText().contains("pasted"));
        return app.lookup("#verdictChecks").query();
    }

    private static String sha256(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String jwt(JWSSigner signer, JWSAlgorithm alg, String kid, Instant issued, String body) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issueTime(Date.from(issued)).claim("request_body_sha256", sha256(body)).build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Test
    void pastedWebhooksGetTheSameVerdictAndEachFailureItsOwnWords() throws Exception {
        inboxUrl();
        WebhookSigner emulator = EmulatorSignatures.of(home);
        String header = emulator.sign(BODY.getBytes(StandardCharsets.UTF_8), Instant.now());

        VBox checks = paste(BODY, "Plaid-Verification: " + header);
        app.waitUntil("six checks passed", 20, () -> checks.getChildren().size() == 6
                && checks.getChildren().stream().allMatch(row -> row.getStyleClass().contains("check-passed")));
        assertThat(((Label) app.lookup("#webhookDetail #verdictChip").query()).getText()).isEqualTo("verified");
        assertThat(words(checks, "checkKey")).contains("is Plaid's").contains("\"Local emulator\"");

        // The same body as it reached the inbox verifies the same way there.
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(inboxUrl()))
                .header("Content-Type", "application/json").header("Plaid-Verification", header)
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);
        ListView<ReceivedWebhook> list = app.waitFor("#webhookList");
        app.waitUntil("the posted webhook listed, verified", 20, () -> list.getItems().size() == 1
                && list.getItems().get(0).verdict().verified());

        VBox tampered = paste(BODY.replace("\"error\": null", "\"error\": {}"), header);
        assertThat(failure(tampered)).startsWith("the body was changed after signing (its SHA-256 is ");
        assertThat(words(tampered, "checkSignature")).isEqualTo("the signature matches Plaid's key " + emulator.keyId());
        app.screenshot("webhooks-4-tampered");
        app.clickOn("#themeToggle");
        app.waitUntil("the dark theme", 10, () -> Application.getUserAgentStylesheet().contains("dark"));
        app.screenshot("webhooks-4-tampered-dark");
        app.clickOn("#themeToggle");

        VBox old = paste(BODY, emulator.sign(BODY.getBytes(StandardCharsets.UTF_8), Instant.now().minus(Duration.ofMinutes(17))));
        assertThat(failure(old)).startsWith("signed 17 minutes ago: older than 5 minutes");

        var foreign = new ECKeyGenerator(Curve.P_256).keyID("3f0c-not-plaids").generate();
        VBox foreignKey = paste(BODY, jwt(new ECDSASigner(foreign), JWSAlgorithm.ES256, foreign.getKeyID(), Instant.now(), BODY));
        assertThat(failure(foreignKey)).isEqualTo("the key 3f0c-not-plaids is not Plaid's: /webhook_verification_key/get does not know it "
                + "(asked for \"Local emulator\")");

        VBox hs256 = paste(BODY, jwt(new MACSigner("a shared secret of thirty-two bytes or more!"), JWSAlgorithm.HS256,
                emulator.keyId(), Instant.now(), BODY));
        assertThat(failure(hs256)).isEqualTo("the header uses HS256, not ES256");
        app.screenshot("webhooks-5-hs256");

        // None of the pasted ones was kept.
        app.close();
        app = null;
        try (Vault vault = TestVaults.open(home)) {
            assertThat(vault.webhooks().count()).isEqualTo(1);
        }
    }

    /** The words of the one failed check. */
    private String failure(VBox checks) {
        app.waitUntil("a failed check", 20, () -> checks.getChildren().stream().anyMatch(row -> row.getStyleClass().contains("check-failed")));
        List<Node> failed = checks.getChildren().stream().filter(row -> row.getStyleClass().contains("check-failed")).toList();
        assertThat(failed).hasSize(1);
        assertThat(((Label) app.lookup("#webhookDetail #verdictChip").query()).getText()).isEqualTo("failed");
        return ((Label) failed.get(0).lookup("#checkWords")).getText();
    }
}
