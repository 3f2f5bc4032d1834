package dev.tartan.emulator.transfer;

/** A refund of a debit transfer. Changed only by {@link TransferBook}. */
final class Refund {
    final Fact.RefundCreated made;
    final Transfer transfer;
    Status status = Status.PENDING;
    Failure failure;

    Refund(Fact.RefundCreated made, Transfer transfer) {
        this.made = made;
        this.transfer = transfer;
    }

    String id() {
        return made.refundId();
    }

    long amount() {
        return made.amountCents();
    }
}
