package dev.tartan.api;

import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidError;
import dev.tartan.model.PlaidResponse;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaidClientTest {

    static final String CLIENT_ID = "5f8a1b2c3d4e5f6a7b8c9d0e";
    static final String SECRET = "0123456789abcdef0123456789abcd";
    static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50));

    MockWebServer server;
    PlaidClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = clientFor(server.url("/").uri(), PlaidClient.newHttpClient());
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    static PlaidClient clientFor(URI baseUrl, OkHttpClient http) {
        return PlaidClient.builder()
                .baseUrl(baseUrl)
                .credentials(new Credentials(CLIENT_ID, SECRET))
                .httpClient(http)
                .retryPolicy(FAST_RETRIES)
                .build();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedUnlessAllowed() {
        URI proxy = URI.create("http://plaid-proxy.example.test/plaid");
        assertThatThrownBy(() -> clientFor(proxy, PlaidClient.newHttpClient()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unencrypted").hasMessageNotContaining(SECRET);
        PlaidClient allowed = PlaidClient.builder().baseUrl(proxy).allowPlainHttp(true)
                .credentials(new Credentials(CLIENT_ID, SECRET)).build();
        assertThat(allowed.baseUrl()).hasToString("http://plaid-proxy.example.test/plaid/");
    }

    @Test
    void sendsCredentialHeadersAndTheBodyExactlyAsGiven() throws Exception {
        server.enqueue(json(200, "{\"accounts\":[],\"request_id\":\"req-1\"}"));
        String body = "{\"access_token\": \"access-sandbox-1234abcd-0000\",\n  \"options\" : {\"account_ids\":[]} }";

        PlaidResponse response = client.send(PlaidRequest.post("/accounts/get", body)).get(5, TimeUnit.SECONDS);

        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getPath()).isEqualTo("/accounts/get");
        assertThat(recorded.getHeader("PLAID-CLIENT-ID")).isEqualTo(CLIENT_ID);
        assertThat(recorded.getHeader("PLAID-SECRET")).isEqualTo(SECRET);
        assertThat(recorded.getHeader("Plaid-Version")).isEqualTo("2020-09-14");
        assertThat(recorded.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(recorded.getBody().readUtf8()).isEqualTo(body);
        assertThat(response.httpStatus()).isEqualTo(200);
        assertThat(response.requestId()).isEqualTo("req-1");
        assertThat(response.json().path("accounts").isArray()).isTrue();
        assertThat(response.duration()).isPositive();
        assertThat(response.attempts()).isEqualTo(1);
    }

    @Test
    void resolvesPathsUnderABaseUrlWithAPath() throws Exception {
        PlaidClient proxied = clientFor(server.url("/plaid").uri(), PlaidClient.newHttpClient());
        server.enqueue(json(200, "{\"request_id\":\"r\"}"));
        proxied.send(PlaidRequest.post("/item/get", "{\"access_token\":\"x\"}")).get(5, TimeUnit.SECONDS);
        assertThat(server.takeRequest().getPath()).isEqualTo("/plaid/item/get");
    }

    @Test
    void returnsFilesAsBytesWithTheirContentTypeAndTheHeaderRequestId() throws Exception {
        byte[] pdf = "%PDF-1.4 fake".getBytes();
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/pdf")
                .setHeader("Plaid-Request-ID", "req-pdf").setBody(new Buffer().write(pdf)));
        PlaidResponse response = client.send(PlaidRequest.post("/asset_report/pdf/get", "{\"asset_report_token\":\"t\"}"))
                .get(5, TimeUnit.SECONDS);
        assertThat(response.isJson()).isFalse();
        assertThat(response.bytes()).isEqualTo(pdf);
        assertThat(response.contentType()).startsWith("application/pdf");
        assertThat(response.requestId()).isEqualTo("req-pdf");
    }

    @Test
    void aFileReplyToADownloadStreamsIntoTheFileAndAJsonOneStaysInMemory(@TempDir Path dir) throws Exception {
        byte[] pdf = new byte[3 * 1024 * 1024 + 7];
        new java.util.Random(7).nextBytes(pdf);
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/pdf").setHeader("Plaid-Request-ID", "req-pdf")
                .setChunkedBody(new Buffer().write(pdf), 64 * 1024));
        Path file = dir.resolve("report.pdf");
        PlaidResponse response = client.download(PlaidRequest.post("/asset_report/pdf/get", "{\"asset_report_token\":\"t\"}"), file)
                .get(10, TimeUnit.SECONDS);
        assertThat(response.file()).isEqualTo(file);
        assertThat(response.size()).isEqualTo(pdf.length);
        assertThat(response.bytes()).isEmpty();
        assertThat(Files.readAllBytes(file)).isEqualTo(pdf);
        assertThat(dir.resolve("report.pdf.part")).doesNotExist();

        server.enqueue(json(200, "{\"report\":{},\"request_id\":\"r\"}"));
        Path untouched = dir.resolve("not-a-file.pdf");
        PlaidResponse jsonReply = client.download(PlaidRequest.post("/asset_report/get", "{\"asset_report_token\":\"t\"}"), untouched)
                .get(10, TimeUnit.SECONDS);
        assertThat(jsonReply.isJson()).isTrue();
        assertThat(jsonReply.file()).isNull();
        assertThat(untouched).doesNotExist();
    }

    @Test
    void aReplyDeclaredLargerThanTheLimitFailsAtOnceWithoutBeingRead(@TempDir Path dir) {
        server.enqueue(json(200, "{}").setHeader("Content-Length", PlaidClient.MAX_REPLY_BYTES + 1));
        assertThatThrownBy(() -> client.send(PlaidRequest.post("/accounts/get", "{}")).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PlaidUnexpectedResponseException.class)
                .hasMessageContaining("larger than 256 MB");

        server.enqueue(new MockResponse().setHeader("Content-Type", "application/pdf").setBody("%PDF")
                .setHeader("Content-Length", PlaidClient.MAX_FILE_BYTES + 1));
        Path file = dir.resolve("huge.pdf");
        assertThatThrownBy(() -> client.download(PlaidRequest.post("/asset_report/pdf/get", "{}"), file).get(5, TimeUnit.SECONDS))
                .hasMessageContaining("larger than 4096 MB");
        assertThat(file).doesNotExist();
    }

    @Test
    void aReplyThatGoesOnPastTheLimitFails() {
        PlaidClient limited = PlaidClient.builder().baseUrl(server.url("/").uri()).credentials(new Credentials(CLIENT_ID, SECRET))
                .maxReplyBytes(1024 * 1024).build();
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setChunkedBody("{\"filler\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}", 32 * 1024));
        assertThatThrownBy(() -> limited.send(PlaidRequest.post("/accounts/get", "{}")).get(10, TimeUnit.SECONDS))
                .hasMessageContaining("larger than 1 MB, more than Tartan takes in memory");
    }

    // Every error_type of Plaid's error pages (the reference's plaid-docs/errors_*.md, which
    // PLAID_FACTS.md sums up), each with one of its codes and the HTTP status the page gives it.
    @ParameterizedTest
    @CsvSource({
            "400, ITEM_ERROR, ITEM_LOGIN_REQUIRED",
            "400, INVALID_INPUT, INVALID_ACCESS_TOKEN",
            "400, INVALID_REQUEST, MISSING_FIELDS",
            "404, INVALID_REQUEST, NOT_FOUND",
            "400, INVALID_RESULT, LAST_UPDATED_DATETIME_OUT_OF_RANGE",
            "400, ASSET_REPORT_ERROR, PRODUCT_NOT_READY",
            "400, CHECK_REPORT_ERROR, INSUFFICIENT_TRANSACTION_DATA",
            "400, CONSUMER_REPORT_ERROR, CONSUMER_REPORT_EXPIRED",
            "400, INCOME_VERIFICATION_ERROR, INCOME_VERIFICATION_FAILED",
            "400, TRANSACTIONS_ERROR, TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION",
            "400, TRANSACTION_ERROR, TRANSACTION_INSUFFICIENT_FUNDS",
            "400, TRANSFER_ERROR, TRANSFER_LIMIT_REACHED",
            "400, BANK_TRANSFER_ERROR, BANK_TRANSFER_ACCOUNT_BLOCKED",
            "400, PAYMENT_ERROR, PAYMENT_INSUFFICIENT_FUNDS",
            "403, SIGNAL_ERROR, ADDENDUM_NOT_SIGNED",
            "400, INSTITUTION_ERROR, INSTITUTION_DOWN",
            "400, OAUTH_ERROR, INCORRECT_OAUTH_NONCE",
            "400, RECAPTCHA_ERROR, RECAPTCHA_REQUIRED",
            "404, PARTNER_ERROR, CUSTOMER_NOT_FOUND",
            "412, PARTNER_ERROR, FLOWDOWN_NOT_COMPLETE",
            "403, USER_ERROR, INVALID_USER_IDENTITY_DATA",
            "400, SANDBOX_ERROR, SANDBOX_PRODUCT_NOT_ENABLED",
            "429, RATE_LIMIT_EXCEEDED, ACCOUNTS_BALANCE_GET_LIMIT",
            "500, API_ERROR, INTERNAL_SERVER_ERROR",
            "503, API_ERROR, PLANNED_MAINTENANCE",
            "400, SOMETHING_NEW, A_CODE_FROM_THE_FUTURE"
    })
    void parsesEveryFieldOfAPlaidError(int status, String type, String code) {
        String body = """
                {"error_type":"%s","error_code":"%s","error_code_reason":null,"error_message":"what went wrong",
                 "display_message":"Try again later","request_id":"req-%s","causes":[{"item_id":"item-1"}],
                 "status":%d,"documentation_url":"https://plaid.com/docs/errors/","suggested_action":"do this",
                 "some_future_field":true}
                """.formatted(type, code, code, status);
        // A write without an idempotency key is never retried, so one reply suffices for every status.
        server.enqueue(json(status, body));

        CompletableFuture<PlaidResponse> call = client.send(PlaidRequest.post("/item/webhook/update", "{\"access_token\":\"x\"}"));

        PlaidApiException e = failureOf(call, PlaidApiException.class);
        PlaidError error = e.error();
        assertThat(error.errorType()).isEqualTo(type);
        assertThat(error.errorCode()).isEqualTo(code);
        assertThat(error.errorCodeReason()).isNull();
        assertThat(error.errorMessage()).isEqualTo("what went wrong");
        assertThat(error.displayMessage()).isEqualTo("Try again later");
        assertThat(error.requestId()).isEqualTo("req-" + code);
        assertThat(error.httpStatus()).isEqualTo(status);
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.documentationUrl()).isEqualTo("https://plaid.com/docs/errors/");
        assertThat(error.suggestedAction()).isEqualTo("do this");
        assertThat(error.causes()).hasSize(1);
        assertThat(e.getMessage()).contains(type + "/" + code, "req-" + code, "/item/webhook/update");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anHtmlPageFromAProxyIsItsOwnClearError() {
        server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html><head><title>502 Bad Gateway</title></head>\n<body><h1>Bad Gateway</h1></body></html>"));
        PlaidUnexpectedResponseException e = failureOf(
                client.send(PlaidRequest.post("/item/remove", "{\"access_token\":\"x\"}")), PlaidUnexpectedResponseException.class);
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.contentType()).startsWith("text/html");
        assertThat(e.excerpt()).contains("502 Bad Gateway").doesNotContain("\n");
        assertThat(e.getMessage()).contains("HTML page", "HTTP 502");
    }

    @Test
    void anEmptyBodyIsItsOwnClearError() {
        server.enqueue(new MockResponse().setResponseCode(500));
        PlaidUnexpectedResponseException e = failureOf(
                client.send(PlaidRequest.post("/item/remove", "{}")), PlaidUnexpectedResponseException.class);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.getMessage()).contains("empty", "HTTP 500");
    }

    @Test
    void truncatedJsonIsItsOwnClearError() {
        server.enqueue(json(200, "{\"accounts\":[{\"account_id\":\"abc\",\"balances\":{\"avail"));
        PlaidUnexpectedResponseException e = failureOf(
                client.send(PlaidRequest.post("/accounts/get", "{}")), PlaidUnexpectedResponseException.class);
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.getMessage()).contains("cut off");
        assertThat(e.excerpt()).startsWith("{\"accounts\"");
    }

    @Test
    void aSlowReplyToAnUnsafeWriteTimesOutWithItsOwnErrorAndIsNotRetried() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(json(200, "{\"transfer\":{},\"request_id\":\"sent-twice\"}"));
        PlaidTimeoutException e = failureOf(
                client.send(PlaidRequest.post("/transfer/create", "{}").withTimeout(Duration.ofMillis(300))),
                PlaidTimeoutException.class);
        assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(server.getRequestCount()).isEqualTo(1); // the transfer may still be under way at Plaid
    }

    @Test
    void aReadThatTimesOutIsRetried() throws Exception {
        server.enqueue(json(200, "{\"request_id\":\"too-late\"}").setBodyDelay(2, TimeUnit.SECONDS));
        server.enqueue(json(200, "{\"request_id\":\"in-time\"}"));

        PlaidResponse response = client.send(PlaidRequest.post("/accounts/get", "{}").withTimeout(Duration.ofMillis(300)))
                .get(5, TimeUnit.SECONDS);

        assertThat(response.requestId()).isEqualTo("in-time");
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void timeoutsOfAReadAreRetriedOnlyAsOftenAsThePolicySays() {
        for (int i = 0; i <= FAST_RETRIES.maxAttempts(); i++) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        }
        failureOf(client.send(PlaidRequest.post("/accounts/get", "{}").withTimeout(Duration.ofMillis(200))),
                PlaidTimeoutException.class);
        assertThat(server.getRequestCount()).isEqualTo(FAST_RETRIES.maxAttempts());
    }

    @Test
    void anUnreachableHostIsAConnectionErrorAfterTheRetries() throws IOException {
        int closedPort = closedPort();
        PlaidClient unreachable = clientFor(URI.create("http://127.0.0.1:" + closedPort), PlaidClient.newHttpClient());
        PlaidConnectionException e = failureOf(unreachable.send(PlaidRequest.post("/accounts/get", "{}")),
                PlaidConnectionException.class);
        assertThat(e.getMessage()).contains("cannot reach http://127.0.0.1:" + closedPort);
    }

    @Test
    void aRedirectIsNeverFollowedSoTheSecretStaysHome() throws Exception {
        assertThat(PlaidClient.newHttpClient().followRedirects()).isFalse();
        assertThat(PlaidClient.newHttpClient().followSslRedirects()).isFalse();
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            elsewhere.enqueue(json(200, "{\"request_id\":\"stolen\"}"));
            server.enqueue(new MockResponse().setResponseCode(302)
                    .setHeader("Location", elsewhere.url("/collect?secret=" + SECRET)));
            // OkHttp's own default is to follow redirects: the client must refuse them whatever it is given.
            PlaidClient following = clientFor(server.url("/").uri(), new OkHttpClient());

            PlaidUnexpectedResponseException e = failureOf(
                    following.send(PlaidRequest.post("/accounts/get", "{}")), PlaidUnexpectedResponseException.class);

            assertThat(e.httpStatus()).isEqualTo(302);
            assertThat(e.getMessage()).contains("redirects to " + elsewhere.getHostName() + ":" + elsewhere.getPort())
                    .doesNotContain("collect", SECRET);
            assertThat(elsewhere.getRequestCount()).isZero();
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aRateLimitedReadSucceedsOnRetry() throws Exception {
        server.enqueue(json(429, "{\"error_type\":\"RATE_LIMIT_EXCEEDED\",\"error_code\":\"RATE_LIMIT\",\"error_message\":\"slow down\",\"display_message\":null,\"request_id\":\"r1\"}"));
        server.enqueue(json(200, "{\"accounts\":[],\"request_id\":\"r2\"}"));

        PlaidResponse response = client.send(PlaidRequest.post("/accounts/get", "{\"access_token\":\"x\"}")).get(5, TimeUnit.SECONDS);

        assertThat(response.requestId()).isEqualTo("r2");
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesAreBoundedAndEndInTheLastError() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(json(503, "{\"error_type\":\"API_ERROR\",\"error_code\":\"PLANNED_MAINTENANCE\",\"error_message\":\"m\",\"display_message\":null,\"request_id\":\"r" + i + "\"}"));
        }
        PlaidApiException e = failureOf(client.send(PlaidRequest.post("/accounts/get", "{}")), PlaidApiException.class);
        assertThat(e.error().errorCode()).isEqualTo("PLANNED_MAINTENANCE");
        assertThat(server.getRequestCount()).isEqualTo(FAST_RETRIES.maxAttempts());
    }

    @Test
    void aMoneyMovingWriteAnswered500IsNotRetried() {
        server.enqueue(json(500, "{\"error_type\":\"API_ERROR\",\"error_code\":\"INTERNAL_SERVER_ERROR\",\"error_message\":\"boom\",\"display_message\":null,\"request_id\":\"r\"}"));
        server.enqueue(json(200, "{\"transfer\":{}}"));
        PlaidApiException e = failureOf(
                client.send(PlaidRequest.post("/transfer/create", "{\"access_token\":\"x\",\"authorization_id\":\"a\",\"description\":\"d\"}")),
                PlaidApiException.class);
        assertThat(e.error().errorCode()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aWriteWithAnIdempotencyKeyIsRetried() throws Exception {
        server.enqueue(json(500, "{\"error_type\":\"API_ERROR\",\"error_code\":\"INTERNAL_SERVER_ERROR\",\"error_message\":\"boom\",\"display_message\":null,\"request_id\":\"r\"}"));
        server.enqueue(json(200, "{\"authorization\":{},\"request_id\":\"ok\"}"));
        PlaidResponse response = client.send(PlaidRequest.post("/transfer/authorization/create",
                "{\"access_token\":\"x\",\"idempotency_key\":\"k-1\"}")).get(5, TimeUnit.SECONDS);
        assertThat(response.requestId()).isEqualTo("ok");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aDroppedConnectionOnAReadIsRetried() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(200, "{\"request_id\":\"after-drop\"}"));
        PlaidClient retrying = clientFor(server.url("/").uri(), new OkHttpClient());
        PlaidResponse response = retrying.send(PlaidRequest.post("/item/get", "{}")).get(5, TimeUnit.SECONDS);
        assertThat(response.requestId()).isEqualTo("after-drop");
        assertThat(response.attempts()).as("retried by the client's policy, not by OkHttp").isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aDroppedConnectionOnAMoneyMovingWriteIsNotRetriedEvenByOkHttp() throws Exception {
        server.enqueue(json(200, "{\"request_id\":\"warm-up\"}"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(200, "{\"transfer\":{},\"request_id\":\"sent-twice\"}"));
        // OkHttp's default client silently repeats a call, POSTs included, when a pooled connection drops.
        PlaidClient given = clientFor(server.url("/").uri(), new OkHttpClient());
        given.send(PlaidRequest.post("/item/get", "{}")).get(5, TimeUnit.SECONDS);

        PlaidConnectionException e = failureOf(given.send(PlaidRequest.post("/transfer/create",
                "{\"access_token\":\"x\",\"authorization_id\":\"a\",\"description\":\"d\"}")), PlaidConnectionException.class);

        assertThat(e.getMessage()).contains("/transfer/create", "cannot reach");
        assertThat(server.takeRequest().getPath()).isEqualTo("/item/get");
        assertThat(server.takeRequest().getPath()).isEqualTo("/transfer/create");
        assertThat(server.getRequestCount()).as("the transfer was sent once").isEqualTo(2);
    }

    @Test
    void cancellingTheFutureCancelsTheHttpCall() throws Exception {
        CountDownLatch canceled = new CountDownLatch(1);
        OkHttpClient http = PlaidClient.newHttpClient().newBuilder().eventListener(new EventListener() {
            @Override
            public void canceled(Call call) {
                canceled.countDown();
            }
        }).build();
        PlaidClient watched = clientFor(server.url("/").uri(), http);
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        CompletableFuture<PlaidResponse> call = watched.send(PlaidRequest.post("/accounts/balance/get", "{}"));
        server.takeRequest(5, TimeUnit.SECONDS); // the request is on the wire
        assertThat(call.cancel(true)).isTrue();

        assertThat(canceled.await(5, TimeUnit.SECONDS)).as("OkHttp saw the call cancelled").isTrue();
        assertThat(call).isCancelled();
    }

    @Test
    void cancellingADerivedFutureCancelsTheCallToo() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        CompletableFuture<PlaidResponse> raw = client.send(PlaidRequest.post("/accounts/get", "{}"));
        CompletableFuture<Integer> derived = dev.tartan.concurrent.Futures.map(raw, PlaidResponse::httpStatus);
        server.takeRequest(5, TimeUnit.SECONDS);
        derived.cancel(true);
        assertThat(raw).isCancelled();
    }

    @Test
    void refusesABodyThatIsNotJsonBeforeSendingAnything() {
        assertThatThrownBy(() -> PlaidRequest.post("/accounts/get", "{\"access_token\": }"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON").hasMessageContaining("line 1");
        assertThatThrownBy(() -> PlaidRequest.post("/accounts/get", "[1,2]"))
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> PlaidRequest.post("/accounts/get", " "))
                .hasMessageContaining("empty");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void slowOperationsGetALongerTimeout() {
        assertThat(PlaidRequest.post("/accounts/balance/get", "{}").timeout()).isEqualTo(PlaidRequest.SLOW_TIMEOUT);
        assertThat(PlaidRequest.post("/transactions/refresh", "{}").timeout()).isEqualTo(PlaidRequest.SLOW_TIMEOUT);
        assertThat(PlaidRequest.post("/accounts/get", "{}").timeout()).isEqualTo(PlaidRequest.DEFAULT_TIMEOUT);
    }

    /** A local port nothing listens on. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static <E extends Throwable> E failureOf(CompletableFuture<?> future, Class<E> type) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(type);
            return type.cast(e.getCause());
        } catch (Exception e) {
            throw new AssertionError("expected the call to fail with " + type.getSimpleName() + ", got " + e, e);
        }
        throw new AssertionError("expected the call to fail with " + type.getSimpleName());
    }
}
