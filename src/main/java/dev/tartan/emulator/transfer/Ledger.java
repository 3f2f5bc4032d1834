package dev.tartan.emulator.transfer;

/** A Plaid Ledger: the balance transfers settle into and pay out of, in cents. Changed only by {@link TransferBook}. */
final class Ledger {
    final Fact.LedgerOpened opened;
    long available;
    long pending;

    Ledger(Fact.LedgerOpened opened) {
        this.opened = opened;
    }

    String id() {
        return opened.ledgerId();
    }
}
