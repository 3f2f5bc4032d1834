package dev.tartan.store;

import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.WebhookFilter;
import dev.tartan.model.WebhookVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReceivedWebhooksTest {

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    private static final WebhookVerdict VERIFIED = new WebhookVerdict(List.of(WebhookVerdict.Check.pass("Signature", "ok")));
    private static final WebhookVerdict FAILED = new WebhookVerdict(List.of(WebhookVerdict.Check.fail("Body", "the body was changed after signing")));

    private ReceivedWebhook webhook(String type, String code, String itemId, String body, WebhookVerdict verdict) {
        return new ReceivedWebhook(0, clock.instant(), type, code,
                itemId == null ? null : new ReceivedWebhook.WebhookSubject(ReceivedWebhook.WebhookSubject.Kind.ITEM, itemId),
                body, Map.of("Plaid-Verification", "eyJ.x.y", "Content-Type", "application/json"), verdict);
    }

    @Test
    void webhooksAreKeptExactlyAndReadBackNewestFirst() {
        String body = "{\n  \"webhook_type\": \"TRANSACTIONS\",\n  \"note\": \"caf\u00e9 \u2603\"\n}";
        try (Vault vault = TestVaults.create(dir, clock)) {
            List<ReceivedWebhook> recorded = vault.webhooks().record(List.of(
                    webhook("TRANSACTIONS", "INITIAL_UPDATE", "item_a", body, WebhookVerdict.pending()),
                    webhook("ITEM", "ERROR", "item_b", "{}", FAILED)));
            assertThat(recorded.get(1).id()).isGreaterThan(recorded.get(0).id());

            List<ReceivedWebhook> recent = vault.webhooks().recent(10);
            assertThat(recent).extracting(ReceivedWebhook::code).containsExactly("ERROR", "INITIAL_UPDATE");
            ReceivedWebhook first = recent.get(1);
            assertThat(first.body()).isEqualTo(body);
            assertThat(first.header("plaid-verification")).isEqualTo("eyJ.x.y");
            assertThat(first.subject()).isEqualTo(new ReceivedWebhook.WebhookSubject(ReceivedWebhook.WebhookSubject.Kind.ITEM, "item_a"));
            assertThat(first.verdict().isPending()).isTrue();
            assertThat(first.receivedAt()).isEqualTo(clock.instant());
            assertThat(recent.get(0).verdict()).isEqualTo(FAILED);

            vault.webhooks().saveVerdicts(List.of(first.withVerdict(VERIFIED)));
            assertThat(vault.webhooks().byId(first.id()).orElseThrow().verdict()).isEqualTo(VERIFIED);
            assertThat(vault.webhooks().pending(10)).isEmpty();
        }
    }

    @Test
    void theFilterPicksByTypeCodeObjectAndVerdict() {
        try (Vault vault = TestVaults.create(dir, clock)) {
            vault.webhooks().record(List.of(
                    webhook("TRANSACTIONS", "INITIAL_UPDATE", "item_Abc_1", "{}", VERIFIED),
                    webhook("TRANSACTIONS", "SYNC_UPDATES_AVAILABLE", "item_xyz", "{}", FAILED),
                    webhook("ITEM", "WEBHOOK_UPDATE_ACKNOWLEDGED", "item_abc_2", "{}", WebhookVerdict.pending()),
                    webhook("TRANSFER", "TRANSFER_EVENTS_UPDATE", null, "{}", VERIFIED)));
            assertThat(codes(vault, new WebhookFilter("transactions", "", "", WebhookFilter.Verdict.ANY)))
                    .containsExactly("SYNC_UPDATES_AVAILABLE", "INITIAL_UPDATE");
            assertThat(codes(vault, new WebhookFilter("", "initial_update", "", WebhookFilter.Verdict.ANY))).containsExactly("INITIAL_UPDATE");
            // Part of the object's id, in any case; an underscore is not a wildcard.
            assertThat(codes(vault, new WebhookFilter("", "", "ABC_", WebhookFilter.Verdict.ANY)))
                    .containsExactly("WEBHOOK_UPDATE_ACKNOWLEDGED", "INITIAL_UPDATE");
            assertThat(codes(vault, new WebhookFilter("", "", "m_abc", WebhookFilter.Verdict.ANY))).hasSize(2);
            assertThat(codes(vault, new WebhookFilter("", "", "mxabc", WebhookFilter.Verdict.ANY))).isEmpty();
            assertThat(codes(vault, new WebhookFilter("", "", "", WebhookFilter.Verdict.VERIFIED)))
                    .containsExactly("TRANSFER_EVENTS_UPDATE", "INITIAL_UPDATE");
            assertThat(codes(vault, new WebhookFilter("", "", "", WebhookFilter.Verdict.FAILED))).containsExactly("SYNC_UPDATES_AVAILABLE");
            assertThat(codes(vault, new WebhookFilter("", "", "", WebhookFilter.Verdict.PENDING))).containsExactly("WEBHOOK_UPDATE_ACKNOWLEDGED");
            // The same filter in memory, for webhooks arriving live, agrees with the vault's.
            for (WebhookFilter filter : List.of(new WebhookFilter("", "", "ABC_", WebhookFilter.Verdict.ANY),
                    new WebhookFilter("TRANSACTIONS", "", "", WebhookFilter.Verdict.FAILED))) {
                assertThat(vault.webhooks().recent(10).stream().filter(filter::matches).map(ReceivedWebhook::code).toList())
                        .isEqualTo(codes(vault, filter));
            }
            assertThat(vault.webhooks().typesAndCodes().get("types")).containsExactly("ITEM", "TRANSACTIONS", "TRANSFER");
        }
    }

    private static List<String> codes(Vault vault, WebhookFilter filter) {
        return vault.webhooks().find(filter, Long.MAX_VALUE, 100).stream().map(ReceivedWebhook::code).toList();
    }

    @Test
    void webhooksOlderThanTheAgeCapAreDropped() {
        try (Vault vault = TestVaults.create(dir, clock)) {
            vault.settings().putInt(Settings.WEBHOOKS_MAX_AGE_DAYS, 7);
            vault.webhooks().record(webhook("ITEM", "OLD", "item_1", "{}", VERIFIED));
            clock.advance(Duration.ofDays(8));
            vault.webhooks().record(webhook("ITEM", "NEW", "item_1", "{}", VERIFIED));
            assertThat(vault.webhooks().prune()).isEqualTo(1);
            assertThat(vault.webhooks().recent(10)).extracting(ReceivedWebhook::code).containsExactly("NEW");
        }
    }

    @Test
    void theOldestBeyondTheSizeCapAreDroppedAsTheyArrive() {
        try (Vault vault = TestVaults.create(dir, clock)) {
            vault.settings().putInt(Settings.WEBHOOKS_MAX_MEGABYTES, 1);
            String body = "{\"pad\":\"" + "x".repeat(20 * 1024) + "\"}";
            for (int i = 1; i <= SizeCap.PRUNE_EVERY; i++) {
                vault.webhooks().record(webhook("ITEM", "N" + i, "item_1", body, VERIFIED));
            }
            // The hundredth prunes: 1 MiB holds about fifty 20 KiB webhooks, the newest.
            long kept = vault.webhooks().count();
            assertThat(kept).isBetween(45L, 52L);
            assertThat(vault.webhooks().recent(1).get(0).code()).isEqualTo("N" + SizeCap.PRUNE_EVERY);
        }
    }
}
