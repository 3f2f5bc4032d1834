package dev.tartan.emulator.transfer;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * US banking days as the ACH network keeps them: weekdays that are not Federal Reserve holidays
 * (a holiday on a Sunday is observed the Monday after). Days are counted in Eastern Time, the zone of
 * Plaid's cut-offs.
 */
final class BankingCalendar {
    static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private BankingCalendar() {
    }

    /** The calendar day, in Eastern Time, of an instant. */
    static LocalDate dayOf(Instant instant) {
        return instant.atZone(EASTERN).toLocalDate();
    }

    /** The first moment of {@code day} in Eastern Time. */
    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(EASTERN).toInstant();
    }

    static boolean isBankingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isHoliday(day);
    }

    /** {@code day} itself if it is a banking day, else the next one. */
    static LocalDate onOrAfter(LocalDate day) {
        LocalDate candidate = day;
        while (!isBankingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /** The banking day {@code count} banking days after {@code day}. */
    static LocalDate plusBankingDays(LocalDate day, int count) {
        LocalDate candidate = day;
        for (int left = count; left > 0; left--) {
            candidate = onOrAfter(candidate.plusDays(1));
        }
        return candidate;
    }

    static boolean isHoliday(LocalDate day) {
        int year = day.getYear();
        return day.equals(observed(LocalDate.of(year, Month.JANUARY, 1)))
                || day.equals(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3))
                || day.equals(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3))
                || day.equals(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))
                || day.equals(observed(LocalDate.of(year, Month.JUNE, 19)))
                || day.equals(observed(LocalDate.of(year, Month.JULY, 4)))
                || day.equals(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1))
                || day.equals(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2))
                || day.equals(observed(LocalDate.of(year, Month.NOVEMBER, 11)))
                || day.equals(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4))
                || day.equals(observed(LocalDate.of(year, Month.DECEMBER, 25)));
    }

    private static LocalDate nth(int year, Month month, DayOfWeek weekday, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
    }

    /** The Federal Reserve observes a Sunday holiday on the Monday after, and a Saturday one not at all. */
    private static LocalDate observed(LocalDate holiday) {
        return holiday.getDayOfWeek() == DayOfWeek.SUNDAY ? holiday.plusDays(1) : holiday;
    }
}
