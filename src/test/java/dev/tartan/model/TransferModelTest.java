package dev.tartan.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure pieces of the Transfers pane: amounts, the Sandbox transitions offered, filters, merging rows, daily volume. */
class TransferModelTest {

    private static TransferRow row(String id, String status, long cents, String created, String description, String metadata) {
        return new TransferRow(id, TransferRow.Kind.TRANSFER, null, "debit", "ach", "web", cents, null, status, "acc-1",
                Instant.parse(created), null, null, "returned".equals(status) ? "R01" : null, null, description, "Ada Weaver", metadata,
                null, null, null, true, 0);
    }

    @Test
    void amountsAreWholeCentsTypedAsDollars() {
        assertThat(TransferAmount.parse("12.34", "The amount")).isEqualTo(1234);
        assertThat(TransferAmount.parse("$1,200", "The amount")).isEqualTo(120000);
        assertThat(TransferAmount.parse("0.10", "The amount")).isEqualTo(10);
        assertThat(TransferAmount.format(5)).isEqualTo("0.05");
        assertThat(TransferAmount.ofPlaid("-50.00")).isEqualTo(-5000);
        assertThatThrownBy(() -> TransferAmount.parse("1.001", "The refund")).hasMessage("The refund 1.001 has more than two decimals: Plaid moves whole cents.");
        assertThatThrownBy(() -> TransferAmount.parse("0", "The amount")).hasMessageContaining("more than $0.00");
        assertThatThrownBy(() -> TransferAmount.parse("ten", "The amount")).hasMessageContaining("is not an amount");
        assertThatThrownBy(() -> TransferAmount.parse(" ", "The amount")).hasMessageContaining("missing");
    }

    @Test
    void onlyTheEventsPlaidAllowsNextAreOffered() {
        assertThat(TransferLifecycle.forTransfer("pending", "debit", "ach").all()).containsExactly("posted", "failed");
        assertThat(TransferLifecycle.forTransfer("posted", "debit", "ach").all()).containsExactly("settled", "returned");
        assertThat(TransferLifecycle.forTransfer("settled", "debit", "ach").all()).containsExactly("funds_available", "returned");
        assertThat(TransferLifecycle.forTransfer("settled", "credit", "ach").all()).as("funds become available on ACH debits only")
                .containsExactly("returned");
        assertThat(TransferLifecycle.forTransfer("settled", "credit", "rtp").isFinal()).as("RTP does not come back").isTrue();
        assertThat(TransferLifecycle.forTransfer("funds_available", "debit", "same-day-ach").all()).containsExactly("returned");
        for (String done : List.of("cancelled", "failed", "returned")) {
            assertThat(TransferLifecycle.forTransfer(done, "debit", "ach").isFinal()).as(done).isTrue();
        }
        assertThat(TransferLifecycle.forRefund("pending", "posted").all()).as("a refund posts once its transfer settled")
                .containsExactly("refund.failed");
        assertThat(TransferLifecycle.forRefund("pending", "settled").nextEvent()).isEqualTo("refund.posted");
        assertThat(TransferLifecycle.forRefund("posted", "settled").all()).containsExactly("refund.settled", "refund.returned");
        assertThat(TransferLifecycle.forLedgerSweep("pending").all()).containsExactly("sweep.posted", "sweep.failed");
        assertThat(TransferLifecycle.statusOf("refund.posted")).isEqualTo("posted");
    }

    @Test
    void filtersCombineAndWordsMatchIdsDescriptionsUsersAndMetadataInAnyCase() {
        TransferRow rent = row("aa11-rent", "settled", 120000, "2026-03-01T15:00:00Z", "Rent", "client_user_id=u-42");
        TransferRow gym = row("bb22-gym", "returned", 3333, "2026-03-02T15:00:00Z", "Gym", null);
        List<TransferRow> rows = List.of(rent, gym);
        ZoneId utc = ZoneId.of("UTC");
        assertThat(rows.stream().filter(new TransferFilter(Set.of("returned"), null, null, null, null, null, null, null, "")
                .predicate(utc))).containsExactly(gym);
        assertThat(rows.stream().filter(new TransferFilter(Set.of(), null, null, null, null, null, null, null, "RENT").predicate(utc)))
                .containsExactly(rent);
        assertThat(rows.stream().filter(new TransferFilter(Set.of(), null, null, null, null, null, null, null, "u-42").predicate(utc)))
                .as("client_user_id in the metadata").containsExactly(rent);
        assertThat(rows.stream().filter(new TransferFilter(Set.of(), null, null, null, null, null, null, null, "BB22").predicate(utc)))
                .containsExactly(gym);
        assertThat(rows.stream().filter(new TransferFilter(Set.of(), null, null, null, null, null, null, null, "ada gym").predicate(utc)))
                .as("every word").containsExactly(gym);
        assertThat(rows.stream().filter(new TransferFilter(Set.of(), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), null, null,
                null, null, null, "").predicate(utc))).containsExactly(gym);
        assertThat(rows.stream().filter(new TransferFilter(Set.of(), null, null, 5000L, null, null, null, null, "").predicate(utc)))
                .containsExactly(rent);
        assertThat(rows.stream().filter(new TransferFilter(Set.of(), null, null, null, null, "credit", null, null, "").predicate(utc)))
                .isEmpty();
        assertThat(TransferFilter.NONE.isEmpty()).isTrue();
    }

    @Test
    void changedRowsTakeTheirPlaceAndNewOnesGoOnTop() {
        TransferRow older = row("a", "pending", 100, "2026-03-01T00:00:00Z", null, null);
        TransferRow newer = row("b", "pending", 100, "2026-03-02T00:00:00Z", null, null);
        TransferRow newest = row("c", "pending", 100, "2026-03-03T00:00:00Z", null, null);
        TransferRow posted = row("a", "posted", 100, "2026-03-01T00:00:00Z", null, null);
        assertThat(TransferRow.merged(List.of(newer, older), List.of(posted, newest))).containsExactly(newest, newer, posted);
        TransferRow backdated = row("d", "pending", 100, "2026-02-01T00:00:00Z", null, null);
        assertThat(TransferRow.merged(List.of(newer, older), List.of(backdated))).containsExactly(newer, older, backdated);
    }

    @Test
    void dailyVolumeCountsTransfersAndReturnsWithTheDaysBetween() {
        List<TransferVolume> days = TransferVolume.daily(List.of(
                row("a", "settled", 1000, "2026-03-01T10:00:00Z", null, null),
                row("b", "returned", 3333, "2026-03-01T11:00:00Z", null, null),
                row("c", "settled", 500, "2026-03-03T10:00:00Z", null, null)), ZoneId.of("UTC"));
        assertThat(days).extracting(TransferVolume::day).containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 3));
        assertThat(days.get(0)).isEqualTo(new TransferVolume(LocalDate.of(2026, 3, 1), 2, 4333, 0, 1, 3333));
        assertThat(days.get(1).transfers()).isZero();
    }
}
