package dev.tartan.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.tartan.api.PlaidClient;
import dev.tartan.api.PlaidRequest;
import dev.tartan.api.RedactingLayout;
import dev.tartan.api.RetryPolicy;
import dev.tartan.model.Credentials;
import dev.tartan.model.FailureReport;
import dev.tartan.service.FailureDescriber;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random secrets (invisible and non-ASCII characters included), random bodies and random replies
 * (statuses, headers, bodies, some echoing the secret back): no message the client, the window's
 * failure reports or the command line produce ever holds the secret.
 */
class SecretsNeverShownFuzzTest {

    private static final long SEED = 0x7a27a1L;
    private static final char[] TROUBLE = {'\u00a0', '\u200b', '\ufeff', '\r', '\n', '\t', ' ', '\0', '\u00e9', '\u2028', '"', '\\'};

    private final Random random = new Random(SEED);
    private MockWebServer server;
    private volatile String secret = "";
    private ByteArrayOutputStream logBytes;
    private OutputStreamAppender<ILoggingEvent> appender;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                synchronized (random) {
                    return randomReply(secret);
                }
            }
        });
        server.start();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
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
        root().setLevel(Level.DEBUG);
    }

    @AfterEach
    void stop() throws Exception {
        root().detachAppender(appender);
        root().setLevel(Level.WARN);
        server.shutdown();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void theClientAndTheFailureReportsNeverHoldTheSecret() throws Exception {
        for (int round = 0; round < 120; round++) {
            secret = randomSecret();
            String body = randomBody();
            logBytes.reset();
            List<String> messages = new ArrayList<>();
            try {
                PlaidClient client = PlaidClient.builder().baseUrl(server.url("/").uri())
                        .credentials(new Credentials("client-" + round, secret))
                        .retryPolicy(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1))).build();
                client.send(new PlaidRequest("POST", "/item/get", body, false, Duration.ofSeconds(5))).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    messages.add(cause.toString());
                }
                FailureReport report = FailureDescriber.describe(e);
                messages.addAll(java.util.Arrays.asList(report.summary(), report.operation(), report.errorType(),
                        report.errorCode(), report.displayMessage(), report.requestId(), report.meaning(), report.nextStep()));
            }
            messages.add(logBytes.toString(StandardCharsets.UTF_8));
            String shown = String.join("\n", messages.stream().map(String::valueOf).toList());
            assertThat(shown).as("round %d (seed %d)", round, SEED).doesNotContain(secret);
        }
        assertThat(server.getRequestCount()).as("calls that reached the server").isGreaterThan(30);
    }

    @Test
    void theCommandLineNeverPrintsTheSecret() {
        for (int round = 0; round < 40; round++) {
            secret = randomSecret();
            CliRun run = CliRun.run(Map.of("PLAID_CLIENT_ID", "client-" + round, "PLAID_SECRET", secret),
                    "call", "/item/get", "--env", server.url("/").toString(), "--skip-validation", "-v", "--body", randomBody());
            assertThat(run.err() + run.out()).as("round %d (seed %d)", round, SEED).doesNotContain(secret);
        }
        assertThat(server.getRequestCount()).as("calls that reached the server").isGreaterThan(5);
    }

    /** 12 to 40 characters, half of them with a few that cannot travel in a header. */
    private String randomSecret() {
        StringBuilder text = new StringBuilder();
        int length = 12 + random.nextInt(29);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt('~' - '!' + 1)));
        }
        if (random.nextBoolean()) {
            for (int troubles = 1 + random.nextInt(3); troubles > 0; troubles--) {
                text.setCharAt(random.nextInt(length), TROUBLE[random.nextInt(TROUBLE.length)]);
            }
        }
        return text.toString();
    }

    /** Random bytes as text, or a JSON object whose values are random. */
    private String randomBody() {
        if (random.nextInt(3) == 0) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return "{\"access_token\":\"access-sandbox-" + Integer.toHexString(random.nextInt()) + "\",\"note\":\""
                + new String(JsonStringEncoder.getInstance().quoteAsString(randomBytesAsText(40))) + "\"}";
    }

    private String randomBytesAsText(int max) {
        byte[] bytes = new byte[random.nextInt(max)];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Any status, random headers and body; outside a success, the secret often comes back. */
    private MockResponse randomReply(String echo) {
        int[] statuses = {200, 200, 302, 400, 401, 404, 500, 502};
        int status = statuses[random.nextInt(statuses.length)];
        MockResponse reply = new MockResponse().setResponseCode(status);
        String[] types = {"application/json", "text/html", "application/pdf", "text/plain; charset=utf-8"};
        if (random.nextInt(5) > 0) {
            reply.setHeader("Content-Type", types[random.nextInt(types.length)]);
        }
        boolean echoes = status >= 300 && random.nextBoolean();
        for (int headers = random.nextInt(4); headers > 0; headers--) {
            String[] names = {"Plaid-Request-ID", "Location", "Retry-After", "X-Random"};
            String value = echoes && random.nextBoolean() ? echo : randomBytesAsText(30);
            reply.addHeaderLenient(names[random.nextInt(names.length)], value.replace('\n', ' ').replace('\r', ' ').replace('\0', ' '));
        }
        String text;
        if (echoes) {
            String[] echoing = {
                "{\"error_type\":\"INVALID_INPUT\",\"error_code\":\"INVALID_API_KEYS\",\"error_message\":\"bad secret: %s\","
                        + "\"display_message\":\"%s\",\"request_id\":\"%s\",\"suggested_action\":\"%s\"}",
                "<html><body>Forbidden for %s</body></html>",
                "%s"};
            text = echoing[random.nextInt(echoing.length)].replace("%s", echo.replace("\\", "\\\\").replace("\"", "\\\""));
            if (!text.startsWith("{")) {
                text = text.replace("\\\\", "\\").replace("\\\"", "\"");
            }
        } else {
            text = status == 200 && random.nextBoolean() ? "{\"item\":{},\"request_id\":\"req-" + random.nextInt() + "\"}"
                    : randomBytesAsText(300);
        }
        return reply.setBody(new Buffer().writeString(text, StandardCharsets.UTF_8));
    }
}
