package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.WebhookFilter;
import dev.tartan.model.WebhookSubjects;
import dev.tartan.model.WebhookVerdict;
import dev.tartan.store.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Tartan's webhook inbox: an HTTP receiver on 127.0.0.1 (the port in the settings) that keeps every
 * webhook posted to it in the vault, verifies it as Plaid documents ({@link WebhookVerifier}), and
 * tells its subscribers. A tunnel the user runs to this port works the same way.
 *
 * <p>What arrives is refused without harm when it is not a JSON object (400), not JSON at all
 * (415), larger than {@link #MAX_BODY_BYTES} (413), or when {@link #MAX_WAITING} webhooks (or
 * {@link #MAX_WAITING_BYTES}) are already waiting to be stored and verified (503 with Retry-After,
 * which Plaid and the emulator retry). A webhook is answered 200 only once it is in the vault, so
 * none that was acknowledged is lost; it is verified afterwards, in order, and then handed to the
 * subscribers. Storing and verifying each run on a thread of their own, in batches.
 */
public final class WebhookInbox implements WebhookFeed, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookInbox.class);

    /** The setting that holds the inbox's port (chosen free on first start, then kept). */
    public static final String PORT_SETTING = "webhooks.inbox_port";
    /** The path the inbox's URL names (any path reaches the inbox). */
    public static final String PATH = "/webhooks";
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    public static final int MAX_WAITING = 1_000;
    public static final long MAX_WAITING_BYTES = 32L * 1024 * 1024;
    /** A refused request's body is read (and dropped) up to this, so the refusal reaches the sender. */
    static final long MAX_DRAINED_BYTES = 4L * MAX_BODY_BYTES;
    static final int BATCH = 500;
    private static final int HTTP_THREADS = 4;
    private static final int MAX_HEADERS = 64;
    private static final int MAX_HEADER_CHARS = 4096;
    private static final long STORE_WAIT_SECONDS = 30;
    /** Headers whose values are not kept: credentials a tunnel or a proxy may add. */
    private static final Set<String> WITHHELD = Set.of("authorization", "proxy-authorization", "cookie");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Where the inbox listens.
     *
     * @param port       the port it listens on (0 when it is not listening)
     * @param wantedPort the port in the settings
     * @param problem    why it does not listen on the wanted port, or null
     */
    public record Status(int port, int wantedPort, String problem) {
        public boolean listening() {
            return port > 0;
        }

        public String url() {
            return port > 0 ? "http://127.0.0.1:" + port + PATH : null;
        }
    }

    /** A webhook read and checked for shape, on its way to the vault. */
    private record Arrival(byte[] bytes, ReceivedWebhook webhook, CompletableFuture<ReceivedWebhook> stored) {
    }

    /** A webhook in the vault, on its way to its verdict. */
    private record Stored(ReceivedWebhook webhook, byte[] bytes) {
    }

    private final Vault vault;
    private final WebhookVerifier verifier;
    private final Executor io;
    private final Clock clock;
    private final BlockingQueue<Arrival> toStore = new ArrayBlockingQueue<>(MAX_WAITING);
    private final BlockingQueue<Stored> toVerify = new LinkedBlockingQueue<>();
    private final Semaphore slots = new Semaphore(MAX_WAITING);
    private final AtomicLong waitingBytes = new AtomicLong();
    private final List<Consumer<ReceivedWebhook>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Status>> statusListeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final Thread storer;
    private final Thread checker;
    private final ExecutorService httpThreads;
    private HttpServer server;
    private volatile Status status = new Status(0, 0, "the inbox has not started");
    private volatile boolean closing;

    /**
     * @param io where asked-for work runs (a search, a pasted webhook's verification)
     */
    public WebhookInbox(Vault vault, WebhookVerifier verifier, Executor io, Clock clock) {
        this.vault = vault;
        this.verifier = verifier;
        this.io = io;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.httpThreads = new ThreadPoolExecutor(HTTP_THREADS, HTTP_THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                runnable -> daemon(runnable, "tartan-inbox-http-" + threads.incrementAndGet()),
                // The JDK server's dispatcher runs a request itself when every thread is busy: it accepts
                // nothing more meanwhile, and connections wait in the backlog.
                new ThreadPoolExecutor.CallerRunsPolicy());
        this.storer = daemon(this::storeLoop, "tartan-inbox-store");
        this.checker = daemon(this::verifyLoop, "tartan-inbox-verify");
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Starts listening on the port in the settings (one chosen free, and kept, the first time); if
     * that port is taken, on a free one for this run, with the reason in {@link #status()}. Blocks
     * (the vault): call it off the FX thread. Webhooks left unverified last time are verified now.
     */
    public synchronized Status start() {
        if (!storer.isAlive()) {
            storer.start();
            checker.start();
            resumePending();
        }
        int wanted = wantedPort();
        try {
            server = listen(wanted);
        } catch (IOException e) {
            if (wanted == 0) {
                return setStatus(new Status(0, 0, "the inbox could not listen on any port: " + e.getMessage()));
            }
            try {
                server = listen(0);
            } catch (IOException again) {
                return setStatus(new Status(0, wanted, "the inbox could not listen on any port: " + again.getMessage()));
            }
            return setStatus(new Status(server.getAddress().getPort(), wanted, "port " + wanted + " is in use (another Tartan, or "
                    + "another program): the inbox listens on " + server.getAddress().getPort() + " until Tartan starts again; "
                    + "webhook URLs with port " + wanted + " do not reach it"));
        }
        int port = server.getAddress().getPort();
        if (wanted == 0) {
            vault.settings().putInt(PORT_SETTING, port);
        }
        LOG.info("The webhook inbox listens on 127.0.0.1:{}", port);
        return setStatus(new Status(port, port, null));
    }

    /** The port in the settings, or 0 (choose one) when there is none or it is not a port. */
    private int wantedPort() {
        try {
            int port = vault.settings().getInt(PORT_SETTING, 0);
            return port >= 0 && port <= 65535 ? port : 0;
        } catch (RuntimeException e) {
            LOG.warn("The inbox's port setting is not a number; choosing a free port");
            return 0;
        }
    }

    /** Moves the inbox to {@code port} and keeps it in the settings; the old port is closed once the new one listens. */
    public CompletableFuture<Status> changePort(int port) {
        if (port < 1024 || port > 65535) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Choose a port from 1024 to 65535, not " + port + "."));
        }
        return CompletableFuture.supplyAsync(() -> {
            synchronized (this) {
                if (closing) {
                    throw new IllegalStateException("Tartan is closing");
                }
                HttpServer moved;
                try {
                    moved = listen(port);
                } catch (BindException e) {
                    throw new IllegalArgumentException("Port " + port + " is in use by another program; choose another.");
                } catch (IOException e) {
                    throw new IllegalArgumentException("The inbox cannot listen on port " + port + ": " + e.getMessage());
                }
                HttpServer old = server;
                server = moved;
                if (old != null) {
                    old.stop(0);
                }
                vault.settings().putInt(PORT_SETTING, port);
                return setStatus(new Status(port, port, null));
            }
        }, io);
    }

    private HttpServer listen(int port) throws IOException {
        defaultProperty("sun.net.httpserver.nodelay", "true");
        defaultProperty("jdk.httpserver.maxConnections", "128");
        defaultProperty("sun.net.httpserver.maxReqTime", "10");
        defaultProperty("sun.net.httpserver.maxRspTime", "300");
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        created.setExecutor(httpThreads);
        created.createContext("/", this::serve);
        created.start();
        return created;
    }

    /** The JDK's server reads its settings when the first server of the process starts; one set on the command line wins. */
    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    private Status setStatus(Status now) {
        status = now;
        statusListeners.forEach(listener -> listener.accept(now));
        return now;
    }

    /** Where the inbox listens, and why not on the port asked for. */
    public Status status() {
        return status;
    }

    /** Tells {@code listener} (on a background thread) whenever the inbox moves. */
    public void onStatus(Consumer<Status> listener) {
        statusListeners.add(listener);
    }

    @Override
    public String inboxUrl() {
        Status now = status;
        return now.listening() ? now.url() : "http://127.0.0.1:" + now.wantedPort() + PATH;
    }

    /** Blocks (the vault): never call it on the FX thread. */
    @Override
    public List<ReceivedWebhook> recent(int limit) {
        return vault.webhooks().recent(limit);
    }

    @Override
    public AutoCloseable subscribe(Consumer<ReceivedWebhook> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The webhooks {@code filter} lists, newest first. */
    public CompletableFuture<List<ReceivedWebhook>> find(WebhookFilter filter, int limit) {
        return CompletableFuture.supplyAsync(() -> vault.webhooks().find(filter, Long.MAX_VALUE, limit), io);
    }

    /** The types and codes received so far (for the filter's choices), keyed "types" and "codes". */
    public CompletableFuture<Map<String, List<String>>> typesAndCodes() {
        return CompletableFuture.supplyAsync(() -> vault.webhooks().typesAndCodes(), io);
    }

    /** How many webhooks the vault keeps. */
    public CompletableFuture<Long> count() {
        return CompletableFuture.supplyAsync(() -> vault.webhooks().count(), io);
    }

    /** How many requests the receiver refused (not JSON, too large, too many at once) since it started. */
    public int refusedCount() {
        return refused.get();
    }

    /**
     * The verdict on a webhook pasted from someone's logs: its body and its Plaid-Verification
     * header (a leading "Plaid-Verification:" is dropped), as the inbox would give it, with its age
     * measured to now. Nothing is kept.
     */
    public CompletableFuture<ReceivedWebhook> verifyPasted(String body, String header) {
        String text = body == null ? "" : body;
        String token = header == null ? "" : header.strip();
        if (token.regionMatches(true, 0, "Plaid-Verification:", 0, "Plaid-Verification:".length())) {
            token = token.substring("Plaid-Verification:".length()).strip();
        }
        String jwt = token;
        return CompletableFuture.supplyAsync(() -> {
            Instant now = clock.instant();
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            JsonNode json = parseQuietly(bytes);
            Map<String, String> headers = jwt.isEmpty() ? Map.of() : Map.of("Plaid-Verification", jwt);
            return describe(json, text, headers, now, verifier.verify(bytes, jwt, now, WebhookVerifier.When.NOW));
        }, io);
    }

    // --- receiving ------------------------------------------------------------------------------

    private void serve(HttpExchange exchange) {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) || "HEAD".equals(method)) {
                reply(exchange, 200, "text/plain", "Tartan's webhook inbox: POST Plaid's webhooks (JSON) here.\n");
                return;
            }
            if (!"POST".equals(method)) {
                refuse(exchange, 405, "only POST reaches the inbox");
                return;
            }
            if (!isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                refuse(exchange, 415, "a webhook is JSON (Content-Type: application/json)");
                return;
            }
            long length = declaredLength(exchange.getRequestHeaders().getFirst("Content-Length"));
            if (length > MAX_DRAINED_BYTES) {
                exchange.getResponseHeaders().set("Connection", "close");
                reply(exchange, 413, "application/json", JSON.createObjectNode()
                        .put("error", "a webhook body is at most " + MAX_BODY_BYTES / 1024 + " KB").toString());
                refused.incrementAndGet();
                return;
            }
            if (length > MAX_BODY_BYTES) {
                refuse(exchange, 413, "a webhook body is at most " + MAX_BODY_BYTES / 1024 + " KB");
                return;
            }
            byte[] bytes = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
            if (bytes == null) {
                refuse(exchange, 413, "a webhook body is at most " + MAX_BODY_BYTES / 1024 + " KB");
                return;
            }
            String text = utf8(bytes);
            JsonNode json = text == null ? null : parseQuietly(bytes);
            if (json == null || !json.isObject()) {
                refuse(exchange, 400, "the body is not a JSON object");
                return;
            }
            if (closing || !slots.tryAcquire()) {
                busy(exchange);
                return;
            }
            if (waitingBytes.addAndGet(bytes.length) > MAX_WAITING_BYTES) {
                release(bytes.length);
                busy(exchange);
                return;
            }
            // Milliseconds, as the vault keeps it: the webhook handed on is the one read back later.
            ReceivedWebhook webhook = describe(json, text, headersOf(exchange), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    WebhookVerdict.pending());
            Arrival arrival = new Arrival(bytes, webhook, new CompletableFuture<>());
            if (!toStore.offer(arrival)) {
                release(bytes.length);
                busy(exchange);
                return;
            }
            ReceivedWebhook stored;
            try {
                stored = arrival.stored().get(STORE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                // Not acknowledged: the sender tries again (and may find it stored: a duplicate, as a sender's retry can be).
                LOG.warn("A webhook could not be stored: {}", e.getMessage());
                reply(exchange, 503, "application/json", "{\"error\":\"the inbox could not store the webhook\"}");
                return;
            }
            reply(exchange, 200, "application/json", "{\"received\":" + stored.id() + "}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.debug("A webhook sender went away: {}", e.toString());
        }
    }

    private void busy(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Retry-After", "1");
        refuse(exchange, 503, "the inbox has " + MAX_WAITING + " webhooks waiting; try again shortly");
    }

    private void refuse(HttpExchange exchange, int status, String reason) throws IOException {
        refused.incrementAndGet();
        drain(exchange);
        reply(exchange, status, "application/json", JSON.createObjectNode().put("error", reason).toString());
    }

    private static void reply(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /**
     * Reads what is left of the request (up to {@link #MAX_DRAINED_BYTES}) before a refusal is sent:
     * a connection closed with unread bytes is reset, and the sender would lose the reply too.
     * Beyond that the connection is closed after the reply.
     */
    private static void drain(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        byte[] buffer = new byte[8192];
        long left = MAX_DRAINED_BYTES;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            left -= read;
        }
        if (left <= 0) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The whole stream, or null when it holds more than {@code max} bytes (the rest is not read). */
    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        return bytes.length > max ? null : bytes;
    }

    /** The text of strictly UTF-8 bytes (so it turns back into the very same bytes), or null. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static JsonNode parseQuietly(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String> headersOf(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (headers.size() >= MAX_HEADERS || values.isEmpty()) {
                return;
            }
            String value = WITHHELD.contains(name.toLowerCase(Locale.ROOT)) ? "(not kept)" : values.get(0);
            headers.put(canonical(name), value.length() > MAX_HEADER_CHARS ? value.substring(0, MAX_HEADER_CHARS) + "\u2026" : value);
        });
        return headers;
    }

    /** A header's name as it is usually written ("Plaid-Verification"): the JDK's server hands on "Plaid-verification". */
    static String canonical(String name) {
        StringBuilder written = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            written.append(start ? Character.toUpperCase(c) : c);
            start = c == '-';
        }
        return written.toString();
    }

    private static ReceivedWebhook describe(JsonNode json, String body, Map<String, String> headers, Instant at, WebhookVerdict verdict) {
        String type = json != null && json.path("webhook_type").isTextual() ? json.path("webhook_type").asText() : "";
        String code = json != null && json.path("webhook_code").isTextual() ? json.path("webhook_code").asText() : "";
        return new ReceivedWebhook(0, at, type, code, WebhookSubjects.of(json), body, headers, verdict);
    }

    private void release(int bytes) {
        waitingBytes.addAndGet(-bytes);
        slots.release();
    }

    // --- storing and verifying -----------------------------------------------------------------

    private void storeLoop() {
        List<Arrival> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                Arrival first = toStore.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                toStore.drainTo(batch, BATCH - 1);
                store(batch);
                batch.clear();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void store(List<Arrival> batch) {
        List<ReceivedWebhook> recorded;
        try {
            recorded = vault.webhooks().record(batch.stream().map(Arrival::webhook).toList());
        } catch (RuntimeException e) {
            LOG.warn("The inbox could not store {} webhooks: {}", batch.size(), e.getMessage());
            batch.forEach(arrival -> {
                release(arrival.bytes().length);
                arrival.stored().completeExceptionally(e);
            });
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            toVerify.add(new Stored(recorded.get(i), batch.get(i).bytes()));
            batch.get(i).stored().complete(recorded.get(i));
        }
    }

    /** Queues the webhooks a closing Tartan left unverified, as many as there is room for. */
    private void resumePending() {
        try {
            for (ReceivedWebhook webhook : vault.webhooks().pending(MAX_WAITING / 2)) {
                byte[] bytes = webhook.body().getBytes(StandardCharsets.UTF_8);
                if (!slots.tryAcquire()) {
                    return;
                }
                waitingBytes.addAndGet(bytes.length);
                toVerify.add(new Stored(webhook, bytes));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not read the webhooks left unverified: {}", e.getMessage());
        }
    }

    private void verifyLoop() {
        List<Stored> batch = new ArrayList<>(BATCH);
        while (!closing) {
            try {
                Stored first = toVerify.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                toVerify.drainTo(batch, BATCH - 1);
                verify(batch);
            } catch (InterruptedException e) {
                return;
            } finally {
                batch.forEach(stored -> release(stored.bytes().length));
                batch.clear();
            }
        }
    }

    private void verify(List<Stored> batch) {
        List<ReceivedWebhook> verified = new ArrayList<>(batch.size());
        for (Stored stored : batch) {
            if (closing) {
                break; // the rest stay unverified in the vault, and are verified at the next start
            }
            ReceivedWebhook webhook = stored.webhook();
            WebhookVerdict verdict;
            try {
                verdict = verifier.verify(stored.bytes(), webhook.header("Plaid-Verification"), webhook.receivedAt(),
                        WebhookVerifier.When.RECEIVED);
            } catch (RuntimeException e) {
                LOG.warn("Verifying webhook {} failed: {}", webhook.id(), e.toString());
                verdict = new WebhookVerdict(List.of(WebhookVerdict.Check.fail(WebhookVerdict.HEADER,
                        "Tartan could not verify it: " + e.getMessage())));
            }
            if (closing) {
                break; // a look-up cut short by the close says nothing about the webhook
            }
            verified.add(webhook.withVerdict(verdict));
        }
        try {
            vault.webhooks().saveVerdicts(verified);
        } catch (RuntimeException e) {
            LOG.warn("The inbox could not keep {} verdicts: {}", verified.size(), e.getMessage());
        }
        for (ReceivedWebhook webhook : verified) {
            for (Consumer<ReceivedWebhook> listener : listeners) {
                try {
                    listener.accept(webhook);
                } catch (RuntimeException e) {
                    LOG.warn("A webhook listener failed", e);
                }
            }
        }
    }

    /**
     * Stops listening, stores what was already accepted, and stops verifying (what is left
     * unverified is verified at the next start). Call it before the vault closes.
     */
    @Override
    public void close() {
        HttpServer stopping;
        synchronized (this) {
            closing = true;
            stopping = server;
            server = null;
        }
        if (stopping != null) {
            stopping.stop(0);
        }
        httpThreads.shutdown();
        checker.interrupt();
        try {
            httpThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        join(storer);
        join(checker);
        setStatus(new Status(0, status.wantedPort(), "Tartan is closing"));
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
