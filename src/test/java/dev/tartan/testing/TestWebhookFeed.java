package dev.tartan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.WebhookVerdict;
import dev.tartan.service.WebhookFeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * TEST ONLY: a minimal stand-in for Tartan's webhook inbox, for the Sandbox pane's tests while the
 * real inbox is built in another branch. It receives the emulator's webhook deliveries on loopback,
 * tells what each is about from its body (item_id: the Item), and verifies nothing: every verdict has
 * no checks, so the pane shows them as "not checked".
 */
public final class TestWebhookFeed implements WebhookFeed, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicLong ids = new AtomicLong();
    private final List<ReceivedWebhook> received = new CopyOnWriteArrayList<>();
    private final List<Consumer<ReceivedWebhook>> listeners = new CopyOnWriteArrayList<>();

    public TestWebhookFeed() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            ReceivedWebhook webhook = parse(ids.incrementAndGet(), body, headers);
            received.add(webhook);
            listeners.forEach(listener -> listener.accept(webhook));
        });
        server.start();
    }

    private static ReceivedWebhook parse(long id, String body, Map<String, String> headers) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = JSON.createObjectNode();
        }
        ReceivedWebhook.WebhookSubject subject = json.hasNonNull("item_id")
                ? new ReceivedWebhook.WebhookSubject(ReceivedWebhook.WebhookSubject.Kind.ITEM, json.get("item_id").asText())
                : null;
        return new ReceivedWebhook(id, Instant.now(), json.path("webhook_type").asText(""), json.path("webhook_code").asText(""),
                subject, body, headers, new WebhookVerdict(List.of()));
    }

    @Override
    public String inboxUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
    }

    @Override
    public List<ReceivedWebhook> recent(int limit) {
        List<ReceivedWebhook> newestFirst = new ArrayList<>(received);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
    }

    @Override
    public AutoCloseable subscribe(Consumer<ReceivedWebhook> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Every webhook received so far, oldest first. */
    public List<ReceivedWebhook> all() {
        return List.copyOf(received);
    }

    /** How many listeners are subscribed now. */
    public int listeners() {
        return listeners.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
