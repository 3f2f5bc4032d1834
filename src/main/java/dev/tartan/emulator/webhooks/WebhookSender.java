package dev.tartan.emulator.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.state.StateStore;
import dev.tartan.emulator.support.Ids;
import dev.tartan.emulator.support.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Delivers webhooks in the background: a signed POST to the receiver, retried with growing pauses
 * when the receiver fails or cannot be reached. The API call that caused the webhook never waits
 * for it. Webhooks about one Item to one receiver go one at a time, each after the previous one is
 * delivered or given up, so they arrive in the order they were sent. Every delivery is recorded in
 * the persisted {@link WebhookLog}.
 */
public final class WebhookSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    /** Pauses before the second, third and fourth attempt. */
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(16));

    private static final ObjectWriter BODY_WRITER = Json.MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private final WebhookSigner signer;
    private final StateStore store;
    private final WebhookLog log;
    private final Clock clock;
    private final ExecutorService httpThreads;
    private final ScheduledExecutorService timer;
    private final HttpClient client;
    /** Per lane, the webhooks waiting; the first one is being attempted. */
    private final Map<Lane, Deque<Outgoing>> lanes = new HashMap<>();

    /** Where webhooks keep their order: one receiver, and one Item (null for webhooks about no Item). */
    private record Lane(String url, String itemId) {
    }

    /** A webhook on its way: its lane, its log entry and its exact body. */
    private record Outgoing(Lane lane, WebhookLog.Delivery delivery, byte[] bytes) {
    }

    public WebhookSender(WebhookSigner signer, StateStore store, Clock clock) {
        this.signer = signer;
        this.store = store;
        this.log = store.section("webhooks", WebhookLog.class, WebhookLog::new);
        this.clock = clock;
        this.httpThreads = Executors.newFixedThreadPool(2, daemon("tartan-emulator-webhook-http"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("tartan-emulator-webhook-timer"));
        this.client = HttpClient.newBuilder().executor(httpThreads).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Queues {@code body} for delivery to {@code url} and returns at once. Bodies carry
     * {@code webhook_type}, {@code webhook_code} and usually {@code item_id}, which the log keeps.
     */
    public void send(String url, ObjectNode body) {
        byte[] bytes;
        try {
            bytes = BODY_WRITER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a webhook body", e);
        }
        WebhookLog.Delivery delivery = new WebhookLog.Delivery();
        delivery.id = Ids.objectId();
        delivery.url = url;
        delivery.webhookType = body.path("webhook_type").asText(null);
        delivery.webhookCode = body.path("webhook_code").asText(null);
        delivery.itemId = body.path("item_id").asText(null);
        delivery.createdAt = clock.instant();
        delivery.status = "pending";
        // The log is written from the timer thread: the caller may hold the state lock in any mode.
        schedule(() -> store.write(() -> log.add(delivery)), Duration.ZERO);
        enqueue(new Outgoing(new Lane(url, delivery.itemId), delivery, bytes));
    }

    /** Puts a webhook at the end of its lane, and starts it if the lane was idle. */
    private void enqueue(Outgoing outgoing) {
        boolean idle;
        synchronized (lanes) {
            Deque<Outgoing> lane = lanes.computeIfAbsent(outgoing.lane(), key -> new ArrayDeque<>());
            idle = lane.isEmpty();
            lane.addLast(outgoing);
        }
        if (idle) {
            schedule(() -> attempt(outgoing), Duration.ZERO);
        }
    }

    /** Called once a webhook is delivered or given up: starts the next one in its lane. */
    private void finish(Outgoing outgoing) {
        Outgoing next;
        synchronized (lanes) {
            Deque<Outgoing> lane = lanes.get(outgoing.lane());
            lane.removeFirst();
            next = lane.peekFirst();
            if (next == null) {
                lanes.remove(outgoing.lane());
            }
        }
        if (next != null) {
            schedule(() -> attempt(next), Duration.ZERO);
        }
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("webhook not attempted: the emulator is closing");
        }
    }

    private void attempt(Outgoing outgoing) {
        WebhookLog.Delivery delivery = outgoing.delivery();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Plaid-Verification", signer.sign(outgoing.bytes(), clock.instant()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(outgoing.bytes()))
                    .build();
        } catch (IllegalArgumentException e) {
            record(delivery, null, "failed");
            LOG.info("webhook {} not sent: the URL is not usable", delivery.webhookCode);
            finish(outgoing);
            return;
        }
        try {
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> settle(outgoing, response));
        } catch (RejectedExecutionException e) {
            LOG.debug("webhook not attempted: the emulator is closing");
        }
    }

    private void settle(Outgoing outgoing, HttpResponse<Void> response) {
        WebhookLog.Delivery delivery = outgoing.delivery();
        Integer status = response == null ? null : response.statusCode();
        boolean delivered = status != null && status >= 200 && status < 300;
        int attemptsSoFar = delivery.attempts + 1;
        if (delivered) {
            record(delivery, status, "delivered");
            finish(outgoing);
        } else if (attemptsSoFar <= RETRY_DELAYS.size()) {
            record(delivery, status, "pending");
            schedule(() -> attempt(outgoing), RETRY_DELAYS.get(attemptsSoFar - 1));
        } else {
            record(delivery, status, "failed");
            LOG.info("webhook {} to its receiver failed after {} attempts", delivery.webhookCode, attemptsSoFar);
            finish(outgoing);
        }
    }

    private void record(WebhookLog.Delivery delivery, Integer status, String outcome) {
        store.write(() -> {
            delivery.attempts++;
            delivery.lastHttpStatus = status;
            delivery.status = outcome;
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
        httpThreads.shutdownNow();
    }
}
