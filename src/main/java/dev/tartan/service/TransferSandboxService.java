package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Profile;
import dev.tartan.model.WebhookUrl;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Transfer's Sandbox controls: moving a transfer, a refund or a ledger deposit or withdrawal to its
 * next status (Plaid refuses a transition it does not allow, and changes nothing), Plaid's older
 * aggregate sweep, making pending ledger funds available, the Transfer webhook, and test clocks.
 * Refused outside a sandbox, and on bad input, before anything is sent.
 */
public final class TransferSandboxService {

    public static final String SIMULATE = "/sandbox/transfer/simulate";
    public static final String REFUND_SIMULATE = "/sandbox/transfer/refund/simulate";
    public static final String DEPOSIT_SIMULATE = "/sandbox/transfer/ledger/deposit/simulate";
    public static final String WITHDRAW_SIMULATE = "/sandbox/transfer/ledger/withdraw/simulate";
    public static final String AVAILABLE_SIMULATE = "/sandbox/transfer/ledger/simulate_available";
    public static final String SWEEP_SIMULATE = "/sandbox/transfer/sweep/simulate";
    public static final String FIRE_WEBHOOK = "/sandbox/transfer/fire_webhook";
    public static final String CLOCK_CREATE = "/sandbox/transfer/test_clock/create";
    public static final String CLOCK_ADVANCE = "/sandbox/transfer/test_clock/advance";
    public static final String CLOCK_LIST = "/sandbox/transfer/test_clock/list";

    private static final Set<String> TRANSFER_EVENTS = Set.of("posted", "settled", "funds_available", "failed", "returned");
    private static final Set<String> REFUND_EVENTS = Set.of("refund.posted", "refund.settled", "refund.failed", "refund.returned");
    private static final Set<String> SWEEP_EVENTS = Set.of("sweep.posted", "sweep.settled", "sweep.failed", "sweep.returned");
    private static final Pattern RETURN_CODE = Pattern.compile("R[0-9]{2}");

    private final CachedCalls calls;

    public TransferSandboxService(CachedCalls calls) {
        this.calls = calls;
    }

    /**
     * Moves a transfer to {@code eventType} (posted, settled, funds_available, failed, returned);
     * a return carries {@code returnCode} (R01...), or Plaid's default when null.
     *
     * @param webhook where Plaid announces the new event, or null
     */
    public CompletableFuture<JsonNode> simulate(Profile profile, String transferId, String eventType, String returnCode, String webhook,
                                                Consumer<CallRecord> log) {
        return send(profile, SIMULATE, "transfer_id", transferId, eventType, TRANSFER_EVENTS, returnCode, webhook, log);
    }

    /** Moves a refund to {@code eventType} (refund.posted, refund.settled, refund.failed, refund.returned). */
    public CompletableFuture<JsonNode> simulateRefund(Profile profile, String refundId, String eventType, String returnCode, String webhook,
                                                      Consumer<CallRecord> log) {
        return send(profile, REFUND_SIMULATE, "refund_id", refundId, eventType, REFUND_EVENTS, returnCode, webhook, log);
    }

    /** Moves a ledger deposit ({@code deposit}) or withdrawal to {@code eventType} (sweep.posted, ...). */
    public CompletableFuture<JsonNode> simulateLedgerSweep(Profile profile, boolean deposit, String sweepId, String eventType, String returnCode,
                                                           Consumer<CallRecord> log) {
        return send(profile, deposit ? DEPOSIT_SIMULATE : WITHDRAW_SIMULATE, "sweep_id", sweepId, eventType, SWEEP_EVENTS, returnCode,
                null, log);
    }

    private CompletableFuture<JsonNode> send(Profile profile, String path, String idField, String id, String eventType, Set<String> allowed,
                                             String returnCode, String webhook, Consumer<CallRecord> log) {
        requireSandbox(profile);
        TransferService.requireId(id, idField.replace("_id", ""));
        if (eventType == null || !allowed.contains(eventType)) {
            throw new IllegalArgumentException("Not an event to simulate here: " + eventType + ". Use one of " + String.join(", ",
                    allowed.stream().sorted().toList()) + ".");
        }
        ObjectNode body = RequestBodies.of(idField, id);
        body.put("event_type", eventType);
        if (returnCode != null && !returnCode.isBlank()) {
            if (!eventType.endsWith("returned")) {
                throw new IllegalArgumentException("A return code goes with a return, not with " + eventType + ".");
            }
            String code = returnCode.strip().toUpperCase(java.util.Locale.ROOT);
            if (!RETURN_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("\"" + returnCode.strip() + "\" is not an ACH return code: R01 to R85.");
            }
            body.putObject("failure_reason").put("ach_return_code", code);
        }
        String url = WebhookUrl.check(webhook);
        if (url != null) {
            body.put("webhook", url);
        }
        return Futures.map(calls.send(profile, path, body, log), response -> response.json());
    }

    /** Makes the ledger's settled debits and deposits available (with a test clock: those whose hold has ended by its day). */
    public CompletableFuture<JsonNode> simulateAvailable(Profile profile, String testClockId, Consumer<CallRecord> log) {
        requireSandbox(profile);
        ObjectNode body = PlaidJson.mapper().createObjectNode();
        RequestBodies.putIfGiven(body, "test_clock_id", testClockId);
        return Futures.map(calls.send(profile, AVAILABLE_SIMULATE, body, log), response -> response.json());
    }

    /** Plaid's older aggregate sweep: completes with the reply, whose sweep is absent when no money moved. */
    public CompletableFuture<JsonNode> simulateSweep(Profile profile, Consumer<CallRecord> log) {
        requireSandbox(profile);
        return Futures.map(calls.send(profile, SWEEP_SIMULATE, PlaidJson.mapper().createObjectNode(), log), response -> response.json());
    }

    /** Sends a TRANSFER_EVENTS_UPDATE webhook to {@code url}. */
    public CompletableFuture<JsonNode> fireWebhook(Profile profile, String url, Consumer<CallRecord> log) {
        requireSandbox(profile);
        String checked = WebhookUrl.check(url);
        if (checked == null) {
            throw new IllegalArgumentException("Give the URL the webhook goes to.");
        }
        return Futures.map(calls.send(profile, FIRE_WEBHOOK, RequestBodies.of("webhook", checked), log), response -> response.json());
    }

    /** The test clocks, earliest virtual time first (one page). */
    public CompletableFuture<List<JsonNode>> clocks(Profile profile, Consumer<CallRecord> log) {
        requireSandbox(profile);
        return Futures.map(calls.fetch(profile, CLOCK_LIST, TransferLedgerService.page(0), log), fetched -> {
            List<JsonNode> clocks = new java.util.ArrayList<>();
            fetched.json().path("test_clocks").forEach(clocks::add);
            return clocks;
        });
    }

    /** A test clock at {@code virtualTime} (now when null); completes with the clock. */
    public CompletableFuture<JsonNode> createClock(Profile profile, Instant virtualTime, Consumer<CallRecord> log) {
        requireSandbox(profile);
        ObjectNode body = PlaidJson.mapper().createObjectNode();
        if (virtualTime != null) {
            body.put("virtual_time", virtualTime.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        }
        return Futures.map(calls.send(profile, CLOCK_CREATE, body, log), response -> response.json().path("test_clock"));
    }

    /** Moves a test clock forward to {@code to}; the recurring transfers on it originate what falls due. */
    public CompletableFuture<JsonNode> advanceClock(Profile profile, String clockId, Instant from, Instant to, Consumer<CallRecord> log) {
        requireSandbox(profile);
        TransferService.requireId(clockId, "test clock");
        if (to == null) {
            throw new IllegalArgumentException("Give the time to advance the clock to.");
        }
        if (from != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("A test clock only moves forward: " + to + " is not after its time, " + from + ".");
        }
        ObjectNode body = RequestBodies.of("test_clock_id", clockId);
        body.put("new_virtual_time", to.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        return Futures.map(calls.send(profile, CLOCK_ADVANCE, body, log), response -> response.json());
    }

    private static void requireSandbox(Profile profile) {
        if (profile == null || profile.environment().isProduction()) {
            throw new IllegalArgumentException("Sandbox simulations work in Sandbox and on the emulator, not in Production.");
        }
    }
}
