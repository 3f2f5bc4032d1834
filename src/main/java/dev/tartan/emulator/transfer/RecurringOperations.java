package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.wire.OperationRequest;

import java.util.List;

/** {@code /transfer/recurring/create|get|list|cancel}. */
final class RecurringOperations {
    private static final int LIST_DEFAULT_COUNT = 25;

    private final Transfers transfers;
    private final Recurrences recurrences;

    RecurringOperations(Transfers transfers, Recurrences recurrences) {
        this.transfers = transfers;
        this.recurrences = recurrences;
    }

    void register(Routes routes) {
        routes.write("/transfer/recurring/create", this::create);
        routes.read("/transfer/recurring/get", request -> {
            ObjectNode body = Json.object();
            body.set("recurring_transfer", TransferViews.recurring(recurring(request)));
            return body;
        });
        routes.read("/transfer/recurring/list", this::list);
        routes.write("/transfer/recurring/cancel", request -> {
            recurrences.cancel(recurring(request));
            return Json.object();
        });
    }

    private RecurringTransfer recurring(OperationRequest request) {
        String id = request.requiredText("recurring_transfer_id");
        return transfers.book().recurring(id).orElseThrow(() -> TransferErrors.notFound("recurring_transfer_id", "recurring transfer", id));
    }

    private ObjectNode create(OperationRequest request) {
        Recurrences.Outcome outcome = recurrences.create(request);
        ObjectNode body = Json.object();
        if (outcome.recurring() != null) {
            body.set("recurring_transfer", TransferViews.recurring(outcome.recurring()));
        }
        Verdict verdict = outcome.verdict();
        body.put("decision", verdict.decision());
        if (verdict.rationaleCode() == null) {
            body.putNull("decision_rationale");
        } else {
            body.putObject("decision_rationale").put("code", verdict.rationaleCode()).put("description", verdict.rationaleDescription());
        }
        return body;
    }

    private ObjectNode list(OperationRequest request) {
        Routes.Window window = Routes.Window.of(request, LIST_DEFAULT_COUNT, "start_time", "end_time");
        String funding = request.text("funding_account_id");
        List<RecurringTransfer> all = List.copyOf(transfers.book().recurringTransfers());
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("recurring_transfers");
        window.newestFirst(all, r -> window.covers(r.made.created())
                        && (funding == null || funding.equals(r.ledger.opened.fundingAccountId())))
                .items().forEach(r -> list.add(TransferViews.recurring(r)));
        return body;
    }
}
