package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.wire.OperationRequest;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The money held with Plaid: {@code /transfer/ledger/*}, the deprecated {@code /transfer/balance/get},
 * sweeps ({@code /transfer/sweep/get|list}) and repayments ({@code /transfer/repayment/list},
 * {@code /transfer/repayment/return/list}).
 */
final class FundsOperations {
    private static final int LIST_DEFAULT_COUNT = 25;

    private final Transfers transfers;
    private final Authorizer authorizer;
    private final Movements movements;

    FundsOperations(Transfers transfers, Authorizer authorizer, Movements movements) {
        this.transfers = transfers;
        this.authorizer = authorizer;
        this.movements = movements;
    }

    void register(Routes routes) {
        routes.read("/transfer/ledger/get", request -> {
            Routes.requireOwnOriginator(request);
            return TransferViews.ledger(authorizer.ledger(request));
        });
        routes.read("/transfer/balance/get", this::balance);
        routes.write("/transfer/ledger/deposit", request -> sweep(request, Fact.SweepKind.DEPOSIT));
        routes.write("/transfer/ledger/withdraw", request -> sweep(request, Fact.SweepKind.WITHDRAWAL));
        routes.write("/transfer/ledger/distribute", request -> {
            movements.distribute(ledger(request, "from_ledger_id"), ledger(request, "to_ledger_id"),
                    Money.cents("amount", request.requiredText("amount")), request.text("description"),
                    request.requiredText("idempotency_key"));
            return Json.object();
        });
        routes.read("/transfer/ledger/event/list", this::ledgerEvents);
        routes.read("/transfer/sweep/get", request -> sweepReply(sweep(request.requiredText("sweep_id"))));
        routes.read("/transfer/sweep/list", this::sweepList);
        routes.read("/transfer/repayment/list", this::repaymentList);
        routes.read("/transfer/repayment/return/list", this::repaymentReturns);
    }

    private Ledger ledger(OperationRequest request, String field) {
        String id = request.requiredText(field);
        return transfers.book().ledger(id).orElseThrow(() -> TransferErrors.notFound(field, "ledger", id));
    }

    private Sweep sweep(String id) {
        return transfers.book().sweep(id).orElseThrow(() -> TransferErrors.notFound("sweep_id", "sweep", id));
    }

    /** The default ledger as the prefunded balance Plaid had before Ledgers: its total is available plus pending. */
    private ObjectNode balance(OperationRequest request) {
        Routes.requireOwnOriginator(request);
        Ledger ledger = transfers.book().defaultLedger();
        ObjectNode body = Json.object();
        body.putObject("balance")
                .put("available", Money.format(ledger.available))
                .put("current", Money.format(ledger.available + ledger.pending))
                .put("type", request.text("type") == null ? "prefunded_ach_credits" : request.text("type"));
        return body;
    }

    private ObjectNode sweep(OperationRequest request, Fact.SweepKind kind) {
        Routes.requireOwnOriginator(request);
        String key = request.requiredText("idempotency_key");
        Optional<Sweep> earlier = transfers.book().sweepByKey(key);
        if (earlier.isPresent()) {
            return sweepReply(earlier.get());
        }
        Ledger ledger = authorizer.ledger(request);
        return sweepReply(movements.sweep(ledger, kind, Money.cents("amount", request.requiredText("amount")),
                request.requiredText("network"), request.text("description"), key));
    }

    static ObjectNode sweepReply(Sweep sweep) {
        ObjectNode body = Json.object();
        body.set("sweep", TransferViews.sweep(sweep));
        return body;
    }

    private ObjectNode ledgerEvents(OperationRequest request) {
        Routes.requireOwnOriginator(request);
        Routes.Window window = Routes.Window.of(request, LIST_DEFAULT_COUNT, "start_date", "end_date");
        String ledgerId = request.text("ledger_id");
        Ledger ledger = ledgerId == null ? null : ledger(request, "ledger_id");
        String eventId = request.text("ledger_event_id");
        String sourceType = request.text("source_type");
        String sourceId = request.text("source_id");
        Predicate<LedgerEntry> matches = entry -> window.covers(entry.at())
                && (ledger == null || entry.ledger() == ledger)
                && (eventId == null || eventId.equals(Long.toString(entry.id())))
                && (sourceType == null || sourceType.equals(sourceTypeOf(entry)))
                && (sourceId == null || sourceId.equals(entry.sourceId()));
        Routes.Page<LedgerEntry> page = window.newestFirst(transfers.book().ledgerEntries(), matches);
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("ledger_events");
        page.items().forEach(entry -> list.add(TransferViews.ledgerEntry(entry)));
        body.put("has_more", page.hasMore());
        return body;
    }

    private static String sourceTypeOf(LedgerEntry entry) {
        return switch (entry.type()) {
            case "transfer" -> "TRANSFER";
            case "refund" -> "REFUND";
            case "deposit", "withdrawal" -> "SWEEP";
            default -> null;
        };
    }

    private ObjectNode sweepList(OperationRequest request) {
        Routes.Window window = Routes.Window.of(request, LIST_DEFAULT_COUNT, "start_date", "end_date");
        String amount = request.text("amount");
        String status = request.text("status");
        String funding = request.text("funding_account_id");
        String transferId = request.text("transfer_id");
        String trigger = request.text("trigger");
        boolean otherOriginator = request.text("originator_client_id") != null;
        Predicate<Sweep> matches = sweep -> !otherOriginator && window.covers(sweep.made.at())
                && (amount == null || amount.equals(Money.format(sweep.signedAmount())))
                && (status == null || status.equals(sweep.status.wire()))
                && (funding == null || funding.equals(sweep.ledger.opened.fundingAccountId()))
                && (transferId == null || sweep.timeline.stream().anyMatch(e -> e.transfer() != null && transferId.equals(e.transfer().id())))
                && (trigger == null || trigger.equals(sweep.trigger()));
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("sweeps");
        window.newestFirst(transfers.book().sweeps(), matches).items().forEach(sweep -> list.add(TransferViews.sweep(sweep)));
        return body;
    }

    private ObjectNode repaymentList(OperationRequest request) {
        Routes.Window window = Routes.Window.of(request, LIST_DEFAULT_COUNT, "start_date", "end_date");
        List<Repayment> all = List.copyOf(transfers.book().repayments());
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("repayments");
        window.newestFirst(all, repayment -> window.covers(repayment.made().at())).items()
                .forEach(repayment -> list.add(TransferViews.repayment(repayment)));
        return body;
    }

    private ObjectNode repaymentReturns(OperationRequest request) {
        String id = request.requiredText("repayment_id");
        Repayment repayment = transfers.book().repayment(id).orElseThrow(() -> TransferErrors.notFound("repayment_id", "repayment", id));
        Routes.Window window = Routes.Window.of(request, LIST_DEFAULT_COUNT, null, null);
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("repayment_returns");
        repayment.returns().stream().skip(window.offset()).limit(window.count())
                .forEach(transfer -> list.add(TransferViews.repaymentReturn(transfer)));
        return body;
    }
}
