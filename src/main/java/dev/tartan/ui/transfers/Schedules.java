package dev.tartan.ui.transfers;

import com.fasterxml.jackson.databind.JsonNode;

/** How a recurring transfer's schedule reads: "every 2 weeks on Monday from 2024-03-01". */
final class Schedules {

    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

    private Schedules() {
    }

    static String schedule(JsonNode recurring) {
        JsonNode schedule = recurring.path("schedule");
        String unit = schedule.path("interval_unit").asText();
        int count = schedule.path("interval_count").asInt(1);
        int day = schedule.path("interval_execution_day").asInt();
        String on = "week".equals(unit) ? (day >= 1 && day <= 5 ? WEEKDAYS[day - 1] : "day " + day)
                : day > 0 ? "day " + day : day == -1 ? "the last day" : (-day - 1) + " days before the last day";
        return "every " + (count == 1 ? unit : count + " " + unit + "s") + " on " + on + " from " + schedule.path("start_date").asText()
                + (schedule.hasNonNull("end_date") ? " to " + schedule.path("end_date").asText() : "");
    }
}
