package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.Items;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.wire.OperationRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Transfer's Sandbox controls: {@code /sandbox/transfer/simulate} and its refund, ledger and sweep
 * counterparts, {@code ledger/simulate_available}, {@code repayment/simulate}, {@code fire_webhook} and the
 * test clocks. A simulation fires no webhook unless its request names one, as in Plaid's Sandbox.
 */
final class SandboxOperations {
    private static final int LIST_DEFAULT_COUNT = 25;

    private final Transfers transfers;
    private final Authorizer authorizer;
    private final Movements movements;
    private final Recurrences recurrences;

    SandboxOperations(Transfers transfers, Authorizer authorizer, Movements movements, Recurrences recurrences) {
        this.transfers = transfers;
        this.authorizer = authorizer;
        this.movements = movements;
        this.recurrences = recurrences;
    }

    void register(Routes routes) {
        routes.write("/sandbox/transfer/simulate", request -> {
            String id = request.requiredText("transfer_id");
            Transfer transfer = transfers.book().transfer(id).orElseThrow(() -> TransferErrors.notFound("transfer_id", "transfer", id));
            String webhook = webhook(request);
            movements.simulate(transfer, request.requiredText("event_type"), Routes.failure(request), simulatedAt(request, transfer));
            return announced(webhook);
        });
        routes.write("/sandbox/transfer/refund/simulate", request -> {
            String id = request.requiredText("refund_id");
            Refund refund = transfers.book().refund(id).orElseThrow(() -> TransferErrors.notFound("refund_id", "refund", id));
            String webhook = webhook(request);
            movements.simulate(refund, request.requiredText("event_type"), Routes.failure(request), simulatedAt(request, refund.transfer));
            return announced(webhook);
        });
        routes.write("/sandbox/transfer/ledger/deposit/simulate", request -> simulateSweep(request, Fact.SweepKind.DEPOSIT));
        routes.write("/sandbox/transfer/ledger/withdraw/simulate", request -> simulateSweep(request, Fact.SweepKind.WITHDRAWAL));
        routes.write("/sandbox/transfer/ledger/simulate_available", this::simulateAvailable);
        routes.write("/sandbox/transfer/sweep/simulate", request -> {
            String webhook = webhook(request);
            Sweep sweep = movements.sweepAggregate(transfers.now("test_clock_id", request.text("test_clock_id")));
            ObjectNode body = announced(webhook);
            if (sweep != null) {
                body.set("sweep", TransferViews.sweep(sweep));
            }
            return body;
        });
        routes.write("/sandbox/transfer/repayment/simulate", request -> {
            movements.repay();
            return Json.object();
        });
        routes.write("/sandbox/transfer/fire_webhook", this::fireWebhook);
        routes.write("/sandbox/transfer/test_clock/create", request -> {
            Instant virtualTime = Routes.instant(request, "virtual_time");
            return clockReply(recurrences.createClock(virtualTime == null ? transfers.now() : virtualTime));
        });
        routes.read("/sandbox/transfer/test_clock/get", request -> clockReply(clock(request)));
        routes.read("/sandbox/transfer/test_clock/list", this::clockList);
        routes.write("/sandbox/transfer/test_clock/advance", request -> {
            recurrences.advance(clock(request), Routes.instant(request, "new_virtual_time"));
            return Json.object();
        });
    }

    /** A simulation happens at its test clock's time if it names one, else on the timeline of the transfer concerned. */
    private Instant simulatedAt(OperationRequest request, Transfer transfer) {
        String clockId = request.text("test_clock_id");
        return clockId != null ? transfers.now("test_clock_id", clockId) : movements.timelineOf(transfer);
    }

    /** The request's {@code webhook}, checked before the simulation changes anything; null when it has none. */
    private static String webhook(OperationRequest request) {
        return Items.webhookUrl("webhook", request.text("webhook"));
    }

    /** The empty answer of a simulation, after a TRANSFER_EVENTS_UPDATE to {@code webhook}, if there is one. */
    private ObjectNode announced(String webhook) {
        transfers.announceEventsTo(webhook);
        return Json.object();
    }

    private ObjectNode simulateSweep(OperationRequest request, Fact.SweepKind kind) {
        String id = request.requiredText("sweep_id");
        Sweep sweep = transfers.book().sweep(id).orElseThrow(() -> TransferErrors.notFound("sweep_id", "sweep", id));
        movements.simulate(sweep, kind, request.requiredText("event_type"), Routes.failure(request));
        return Json.object();
    }

    private ObjectNode simulateAvailable(OperationRequest request) {
        Routes.requireOwnOriginator(request);
        Ledger ledger = authorizer.ledger(request);
        String clockId = request.text("test_clock_id");
        Instant at = transfers.now("test_clock_id", clockId);
        String webhook = webhook(request);
        movements.makeAvailable(ledger, clockId == null ? null : BankingCalendar.dayOf(at), at);
        return announced(webhook);
    }

    /**
     * Sends a TRANSFER_EVENTS_UPDATE to {@code webhook}. Emulator extension: Plaid sends Transfer webhooks to
     * the URL registered in its Dashboard, which the emulator does not have; the URL last given here becomes
     * that registered Transfer webhook.
     */
    private ObjectNode fireWebhook(OperationRequest request) {
        String url = Items.webhookUrl("webhook", request.requiredText("webhook"));
        if (!url.equals(transfers.book().webhookUrl())) {
            transfers.record(new Fact.WebhookRegistered(url));
        }
        transfers.announceEventsTo(url);
        return Json.object();
    }

    private TestClock clock(OperationRequest request) {
        String id = request.requiredText("test_clock_id");
        return transfers.book().clock(id).orElseThrow(() -> TransferErrors.notFound("test_clock_id", "test clock", id));
    }

    private static ObjectNode clockReply(TestClock clock) {
        ObjectNode body = Json.object();
        body.set("test_clock", TransferViews.clock(clock));
        return body;
    }

    /** Test clocks by ascending virtual time, as Plaid lists them. */
    private ObjectNode clockList(OperationRequest request) {
        Routes.Window window = Routes.Window.of(request, LIST_DEFAULT_COUNT, "start_virtual_time", "end_virtual_time");
        List<TestClock> clocks = new ArrayList<>(transfers.book().clocks());
        clocks.sort(Comparator.comparing((TestClock clock) -> clock.virtualTime));
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("test_clocks");
        clocks.stream().filter(clock -> window.covers(clock.virtualTime)).skip(window.offset()).limit(window.count())
                .forEach(clock -> list.add(TransferViews.clock(clock)));
        return body;
    }
}
