package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.support.Mix;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Transfer's objects as the spec's response schemas write them. */
final class TransferViews {
    private static final String USD = "USD";

    private TransferViews() {
    }

    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static ObjectNode authorization(Authorization authorization) {
        Fact.Authorized made = authorization.made;
        Verdict verdict = made.verdict();
        ObjectNode json = Json.object();
        json.put("id", made.authorizationId());
        json.put("created", timestamp(made.created()));
        json.put("decision", verdict.decision());
        if (verdict.rationaleCode() == null) {
            json.putNull("decision_rationale");
        } else {
            json.putObject("decision_rationale").put("code", verdict.rationaleCode()).put("description", verdict.rationaleDescription());
        }
        json.put("guarantee_decision", verdict.guaranteeDecision());
        if (verdict.guaranteeRationaleCode() == null) {
            json.putNull("guarantee_decision_rationale");
        } else {
            json.putObject("guarantee_decision_rationale").put("code", verdict.guaranteeRationaleCode())
                    .put("description", "Plaid could not estimate the transfer's risk of return");
        }
        json.putNull("payment_risk");
        Proposal proposal = made.proposal();
        ObjectNode proposed = json.putObject("proposed_transfer");
        terms(proposed, proposal);
        proposed.put("amount", Money.format(proposal.amountCents()));
        return json;
    }

    /** The fields a transfer shares with the proposal it was authorized from. */
    private static void terms(ObjectNode json, Proposal proposal) {
        if (proposal.achClass() != null) {
            json.put("ach_class", proposal.achClass());
        }
        json.put("account_id", proposal.accountId());
        json.putNull("funding_account_id");
        json.put("ledger_id", proposal.ledgerId());
        json.put("type", proposal.type());
        json.set("user", user(proposal.user()));
        json.put("network", proposal.network());
        if (proposal.wireDetails() != null) {
            json.putObject("wire_details").put("message_to_beneficiary", proposal.wireDetails().messageToBeneficiary())
                    .put("wire_return_fee", proposal.wireDetails().wireReturnFee());
        }
        json.put("origination_account_id", proposal.originationAccountId());
        json.put("iso_currency_code", proposal.isoCurrencyCode());
        json.putNull("originator_client_id");
        json.put("credit_funds_source", proposal.creditFundsSource());
    }

    static ObjectNode user(TransferUser user) {
        ObjectNode json = Json.object();
        json.put("legal_name", user.legalName());
        json.put("phone_number", user.phoneNumber());
        json.put("email_address", user.emailAddress());
        TransferUser.Address address = user.address();
        if (address == null) {
            json.putNull("address");
        } else {
            json.putObject("address").put("street", address.street()).put("city", address.city()).put("region", address.region())
                    .put("postal_code", address.postalCode()).put("country", address.country());
        }
        return json;
    }

    static ObjectNode transfer(Transfer transfer) {
        Fact.TransferCreated made = transfer.made;
        Verdict verdict = transfer.authorization.made.verdict();
        ObjectNode json = Json.object();
        json.put("id", transfer.id());
        json.put("authorization_id", transfer.authorization.id());
        terms(json, transfer.terms());
        json.put("amount", Money.format(transfer.amount()));
        json.put("description", made.description());
        json.put("created", timestamp(made.at()));
        json.put("status", transfer.status.wire());
        json.put("sweep_status", transfer.sweepProgress == null ? null : transfer.sweepProgress.wire());
        json.put("cancellable", transfer.cancellable());
        json.set("failure_reason", failure(transfer.failure, true));
        if (made.metadata() == null) {
            json.putNull("metadata");
        } else {
            ObjectNode metadata = json.putObject("metadata");
            made.metadata().forEach(metadata::put);
        }
        json.put("guarantee_decision", verdict.guaranteeDecision());
        if (verdict.guaranteeRationaleCode() == null) {
            json.putNull("guarantee_decision_rationale");
        } else {
            json.putObject("guarantee_decision_rationale").put("code", verdict.guaranteeRationaleCode())
                    .put("description", "Plaid could not estimate the transfer's risk of return");
        }
        json.put("standard_return_window", date(Settlement.standardReturnWindow(transfer)));
        json.put("unauthorized_return_window", date(Settlement.unauthorizedReturnWindow(transfer)));
        json.put("expected_settlement_date", date(transfer.status.undone() ? null : Settlement.settlementDay(transfer)));
        json.put("expected_funds_available_date", date(Settlement.expectedFundsAvailable(transfer)));
        ArrayNode refunds = json.putArray("refunds");
        transfer.refunds.forEach(refund -> refunds.add(refund(refund)));
        json.put("recurring_transfer_id", made.recurringTransferId());
        json.put("network_trace_id", networkTraceId(transfer.id(), transfer.status != Status.PENDING && transfer.status != Status.CANCELLED));
        return json;
    }

    static ObjectNode refund(Refund refund) {
        ObjectNode json = Json.object();
        json.put("id", refund.id());
        json.put("transfer_id", refund.transfer.id());
        json.put("amount", Money.format(refund.amount()));
        json.put("status", refund.status.wire());
        json.set("failure_reason", failure(refund.failure, true));
        json.put("ledger_id", refund.transfer.ledger.id());
        json.put("created", timestamp(refund.made.at()));
        json.put("network_trace_id", networkTraceId(refund.id(), refund.status != Status.PENDING && refund.status != Status.CANCELLED));
        return json;
    }

    static ObjectNode sweep(Sweep sweep) {
        Fact.SweepCreated made = sweep.made;
        ObjectNode json = Json.object();
        json.put("id", sweep.id());
        json.put("funding_account_id", sweep.ledger.opened.fundingAccountId());
        json.put("ledger_id", sweep.ledger.id());
        json.put("created", timestamp(made.at()));
        json.put("amount", Money.format(sweep.signedAmount()));
        json.put("iso_currency_code", USD);
        json.put("settled", date(sweep.settledOn));
        json.put("expected_funds_available_date", date(Settlement.expectedFundsAvailable(sweep)));
        json.put("status", sweep.status.wire());
        json.put("trigger", sweep.trigger());
        if (made.description() != null) {
            json.put("description", made.description());
        }
        json.put("network_trace_id", networkTraceId(sweep.id(), sweep.status != Status.PENDING));
        json.set("failure_reason", failure(sweep.failure, false));
        return json;
    }

    static ObjectNode event(TransferEvent event) {
        ObjectNode json = Json.object();
        json.put("event_id", event.id());
        json.put("timestamp", timestamp(event.at()));
        json.put("event_type", event.type().wire());
        Transfer transfer = event.transfer();
        if (transfer == null) {
            Sweep sweep = event.sweep();
            json.put("funding_account_id", sweep.ledger.opened.fundingAccountId());
            json.put("ledger_id", sweep.ledger.id());
            json.put("transfer_id", "");
            json.putNull("origination_account_id");
            json.set("failure_reason", failure(event.failure(), true));
            json.put("sweep_id", sweep.id());
            json.put("sweep_amount", Money.format(sweep.signedAmount()));
            json.putNull("refund_id");
        } else {
            Proposal terms = transfer.terms();
            json.put("account_id", terms.accountId());
            json.putNull("funding_account_id");
            json.put("ledger_id", transfer.ledger.id());
            json.put("transfer_id", transfer.id());
            json.put("origination_account_id", terms.originationAccountId());
            json.put("transfer_type", terms.type());
            json.put("transfer_amount", Money.format(event.refund() != null ? event.refund().amount() : transfer.amount()));
            json.set("failure_reason", failure(event.failure(), true));
            json.put("sweep_id", event.sweep() == null ? null : event.sweep().id());
            long swept = event.type() == EventType.RETURN_SWEPT ? -Settlement.sweptAmount(transfer) : Settlement.sweptAmount(transfer);
            json.put("sweep_amount", event.sweep() == null ? null : Money.format(swept));
            json.put("refund_id", event.refund() == null ? null : event.refund().id());
        }
        json.putNull("originator_client_id");
        json.putNull("intent_id");
        return json;
    }

    static ObjectNode recurring(RecurringTransfer recurring) {
        Fact.RecurringCreated made = recurring.made;
        Proposal proposal = made.proposal();
        ObjectNode json = Json.object();
        json.put("recurring_transfer_id", recurring.id());
        json.put("created", timestamp(made.created()));
        json.put("next_origination_date", date(recurring.active() ? recurring.nextOrigination() : null));
        json.put("test_clock_id", made.testClockId());
        json.put("type", proposal.type());
        json.put("amount", Money.format(proposal.amountCents()));
        json.put("status", recurring.status());
        if (proposal.achClass() != null) {
            json.put("ach_class", proposal.achClass());
        }
        json.put("network", proposal.network());
        json.put("origination_account_id", proposal.originationAccountId());
        json.put("account_id", proposal.accountId());
        json.put("funding_account_id", recurring.ledger.opened.fundingAccountId());
        json.put("iso_currency_code", proposal.isoCurrencyCode());
        json.put("description", made.description());
        ArrayNode ids = json.putArray("transfer_ids");
        recurring.transferIds.forEach(ids::add);
        json.set("user", user(proposal.user()));
        Schedule schedule = made.schedule();
        json.putObject("schedule").put("interval_unit", schedule.intervalUnit()).put("interval_count", schedule.intervalCount())
                .put("interval_execution_day", schedule.intervalExecutionDay()).put("start_date", schedule.startDate().toString())
                .put("end_date", date(schedule.endDate()));
        return json;
    }

    static ObjectNode ledger(Ledger ledger) {
        ObjectNode json = Json.object();
        json.put("ledger_id", ledger.id());
        json.putObject("balance").put("available", Money.format(ledger.available)).put("pending", Money.format(ledger.pending));
        json.put("name", ledger.opened.name());
        json.put("is_default", ledger.opened.isDefault());
        return json;
    }

    static ObjectNode ledgerEntry(LedgerEntry entry) {
        ObjectNode json = Json.object();
        json.put("ledger_event_id", Long.toString(entry.id()));
        json.put("ledger_id", entry.ledger().id());
        json.put("amount", Money.format(entry.amount()));
        json.put("transfer_id", "transfer".equals(entry.type()) ? entry.sourceId() : null);
        json.put("refund_id", "refund".equals(entry.type()) ? entry.sourceId() : null);
        json.put("sweep_id", "deposit".equals(entry.type()) || "withdrawal".equals(entry.type()) ? entry.sourceId() : null);
        json.put("description", entry.description());
        json.put("pending_balance", Money.format(entry.pendingAfter()));
        json.put("available_balance", Money.format(entry.availableAfter()));
        json.put("type", entry.type());
        json.put("timestamp", timestamp(entry.at()));
        return json;
    }

    static ObjectNode clock(TestClock clock) {
        ObjectNode json = Json.object();
        json.put("test_clock_id", clock.id);
        json.put("virtual_time", timestamp(clock.virtualTime));
        return json;
    }

    static ObjectNode repayment(Repayment repayment) {
        ObjectNode json = Json.object();
        json.put("repayment_id", repayment.made().repaymentId());
        json.put("created", timestamp(repayment.made().at()));
        json.put("amount", Money.format(repayment.amount()));
        json.put("iso_currency_code", USD);
        return json;
    }

    /** A repaid return: the transfer, the id of its {@code returned} event, and its amount. */
    static ObjectNode repaymentReturn(Transfer transfer) {
        long eventId = transfer.timeline.stream().filter(e -> e.type() == EventType.RETURNED).mapToLong(TransferEvent::id)
                .findFirst().orElseThrow();
        ObjectNode json = Json.object();
        json.put("transfer_id", transfer.id());
        json.put("event_id", eventId);
        json.put("amount", Money.format(transfer.amount()));
        json.put("iso_currency_code", USD);
        return json;
    }

    private static ObjectNode failure(Failure failure, boolean withReturnCode) {
        if (failure == null) {
            return null;
        }
        ObjectNode json = Json.object();
        json.put("failure_code", failure.failureCode());
        if (withReturnCode) {
            json.put("ach_return_code", failure.achReturnCode());
        }
        json.put("description", failure.description());
        return json;
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** The network's trace number, once the payment has left for the network: 15 digits derived from the id. */
    private static String networkTraceId(String id, boolean sent) {
        if (!sent) {
            return null;
        }
        long digits = Math.floorMod(Mix.of(id), 1_000_000_000_000_000L);
        return String.format("%015d", digits);
    }
}
