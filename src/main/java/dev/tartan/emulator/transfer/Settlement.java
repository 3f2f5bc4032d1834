package dev.tartan.emulator.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When money moves: the settlement day a network gives a transfer created at a given time (after Plaid's
 * cut-offs, Eastern Time), the hold before a debit's or deposit's funds become available, and the windows
 * in which ACH returns can still come.
 */
final class Settlement {
    private static final LocalTime SAME_DAY_CUTOFF = LocalTime.of(15, 0);
    private static final LocalTime STANDARD_CUTOFF = LocalTime.of(20, 30);
    private static final LocalTime WIRE_CUTOFF = LocalTime.of(18, 30);
    /** The emulator's hold: funds become available three banking days after they settle. */
    static final int HOLD_BANKING_DAYS = 3;
    private static final int STANDARD_RETURN_BANKING_DAYS = 3;
    private static final int UNAUTHORIZED_RETURN_BANKING_DAYS = 61;
    /** Consumer SEC codes, which may be returned as unauthorized for a long while. */
    private static final Set<String> CONSUMER_CLASSES = Set.of("ppd", "tel", "web");

    private Settlement() {
    }

    /** The day a transfer created at {@code created} over {@code network} is expected to settle. */
    static LocalDate expected(Instant created, String network) {
        ZonedDateTime eastern = created.atZone(BankingCalendar.EASTERN);
        LocalDate day = eastern.toLocalDate();
        LocalTime time = eastern.toLocalTime();
        boolean bankingDay = BankingCalendar.isBankingDay(day);
        return switch (network) {
            case "rtp" -> day;
            case "wire" -> bankingDay && time.isBefore(WIRE_CUTOFF) ? day : BankingCalendar.plusBankingDays(day, 1);
            case "same-day-ach" -> bankingDay && time.isBefore(SAME_DAY_CUTOFF) ? day : standard(day, time, bankingDay);
            default -> standard(day, time, bankingDay);
        };
    }

    /** Standard ACH: submitted in the day's window (or the next banking day's), settled the banking day after. */
    private static LocalDate standard(LocalDate day, LocalTime time, boolean bankingDay) {
        LocalDate submitted = bankingDay && time.isBefore(STANDARD_CUTOFF) ? day : BankingCalendar.plusBankingDays(day, 1);
        return BankingCalendar.plusBankingDays(submitted, 1);
    }

    /** The day a transfer settled, or is expected to. */
    static LocalDate settlementDay(Transfer transfer) {
        return transfer.settledOn != null ? transfer.settledOn : expected(transfer.made.at(), transfer.terms().network());
    }

    static LocalDate fundsAvailableDate(LocalDate settled) {
        return BankingCalendar.plusBankingDays(settled, HOLD_BANKING_DAYS);
    }

    /** For ACH debits that have not come back: the day their funds are (expected to be) available. */
    static LocalDate expectedFundsAvailable(Transfer transfer) {
        return transfer.terms().isAchDebit() && !transfer.status.undone() ? fundsAvailableDate(settlementDay(transfer)) : null;
    }

    /** The last day of the usual ACH return window (R01, R02, R03, R29). */
    static LocalDate standardReturnWindow(Transfer transfer) {
        return transfer.terms().isAch() ? BankingCalendar.plusBankingDays(settlementDay(transfer), STANDARD_RETURN_BANKING_DAYS) : null;
    }

    /** The last day an ACH debit with a consumer SEC code can come back as unauthorized. */
    static LocalDate unauthorizedReturnWindow(Transfer transfer) {
        return transfer.terms().isAchDebit() && CONSUMER_CLASSES.contains(transfer.terms().achClass())
                ? BankingCalendar.plusBankingDays(settlementDay(transfer), UNAUTHORIZED_RETURN_BANKING_DAYS) : null;
    }

    /** What sweeping a transfer moves on the business account: a debit's funds arrive, a credit's leave. */
    static long sweptAmount(Transfer transfer) {
        return transfer.terms().isDebit() ? transfer.amount() : -transfer.amount();
    }

    /** A ledger deposit's expected availability: the hold after it settles (or is expected to). */
    static LocalDate expectedFundsAvailable(Sweep sweep) {
        if (!sweep.isDeposit() || sweep.status.undone()) {
            return null;
        }
        LocalDate settled = sweep.settledOn != null ? sweep.settledOn : expected(sweep.made.at(), sweep.made.network());
        return fundsAvailableDate(settled);
    }
}
