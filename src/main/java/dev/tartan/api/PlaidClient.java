package dev.tartan.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.BaseUrls;
import dev.tartan.model.Credentials;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.PlaidError;
import dev.tartan.model.PlaidResponse;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tartan's client for one Plaid environment and one set of credentials. Every call is
 * asynchronous; cancelling the returned future cancels the HTTP call (and any pending retry).
 * Credentials travel as headers; the body is sent exactly as given.
 */
public final class PlaidClient {

    public static final String API_VERSION = "2020-09-14";

    private static final Logger LOG = LoggerFactory.getLogger(PlaidClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int EXCERPT_LENGTH = 160;
    private static final long STREAM_CHUNK = 64 * 1024;

    /** The most a reply may hold in memory: far above any Plaid reply, far below what would end Tartan. */
    public static final long MAX_REPLY_BYTES = 256L * 1024 * 1024;
    /** The most a file reply (PDF, zip) may hold when it goes to a file. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024 * 1024;

    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final Credentials credentials;
    private final RetryPolicy retryPolicy;
    private final ScheduledExecutorService scheduler;
    private final String userAgent;
    private final long maxReplyBytes;

    private PlaidClient(Builder builder) {
        this.http = hardened((builder.http != null ? builder.http : newHttpClient()).newBuilder()).build();
        URI requested = Objects.requireNonNull(builder.baseUrl, "baseUrl");
        if (BaseUrls.isInClear(requested) && !builder.plainHttpAllowed) {
            throw new IllegalArgumentException(PlaidEnvironment.plainHttpRefusal(requested));
        }
        String base = requested.toString();
        // Resolve operation paths under the base URL's own path (a proxy may mount Plaid at /plaid/).
        this.baseUrl = HttpUrl.get(base.endsWith("/") ? base : base + "/");
        this.credentials = Objects.requireNonNull(builder.credentials, "credentials");
        // OkHttp would refuse such a header value quoting all of it, the secret included.
        credentials.problem().ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        this.retryPolicy = builder.retryPolicy;
        this.maxReplyBytes = builder.maxReplyBytes;
        this.scheduler = builder.scheduler != null ? builder.scheduler : DefaultScheduler.INSTANCE;
        this.userAgent = "Tartan/" + Objects.requireNonNullElse(PlaidClient.class.getPackage().getImplementationVersion(), "dev");
        Redactor.shared().registerSecret(credentials.secret());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * An OkHttp client suited to Plaid: connections pooled, enough parallel calls per host for a
     * pane that fans out, timeouts left to each call. Share one per application.
     */
    public static OkHttpClient newHttpClient() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(16);
        return hardened(new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ofSeconds(30)))
                .build();
    }

    /**
     * Rules for any client this class uses, given or its own: never follow a redirect (OkHttp would
     * send the PLAID-SECRET header along to wherever it points) and never repeat a call on its own
     * (retries are this class's decision: a silent second POST could move money twice).
     */
    private static OkHttpClient.Builder hardened(OkHttpClient.Builder http) {
        return http
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false);
    }

    public URI baseUrl() {
        return baseUrl.uri();
    }

    /** Sends a call; the future completes with the reply or fails with a {@link PlaidClientException}. */
    public CompletableFuture<PlaidResponse> send(PlaidRequest request) {
        return exchange(request, null);
    }

    /**
     * Sends a call whose reply may be a file (a PDF, a zip): such a reply streams into {@code file}
     * (written whole or not at all, up to {@link #MAX_FILE_BYTES}) and the response names it; a JSON
     * reply or an error comes back in memory as from {@link #send(PlaidRequest)}.
     */
    public CompletableFuture<PlaidResponse> download(PlaidRequest request, Path file) {
        return exchange(request, Objects.requireNonNull(file, "file"));
    }

    private CompletableFuture<PlaidResponse> exchange(PlaidRequest request, Path fileForFileReply) {
        Exchange exchange = new Exchange(request, fileForFileReply);
        exchange.attempt();
        return exchange;
    }

    /** Sends a call and maps its JSON reply onto {@code type} (tolerant of fields and enum values it does not know). */
    public <T> CompletableFuture<T> send(PlaidRequest request, Class<T> type) {
        return Futures.map(send(request), response -> {
            if (!response.isJson()) {
                throw new PlaidUnexpectedResponseException(request.method(), request.path(), response.httpStatus(),
                        response.contentType(), "expected JSON, got a file", "");
            }
            try {
                return PlaidJson.mapper().treeToValue(response.json(), type);
            } catch (IOException e) {
                throw new PlaidUnexpectedResponseException(request.method(), request.path(), response.httpStatus(),
                        response.contentType(), "the reply does not have the expected shape: " + e.getMessage(), "");
            }
        });
    }

    /** One call's life: attempts, retries, the outcome. Cancelling it cancels whatever is under way. */
    private final class Exchange extends CompletableFuture<PlaidResponse> implements Callback {
        private final PlaidRequest request;
        private final Path fileForFileReply;
        private final long startNanos = System.nanoTime();
        private final AtomicInteger attempts = new AtomicInteger();
        private volatile Call call;
        private volatile ScheduledFuture<?> pendingRetry;

        Exchange(PlaidRequest request, Path fileForFileReply) {
            this.request = request;
            this.fileForFileReply = fileForFileReply;
        }

        void attempt() {
            if (isDone()) {
                return;
            }
            attempts.incrementAndGet();
            OkHttpClient timed = http.newBuilder()
                    .callTimeout(request.timeout())
                    .readTimeout(request.timeout())
                    .build();
            Call next = timed.newCall(httpRequest());
            call = next;
            next.enqueue(this);
            if (isCancelled()) {
                next.cancel();
            }
        }

        private Request httpRequest() {
            HttpUrl url = Objects.requireNonNull(baseUrl.resolve(request.path().substring(1)), "url");
            RequestBody body = request.body() == null ? null : RequestBody.create(request.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), JSON);
            return new Request.Builder()
                    .url(url)
                    .method(request.method(), body)
                    .header("PLAID-CLIENT-ID", credentials.clientId())
                    .header("PLAID-SECRET", credentials.secret())
                    .header("Plaid-Version", API_VERSION)
                    .header("User-Agent", userAgent)
                    .header("Accept", "application/json, application/pdf, application/zip, */*")
                    .build();
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            Call current = call;
            if (current != null) {
                current.cancel();
            }
            ScheduledFuture<?> retry = pendingRetry;
            if (retry != null) {
                retry.cancel(false);
            }
            if (cancelled) {
                LOG.info("{} {} cancelled after {} ms", request.method(), request.path(), elapsed().toMillis());
            }
            return cancelled;
        }

        @Override
        public void onFailure(Call failed, IOException e) {
            // OkHttp cancels a call that times out, so only our own state says whether the user cancelled.
            if (isDone()) {
                return;
            }
            boolean timedOut = isTimeout(e);
            if (retryIfAllowed(timedOut ? "timed out" : "connection failed", null)) {
                return;
            }
            fail(timedOut ? new PlaidTimeoutException(request.method(), request.path(), request.timeout(), e)
                    : new PlaidConnectionException(request.method(), request.path(), baseUrl.uri(), e));
        }

        @Override
        public void onResponse(Call done, Response response) {
            Received received;
            String contentType;
            int status = response.code();
            String headerRequestId = response.header("Plaid-Request-ID");
            Duration retryAfter = retryAfter(response.header("Retry-After"));
            String location = response.header("Location");
            HttpUrl redirectTarget = location == null ? null : response.request().url().resolve(location);
            boolean success = status >= 200 && status < 300;
            try (response; ResponseBody body = response.body()) {
                contentType = body.contentType() == null ? null : body.contentType().toString();
                boolean toFile = fileForFileReply != null && success && isFile(contentType);
                long limit = toFile ? MAX_FILE_BYTES : maxReplyBytes;
                received = body.contentLength() > limit ? null
                        : toFile ? streamToFile(body.source(), limit) : readAtMost(body.source(), limit);
                if (received == null) {
                    fail(new PlaidUnexpectedResponseException(request.method(), request.path(), status, contentType,
                            "the reply is larger than " + limit / (1024 * 1024) + " MB, more than Tartan takes"
                                    + (toFile || fileForFileReply != null ? "" : " in memory (a file reply can go to a file)"), ""));
                    return;
                }
            } catch (IOException e) {
                onFailure(done, e);
                return;
            }
            if (isDone()) {
                received.discard();
                return;
            }
            byte[] bytes = received.bytes();
            if (success) {
                succeed(status, headerRequestId, contentType, received);
                return;
            }
            if (status >= 300 && status < 400) {
                fail(new PlaidUnexpectedResponseException(request.method(), request.path(), status, contentType,
                        "the reply redirects to " + hostOf(redirectTarget) + "; Plaid does not redirect, and Tartan does "
                                + "not follow redirects (the credentials would go along)", ""));
                return;
            }
            if (RetryPolicy.isRetryableStatus(status) && retryIfAllowed(status, retryAfter)) {
                return;
            }
            fail(errorFrom(status, contentType, bytes));
        }

        private void succeed(int status, String headerRequestId, String contentType, Received received) {
            String requestId = headerRequestId;
            JsonNode json = null;
            byte[] bytes = received.bytes();
            if (isFile(contentType)) {
                LOG.info("{} {} -> {} request_id={} {} ms, {} bytes of {}{}", request.method(), request.path(), status,
                        requestId, elapsed().toMillis(), received.size(), contentType, received.file() == null ? "" : " to a file");
            } else {
                json = parseJson(bytes);
                if (json == null) {
                    String what = bytes.length == 0 ? "the reply is empty"
                            : looksLikeHtml(contentType, bytes) ? "the reply is an HTML page, not Plaid JSON (a proxy or gateway answered?)"
                            : "the reply is cut off or not valid JSON";
                    fail(new PlaidUnexpectedResponseException(request.method(), request.path(), status, contentType, what, excerpt(bytes)));
                    return;
                }
                if (json.hasNonNull("request_id")) {
                    requestId = json.get("request_id").asText();
                }
                LOG.info("{} {} -> {} request_id={} {} ms{}", request.method(), request.path(), status, requestId,
                        elapsed().toMillis(), attempts.get() > 1 ? " (" + attempts.get() + " attempts)" : "");
            }
            complete(new PlaidResponse(status, requestId, elapsed(), attempts.get(), contentType, bytes, json,
                    received.file(), received.size()));
        }

        /** The body written to {@code fileForFileReply} (beside it first, then renamed), or null past {@code limit}. */
        private Received streamToFile(BufferedSource source, long limit) throws IOException {
            Path partial = fileForFileReply.resolveSibling(fileForFileReply.getFileName() + ".part");
            long size = 0;
            try {
                try (BufferedSink sink = Okio.buffer(Okio.sink(partial))) {
                    for (long read; (read = source.read(sink.getBuffer(), STREAM_CHUNK)) != -1; ) {
                        size += read;
                        if (size > limit) {
                            return null;
                        }
                        sink.emitCompleteSegments();
                    }
                }
                Files.move(partial, fileForFileReply, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new Received(new byte[0], fileForFileReply, size);
            } finally {
                Files.deleteIfExists(partial);
            }
        }

        private PlaidClientException errorFrom(int status, String contentType, byte[] bytes) {
            JsonNode json = parseJson(bytes);
            if (json != null && json.isObject() && json.hasNonNull("error_type") && json.hasNonNull("error_code")) {
                return new PlaidApiException(request.method(), request.path(), plaidError(json, status));
            }
            String what;
            if (bytes.length == 0) {
                what = "the reply is empty";
            } else if (looksLikeHtml(contentType, bytes)) {
                what = "the reply is an HTML page, not Plaid JSON (a proxy or gateway answered?)";
            } else if (json == null) {
                what = "the reply is cut off or not valid JSON";
            } else {
                what = "the reply is JSON but not a Plaid error";
            }
            return new PlaidUnexpectedResponseException(request.method(), request.path(), status, contentType, what, excerpt(bytes));
        }

        /** Schedules the next attempt if the request may be repeated and attempts are left; {@code why} is for the log. */
        private boolean retryIfAllowed(Object why, Duration retryAfter) {
            int next = attempts.get() + 1;
            if (!request.repeatable() || next > retryPolicy.maxAttempts() || isDone()) {
                return false;
            }
            LOG.info("{} {} -> {}, retrying (attempt {} of {})", request.method(), request.path(), why, next,
                    retryPolicy.maxAttempts());
            Duration delay = retryPolicy.delayBefore(next, retryAfter);
            pendingRetry = scheduler.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
            if (isCancelled()) {
                pendingRetry.cancel(false);
            }
            return true;
        }

        private void fail(PlaidClientException error) {
            LOG.warn("{} {} failed after {} ms: {}", request.method(), request.path(), elapsed().toMillis(), error.getMessage());
            completeExceptionally(error);
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }
    }

    /** A reply's body: in memory, or in a file (then {@code bytes} is empty). */
    private record Received(byte[] bytes, Path file, long size) {

        /** Removes the file of a reply that came after the call was cancelled. */
        void discard() {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warn("Could not remove {}, the reply of a cancelled call: {}", file, e.getMessage());
                }
            }
        }
    }

    /** The body in memory, or null when it is longer than {@code limit}. */
    private static Received readAtMost(BufferedSource source, long limit) throws IOException {
        if (source.request(limit + 1)) {
            return null;
        }
        byte[] bytes = source.readByteArray();
        return new Received(bytes, null, bytes.length);
    }

    static PlaidError plaidError(JsonNode json, int httpStatus) {
        List<JsonNode> causes = new ArrayList<>();
        json.path("causes").forEach(causes::add);
        return new PlaidError(
                text(json, "error_type"),
                text(json, "error_code"),
                text(json, "error_code_reason"),
                text(json, "error_message"),
                text(json, "display_message"),
                text(json, "request_id"),
                httpStatus,
                json.hasNonNull("status") && json.get("status").canConvertToInt() ? json.get("status").asInt() : null,
                text(json, "documentation_url"),
                text(json, "suggested_action"),
                causes);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static boolean isTimeout(IOException e) {
        if (e instanceof SocketTimeoutException) {
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            return !message.contains("connect"); // a connect timeout is a reachability problem
        }
        return e instanceof InterruptedIOException && "timeout".equals(e.getMessage());
    }

    /** Only the host (and a port that is not the scheme's default) of a URL: its path and query may hold anything. */
    private static String hostOf(HttpUrl url) {
        if (url == null) {
            return "an unknown place (no valid Location)";
        }
        return url.host() + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port());
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: fall back to our own backoff
        }
    }

    /** A file reply (PDF, zip, ...) rather than JSON or a page. */
    private static boolean isFile(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("application/pdf") || type.startsWith("application/zip")
                || type.startsWith("application/octet-stream") || type.startsWith("image/");
    }

    /** The body as JSON, or null when it is empty or not JSON. */
    private static JsonNode parseJson(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            JsonNode json = PlaidJson.mapper().readTree(bytes);
            return json == null || json.isMissingNode() ? null : json;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean looksLikeHtml(String contentType, byte[] bytes) {
        if (contentType != null && contentType.contains("html")) {
            return true;
        }
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '<';
            }
        }
        return false;
    }

    /** The first characters of a body, whitespace collapsed: enough to recognise what answered. */
    static String excerpt(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 4 * EXCERPT_LENGTH), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
        return text.length() > EXCERPT_LENGTH ? text.substring(0, EXCERPT_LENGTH) + "\u2026" : text;
    }

    /** Schedules retries for clients built without a scheduler of their own. */
    private static final class DefaultScheduler {
        static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "plaid-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static final class Builder {
        private OkHttpClient http;
        private URI baseUrl;
        private Credentials credentials;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private ScheduledExecutorService scheduler;
        private boolean plainHttpAllowed;
        private long maxReplyBytes = MAX_REPLY_BYTES;

        private Builder() {
        }

        /** The most a reply may hold in memory ({@link #MAX_REPLY_BYTES} unless set); a longer one fails the call. */
        public Builder maxReplyBytes(long value) {
            if (value <= 0) {
                throw new IllegalArgumentException("The reply limit must be positive, not " + value);
            }
            this.maxReplyBytes = value;
            return this;
        }

        /** The shared OkHttp client (connection pool, dispatcher); a new one if not given. */
        public Builder httpClient(OkHttpClient value) {
            this.http = value;
            return this;
        }

        /** Where calls go: https://sandbox.plaid.com, https://production.plaid.com, the emulator, a proxy. */
        public Builder baseUrl(URI value) {
            this.baseUrl = value;
            return this;
        }

        /**
         * Allows an http:// base URL on another machine, where the secret and tokens travel
         * unencrypted; without it such a URL is refused. Loopback needs no permission.
         */
        public Builder allowPlainHttp(boolean value) {
            this.plainHttpAllowed = value;
            return this;
        }

        public Builder credentials(Credentials value) {
            this.credentials = value;
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value);
            return this;
        }

        /** Where retries wait; a shared daemon thread if not given. */
        public Builder scheduler(ScheduledExecutorService value) {
            this.scheduler = value;
            return this;
        }

        public PlaidClient build() {
            return new PlaidClient(this);
        }
    }
}
