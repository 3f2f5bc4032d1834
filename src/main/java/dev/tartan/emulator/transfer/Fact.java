package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One change to Transfer's state, as the journal keeps it. Facts carry everything decided when they
 * happened (ids, times, decisions), so applying them again in order rebuilds the same state, events and
 * event ids included. Status changes are the events themselves: an event's id is its place among them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "fact")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Fact.LedgerOpened.class, name = "ledger"),
        @JsonSubTypes.Type(value = Fact.WebhookRegistered.class, name = "webhook"),
        @JsonSubTypes.Type(value = Fact.ClockCreated.class, name = "clock"),
        @JsonSubTypes.Type(value = Fact.ClockAdvanced.class, name = "clock_advanced"),
        @JsonSubTypes.Type(value = Fact.Authorized.class, name = "authorization"),
        @JsonSubTypes.Type(value = Fact.AuthorizationCancelled.class, name = "authorization_cancelled"),
        @JsonSubTypes.Type(value = Fact.TransferCreated.class, name = "transfer"),
        @JsonSubTypes.Type(value = Fact.RefundCreated.class, name = "refund"),
        @JsonSubTypes.Type(value = Fact.SweepCreated.class, name = "sweep"),
        @JsonSubTypes.Type(value = Fact.Moved.class, name = "status"),
        @JsonSubTypes.Type(value = Fact.Swept.class, name = "swept"),
        @JsonSubTypes.Type(value = Fact.RecurringCreated.class, name = "recurring"),
        @JsonSubTypes.Type(value = Fact.RecurringCancelled.class, name = "recurring_cancelled"),
        @JsonSubTypes.Type(value = Fact.RecurringSkipped.class, name = "recurring_skipped"),
        @JsonSubTypes.Type(value = Fact.Distributed.class, name = "distribution"),
        @JsonSubTypes.Type(value = Fact.RepaymentMade.class, name = "repayment")})
sealed interface Fact {

    void applyTo(TransferBook book);

    /** A Plaid Ledger: the emulator opens its ledgers, with Sandbox's starting balance, on its first start. */
    record LedgerOpened(String ledgerId, String name, boolean isDefault, String fundingAccountId, long startingCents,
                        Instant at) implements Fact {
        public void applyTo(TransferBook book) {
            book.openLedger(this);
        }
    }

    /** The Transfer webhook URL, which Plaid keeps as a Dashboard setting. */
    record WebhookRegistered(String url) implements Fact {
        public void applyTo(TransferBook book) {
            book.registerWebhook(url);
        }
    }

    record ClockCreated(String clockId, Instant virtualTime) implements Fact {
        public void applyTo(TransferBook book) {
            book.createClock(this);
        }
    }

    record ClockAdvanced(String clockId, Instant virtualTime) implements Fact {
        public void applyTo(TransferBook book) {
            book.advanceClock(this);
        }
    }

    record Authorized(String authorizationId, Instant created, Proposal proposal, Verdict verdict, String idempotencyKey,
                      String testClockId) implements Fact {
        public void applyTo(TransferBook book) {
            book.authorize(this);
        }
    }

    record AuthorizationCancelled(String authorizationId) implements Fact {
        public void applyTo(TransferBook book) {
            book.cancelAuthorization(this);
        }
    }

    /** A transfer, pending, from an authorization; a recurring transfer's origination names its recurring transfer and day. */
    record TransferCreated(String transferId, String authorizationId, long amountCents, String description,
                           Map<String, String> metadata, Instant at, String recurringTransferId,
                           LocalDate originationDate) implements Fact {
        public void applyTo(TransferBook book) {
            book.createTransfer(this);
        }
    }

    record RefundCreated(String refundId, String transferId, long amountCents, String idempotencyKey, Instant at) implements Fact {
        public void applyTo(TransferBook book) {
            book.createRefund(this);
        }
    }

    /** A ledger deposit or withdrawal (pending), or the aggregate sweep of /sandbox/transfer/sweep/simulate (settled). */
    record SweepCreated(String sweepId, String ledgerId, SweepKind kind, long amountCents, String network, String description,
                        String idempotencyKey, Instant at) implements Fact {
        public void applyTo(TransferBook book) {
            book.createSweep(this);
        }
    }

    /** A transfer, refund or ledger sweep reaching a new status. */
    record Moved(String subjectId, Status status, Instant at, Failure failure) implements Fact {
        public void applyTo(TransferBook book) {
            book.move(this);
        }
    }

    /** A transfer's sweep progress changing within an aggregate sweep. */
    record Swept(String transferId, SweepProgress progress, String sweepId, Instant at) implements Fact {
        public void applyTo(TransferBook book) {
            book.sweepProgress(this);
        }
    }

    record RecurringCreated(String recurringTransferId, Instant created, Proposal proposal, String description, Schedule schedule,
                            String idempotencyKey, String testClockId) implements Fact {
        public void applyTo(TransferBook book) {
            book.createRecurring(this);
        }
    }

    record RecurringCancelled(String recurringTransferId) implements Fact {
        public void applyTo(TransferBook book) {
            book.cancelRecurring(this);
        }
    }

    /** A planned origination that did not pass its authorization check. */
    record RecurringSkipped(String recurringTransferId, LocalDate originationDate, Verdict verdict) implements Fact {
        public void applyTo(TransferBook book) {
            book.skipOrigination(this);
        }
    }

    record Distributed(String fromLedgerId, String toLedgerId, long amountCents, String description, String idempotencyKey,
                       Instant at) implements Fact {
        public void applyTo(TransferBook book) {
            book.distribute(this);
        }
    }

    record RepaymentMade(String repaymentId, List<String> transferIds, Instant at) implements Fact {
        public void applyTo(TransferBook book) {
            book.repay(this);
        }
    }

    /** What a sweep moves: money into a ledger, out of it, or (legacy) transfers netted against the business account. */
    enum SweepKind {
        DEPOSIT, WITHDRAWAL, AGGREGATE
    }
}
