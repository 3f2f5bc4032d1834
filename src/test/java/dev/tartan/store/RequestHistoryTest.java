package dev.tartan.store;

import dev.tartan.model.HistoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestHistoryTest {

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));

    private HistoryEntry call(String operation, String reply) {
        return HistoryEntry.of(clock.instant(), "sandbox", operation, 200, Duration.ofMillis(87), "req-" + operation,
                "{\"access_token\":\"[redacted]\"}", reply);
    }

    @Test
    void callsAreRecordedAndReadBackNewestFirstWithPaging() {
        try (Vault vault = TestVaults.create(dir, clock)) {
            for (int i = 1; i <= 5; i++) {
                vault.history().record(call("/op" + i, "{}"));
                clock.advance(Duration.ofSeconds(1));
            }
            List<HistoryEntry> firstPage = vault.history().recent(2);
            assertThat(firstPage).extracting(HistoryEntry::operation).containsExactly("/op5", "/op4");
            List<HistoryEntry> nextPage = vault.history().before(firstPage.get(1).id(), 2);
            assertThat(nextPage).extracting(HistoryEntry::operation).containsExactly("/op3", "/op2");

            HistoryEntry third = vault.history().byRequestId("req-/op3").get(0);
            assertThat(third.httpStatus()).isEqualTo(200);
            assertThat(third.duration()).isEqualTo(Duration.ofMillis(87));
            assertThat(third.requestBody()).isEqualTo("{\"access_token\":\"[redacted]\"}");
            assertThat(vault.history().byId(third.id())).contains(third);
        }
    }

    @Test
    void aCallWithoutAReplyIsKeptToo() {
        try (Vault vault = TestVaults.create(dir, clock)) {
            HistoryEntry failed = vault.history().record(HistoryEntry.of(clock.instant(), null, "/item/get", 0,
                    Duration.ofSeconds(30), null, "{}", null));
            assertThat(vault.history().byId(failed.id()).orElseThrow().replyBody()).isNull();
        }
    }

    @Test
    void entriesOlderThanTheAgeCapAreDropped() {
        try (Vault vault = TestVaults.create(dir, clock)) {
            vault.settings().putInt(Settings.HISTORY_MAX_AGE_DAYS, 7);
            vault.history().record(call("/old", "{}"));
            clock.advance(Duration.ofDays(8));
            vault.history().record(call("/new", "{}"));
            assertThat(vault.history().prune()).isEqualTo(1);
            assertThat(vault.history().recent(10)).extracting(HistoryEntry::operation).containsExactly("/new");
        }
    }

    @Test
    void theOldestEntriesBeyondTheSizeCapAreDropped() {
        try (Vault vault = TestVaults.create(dir, clock)) {
            vault.settings().putInt(Settings.HISTORY_MAX_MEGABYTES, 1);
            String reply = "x".repeat(110 * 1024);
            for (int i = 1; i <= 15; i++) {
                vault.history().record(call("/big" + i, reply));
            }
            vault.history().prune();
            List<HistoryEntry> kept = vault.history().recent(100);
            // 1 MiB holds nine 110 KiB replies plus their overhead, not ten.
            assertThat(kept).hasSize(9);
            assertThat(kept.get(0).operation()).isEqualTo("/big15");
        }
    }

    @Test
    void pruningHappensOnItsOwnAsCallsAreRecorded() {
        try (Vault vault = TestVaults.create(dir, clock)) {
            vault.settings().putInt(Settings.HISTORY_MAX_AGE_DAYS, 1);
            vault.history().record(call("/ancient", "{}"));
            clock.advance(Duration.ofDays(2));
            for (int i = 0; i < SizeCap.PRUNE_EVERY; i++) {
                vault.history().record(call("/recent", "{}"));
            }
            assertThat(vault.history().byRequestId("req-/ancient")).isEmpty();
            assertThat(vault.history().count()).isEqualTo(SizeCap.PRUNE_EVERY);
        }
    }

    @Test
    void aBadCapSettingIsReportedClearly() {
        try (Vault vault = TestVaults.create(dir, clock)) {
            vault.settings().put(Settings.HISTORY_MAX_MEGABYTES, "lots");
            assertThatThrownBy(() -> vault.history().prune()).hasMessageContaining("should be a whole number");
            vault.settings().putInt(Settings.HISTORY_MAX_MEGABYTES, 0);
            assertThatThrownBy(() -> vault.history().prune()).hasMessageContaining("at least 1");
        }
    }

    @Test
    void utf8LengthCountsBytesNotCharacters() {
        assertThat(SizeCap.utf8Length("abc")).isEqualTo(3);
        assertThat(SizeCap.utf8Length("é")).isEqualTo(2);
        assertThat(SizeCap.utf8Length("€")).isEqualTo(3);
        assertThat(SizeCap.utf8Length("😀")).isEqualTo(4);
        assertThat(SizeCap.utf8Length(null)).isZero();
    }

    @Test
    void anEntryNeverShowsItsBodiesInText() {
        HistoryEntry entry = call("/x", "{\"account\":\"Secret Savings\"}");
        assertThat(entry.toString()).doesNotContain("Secret Savings").doesNotContain("redacted");
    }
}
