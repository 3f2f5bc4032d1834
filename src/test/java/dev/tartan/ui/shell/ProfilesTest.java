package dev.tartan.ui.shell;

import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.store.Vault;
import dev.tartan.testing.Screenshots;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Switching profiles, the Production band, and the profile editor's connection test. */
class ProfilesTest {

    static final Profile PRODUCTION = new Profile("Support", PlaidEnvironment.PRODUCTION,
            new Credentials("prod-client-id", "prod-secret-0123456789"));

    @TempDir
    Path home;
    TartanAppFixture app;
    MockWebServer proxy;

    @BeforeEach
    void start() throws Exception {
        proxy = new MockWebServer();
        proxy.start();
        Profile staging = new Profile("Staging proxy", PlaidEnvironment.custom(proxy.url("/plaid").uri()),
                new Credentials("staging-client", "staging-secret-0123456789"));
        TestVaults.create(home, PRODUCTION, staging);
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#mainWindow", 60);
        ComboBox<Profile> switcher = app.waitFor("#profileSwitcher", 20);
        app.waitUntil("the profiles", 20, () -> switcher.getItems().size() >= 2);
    }

    @AfterEach
    void close() throws Exception {
        app.close();
        proxy.shutdown();
    }

    private void switchTo(String profileName) {
        ComboBox<Profile> switcher = app.lookup("#profileSwitcher").query();
        app.onFx(() -> switcher.getSelectionModel().select(
                switcher.getItems().stream().filter(p -> p.name().equals(profileName)).findFirst().orElseThrow()));
    }

    @Test
    void productionIsUnmistakable() {
        switchTo("Support");
        app.waitFor("#productionBand");
        assertThat(app.stage().getTitle()).contains("PRODUCTION");
        app.screenshot("profiles-1-production");

        switchTo("Staging proxy");
        app.waitUntil("the band to go", 10, () -> !app.lookup("#productionBand").query().isVisible());
        assertThat(app.stage().getTitle()).doesNotContain("PRODUCTION");
        assertThat(app.lookup("#statusBar .label").queryAll().stream()
                .map(n -> ((Label) n).getText()).anyMatch(t -> t != null && t.contains("Staging proxy"))).isTrue();
    }

    @Test
    void aCustomUrlIsAskedAboutProductionAndPlainHttpAndTheBandsFollow() throws Exception {
        app.clickOn(app.<Node>waitFor("#profileMenu")).clickOn("#newProfile");
        app.waitFor("#profileEditor");
        app.clickOn("#profileName").write("Live proxy");
        app.clickOn("#profileEnvironment").clickOn("Custom base URL");
        app.clickOn("#profileUrl").write("https://plaid-proxy.example.test/plaid");
        app.clickOn("#profileClientId").write("live-client");
        app.clickOn("#profileSecret").write("live-secret-0123456789");
        Label error = app.lookup("#profileError").queryAs(Label.class);
        app.waitUntil("the question", 10, () -> error.getText().contains("Say whether plaid-proxy.example.test reaches Plaid Production"));
        app.waitFor("#profileIsProduction");
        assertThat(app.lookup("#profilePlainHttp").query().isVisible()).isFalse();
        app.clickOn("#profileIsProduction");
        app.waitUntil("the answer to settle it", 10, () -> error.getText().isEmpty());

        app.doubleClickOn("#profileUrl").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("http://plaid-proxy.example.test/plaid");
        app.waitUntil("the plain http refusal", 10, () -> error.getText().contains("unencrypted"));
        app.clickOn("#profilePlainHttp");
        Screenshots.save(app.lookup("#profileEditor").query().getScene().getWindow(), "profiles-5-editor-plain-http-allowed");
        app.waitUntil("the opt-in to settle it", 10, () -> error.getText().isEmpty());
        app.clickOn("#saveProfile");

        app.waitFor("#productionBand");
        Label plainHttp = app.waitFor("#plainHttpBand");
        assertThat(plainHttp.getText()).contains("Live proxy", "unencrypted", "plaid-proxy.example.test");
        assertThat(app.stage().getTitle()).contains("PRODUCTION");
        app.screenshot("profiles-6-production-and-plain-http-bands");

        switchTo("Staging proxy");
        app.waitUntil("both bands to go", 10, () -> !app.lookup("#productionBand").query().isVisible()
                && !app.lookup("#plainHttpBand").query().isVisible());
        app.close();
        try (Vault vault = TestVaults.open(home)) {
            PlaidEnvironment saved = vault.profiles().require("Live proxy").environment();
            assertThat(saved.markedProduction()).isTrue();
            assertThat(saved.plainHttpAllowed()).isTrue();
        }
    }

    @Test
    void aNewProfileIsTestedThenSavedAndActive() throws Exception {
        proxy.enqueue(new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/json").setBody(
                "{\"error_type\":\"INVALID_INPUT\",\"error_code\":\"INVALID_API_KEYS\",\"error_message\":\"invalid client_id or secret provided\",\"display_message\":null,\"request_id\":\"req-bad-keys\"}"));
        proxy.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"institutions\":[],\"total\":0,\"request_id\":\"req-ok\"}"));

        app.clickOn(app.<Node>waitFor("#profileMenu")).clickOn("#newProfile");
        app.waitFor("#profileEditor");
        app.clickOn("#profileName").write("Ops proxy");
        app.clickOn("#profileEnvironment").clickOn("Custom base URL");
        app.clickOn("#profileUrl").write(proxy.url("/plaid").toString());
        app.clickOn("#profileClientId").write("ops-client");
        app.clickOn("#profileSecret").write("wrong-secret");
        app.clickOn("#testConnection");
        Label result = app.lookup("#testResult").queryAs(Label.class);
        app.waitUntil("the failed test", 15, () -> result.getText().contains("INVALID_API_KEYS"));
        assertThat(result.getText()).contains("req-bad-keys");
        app.screenshot("profiles-2-editor-bad-keys");

        app.doubleClickOn("#profileSecret").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("right-secret-0123456789");
        app.clickOn("#testConnection");
        app.waitUntil("the passing test", 15, () -> result.getText().startsWith("Connected"));
        app.screenshot("profiles-3-editor-connected");

        RecordedRequest first = proxy.takeRequest(5, TimeUnit.SECONDS);
        assertThat(first.getPath()).isEqualTo("/plaid/institutions/get");
        assertThat(first.getHeader("PLAID-CLIENT-ID")).isEqualTo("ops-client");
        assertThat(proxy.takeRequest(5, TimeUnit.SECONDS).getHeader("PLAID-SECRET")).isEqualTo("right-secret-0123456789");

        app.clickOn("#saveProfile");
        ComboBox<Profile> switcher = app.lookup("#profileSwitcher").query();
        app.waitUntil("the new profile to be active", 10,
                () -> switcher.getValue() != null && switcher.getValue().name().equals("Ops proxy"));
        app.screenshot("profiles-4-saved");
        app.close();
        try (Vault vault = TestVaults.open(home)) {
            Profile saved = vault.profiles().require("Ops proxy");
            assertThat(saved.environment().baseUrl()).isEqualTo(URI.create(proxy.url("/plaid").toString()));
            assertThat(saved.credentials().secret()).isEqualTo("right-secret-0123456789");
            assertThat(vault.audit().recent(10)).anySatisfy(entry -> assertThat(entry.action()).startsWith("profile save"));
        }
    }
}
