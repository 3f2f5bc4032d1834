package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.ItemRecord;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.wire.OperationRequest;
import dev.tartan.emulator.wire.PlaidErrors;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Recurring transfers and the test clocks that drive them. A recurring transfer originates on each day of
 * its schedule once its timeline reaches that day (Eastern Time): a test clock's when it has one, as the
 * clock advances, else the wall clock's, caught up at the next Transfer request. Each origination runs the
 * authorization check first: a transfer and {@code RECURRING_NEW_TRANSFER} when it passes, else
 * {@code RECURRING_TRANSFER_SKIPPED}. Call inside {@link Transfers#write} unless noted.
 */
final class Recurrences {
    static final int MAX_RECURRING_PER_CLOCK = 5;
    static final int MAX_ORIGINATIONS_PER_ADVANCE = 20;

    private final Transfers transfers;
    private final Authorizer authorizer;
    private final Movements movements;

    Recurrences(Transfers transfers, Authorizer authorizer, Movements movements) {
        this.transfers = transfers;
        this.authorizer = authorizer;
        this.movements = movements;
    }

    /** A recurring transfer created, or an existing one for the same idempotency key; with the decision on it. */
    record Outcome(RecurringTransfer recurring, Verdict verdict) {
    }

    Outcome create(OperationRequest request) {
        String key = request.requiredText("idempotency_key");
        Optional<RecurringTransfer> existing = transfers.book().recurringByKey(key);
        if (existing.isPresent()) {
            return new Outcome(existing.get(), Verdict.approved());
        }
        String clockId = request.text("test_clock_id");
        Instant now = transfers.now("test_clock_id", clockId);
        if (clockId != null && attachedTo(clockId).size() >= MAX_RECURRING_PER_CLOCK) {
            throw PlaidErrors.invalidField("test_clock_id: a test clock can drive at most " + MAX_RECURRING_PER_CLOCK + " recurring transfers");
        }
        Schedule schedule = schedule(request.object("schedule"), BankingCalendar.dayOf(now));
        Authorizer.Target target = authorizer.target(request);
        Proposal proposal = authorizer.propose(request, target);
        Verdict verdict = authorizer.decide(proposal, target);
        if (!verdict.isApproved()) {
            return new Outcome(null, verdict);
        }
        String id = Transfers.newId();
        transfers.record(new Fact.RecurringCreated(id, now, proposal, request.requiredText("description"), schedule, key, clockId));
        RecurringTransfer recurring = transfers.book().recurring(id).orElseThrow();
        if (originateDue(recurring, BankingCalendar.dayOf(now), now) > 0) {
            transfers.announceEvents();
        }
        return new Outcome(recurring, verdict);
    }

    private static Schedule schedule(JsonNode schedule, LocalDate today) {
        String unit = schedule.path("interval_unit").asText();
        int count = schedule.path("interval_count").asInt();
        int day = schedule.path("interval_execution_day").asInt();
        LocalDate start = LocalDate.parse(schedule.path("start_date").asText());
        LocalDate end = schedule.hasNonNull("end_date") ? LocalDate.parse(schedule.get("end_date").asText()) : null;
        if (count < 1) {
            throw PlaidErrors.invalidField("schedule.interval_count must be at least 1");
        }
        boolean weekly = Schedule.WEEK.equals(unit);
        if (weekly ? day < 1 || day > 5 : day == 0 || day < -5 || day > 28) {
            throw PlaidErrors.invalidField(weekly ? "schedule.interval_execution_day must be 1 (Monday) to 5 (Friday) for weekly schedules"
                    : "schedule.interval_execution_day must be 1 to 28, or -1 (last day) to -5, for monthly schedules");
        }
        if (start.isBefore(today)) {
            throw PlaidErrors.invalidField("schedule.start_date must not be before today (" + today + ")");
        }
        if (end != null && end.isBefore(start)) {
            throw PlaidErrors.invalidField("schedule.end_date must not be before schedule.start_date");
        }
        return new Schedule(unit, count, day, start, end);
    }

    void cancel(RecurringTransfer recurring) {
        if (recurring.cancelled) {
            return;
        }
        if (!recurring.active()) {
            throw PlaidErrors.invalidField("recurring_transfer_id: the recurring transfer has expired");
        }
        transfers.record(new Fact.RecurringCancelled(recurring.id()));
    }

    // ---- test clocks ----------------------------------------------------------------------------------------

    TestClock createClock(Instant virtualTime) {
        String id = Transfers.newId();
        transfers.record(new Fact.ClockCreated(id, virtualTime));
        return transfers.book().clock(id).orElseThrow();
    }

    /** Moves a clock forward and originates what its recurring transfers planned up to the new time. */
    void advance(TestClock clock, Instant to) {
        if (!to.isAfter(clock.virtualTime)) {
            throw PlaidErrors.invalidField("new_virtual_time must be later than the test clock's virtual_time (" + clock.virtualTime + ")");
        }
        LocalDate through = BankingCalendar.dayOf(to);
        List<RecurringTransfer> attached = attachedTo(clock.id);
        for (RecurringTransfer recurring : attached) {
            if (dueThrough(recurring, through) > MAX_ORIGINATIONS_PER_ADVANCE) {
                throw PlaidErrors.invalidField("new_virtual_time: the advance would originate more than " + MAX_ORIGINATIONS_PER_ADVANCE
                        + " transfers for recurring transfer " + recurring.id() + "; advance the clock in smaller steps");
            }
        }
        Instant from = clock.virtualTime;
        transfers.record(new Fact.ClockAdvanced(clock.id, to));
        int originated = 0;
        for (RecurringTransfer recurring : attached) {
            originated += originateDue(recurring, through, from);
        }
        if (originated > 0) {
            transfers.announceEvents();
        }
    }

    private List<RecurringTransfer> attachedTo(String clockId) {
        return transfers.book().recurringTransfers().stream().filter(r -> clockId.equals(r.made.testClockId())).toList();
    }

    private static int dueThrough(RecurringTransfer recurring, LocalDate through) {
        int due = 0;
        for (int index = recurring.originationsDone; !recurring.cancelled; index++) {
            LocalDate day = recurring.made.schedule().origination(index);
            if (day == null || day.isAfter(through)) {
                break;
            }
            due++;
        }
        return due;
    }

    // ---- the wall clock -------------------------------------------------------------------------------------

    /** Whether a recurring transfer without a test clock has an origination due today or before. Call inside a read. */
    boolean wallClockDue() {
        LocalDate today = BankingCalendar.dayOf(transfers.now());
        return transfers.book().recurringTransfers().stream()
                .anyMatch(r -> r.made.testClockId() == null && r.active() && !r.nextOrigination().isAfter(today));
    }

    /** Originates what recurring transfers on the wall clock planned up to today. */
    void catchUp() {
        Instant now = transfers.now();
        int originated = 0;
        for (RecurringTransfer recurring : List.copyOf(transfers.book().recurringTransfers())) {
            if (recurring.made.testClockId() == null) {
                originated += originateDue(recurring, BankingCalendar.dayOf(now), recurring.made.created());
            }
        }
        if (originated > 0) {
            transfers.announceEvents();
        }
    }

    // ---- originations ---------------------------------------------------------------------------------------

    /** Runs every origination due through {@code through}; returns how many transfers it created. */
    private int originateDue(RecurringTransfer recurring, LocalDate through, Instant notBefore) {
        int created = 0;
        while (recurring.active() && !recurring.nextOrigination().isAfter(through)) {
            LocalDate day = recurring.nextOrigination();
            Instant startOfDay = BankingCalendar.startOf(day);
            created += originate(recurring, day, startOfDay.isAfter(notBefore) ? startOfDay : notBefore) ? 1 : 0;
        }
        return created;
    }

    private boolean originate(RecurringTransfer recurring, LocalDate day, Instant at) {
        Proposal proposal = recurring.made.proposal();
        Optional<ItemRecord> item = transfers.items().item(proposal.itemId());
        Verdict verdict = item.flatMap(i -> i.account(proposal.accountId()))
                .map(account -> authorizer.decide(proposal, new Authorizer.Target(item.get(), account)))
                .orElse(Verdict.declined("ERROR", "The Item or account of the recurring transfer no longer exists"));
        ObjectNode fields = Json.object();
        fields.put("recurring_transfer_id", recurring.id());
        if (!verdict.isApproved()) {
            transfers.record(new Fact.RecurringSkipped(recurring.id(), day, verdict));
            fields.put("authorization_decision", verdict.decision());
            fields.put("authorization_decision_rationale_code", verdict.rationaleCode());
            fields.put("skipped_origination_date", day.toString());
            transfers.announceRecurring("RecurringTransferSkippedWebhook", "RECURRING_TRANSFER_SKIPPED", fields);
            return false;
        }
        String authorizationId = Transfers.newId();
        transfers.record(new Fact.Authorized(authorizationId, at, proposal, verdict, null, recurring.made.testClockId()));
        Authorization authorization = transfers.book().authorization(authorizationId).orElseThrow();
        Transfer transfer = movements.originate(authorization, proposal.amountCents(), recurring.made.description(), null, at,
                recurring.id(), day);
        fields.put("transfer_id", transfer.id());
        transfers.announceRecurring("RecurringNewTransferWebhook", "RECURRING_NEW_TRANSFER", fields);
        return true;
    }
}
