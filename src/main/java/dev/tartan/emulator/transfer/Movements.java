package dev.tartan.emulator.transfer;

import dev.tartan.emulator.wire.PlaidErrors;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Everything that moves money or changes a status: transfers created from authorizations, cancelled and
 * simulated; refunds; ledger deposits, withdrawals and distributions; funds made available; the legacy
 * aggregate sweep; repayments. Each checks Plaid's rules first, so a refused change records nothing.
 * Sandbox's test amounts run their documented path at once and announce the new events to the Transfer
 * webhook. Call inside {@link Transfers#write}.
 */
final class Movements {
    /** Refunds are possible for 180 days after a transfer was initiated. */
    static final Duration REFUND_WINDOW = Duration.ofDays(180);

    private final Transfers transfers;

    Movements(Transfers transfers) {
        this.transfers = transfers;
    }

    private TransferBook book() {
        return transfers.book();
    }

    /** The time on the timeline a transfer lives on: its authorization's test clock, else the wall clock. */
    Instant timelineOf(Transfer transfer) {
        return transfers.now("test_clock_id", transfer.authorization.made.testClockId());
    }

    // ---- transfers ------------------------------------------------------------------------------------------

    /** Creates the transfer of an approved, unused authorization, and runs its test amount's path if it has one. */
    Transfer create(Authorization authorization, long amount, String description, Map<String, String> metadata, Instant at) {
        Transfer transfer = originate(authorization, amount, description, metadata, at, null, null);
        runPath(transfer.id(), Lifecycle.transferPath(amount, transfer.terms()), at);
        return transfer;
    }

    /** Records a new transfer (also for a recurring transfer's origination on {@code originationDate}). */
    Transfer originate(Authorization authorization, long amount, String description, Map<String, String> metadata, Instant at,
                       String recurringTransferId, LocalDate originationDate) {
        String id = Transfers.newId();
        transfers.record(new Fact.TransferCreated(id, authorization.id(), amount, description, metadata, at, recurringTransferId,
                originationDate));
        return book().transfer(id).orElseThrow();
    }

    void cancel(Transfer transfer) {
        if (!transfer.cancellable()) {
            throw TransferErrors.notCancellable("transfer");
        }
        transfers.record(new Fact.Moved(transfer.id(), Status.CANCELLED, timelineOf(transfer), null));
    }

    void simulate(Transfer transfer, String eventType, Failure failure, Instant at) {
        Status to = Status.fromWire(eventType);
        if (to == null || to == Status.PENDING || to == Status.CANCELLED) {
            throw PlaidErrors.invalidField("event_type must be posted, settled, funds_available, failed or returned");
        }
        if (!Lifecycle.transferMayMove(transfer, to)) {
            throw TransferErrors.transitionInvalid("transfer", transfer.status, eventType);
        }
        transfers.record(new Fact.Moved(transfer.id(), to, at, Lifecycle.failureFor(to, failure, transfer.terms().isDebit())));
    }

    // ---- refunds --------------------------------------------------------------------------------------------

    Refund refund(Transfer transfer, long amount, String idempotencyKey) {
        if (!transfer.terms().isDebit()) {
            throw PlaidErrors.invalidField("transfer_id: only debit transfers can be refunded");
        }
        if (transfer.status.undone()) {
            throw PlaidErrors.invalidField("transfer_id: a " + transfer.status.wire() + " transfer cannot be refunded");
        }
        Instant now = timelineOf(transfer);
        if (transfer.made.at().plus(REFUND_WINDOW).isBefore(now)) {
            throw PlaidErrors.invalidField("transfer_id: transfers can be refunded for 180 days after they were initiated");
        }
        if (amount > transfer.refundable()) {
            throw PlaidErrors.invalidField("amount " + Money.format(amount) + " is more than the " + Money.format(transfer.refundable())
                    + " left to refund on the transfer");
        }
        if (amount > transfer.ledger.available) {
            throw PlaidErrors.invalidField("amount " + Money.format(amount) + " is more than the ledger's available balance of "
                    + Money.format(transfer.ledger.available));
        }
        String id = Transfers.newId();
        transfers.record(new Fact.RefundCreated(id, transfer.id(), amount, idempotencyKey, now));
        runPath(id, Lifecycle.refundPath(amount), now);
        return book().refund(id).orElseThrow();
    }

    void cancel(Refund refund) {
        if (refund.status != Status.PENDING) {
            throw TransferErrors.notCancellable("refund");
        }
        transfers.record(new Fact.Moved(refund.id(), Status.CANCELLED, timelineOf(refund.transfer), null));
    }

    void simulate(Refund refund, String eventType, Failure failure, Instant at) {
        Status to = eventType.startsWith("refund.") ? Status.fromWire(eventType.substring("refund.".length())) : null;
        if (to == null || to == Status.PENDING || to == Status.CANCELLED || to == Status.FUNDS_AVAILABLE) {
            throw PlaidErrors.invalidField("event_type must be refund.posted, refund.settled, refund.failed or refund.returned");
        }
        if (!Lifecycle.refundMayMove(refund, to)) {
            throw to == Status.POSTED && refund.status == Status.PENDING
                    ? TransferErrors.transitionInvalid("refund", refund.status, eventType)
                            .withMessage("refund.posted can only be simulated once the refunded transfer has settled")
                    : TransferErrors.transitionInvalid("refund", refund.status, eventType);
        }
        transfers.record(new Fact.Moved(refund.id(), to, at, Lifecycle.failureFor(to, failure, false)));
    }

    // ---- the ledger -----------------------------------------------------------------------------------------

    /** A deposit into {@code ledger} from its funding account, or a withdrawal to it. */
    Sweep sweep(Ledger ledger, Fact.SweepKind kind, long amount, String network, String description, String idempotencyKey) {
        if (kind == Fact.SweepKind.WITHDRAWAL && amount > ledger.available) {
            throw PlaidErrors.invalidField("amount " + Money.format(amount) + " is more than the ledger's available balance of "
                    + Money.format(ledger.available));
        }
        Instant now = transfers.now();
        String id = Transfers.newId();
        transfers.record(new Fact.SweepCreated(id, ledger.id(), kind, amount, network, description, idempotencyKey, now));
        runPath(id, Lifecycle.sweepPath(amount, kind == Fact.SweepKind.DEPOSIT), now);
        return book().sweep(id).orElseThrow();
    }

    void simulate(Sweep sweep, Fact.SweepKind expected, String eventType, Failure failure) {
        if (sweep.made.kind() != expected) {
            throw PlaidErrors.invalidField("sweep_id: the sweep is not a ledger " + (expected == Fact.SweepKind.DEPOSIT ? "deposit" : "withdrawal"));
        }
        Status to = Status.fromWire(eventType.substring("sweep.".length()));
        if (!Lifecycle.sweepMayMove(sweep, to)) {
            throw TransferErrors.transitionInvalid("sweep", sweep.status, eventType);
        }
        transfers.record(new Fact.Moved(sweep.id(), to, transfers.now(), Lifecycle.failureFor(to, failure, sweep.isDeposit())));
    }

    /**
     * Makes the pending funds of {@code ledger} available: settled ACH debits and settled deposits whose hold
     * ends by {@code dueBy} (any, when null) reach funds_available. Returns how many did.
     */
    int makeAvailable(Ledger ledger, LocalDate dueBy, Instant at) {
        Predicate<LocalDate> due = date -> dueBy == null || !date.isAfter(dueBy);
        int moved = 0;
        for (Transfer transfer : book().transfers()) {
            if (transfer.ledger == ledger && transfer.status == Status.SETTLED && transfer.terms().isAchDebit()
                    && due.test(Settlement.fundsAvailableDate(transfer.settledOn))) {
                transfers.record(new Fact.Moved(transfer.id(), Status.FUNDS_AVAILABLE, at, null));
                moved++;
            }
        }
        for (Sweep sweep : book().sweeps()) {
            if (sweep.ledger == ledger && sweep.isDeposit() && sweep.status == Status.SETTLED
                    && due.test(Settlement.fundsAvailableDate(sweep.settledOn))) {
                transfers.record(new Fact.Moved(sweep.id(), Status.FUNDS_AVAILABLE, at, null));
                moved++;
            }
        }
        return moved;
    }

    void distribute(Ledger from, Ledger to, long amount, String description, String idempotencyKey) {
        if (book().distributed(idempotencyKey)) {
            return;
        }
        if (from == to) {
            throw PlaidErrors.invalidField("to_ledger_id must name another ledger than from_ledger_id");
        }
        if (amount > from.available) {
            throw PlaidErrors.invalidField("amount " + Money.format(amount) + " is more than the available balance of from_ledger_id ("
                    + Money.format(from.available) + ")");
        }
        transfers.record(new Fact.Distributed(from.id(), to.id(), amount, description, idempotencyKey, transfers.now()));
    }

    /**
     * The legacy sweep of /sandbox/transfer/sweep/simulate: swept transfers become swept_settled, pending or
     * posted unswept ones are swept, and returned swept ones are return_swept. Returns the sweep of the money
     * that moved, or null when none did.
     */
    Sweep sweepAggregate(Instant at) {
        List<Transfer> settling = new ArrayList<>();
        List<Transfer> sweeping = new ArrayList<>();
        List<Transfer> returning = new ArrayList<>();
        for (Transfer transfer : book().transfers()) {
            if (transfer.sweepProgress == SweepProgress.SWEPT) {
                (transfer.status == Status.RETURNED ? returning : settling).add(transfer);
            } else if (transfer.sweepProgress == SweepProgress.UNSWEPT
                    && (transfer.status == Status.PENDING || transfer.status == Status.POSTED)) {
                sweeping.add(transfer);
            }
        }
        for (Transfer transfer : settling) {
            transfers.record(new Fact.Swept(transfer.id(), SweepProgress.SWEPT_SETTLED, transfer.sweptBy.id(), at));
        }
        if (sweeping.isEmpty() && returning.isEmpty()) {
            return null;
        }
        long net = sweeping.stream().mapToLong(Settlement::sweptAmount).sum() - returning.stream().mapToLong(Settlement::sweptAmount).sum();
        String id = Transfers.newId();
        Ledger ledger = book().defaultLedger();
        transfers.record(new Fact.SweepCreated(id, ledger.id(), Fact.SweepKind.AGGREGATE, net, "ach", null, null, at));
        sweeping.forEach(transfer -> transfers.record(new Fact.Swept(transfer.id(), SweepProgress.SWEPT, id, at)));
        returning.forEach(transfer -> transfers.record(new Fact.Swept(transfer.id(), SweepProgress.RETURN_SWEPT, id, at)));
        return book().sweep(id).orElseThrow();
    }

    /** Repays every return of a guaranteed transfer not repaid yet, as one repayment. */
    Repayment repay() {
        List<String> returns = book().transfers().stream()
                .filter(t -> t.status == Status.RETURNED && !t.repaid && "GUARANTEED".equals(t.authorization.made.verdict().guaranteeDecision()))
                .map(Transfer::id).toList();
        if (returns.isEmpty()) {
            throw PlaidErrors.invalidField("there are no unreimbursed returns of guaranteed transfers to repay");
        }
        String id = Transfers.newId();
        transfers.record(new Fact.RepaymentMade(id, returns, transfers.now()));
        return book().repayment(id).orElseThrow();
    }

    // ---- automatic paths ------------------------------------------------------------------------------------

    /** Runs a test amount's steps on {@code subjectId} at once, then tells the Transfer webhook. */
    private void runPath(String subjectId, List<Lifecycle.Step> path, Instant at) {
        if (path.isEmpty()) {
            return;
        }
        path.forEach(step -> transfers.record(new Fact.Moved(subjectId, step.status(), at, step.failure())));
        transfers.announceEvents();
    }
}
