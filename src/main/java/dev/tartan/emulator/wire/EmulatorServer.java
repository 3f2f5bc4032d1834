package dev.tartan.emulator.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tartan.emulator.FailRates;
import dev.tartan.emulator.Latency;
import dev.tartan.emulator.spec.RequestProblem;
import dev.tartan.emulator.spec.RequestValidator;
import dev.tartan.emulator.spec.SpecCatalog;
import dev.tartan.emulator.spec.SpecOperation;
import dev.tartan.emulator.support.Ids;
import dev.tartan.emulator.support.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of the emulator: a JDK HTTP server on 127.0.0.1 with a bounded pool of worker
 * threads. Every request goes through the same gate, in Plaid's order: fault injection, route
 * (404), body (content type and JSON), credentials, then the operation's schema; only then does a
 * stateful handler, or the spec fallback, answer. Every error is Plaid's error body with a fresh
 * request_id and Plaid's HTTP status.
 */
public final class EmulatorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);
    /**
     * Few workers keep the hand-offs between the server's dispatcher and its workers cheap (32 workers cost
     * twice the CPU per request of 8 on a 2-core machine); with configured latency, workers sleep through
     * it, so there are more of them.
     */
    private static final int WORKER_THREADS = Math.max(8, 2 * Runtime.getRuntime().availableProcessors());
    private static final int WORKER_THREADS_WITH_LATENCY = 64;
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** A body larger than this is read only once the credentials in the headers pass. */
    public static final int UNAUTHENTICATED_BODY_BYTES = 64 * 1024;
    /** Connections open at once; the JDK server closes any beyond them as they come. */
    public static final int MAX_CONNECTIONS = 128;
    /** A request (line, headers and body) must arrive whole within this; loopback takes milliseconds. */
    public static final int REQUEST_SECONDS = 10;
    /** A reply must be read within this after its request arrived, injected latency included. */
    public static final int REPLY_SECONDS = 300;

    private final HttpServer server;
    private final ExecutorService workers;
    private final SpecCatalog catalog;
    private final HandlerRegistry handlers;
    private final OperationHandler fallback;
    private final byte[] clientId;
    private final byte[] secret;
    private final FaultInjector faults;

    /**
     * @param fallback answers operations without a registered handler
     */
    public EmulatorServer(int port, SpecCatalog catalog, HandlerRegistry handlers, OperationHandler fallback,
                          String clientId, String secret, Latency latency, FailRates failRates) throws IOException {
        // Small request/response pairs on kept-alive connections stall on Nagle's algorithm without this.
        defaultProperty("sun.net.httpserver.nodelay", "true");
        // A client that keeps connections open or sends or reads slowly must not hold every worker.
        defaultProperty("jdk.httpserver.maxConnections", String.valueOf(MAX_CONNECTIONS));
        defaultProperty("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_SECONDS));
        defaultProperty("sun.net.httpserver.maxRspTime", String.valueOf(REPLY_SECONDS));
        this.catalog = catalog;
        this.handlers = handlers;
        this.fallback = fallback;
        this.clientId = clientId.getBytes(StandardCharsets.UTF_8);
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.faults = new FaultInjector(latency, failRates);
        this.workers = Executors.newFixedThreadPool(latency.isNone() ? WORKER_THREADS : WORKER_THREADS_WITH_LATENCY,
                namedThreads("tartan-emulator-http-"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.setExecutor(workers);
        server.createContext("/", this::serve);
        server.start();
    }

    /**
     * The JDK's server reads its settings once, when the first server of the process starts (in
     * Tartan, the emulator); one set on the command line wins.
     */
    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    static ThreadFactory namedThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            try {
                refuseLargeBodyOfAStranger(exchange, path);
            } catch (ApiException e) {
                sendError(exchange, e); // the body stays unread; closing the exchange ends the connection
                return;
            }
            byte[] rawBody = readBody(exchange.getRequestBody());
            FaultInjector.Fault fault = faults.draw();
            if (fault == FaultInjector.Fault.DROP) {
                return; // closing without a status line: the client sees the connection end
            }
            faults.delay();
            try {
                switch (fault) {
                    case RATE_LIMITED -> throw PlaidErrors.rateLimited(path);
                    case SERVER_ERROR -> throw PlaidErrors.of("INTERNAL_SERVER_ERROR");
                    default -> {
                    }
                }
                if (rawBody == null) {
                    throw PlaidErrors.of("INVALID_BODY", "the request body is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MB");
                }
                Reply reply = dispatch(exchange, path, rawBody);
                send(exchange, 200, reply);
            } catch (ApiException e) {
                sendError(exchange, e);
            } catch (RuntimeException e) {
                LOG.error("emulator failed on {} {}", exchange.getRequestMethod(), path, e);
                ObjectNode body = PlaidErrors.of("INTERNAL_SERVER_ERROR").toJson();
                body.put("request_id", Ids.requestId());
                send(exchange, 500, Reply.json(body));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("client went away: {}", e.toString());
        }
    }

    private static void sendError(HttpExchange exchange, ApiException error) throws IOException {
        ObjectNode body = error.toJson();
        body.put("request_id", Ids.requestId());
        send(exchange, error.httpStatus(), Reply.json(body));
    }

    /**
     * Reading a body costs the server its size, so one larger than {@link #UNAUTHENTICATED_BODY_BYTES}
     * (or of unknown length) is read only for an operation that needs no credentials or for a caller
     * whose header credentials pass; credentials in such a body are not looked for.
     */
    private void refuseLargeBodyOfAStranger(HttpExchange exchange, String path) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        boolean large = length == null ? exchange.getRequestHeaders().containsKey("Transfer-Encoding")
                : parsedLength(length) > UNAUTHENTICATED_BODY_BYTES;
        boolean authenticated = catalog.find(exchange.getRequestMethod(), path).map(SpecOperation::authenticated).orElse(true);
        if (!large || !authenticated) {
            return;
        }
        String givenId = exchange.getRequestHeaders().getFirst("PLAID-CLIENT-ID");
        String givenSecret = exchange.getRequestHeaders().getFirst("PLAID-SECRET");
        if (givenId == null || givenSecret == null) {
            throw PlaidErrors.of("MISSING_FIELDS", "a body over " + UNAUTHENTICATED_BODY_BYTES / 1024
                    + " KB needs the PLAID-CLIENT-ID and PLAID-SECRET headers");
        }
        requireKnown(givenId.trim(), givenSecret.trim());
    }

    private static long parsedLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private Reply dispatch(HttpExchange exchange, String path, byte[] rawBody) {
        SpecOperation operation = catalog.find(exchange.getRequestMethod(), path)
                .orElseThrow(() -> PlaidErrors.of("NOT_FOUND"));
        ObjectNode body = operation.requestSchema() == null && rawBody.length == 0
                ? Json.object() : parseBody(exchange, rawBody);
        if (operation.authenticated()) {
            authenticate(exchange, body);
        }
        if (operation.requestSchema() != null) {
            RequestProblem problem = RequestValidator.validate(body, operation.requestSchema());
            if (problem != null) {
                throw PlaidErrors.of(problem.kind().name(), problem.message());
            }
        }
        OperationRequest request = new OperationRequest(operation, path, body);
        Reply reply = handlers.find(operation.path()).orElse(fallback).handle(request);
        if (reply.isJson()) {
            reply.jsonBody().put("request_id", Ids.requestId());
        }
        return reply;
    }

    private static ObjectNode parseBody(HttpExchange exchange, byte[] rawBody) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || contentType.isBlank()) {
            throw PlaidErrors.of("INVALID_HEADERS", "the Content-Type header is missing: send application/json");
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw PlaidErrors.of("INVALID_BODY", "request content-type must be application/json (got " + mediaType + ")");
        }
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(rawBody);
        } catch (JsonProcessingException e) {
            throw PlaidErrors.of("INVALID_BODY");
        } catch (IOException e) {
            throw PlaidErrors.of("INVALID_BODY");
        }
        if (parsed == null || parsed.isMissingNode()) {
            throw PlaidErrors.of("INVALID_BODY", "body could not be parsed as JSON: the body is empty");
        }
        if (!parsed.isObject()) {
            throw PlaidErrors.of("INVALID_BODY", "body must be a JSON object");
        }
        return (ObjectNode) parsed;
    }

    private void authenticate(HttpExchange exchange, ObjectNode body) {
        String givenId = credential(exchange, body, "PLAID-CLIENT-ID", "client_id");
        String givenSecret = credential(exchange, body, "PLAID-SECRET", "secret");
        List<String> missing = new ArrayList<>();
        if (givenId == null) {
            missing.add("client_id");
        }
        if (givenSecret == null) {
            missing.add("secret");
        }
        if (!missing.isEmpty()) {
            throw PlaidErrors.of("MISSING_FIELDS", "the following required fields are missing: " + String.join(", ", missing));
        }
        requireKnown(givenId, givenSecret);
    }

    private void requireKnown(String givenId, String givenSecret) {
        boolean idMatches = MessageDigest.isEqual(clientId, givenId.getBytes(StandardCharsets.UTF_8));
        boolean secretMatches = MessageDigest.isEqual(secret, givenSecret.getBytes(StandardCharsets.UTF_8));
        if (!idMatches || !secretMatches) {
            throw PlaidErrors.of("INVALID_API_KEYS");
        }
    }

    /** A credential from the header, else from the body field. */
    private static String credential(HttpExchange exchange, ObjectNode body, String header, String field) {
        String fromHeader = exchange.getRequestHeaders().getFirst(header);
        if (fromHeader != null && !fromHeader.isBlank()) {
            return fromHeader.trim();
        }
        JsonNode fromBody = body.get(field);
        if (fromBody == null || fromBody.isNull()) {
            return null;
        }
        if (!fromBody.isTextual()) {
            throw PlaidErrors.invalidField(field + " must be a string");
        }
        return fromBody.asText().isBlank() ? null : fromBody.asText();
    }

    /** The whole body, or null when it is too large (read to its end all the same, to keep the connection usable). */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        }
        return bytes;
    }

    private static void send(HttpExchange exchange, int status, Reply reply) throws IOException {
        byte[] bytes = reply.isJson() ? Json.MAPPER.writeValueAsBytes(reply.jsonBody()) : reply.bytes();
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
