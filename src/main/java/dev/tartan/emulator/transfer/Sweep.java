package dev.tartan.emulator.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A sweep between a ledger and its funding account. Changed only by {@link TransferBook}. */
final class Sweep {
    final Fact.SweepCreated made;
    final Ledger ledger;
    Status status;
    Failure failure;
    LocalDate settledOn;
    boolean fundsMadeAvailable;
    /** The sweep's events: its own statuses, or for an aggregate sweep the transfers it swept. */
    final List<TransferEvent> timeline = new ArrayList<>(4);

    Sweep(Fact.SweepCreated made, Ledger ledger) {
        this.made = made;
        this.ledger = ledger;
    }

    String id() {
        return made.sweepId();
    }

    boolean isDeposit() {
        return made.kind() == Fact.SweepKind.DEPOSIT;
    }

    /** What started the sweep: the client (a deposit or withdrawal), or Plaid's aggregation of transfers. */
    String trigger() {
        return made.kind() == Fact.SweepKind.AGGREGATE ? "automatic_aggregate" : "manual";
    }

    /** As it shows on the funding account: a deposit into the ledger pulls money out of it. */
    long signedAmount() {
        return isDeposit() ? -made.amountCents() : made.amountCents();
    }
}
