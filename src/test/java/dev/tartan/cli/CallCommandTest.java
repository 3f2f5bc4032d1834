package dev.tartan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CallCommandTest {

    static final Map<String, String> CREDENTIALS = Map.of("PLAID_CLIENT_ID", "cli-client", "PLAID_SECRET", "cli-secret-0123456789");

    MockWebServer server;
    String url;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        url = server.url("/").toString();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void printsTheReplyJsonAndSendsTheBodyAsGiven() throws Exception {
        server.enqueue(json(200, "{\"item\":{\"item_id\":\"item-1\"},\"request_id\":\"req-cli\"}"));
        String body = "{\"access_token\":\"access-sandbox-1234-abcd\"}";

        CliRun run = CliRun.run(CREDENTIALS, "call", "/item/get", "--env", url, "--body", body, "-v");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(new ObjectMapper().readTree(run.out()).path("item").path("item_id").asText()).isEqualTo("item-1");
        assertThat(run.err()).contains("HTTP 200", "request_id=req-cli");
        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getPath()).isEqualTo("/item/get");
        assertThat(recorded.getBody().readUtf8()).isEqualTo(body);
        assertThat(recorded.getHeader("PLAID-CLIENT-ID")).isEqualTo("cli-client");
        assertThat(recorded.getHeader("PLAID-SECRET")).isEqualTo("cli-secret-0123456789");
    }

    @Test
    void acceptsAnOperationIdAndABodyFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("body.json");
        Files.writeString(file, "{\"access_token\":\"access-sandbox-x\"}");
        server.enqueue(json(200, "{\"accounts\":[],\"request_id\":\"r\"}"));

        CliRun run = CliRun.run(CREDENTIALS, "call", "accountsGet", "--env", url, "--body", "@" + file);

        assertThat(run.exitCode()).isZero();
        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getPath()).isEqualTo("/accounts/get");
        assertThat(recorded.getBody().readUtf8()).isEqualTo("{\"access_token\":\"access-sandbox-x\"}");
    }

    @Test
    void aTemplatedOperationGoesToTheConcretePathTyped() throws Exception {
        server.enqueue(json(200, "{\"id\":\"rcp-123\"}"));

        CliRun run = CliRun.run(CREDENTIALS, "call", "fdx/recipient/rcp-123", "--env", url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("GET");
        assertThat(recorded.getPath()).isEqualTo("/fdx/recipient/rcp-123");
    }

    @Test
    void theOperationIdOfATemplatedOperationAsksForTheConcretePath() {
        CliRun byId = CliRun.run(CREDENTIALS, "call", "getRecipient", "--env", url);
        assertThat(byId.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(byId.err()).contains("GET /fdx/recipient/{recipientId}", "filled in", "tartan call /fdx/recipient/<recipientId>");

        CliRun template = CliRun.run(CREDENTIALS, "call", "/fdx/recipient/{recipientId}", "--env", url);
        assertThat(template.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(template.err()).contains("filled in");

        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aPlaidErrorExitsNonZeroWithItsCodeMessageAndRequestId() {
        server.enqueue(json(400, """
                {"error_type":"ITEM_ERROR","error_code":"ITEM_LOGIN_REQUIRED","error_message":"the login details of this item have changed",
                 "display_message":"Please log in again","request_id":"req-err-7","suggested_action":null}
                """));

        CliRun run = CliRun.run(CREDENTIALS, "call", "/item/get", "--env", url, "--body", "{\"access_token\":\"a\"}");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PLAID_ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("ITEM_ERROR/ITEM_LOGIN_REQUIRED", "the login details of this item have changed", "req-err-7");
    }

    @Test
    void aPlaidErrorMessageThatEchoesATokenIsRedacted() {
        String token = "access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970";
        server.enqueue(json(400, """
                {"error_type":"INVALID_INPUT","error_code":"INVALID_ACCESS_TOKEN","error_message":"provided token %s is not valid",
                 "display_message":"token %s was rejected","request_id":"req-echo","suggested_action":"replace %s"}
                """.formatted(token, token, token)));

        CliRun run = CliRun.run(CREDENTIALS, "call", "/item/get", "--env", url, "--body", "{\"access_token\":\"" + token + "\"}");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PLAID_ERROR);
        assertThat(run.err()).contains("INVALID_ACCESS_TOKEN", "provided token access-sandbox-\u2022\u2022\u2022\u20229970",
                "shown to users: token access-sandbox-\u2022", "suggested action: replace access-sandbox-\u2022").doesNotContain(token);
    }

    @Test
    void writesAFileReplyToOut(@TempDir Path dir) throws Exception {
        byte[] pdf = "%PDF-1.4\n%fake".getBytes();
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/pdf").setBody(new Buffer().write(pdf)));
        Path out = dir.resolve("report.pdf");

        CliRun run = CliRun.run(CREDENTIALS, "call", "/asset_report/pdf/get", "--env", url,
                "--body", "{\"asset_report_token\":\"assets-sandbox-1\"}", "--out", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(pdf);
        assertThat(run.err()).contains("application/pdf");
    }

    @Test
    void aFileReplyWithoutOutIsExplained() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/pdf").setBody("%PDF-1.4"));
        CliRun run = CliRun.run(CREDENTIALS, "call", "/asset_report/pdf/get", "--env", url,
                "--body", "{\"asset_report_token\":\"assets-sandbox-1\"}");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--out FILE");
    }

    @Test
    void refusesBadInputWithoutSendingAnything() {
        CliRun invalidJson = CliRun.run(CREDENTIALS, "call", "/accounts/get", "--env", url, "--body", "{\"access_token\": ");
        assertThat(invalidJson.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(invalidJson.err()).contains("not valid JSON");

        CliRun wrongShape = CliRun.run(CREDENTIALS, "call", "/accounts/get", "--env", url, "--body", "{\"acess_token\":\"x\"}");
        assertThat(wrongShape.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrongShape.err()).contains("acess_token", "access_token", "nothing was sent");

        CliRun unknownOp = CliRun.run(CREDENTIALS, "call", "/accounts/gett", "--env", url);
        assertThat(unknownOp.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownOp.err()).contains("no Plaid operation", "Did you mean /accounts/get (accountsGet)");

        CliRun unknownId = CliRun.run(CREDENTIALS, "call", "transactionSync", "--env", url);
        assertThat(unknownId.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownId.err()).contains("Did you mean /transactions/sync (transactionsSync)");

        CliRun nothingClose = CliRun.run(CREDENTIALS, "call", "/zebra/stripes", "--env", url);
        assertThat(nothingClose.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothingClose.err()).contains("no Plaid operation", "Try: tartan ops zebra stripes").doesNotContain("Did you mean");

        CliRun noCredentials = CliRun.run(Map.of(), "call", "/accounts/get", "--env", url, "--body", "{\"access_token\":\"x\"}");
        assertThat(noCredentials.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noCredentials.err()).contains("PLAID_CLIENT_ID");

        CliRun badEnv = CliRun.run(CREDENTIALS, "call", "/accounts/get", "--env", "ftp://nope");
        assertThat(badEnv.exitCode()).isEqualTo(ExitCodes.USAGE);

        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aDestructiveCallInProductionNeedsConfirmation() {
        CliRun run = CliRun.run(CREDENTIALS, "call", "/item/remove", "--env", "production", "--body", "{\"access_token\":\"access-production-1\"}");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("PRODUCTION", "--yes");
    }

    @Test
    void aDestructiveCallWithAProductionTokenNeedsConfirmationWhateverTheUrl() {
        String body = "{\"access_token\":\"access-production-2f6e8c1a-0d5b-4f3e-9a77-1c2d3e4f5a6b\"}";
        CliRun proxy = CliRun.run(CREDENTIALS, "call", "/item/remove", "--env", "https://plaid-proxy.example.test", "--body", body);
        assertThat(proxy.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(proxy.err()).contains("/item/remove", "PRODUCTION (the body holds a Production token)", "--yes");

        CliRun local = CliRun.run(CREDENTIALS, "call", "/item/remove", "--env", url, "--body", body);
        assertThat(local.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aUrlMarkedProductionNeedsConfirmationAndSoDoesPlaidsProductionHost() {
        String body = "{\"access_token\":\"access-sandbox-1234-abcd\"}";
        CliRun marked = CliRun.run(CREDENTIALS, "call", "/item/remove", "--env", url, "--production", "--body", body);
        assertThat(marked.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(marked.err()).contains("in PRODUCTION needs confirmation: add --yes");
        assertThat(server.getRequestCount()).isZero();

        CliRun host = CliRun.run(CREDENTIALS, "call", "/item/remove", "--env", "https://production.plaid.com/", "--body", body);
        assertThat(host.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(host.err()).contains("in PRODUCTION needs confirmation");
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedUnlessAllowed() {
        CliRun run = CliRun.run(CREDENTIALS, "call", "/accounts/get", "--env", "http://plaid-proxy.example.test/plaid",
                "--body", "{\"access_token\":\"access-sandbox-1234-abcd\"}");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("http://plaid-proxy.example.test would carry the secret and tokens unencrypted",
                "--allow-insecure-http", "Nothing was sent");

        CliRun flagsOnSandbox = CliRun.run(CREDENTIALS, "call", "/accounts/get", "--env", "sandbox", "--allow-insecure-http");
        assertThat(flagsOnSandbox.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(flagsOnSandbox.err()).contains("are for an --env URL");
    }

    @Test
    void aSecretWithAnInvisibleCharacterIsRefusedWithoutShowingIt() {
        String secret = "cli-secret-0123456789\u00a0";
        CliRun run = CliRun.run(Map.of("PLAID_CLIENT_ID", "cli-client", "PLAID_SECRET", secret), "call", "/item/get", "--env", url,
                "--body", "{\"access_token\":\"access-sandbox-1234-abcd\"}");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("The PLAID_SECRET has", "at its end", "Nothing was sent").doesNotContain("cli-secret");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void evenPicocliMessagesAreRedacted() {
        CliRun run = CliRun.run(CREDENTIALS, "call", "/item/get", "--acces-token=access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("access-sandbox-\u2022\u2022\u2022\u20229970").doesNotContain("8ab976e6");
    }

    @Test
    void anUnreachableOrNonPlaidServerIsAFailure() {
        server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html").setBody("<h1>Bad gateway</h1>"));
        CliRun run = CliRun.run(CREDENTIALS, "call", "/item/remove", "--env", url, "--body", "{\"access_token\":\"a\"}");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("HTML page", "HTTP 502", "Bad gateway");
    }

    @Test
    void aStoredProfileIsUsedAndTheCallIsKeptInTheVault(@TempDir Path home) throws Exception {
        Path passphrase = home.resolve("passphrase.txt");
        Files.writeString(passphrase, "cli profile test passphrase, long enough 9");
        try (Vault vault = Vault.create(new VaultLocation(home), "cli profile test passphrase, long enough 9".toCharArray())) {
            vault.profiles().save(new Profile("Staging", PlaidEnvironment.custom(server.url("/").uri()),
                    new Credentials("staging-client", "staging-secret-0123456789")));
        }
        server.enqueue(json(200, "{\"webhook_fired\":true,\"request_id\":\"req-fired\"}"));

        CliRun run = CliRun.run(Map.of(), "call", "/sandbox/item/fire_webhook", "--profile", "Staging",
                "--body", "{\"access_token\":\"access-sandbox-aaaa-bbbb\",\"webhook_code\":\"DEFAULT_UPDATE\"}",
                "--data-dir", home.toString(), "--passphrase-file", passphrase.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getHeader("PLAID-CLIENT-ID")).isEqualTo("staging-client");
        try (Vault vault = Vault.open(new VaultLocation(home), "cli profile test passphrase, long enough 9".toCharArray())) {
            assertThat(vault.history().recent(5)).anySatisfy(entry -> {
                assertThat(entry.operation()).isEqualTo("/sandbox/item/fire_webhook");
                assertThat(entry.requestId()).isEqualTo("req-fired");
                assertThat(entry.requestBody()).doesNotContain("access-sandbox-aaaa-bbbb");
            });
            assertThat(vault.audit().recent(5)).anySatisfy(entry -> assertThat(entry.action()).isEqualTo("call /sandbox/item/fire_webhook"));
        }
    }

    @Test
    void theEmulatorProfileStartsTheBuiltInEmulatorForTheCall(@TempDir Path home) throws Exception {
        Path passphrase = home.resolve("passphrase.txt");
        Files.writeString(passphrase, "cli profile test passphrase, long enough 9");
        try (Vault vault = Vault.create(new VaultLocation(home), "cli profile test passphrase, long enough 9".toCharArray())) {
            vault.profiles().save(new Profile("Local emulator", PlaidEnvironment.EMULATOR, new Credentials("stale-id", "stale-secret-0000")));
        }
        CliRun run = CliRun.run(Map.of(), "call", "/institutions/get", "--profile", "Local emulator",
                "--body", "{\"count\":2,\"offset\":0,\"country_codes\":[\"US\"]}",
                "--data-dir", home.toString(), "--passphrase-file", passphrase.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).path("institutions")).hasSize(2);
    }

    @Test
    void anUnknownProfileIsAClearError(@TempDir Path home) throws Exception {
        Path passphrase = home.resolve("passphrase.txt");
        Files.writeString(passphrase, "cli profile test passphrase, long enough 9");
        Vault.create(new VaultLocation(home), "cli profile test passphrase, long enough 9".toCharArray()).close();
        CliRun run = CliRun.run(Map.of(), "call", "/categories/get", "--profile", "Nope",
                "--data-dir", home.toString(), "--passphrase-file", passphrase.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Nope");
    }
}
