package dev.tartan.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * Transfer volume per day, for the Ledger's chart: how much was debited and credited each day the
 * transfers were created, and how much of it came back returned. Refunds are not volume.
 *
 * @param day           the day (in the zone asked for)
 * @param transfers     transfers created that day
 * @param debitCents    what those debits pulled in
 * @param creditCents   what those credits paid out
 * @param returned      how many of them were returned
 * @param returnedCents how much of it was returned
 */
public record TransferVolume(LocalDate day, int transfers, long debitCents, long creditCents, int returned, long returnedCents) {

    /** The days of {@code rows}, oldest first; days without transfers between the first and last are there with zeros. */
    public static List<TransferVolume> daily(Collection<TransferRow> rows, ZoneId zone) {
        TreeMap<LocalDate, long[]> days = new TreeMap<>();
        for (TransferRow row : rows) {
            if (row.isRefund() || row.created() == null) {
                continue;
            }
            long[] day = days.computeIfAbsent(LocalDate.ofInstant(row.created(), zone), d -> new long[5]);
            day[0]++;
            day["credit".equals(row.type()) ? 2 : 1] += row.amountCents();
            if ("returned".equals(row.status())) {
                day[3]++;
                day[4] += row.amountCents();
            }
        }
        List<TransferVolume> volume = new ArrayList<>();
        if (days.isEmpty()) {
            return volume;
        }
        for (LocalDate day = days.firstKey(); !day.isAfter(days.lastKey()); day = day.plusDays(1)) {
            long[] v = days.getOrDefault(day, new long[5]);
            volume.add(new TransferVolume(day, (int) v[0], v[1], v[2], (int) v[3], v[4]));
        }
        return volume;
    }
}
