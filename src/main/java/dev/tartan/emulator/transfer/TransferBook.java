package dev.tartan.emulator.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Transfer's state in memory: ledgers, authorizations, transfers, refunds, sweeps, recurring transfers,
 * test clocks and repayments, the event log and the ledger's history, with the indexes the operations
 * need. It changes only by applying {@link Fact}s, in the order they happened, so the journal rebuilds it
 * exactly; balances and events follow from the facts. Not thread-safe: callers hold the state lock.
 */
final class TransferBook {
    private final Map<String, Ledger> ledgers = new LinkedHashMap<>();
    private final Map<String, Ledger> ledgersByFundingAccount = new HashMap<>();
    private Ledger defaultLedger;
    private String webhookUrl;
    private final Map<String, TestClock> clocks = new LinkedHashMap<>();
    private final Map<String, Authorization> authorizations = new HashMap<>();
    private final Map<String, Authorization> authorizationsByKey = new HashMap<>();
    private final Map<String, Transfer> transfers = new HashMap<>();
    private final List<Transfer> transfersInOrder = new ArrayList<>();
    private final Map<String, Refund> refunds = new HashMap<>();
    private final Map<String, Refund> refundsByKey = new HashMap<>();
    private final Map<String, Sweep> sweeps = new HashMap<>();
    private final List<Sweep> sweepsInOrder = new ArrayList<>();
    private final Map<String, Sweep> sweepsByKey = new HashMap<>();
    private final Map<String, RecurringTransfer> recurring = new LinkedHashMap<>();
    private final Map<String, RecurringTransfer> recurringByKey = new HashMap<>();
    private final Map<String, Repayment> repayments = new LinkedHashMap<>();
    private final Set<String> distributionKeys = new HashSet<>();
    private final Set<String> blockedAccounts = new HashSet<>();
    private final List<TransferEvent> events = new ArrayList<>();
    private final List<LedgerEntry> ledgerEntries = new ArrayList<>();

    void apply(Fact fact) {
        fact.applyTo(this);
    }

    // ---- applying facts ---------------------------------------------------------------------------------

    void openLedger(Fact.LedgerOpened opened) {
        Ledger ledger = new Ledger(opened);
        ledgers.put(ledger.id(), ledger);
        ledgersByFundingAccount.put(opened.fundingAccountId(), ledger);
        if (opened.isDefault()) {
            defaultLedger = ledger;
        }
        ledger.available = opened.startingCents();
        record(ledger, "starting_balance", null, opened.startingCents(), "Sandbox starting balance", opened.at());
    }

    void registerWebhook(String url) {
        webhookUrl = url;
    }

    void createClock(Fact.ClockCreated created) {
        clocks.put(created.clockId(), new TestClock(created.clockId(), created.virtualTime()));
    }

    void advanceClock(Fact.ClockAdvanced advanced) {
        clocks.get(advanced.clockId()).virtualTime = advanced.virtualTime();
    }

    void authorize(Fact.Authorized made) {
        Authorization authorization = new Authorization(made);
        authorizations.put(authorization.id(), authorization);
        // Plaid does not hold a key to a decision that waits on the user: the same key may try again.
        if (made.idempotencyKey() != null && !Verdict.USER_ACTION_REQUIRED.equals(made.verdict().decision())) {
            authorizationsByKey.put(made.idempotencyKey(), authorization);
        }
    }

    void cancelAuthorization(Fact.AuthorizationCancelled cancelled) {
        authorizations.get(cancelled.authorizationId()).cancelled = true;
    }

    void createTransfer(Fact.TransferCreated made) {
        Authorization authorization = authorizations.get(made.authorizationId());
        Transfer transfer = new Transfer(made, authorization, ledgers.get(authorization.proposal().ledgerId()));
        authorization.transfer = transfer;
        transfers.put(transfer.id(), transfer);
        transfersInOrder.add(transfer);
        if (made.recurringTransferId() != null) {
            RecurringTransfer owner = recurring.get(made.recurringTransferId());
            owner.transferIds.add(transfer.id());
            owner.originationsDone++;
        }
        moveFunds(transfer.ledger, transfer.terms().isDebit(), transfer.amount(), Status.PENDING, false, "transfer",
                transfer.id(), made.at());
        emit(EventType.PENDING, made.at(), transfer, null, null, null);
    }

    void createRefund(Fact.RefundCreated made) {
        Transfer transfer = transfers.get(made.transferId());
        Refund refund = new Refund(made, transfer);
        refunds.put(refund.id(), refund);
        refundsByKey.put(made.idempotencyKey(), refund);
        transfer.refunds.add(refund);
        moveFunds(transfer.ledger, false, refund.amount(), Status.PENDING, false, "refund", refund.id(), made.at());
        emit(EventType.REFUND_PENDING, made.at(), transfer, refund, null, null);
    }

    void createSweep(Fact.SweepCreated made) {
        Sweep sweep = new Sweep(made, ledgers.get(made.ledgerId()));
        sweeps.put(sweep.id(), sweep);
        sweepsInOrder.add(sweep);
        if (made.idempotencyKey() != null) {
            sweepsByKey.put(made.idempotencyKey(), sweep);
        }
        if (made.kind() == Fact.SweepKind.AGGREGATE) {
            // The legacy net settlement with the business account: already settled, and outside the ledger.
            sweep.status = Status.SETTLED;
            sweep.settledOn = BankingCalendar.onOrAfter(BankingCalendar.dayOf(made.at()));
            return;
        }
        sweep.status = Status.PENDING;
        moveFunds(sweep.ledger, sweep.isDeposit(), made.amountCents(), Status.PENDING, false, sweepType(sweep), sweep.id(), made.at());
        emit(EventType.SWEEP_PENDING, made.at(), null, null, sweep, null);
    }

    void move(Fact.Moved moved) {
        Status to = moved.status();
        Transfer transfer = transfers.get(moved.subjectId());
        if (transfer != null) {
            moveTransfer(transfer, to, moved);
            return;
        }
        Refund refund = refunds.get(moved.subjectId());
        if (refund != null) {
            refund.status = to;
            refund.failure = moved.failure();
            moveFunds(refund.transfer.ledger, false, refund.amount(), to, false, "refund", refund.id(), moved.at());
            emit(EventType.ofRefund(to), moved.at(), refund.transfer, refund, null, moved.failure());
            return;
        }
        Sweep sweep = sweeps.get(moved.subjectId());
        sweep.status = to;
        sweep.failure = moved.failure();
        if (to == Status.SETTLED) {
            sweep.settledOn = BankingCalendar.dayOf(moved.at());
        }
        moveFunds(sweep.ledger, sweep.isDeposit(), sweep.made.amountCents(), to, sweep.fundsMadeAvailable, sweepType(sweep),
                sweep.id(), moved.at());
        sweep.fundsMadeAvailable |= to == Status.FUNDS_AVAILABLE;
        emit(EventType.ofSweep(to), moved.at(), null, null, sweep, moved.failure());
    }

    private void moveTransfer(Transfer transfer, Status to, Fact.Moved moved) {
        transfer.status = to;
        transfer.failure = moved.failure();
        if (to == Status.SETTLED) {
            transfer.settledOn = BankingCalendar.dayOf(moved.at());
        }
        if (to.undone() && transfer.sweepProgress == SweepProgress.UNSWEPT) {
            transfer.sweepProgress = null;
        }
        moveFunds(transfer.ledger, transfer.terms().isDebit(), transfer.amount(), to, transfer.fundsMadeAvailable, "transfer",
                transfer.id(), moved.at());
        transfer.fundsMadeAvailable |= to == Status.FUNDS_AVAILABLE;
        if (to == Status.RETURNED && moved.failure() != null && ReturnCodes.blocksAccount(moved.failure().achReturnCode())) {
            blockedAccounts.add(transfer.terms().accountId());
        }
        emit(EventType.ofTransfer(to), moved.at(), transfer, null, null, moved.failure());
    }

    void sweepProgress(Fact.Swept swept) {
        Transfer transfer = transfers.get(swept.transferId());
        Sweep sweep = sweeps.get(swept.sweepId());
        transfer.sweepProgress = swept.progress();
        if (swept.progress() == SweepProgress.SWEPT) {
            transfer.sweptBy = sweep;
        }
        emit(EventType.ofSweepProgress(swept.progress()), swept.at(), transfer, null, sweep, null);
    }

    void createRecurring(Fact.RecurringCreated made) {
        RecurringTransfer created = new RecurringTransfer(made, ledgers.get(made.proposal().ledgerId()));
        recurring.put(created.id(), created);
        recurringByKey.put(made.idempotencyKey(), created);
    }

    void cancelRecurring(Fact.RecurringCancelled cancelled) {
        recurring.get(cancelled.recurringTransferId()).cancelled = true;
    }

    void skipOrigination(Fact.RecurringSkipped skipped) {
        recurring.get(skipped.recurringTransferId()).originationsDone++;
    }

    void distribute(Fact.Distributed distributed) {
        Ledger from = ledgers.get(distributed.fromLedgerId());
        Ledger to = ledgers.get(distributed.toLedgerId());
        from.available -= distributed.amountCents();
        to.available += distributed.amountCents();
        distributionKeys.add(distributed.idempotencyKey());
        record(from, "distribution", null, -distributed.amountCents(), "Distributed to ledger " + to.id(), distributed.at());
        record(to, "distribution", null, distributed.amountCents(), "Distributed from ledger " + from.id(), distributed.at());
    }

    void repay(Fact.RepaymentMade made) {
        List<Transfer> returns = made.transferIds().stream().map(transfers::get).toList();
        returns.forEach(transfer -> transfer.repaid = true);
        repayments.put(made.repaymentId(), new Repayment(made, returns));
    }

    // ---- money and events -----------------------------------------------------------------------------------

    /**
     * How a status change moves a ledger: money coming in (debits, deposits) waits in pending until its funds
     * are made available; money going out (credits, refunds, withdrawals) leaves the available balance at once
     * and comes back if it does not go through.
     */
    private void moveFunds(Ledger ledger, boolean moneyIn, long amount, Status to, boolean fundsWereAvailable, String type,
                           String sourceId, Instant at) {
        if (to == Status.PENDING) {
            if (moneyIn) {
                ledger.pending += amount;
            } else {
                ledger.available -= amount;
            }
            record(ledger, type, sourceId, moneyIn ? amount : -amount, type + " created", at);
        } else if (to == Status.FUNDS_AVAILABLE) {
            ledger.pending -= amount;
            ledger.available += amount;
            record(ledger, type, sourceId, amount, "Converted to available", at);
        } else if (to.undone()) {
            if (!moneyIn) {
                ledger.available += amount;
            } else if (fundsWereAvailable) {
                ledger.available -= amount;
            } else {
                ledger.pending -= amount;
            }
            record(ledger, type, sourceId, moneyIn ? -amount : amount, type + " " + to.wire(), at);
        }
    }

    private void record(Ledger ledger, String type, String sourceId, long amount, String description, Instant at) {
        ledgerEntries.add(new LedgerEntry(ledgerEntries.size() + 1, ledger, type, sourceId, amount, ledger.pending, ledger.available,
                description, at));
    }

    private static String sweepType(Sweep sweep) {
        return sweep.isDeposit() ? "deposit" : "withdrawal";
    }

    private void emit(EventType type, Instant at, Transfer transfer, Refund refund, Sweep sweep, Failure failure) {
        TransferEvent event = new TransferEvent(events.size() + 1, type, at, transfer, refund, sweep, failure);
        events.add(event);
        if (transfer != null) {
            transfer.timeline.add(event);
        }
        if (sweep != null) {
            sweep.timeline.add(event);
        }
    }

    // ---- reading --------------------------------------------------------------------------------------------

    boolean hasLedgers() {
        return defaultLedger != null;
    }

    Ledger defaultLedger() {
        return defaultLedger;
    }

    Optional<Ledger> ledger(String id) {
        return Optional.ofNullable(ledgers.get(id));
    }

    Optional<Ledger> ledgerOfFundingAccount(String fundingAccountId) {
        return Optional.ofNullable(ledgersByFundingAccount.get(fundingAccountId));
    }

    String webhookUrl() {
        return webhookUrl;
    }

    Optional<TestClock> clock(String id) {
        return Optional.ofNullable(clocks.get(id));
    }

    Collection<TestClock> clocks() {
        return clocks.values();
    }

    Optional<Authorization> authorization(String id) {
        return Optional.ofNullable(authorizations.get(id));
    }

    Optional<Authorization> authorizationByKey(String key) {
        return Optional.ofNullable(authorizationsByKey.get(key));
    }

    Optional<Transfer> transfer(String id) {
        return Optional.ofNullable(transfers.get(id));
    }

    /** Every transfer, oldest first. */
    List<Transfer> transfers() {
        return transfersInOrder;
    }

    Optional<Refund> refund(String id) {
        return Optional.ofNullable(refunds.get(id));
    }

    Optional<Refund> refundByKey(String key) {
        return Optional.ofNullable(refundsByKey.get(key));
    }

    Optional<Sweep> sweep(String id) {
        return Optional.ofNullable(sweeps.get(id));
    }

    Optional<Sweep> sweepByKey(String key) {
        return Optional.ofNullable(sweepsByKey.get(key));
    }

    /** Every sweep, oldest first. */
    List<Sweep> sweeps() {
        return sweepsInOrder;
    }

    Optional<RecurringTransfer> recurring(String id) {
        return Optional.ofNullable(recurring.get(id));
    }

    Optional<RecurringTransfer> recurringByKey(String key) {
        return Optional.ofNullable(recurringByKey.get(key));
    }

    /** Every recurring transfer, oldest first. */
    Collection<RecurringTransfer> recurringTransfers() {
        return recurring.values();
    }

    Optional<Repayment> repayment(String id) {
        return Optional.ofNullable(repayments.get(id));
    }

    Collection<Repayment> repayments() {
        return repayments.values();
    }

    boolean distributed(String idempotencyKey) {
        return distributionKeys.contains(idempotencyKey);
    }

    boolean blocked(String accountId) {
        return blockedAccounts.contains(accountId);
    }

    /** Every event, in id order (the event with id n is at index n - 1). */
    List<TransferEvent> events() {
        return events;
    }

    List<LedgerEntry> ledgerEntries() {
        return ledgerEntries;
    }
}
