package dev.tartan.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** No secret and no token reaches a log line or an exception message, whatever Plaid or a proxy sends back. */
class RedactionTest {

    static final String ACCESS_TOKEN = "access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970";
    static final String PROCESSOR_TOKEN = "processor-production-0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    static final String SECRET = PlaidClientTest.SECRET;

    MockWebServer server;
    ByteArrayOutputStream logBytes;
    OutputStreamAppender<ILoggingEvent> appender;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        // The layout the application logs through.
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        logBytes = new ByteArrayOutputStream();
        appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(logBytes);
        appender.start();
        root().addAppender(appender);
        root().setLevel(ch.qos.logback.classic.Level.DEBUG);
    }

    @AfterEach
    void tearDown() throws Exception {
        root().detachAppender(appender);
        root().setLevel(ch.qos.logback.classic.Level.WARN);
        server.shutdown();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void clientLogsAndErrorsNeverCarrySecretsOrTokens() throws Exception {
        PlaidClient client = PlaidClientTest.clientFor(server.url("/").uri(), PlaidClient.newHttpClient());
        List<String> exceptionMessages = new ArrayList<>();

        server.enqueue(PlaidClientTest.json(200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"request_id\":\"r\"}"));
        client.send(PlaidRequest.post("/item/public_token/exchange", "{\"public_token\":\"public-sandbox-aaaa-bbbb-cccc\"}"))
                .get(5, TimeUnit.SECONDS);

        server.enqueue(PlaidClientTest.json(400, "{\"error_type\":\"INVALID_INPUT\",\"error_code\":\"INVALID_ACCESS_TOKEN\","
                + "\"error_message\":\"provided token " + ACCESS_TOKEN + " is not valid\",\"display_message\":null,\"request_id\":\"r\"}"));
        exceptionMessages.add(failure(client, "/item/get", "{\"access_token\":\"" + ACCESS_TOKEN + "\"}"));

        server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html>debug: PLAID-SECRET=" + SECRET + " token " + PROCESSOR_TOKEN + "</html>"));
        exceptionMessages.add(failure(client, "/item/remove", "{}"));

        // Whatever another piece of code logs by mistake is masked by the log layout itself.
        LoggerFactory.getLogger("some.library").warn("careless: {} {} {}", ACCESS_TOKEN, PROCESSOR_TOKEN, SECRET);
        LoggerFactory.getLogger("some.library").error("failed", new IllegalStateException("while using " + ACCESS_TOKEN));

        String log = logBytes.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("/item/get", "/item/remove", "access-sandbox-\u2022\u2022\u2022\u20229970");
        for (String text : concat(log, exceptionMessages)) {
            assertThat(text).doesNotContain(ACCESS_TOKEN, PROCESSOR_TOKEN, SECRET, "public-sandbox-aaaa-bbbb-cccc");
        }
        assertThat(exceptionMessages.get(0)).contains("INVALID_ACCESS_TOKEN", "access-sandbox-\u2022\u2022\u2022\u2022");
    }

    @Test
    void redactsJsonBySecretFieldsAndTokenShapes() throws Exception {
        JsonNode body = new ObjectMapper().readTree("""
                {"client_id":"abc","secret":"short","access_token":"%s",
                 "options":{"override_password":"pass_good","tokens":["%s"]},"count":3}
                """.formatted(ACCESS_TOKEN, PROCESSOR_TOKEN));
        JsonNode redacted = Redactor.shared().redact(body);
        String text = redacted.toString();
        assertThat(text).doesNotContain(ACCESS_TOKEN, PROCESSOR_TOKEN, "\"short\"");
        // Sandbox test passwords are configuration, not secrets: a history entry must be re-runnable.
        assertThat(redacted.path("options").path("override_password").asText()).isEqualTo("pass_good");
        assertThat(redacted.path("client_id").asText()).isEqualTo("abc");
        assertThat(redacted.path("count").asInt()).isEqualTo(3);
        assertThat(redacted.path("access_token").asText()).startsWith("access-sandbox-").endsWith("9970");
        assertThat(body.path("access_token").asText()).isEqualTo(ACCESS_TOKEN); // the original is untouched
    }

    @Test
    void accountNumbersAndAnAuthTokenAreMaskedLikeTokens() throws Exception {
        String reply = "{\"numbers\":{\"ach\":[{\"account\":\"1111222233330000\",\"routing\":\"011401533\"}],"
                + "\"international\":[{\"iban\":\"GB33BUKB20201555555555\"}]},\"account\":{\"account_id\":\"acc-1\"},"
                + "\"user_auth\":{\"auth_token\":\"exchange-auth-token-0123456789\"},\"account_number\":\"987654321\"}";
        String redacted = Redactor.shared().redactJsonText(reply);
        assertThat(redacted).doesNotContain("1111222233330000", "GB33BUKB20201555555555", "exchange-auth-token-0123456789", "987654321")
                .contains("\u2022\u2022\u2022\u20220000", "\u2022\u2022\u2022\u20225555", "\u2022\u2022\u2022\u20224321",
                        "\"account_id\":\"acc-1\"", "011401533");
    }

    @Test
    void aUrlShowsNeitherItsUserInfoNorItsQuery() {
        String shown = Redactor.shared().redact(URI.create("https://alice:pr0xy-passw0rd@proxy.example:8443/plaid/?api_key=k3y-abcdef"));
        assertThat(shown).startsWith("https://").contains("@proxy.example:8443/plaid/?")
                .doesNotContain("alice", "pr0xy-passw0rd", "k3y-abcdef");
        assertThat(Redactor.shared().redact(URI.create("https://sandbox.plaid.com/"))).isEqualTo("https://sandbox.plaid.com/");
        assertThat(Redactor.shared().redact(URI.create("http://[::1]:8080/x/" + ACCESS_TOKEN)))
                .startsWith("http://[::1]:8080/x/access-sandbox-").doesNotContain(ACCESS_TOKEN);
    }

    @Test
    void aConnectionErrorShowsTheBaseUrlWithoutItsUserInfoOrQuery() throws Exception {
        int port = PlaidClientTest.closedPort();
        PlaidClient unreachable = PlaidClientTest.clientFor(
                URI.create("http://alice:pr0xy-passw0rd@127.0.0.1:" + port + "/plaid/?api_key=k3y-abcdef"), PlaidClient.newHttpClient());

        String message = failure(unreachable, "/accounts/get", "{}");

        assertThat(message).contains("cannot reach http://", "@127.0.0.1:" + port + "/plaid/")
                .doesNotContain("alice", "pr0xy-passw0rd", "k3y-abcdef");
    }

    private static String failure(PlaidClient client, String path, String body) throws Exception {
        try {
            client.send(PlaidRequest.post(path, body)).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause().getMessage() + " " + e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest);
        all.add(first);
        return all;
    }
}
