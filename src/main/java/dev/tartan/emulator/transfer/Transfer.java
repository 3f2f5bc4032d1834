package dev.tartan.emulator.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A transfer and everything that happened to it. Changed only by {@link TransferBook}. */
final class Transfer {
    final Fact.TransferCreated made;
    final Authorization authorization;
    final Ledger ledger;
    Status status = Status.PENDING;
    /** Null once the transfer can never be swept (cancelled, failed or returned before it was). */
    SweepProgress sweepProgress = SweepProgress.UNSWEPT;
    /** The aggregate sweep that swept the transfer, once one has. */
    Sweep sweptBy;
    Failure failure;
    LocalDate settledOn;
    boolean fundsMadeAvailable;
    boolean repaid;
    /** The transfer's own events, its refunds' and its sweep progress, oldest first. */
    final List<TransferEvent> timeline = new ArrayList<>(4);
    final List<Refund> refunds = new ArrayList<>(0);

    Transfer(Fact.TransferCreated made, Authorization authorization, Ledger ledger) {
        this.made = made;
        this.authorization = authorization;
        this.ledger = ledger;
    }

    String id() {
        return made.transferId();
    }

    Proposal terms() {
        return authorization.proposal();
    }

    long amount() {
        return made.amountCents();
    }

    /** While pending, before it reaches the network; real-time payments leave at once and never can be. */
    boolean cancellable() {
        return status == Status.PENDING && !"rtp".equals(terms().network());
    }

    /** What is left to refund: the amount less every refund that has not been cancelled, failed or returned. */
    long refundable() {
        long refunded = refunds.stream().filter(r -> !r.status.undone()).mapToLong(Refund::amount).sum();
        return amount() - refunded;
    }
}
