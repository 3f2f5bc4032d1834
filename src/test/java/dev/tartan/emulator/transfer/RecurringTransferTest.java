package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Recurring transfers originate on their schedule as a test clock advances; test clocks only move forward. */
class RecurringTransferTest {
    private PlaidEmulator emulator;
    private TransferClient client;
    private TransferClient.Account checking;

    @BeforeEach
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new TransferClient(emulator);
        checking = client.checkingWithAvailable("900");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private String clockAt(String virtualTime) {
        return client.ok("/sandbox/transfer/test_clock/create", body().put("virtual_time", virtualTime))
                .path("test_clock").path("test_clock_id").asText();
    }

    private void advance(String clock, String to) {
        client.ok("/sandbox/transfer/test_clock/advance", body().put("test_clock_id", clock).put("new_virtual_time", to));
    }

    static ObjectNode recurring(TransferClient.Account account, String clock, String unit, int day, String start, String end) {
        ObjectNode request = account.named().put("idempotency_key", TransferClient.key()).put("type", "debit").put("network", "ach")
                .put("ach_class", "web").put("amount", "12.00").put("description", "member").put("test_clock_id", clock);
        request.putObject("user").put("legal_name", "Ada Weaver");
        ObjectNode schedule = request.putObject("schedule").put("interval_unit", unit).put("interval_count", 1)
                .put("interval_execution_day", day).put("start_date", start);
        if (end != null) {
            schedule.put("end_date", end);
        }
        return request;
    }

    private JsonNode get(String recurringId) {
        return client.ok("/transfer/recurring/get", body().put("recurring_transfer_id", recurringId)).path("recurring_transfer");
    }

    /** The scenario of Plaid's Sandbox guide: weekly on Tuesdays from 2022-11-15 to 2022-11-30. */
    @Test
    void aWeeklyTransferOriginatesEachTuesdayUntilItsEndDateThenExpires() {
        String clock = clockAt("2022-11-14T07:00:00-08:00");
        JsonNode created = client.ok("/transfer/recurring/create", recurring(checking, clock, "week", 2, "2022-11-15", "2022-11-30"));
        assertThat(created.path("decision").asText()).isEqualTo("approved");
        String id = created.path("recurring_transfer").path("recurring_transfer_id").asText();
        assertThat(created.path("recurring_transfer").path("next_origination_date").asText()).isEqualTo("2022-11-15");

        advance(clock, "2022-11-15T23:59:00-08:00");
        JsonNode afterFirst = get(id);
        assertThat(afterFirst.path("transfer_ids")).hasSize(1);
        assertThat(afterFirst.path("status").asText()).isEqualTo("active");
        assertThat(afterFirst.path("next_origination_date").asText()).isEqualTo("2022-11-22");
        JsonNode transfer = client.get(afterFirst.path("transfer_ids").get(0).asText());
        assertThat(transfer.path("recurring_transfer_id").asText()).isEqualTo(id);
        assertThat(transfer.path("status").asText()).isEqualTo("pending");
        assertThat(transfer.path("created").asText()).startsWith("2022-11-15");

        advance(clock, "2022-11-29T23:59:00-08:00");
        assertThat(get(id).path("transfer_ids")).hasSize(3);
        assertThat(get(id).path("status").asText()).isEqualTo("expired");
        assertThat(get(id).path("next_origination_date").isNull()).isTrue();
        advance(clock, "2022-12-06T23:59:00-08:00");
        assertThat(get(id).path("transfer_ids")).hasSize(3);
        client.refused("/transfer/recurring/cancel", body().put("recurring_transfer_id", id), 400, "INVALID_FIELD");
    }

    @Test
    void aMonthlyTransferOnTheLastDayMovesOffWeekendsToTheNextBankingDay() {
        String clock = clockAt("2025-04-30T12:00:00Z");
        JsonNode created = client.ok("/transfer/recurring/create", recurring(checking, clock, "month", -1, "2025-05-01", null));
        String id = created.path("recurring_transfer").path("recurring_transfer_id").asText();
        assertThat(get(id).path("next_origination_date").asText()).isEqualTo("2025-06-02");
        advance(clock, "2025-06-02T18:00:00Z");
        assertThat(get(id).path("next_origination_date").asText()).isEqualTo("2025-06-30");
        advance(clock, "2025-08-01T18:00:00Z");
        JsonNode ids = get(id).path("transfer_ids");
        List<String> days = new ArrayList<>();
        ids.forEach(t -> days.add(client.get(t.asText()).path("created").asText().substring(0, 10)));
        assertThat(days).containsExactly("2025-06-02", "2025-06-30", "2025-07-31");
    }

    @Test
    void anOriginationThatFailsItsAuthorizationIsSkipped() {
        String clock = clockAt("2030-01-07T12:00:00Z");
        String id = client.ok("/transfer/recurring/create", recurring(checking, clock, "week", 3, "2030-01-08", null))
                .path("recurring_transfer").path("recurring_transfer_id").asText();
        client.ok("/sandbox/item/reset_login", body().put("access_token", checking.accessToken()));
        advance(clock, "2030-01-10T12:00:00Z");
        JsonNode skipped = get(id);
        assertThat(skipped.path("transfer_ids")).isEmpty();
        assertThat(skipped.path("next_origination_date").asText()).isEqualTo("2030-01-16");
    }

    @Test
    void aCancelledRecurringTransferOriginatesNoMore() {
        String clock = clockAt("2030-01-07T12:00:00Z");
        String id = client.ok("/transfer/recurring/create", recurring(checking, clock, "week", 1, "2030-01-07", null))
                .path("recurring_transfer").path("recurring_transfer_id").asText();
        assertThat(get(id).path("transfer_ids")).as("today's origination happens at once").hasSize(1);
        client.ok("/transfer/recurring/cancel", body().put("recurring_transfer_id", id));
        client.ok("/transfer/recurring/cancel", body().put("recurring_transfer_id", id));
        advance(clock, "2030-02-07T12:00:00Z");
        assertThat(get(id).path("status").asText()).isEqualTo("cancelled");
        assertThat(get(id).path("transfer_ids")).hasSize(1);
    }

    @Test
    void aDeclinedRecurringTransferIsNotCreatedAndAKeyAnswersWithTheFirst() {
        String clock = clockAt("2030-01-07T12:00:00Z");
        JsonNode declined = client.ok("/transfer/recurring/create",
                recurring(checking, clock, "week", 2, "2030-01-08", null).put("amount", "950.00"));
        assertThat(declined.path("decision").asText()).isEqualTo("declined");
        assertThat(declined.path("decision_rationale").path("code").asText()).isEqualTo("NSF");
        assertThat(declined.has("recurring_transfer")).isFalse();

        ObjectNode request = recurring(checking, clock, "week", 2, "2030-01-08", null);
        String first = client.ok("/transfer/recurring/create", request).path("recurring_transfer").path("recurring_transfer_id").asText();
        String again = client.ok("/transfer/recurring/create", request).path("recurring_transfer").path("recurring_transfer_id").asText();
        assertThat(again).isEqualTo(first);
        assertThat(client.ok("/transfer/recurring/list", body()).path("recurring_transfers")).hasSize(1);
    }

    @Test
    void schedulesAndClocksOutsidePlaidsRulesAreRefused() {
        String clock = clockAt("2030-01-07T12:00:00Z");
        assertRefused(recurring(checking, clock, "week", 6, "2030-01-08", null), "schedule.interval_execution_day");
        assertRefused(recurring(checking, clock, "month", 29, "2030-01-08", null), "schedule.interval_execution_day");
        assertRefused(recurring(checking, clock, "week", 2, "2030-01-06", null), "schedule.start_date");
        assertRefused(recurring(checking, clock, "week", 2, "2030-01-08", "2030-01-01"), "schedule.end_date");
        ObjectNode zero = recurring(checking, clock, "week", 2, "2030-01-08", null);
        ((ObjectNode) zero.get("schedule")).put("interval_count", 0);
        assertRefused(zero, "schedule.interval_count");
        client.refused("/transfer/recurring/create", recurring(checking, "no-such-clock", "week", 2, "2030-01-08", null), 404, "NOT_FOUND");

        for (int i = 0; i < 5; i++) {
            client.ok("/transfer/recurring/create", recurring(checking, clock, "week", 2, "2030-01-08", null));
        }
        assertRefused(recurring(checking, clock, "week", 2, "2030-01-08", null), "test_clock_id");

        EmulatorClient.Answer tooFar = client.refused("/sandbox/transfer/test_clock/advance", body().put("test_clock_id", clock)
                .put("new_virtual_time", "2030-06-07T12:00:00Z"), 400, "INVALID_FIELD");
        assertThat(tooFar.json().path("error_message").asText()).startsWith("new_virtual_time");
        assertThat(clock(clock).path("virtual_time").asText()).isEqualTo("2030-01-07T12:00:00Z");
        client.refused("/sandbox/transfer/test_clock/advance", body().put("test_clock_id", clock)
                .put("new_virtual_time", "2030-01-07T11:59:59Z"), 400, "INVALID_FIELD");
        advance(clock, "2030-01-21T12:00:00Z");
        assertThat(clock(clock).path("virtual_time").asText()).isEqualTo("2030-01-21T12:00:00Z");
    }

    private void assertRefused(ObjectNode request, String field) {
        EmulatorClient.Answer answer = client.refused("/transfer/recurring/create", request, 400, "INVALID_FIELD");
        assertThat(answer.json().path("error_message").asText()).startsWith(field);
    }

    private JsonNode clock(String id) {
        return client.ok("/sandbox/transfer/test_clock/get", body().put("test_clock_id", id)).path("test_clock");
    }

    @Test
    void testClocksListByAscendingVirtualTime() {
        String late = clockAt("2031-01-01T00:00:00Z");
        String early = clockAt("2029-01-01T00:00:00Z");
        String middle = clockAt("2030-01-01T00:00:00Z");
        assertThat(clockIds(body())).containsExactly(early, middle, late);
        assertThat(clockIds(body().put("start_virtual_time", "2029-06-01T00:00:00Z"))).containsExactly(middle, late);
        assertThat(clockIds(body().put("count", 1).put("offset", 1))).containsExactly(middle);
        String now = client.ok("/sandbox/transfer/test_clock/create", body()).path("test_clock").path("virtual_time").asText();
        assertThat(now).isNotEmpty();
    }

    private List<String> clockIds(ObjectNode request) {
        List<String> ids = new ArrayList<>();
        client.ok("/sandbox/transfer/test_clock/list", request).path("test_clocks").forEach(c -> ids.add(c.path("test_clock_id").asText()));
        return ids;
    }
}
