package dev.tartan.emulator.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A recurring transfer: its schedule, and the originations done so far. Changed only by {@link TransferBook}. */
final class RecurringTransfer {
    final Fact.RecurringCreated made;
    final Ledger ledger;
    boolean cancelled;
    /** Planned originations done so far (originated or skipped). */
    int originationsDone;
    final List<String> transferIds = new ArrayList<>();

    RecurringTransfer(Fact.RecurringCreated made, Ledger ledger) {
        this.made = made;
        this.ledger = ledger;
    }

    String id() {
        return made.recurringTransferId();
    }

    /** The next origination day, or null once the schedule has run out. */
    LocalDate nextOrigination() {
        return made.schedule().origination(originationsDone);
    }

    String status() {
        return cancelled ? "cancelled" : nextOrigination() == null ? "expired" : "active";
    }

    boolean active() {
        return !cancelled && nextOrigination() != null;
    }
}
