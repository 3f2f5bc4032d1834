package dev.tartan.emulator.transfer;

import java.util.List;

/** A repayment of guaranteed transfers' returns. */
record Repayment(Fact.RepaymentMade made, List<Transfer> returns) {

    long amount() {
        return returns.stream().mapToLong(Transfer::amount).sum();
    }
}
