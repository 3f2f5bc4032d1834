package dev.tartan.emulator.transactions;

import java.time.LocalDate;
import java.util.List;

/**
 * A bill or income that repeats on a schedule. Generated histories place each occurrence on the
 * first generated transaction of its day, so recurring data stays derivable from the seed alone.
 *
 * @param frequency   MONTHLY or SEMI_MONTHLY, as /transactions/recurring/get reports it
 * @param days        days of the month it falls on; 31 means the month's last day
 * @param prefersCard whether it goes on a credit card when the Item has one
 * @param fixedAmount the same amount every time (else it varies between the merchant's bounds)
 */
record RecurringStream(Merchant merchant, String frequency, List<Integer> days, boolean prefersCard, boolean fixedAmount) {

    static final List<RecurringStream> ALL = List.of(
            new RecurringStream(Merchants.PAYROLL, "SEMI_MONTHLY", List.of(15, 31), false, true),
            new RecurringStream(Merchants.RENT, "MONTHLY", List.of(1), false, true),
            new RecurringStream(Merchants.GYM, "MONTHLY", List.of(3), true, true),
            new RecurringStream(Merchants.STREAMING, "MONTHLY", List.of(5), true, true),
            new RecurringStream(Merchants.PHONE, "MONTHLY", List.of(12), true, false),
            new RecurringStream(Merchants.ELECTRIC, "MONTHLY", List.of(20), false, false),
            new RecurringStream(Merchants.INTEREST, "MONTHLY", List.of(31), false, false));

    boolean fallsOn(LocalDate date) {
        int last = date.lengthOfMonth();
        for (int day : days) {
            if (date.getDayOfMonth() == Math.min(day, last)) {
                return true;
            }
        }
        return false;
    }

    /** Average days between occurrences, to predict the next one. */
    int periodDays() {
        return frequency.equals("SEMI_MONTHLY") ? 15 : 30;
    }
}
