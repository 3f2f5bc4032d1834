package dev.tartan.emulator.transfer;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/**
 * A recurring transfer's schedule: every {@code intervalCount} weeks or months, on a weekday (1 Monday to
 * 5 Friday) or a day of the month (1 to 28, or -1 for the last day back to -5), from {@code startDate}
 * to {@code endDate} inclusive (open-ended when null). An origination planned on a non-banking day moves
 * to the next banking day, and is dropped if that falls after the end date.
 */
record Schedule(String intervalUnit, int intervalCount, int intervalExecutionDay, LocalDate startDate, LocalDate endDate) {
    static final String WEEK = "week";

    /** The {@code index}-th origination day (from 0), or null when the schedule has ended before it. */
    LocalDate origination(int index) {
        LocalDate planned = planned(index);
        if (endDate != null && planned.isAfter(endDate)) {
            return null;
        }
        LocalDate adjusted = BankingCalendar.onOrAfter(planned);
        return endDate != null && adjusted.isAfter(endDate) ? null : adjusted;
    }

    private LocalDate planned(int index) {
        if (WEEK.equals(intervalUnit)) {
            LocalDate first = startDate.with(TemporalAdjusters.nextOrSame(DayOfWeek.of(intervalExecutionDay)));
            return first.plusWeeks((long) index * intervalCount);
        }
        YearMonth firstMonth = YearMonth.from(startDate);
        if (dayIn(firstMonth).isBefore(startDate)) {
            firstMonth = firstMonth.plusMonths(1);
        }
        return dayIn(firstMonth.plusMonths((long) index * intervalCount));
    }

    private LocalDate dayIn(YearMonth month) {
        return intervalExecutionDay > 0 ? month.atDay(intervalExecutionDay) : month.atDay(month.lengthOfMonth() + intervalExecutionDay + 1);
    }
}
