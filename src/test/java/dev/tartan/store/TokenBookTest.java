package dev.tartan.store;

import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBookTest {

    @TempDir
    static Path dir;
    static MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    static Vault vault;

    @BeforeAll
    static void createVault() {
        vault = TestVaults.create(dir, clock);
    }

    @AfterAll
    static void closeVault() {
        vault.close();
    }

    @Test
    void aTokenIsStoredWithItsKindAndEnvironmentFromItsShape() {
        TokenEntry saved = vault.tokens().save(TokenEntry.of("access-sandbox-0a1b2c3d-aaaa-bbbb-cccc-1234567890ab",
                "sandbox", "item-A1").withLabel("Checking at First Platypus").withInstitution("ins_109508"));
        assertThat(saved.id()).isPositive();
        assertThat(saved.kind()).isEqualTo(TokenKind.ACCESS);
        assertThat(saved.environment()).isEqualTo("sandbox");
        assertThat(saved.createdAt()).isEqualTo(clock.instant());
        assertThat(saved.lastUsedAt()).isNull();
        assertThat(vault.tokens().byToken(saved.value())).contains(saved);
    }

    @Test
    void everyKindOfTokenIsKept() {
        String[] tokens = {
            "processor-sandbox-11111111-2222-3333-4444-555555555555",
            "user-sandbox-11111111-2222-3333-4444-555555555555",
            "assets-sandbox-11111111-2222-3333-4444-555555555555",
            "a-sandbox-11111111-2222-3333-4444-555555555555",
            "link-sandbox-11111111-2222-3333-4444-555555555555",
        };
        for (String token : tokens) {
            vault.tokens().save(TokenEntry.of(token, "sandbox", "owner-kinds"));
        }
        assertThat(vault.tokens().find("owner-kinds")).extracting(TokenEntry::kind).containsExactlyInAnyOrder(
                TokenKind.PROCESSOR, TokenKind.USER, TokenKind.ASSET_REPORT, TokenKind.AUDIT_COPY, TokenKind.LINK);
    }

    @Test
    void findLooksUpByTokenOwnerIdOrInstitution() {
        TokenEntry access = vault.tokens().save(TokenEntry.of("access-production-99990000-1111-2222-3333-444455556666",
                "prod", "item-find").withInstitution("ins_find"));
        TokenEntry processor = vault.tokens().save(TokenEntry.of("processor-production-99990000-1111-2222-3333-444455556666",
                "prod", "item-find"));
        assertThat(vault.tokens().find(access.value())).containsExactly(access);
        assertThat(vault.tokens().find("item-find")).containsExactlyInAnyOrder(access, processor);
        assertThat(vault.tokens().find("ins_find")).containsExactly(access);
        assertThat(vault.tokens().find("nothing-like-this")).isEmpty();
    }

    @Test
    void savingTheSameTokenAgainUpdatesItAndKeepsItsCreationTime() {
        String token = "access-sandbox-77770000-1111-2222-3333-444455556666";
        TokenEntry first = vault.tokens().save(TokenEntry.of(token, "sandbox", "item-upd"));
        clock.advance(Duration.ofHours(1));
        TokenEntry second = vault.tokens().save(TokenEntry.of(token, "sandbox", "item-upd").withNotes("rotated next week"));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.createdAt()).isEqualTo(first.createdAt());
        assertThat(second.notes()).isEqualTo("rotated next week");
    }

    @Test
    void markUsedRecordsTheTime() {
        String token = "access-sandbox-55550000-1111-2222-3333-444455556666";
        vault.tokens().save(TokenEntry.of(token, "sandbox", "item-used"));
        clock.advance(Duration.ofMinutes(5));
        assertThat(vault.tokens().markUsed(token)).isTrue();
        assertThat(vault.tokens().byToken(token).orElseThrow().lastUsedAt()).isEqualTo(clock.instant());
        assertThat(vault.tokens().markUsed("access-sandbox-unknown-0000")).isFalse();
    }

    @Test
    void removeAndListByProfile() {
        String token = "access-sandbox-33330000-1111-2222-3333-444455556666";
        vault.tokens().save(TokenEntry.of(token, "only-here", "item-rm"));
        assertThat(vault.tokens().list("only-here")).extracting(TokenEntry::value).containsExactly(token);
        assertThat(vault.tokens().remove(token)).isTrue();
        assertThat(vault.tokens().list("only-here")).isEmpty();
        assertThat(vault.tokens().remove(token)).isFalse();
    }

    @Test
    void aTokenOfUnknownShapeNeedsItsKindGiven() {
        assertThatThrownBy(() -> TokenEntry.of("not-a-plaid-token-at-all", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a Plaid token");
        TokenEntry explicit = vault.tokens().save(TokenEntry.of(TokenKind.LINK, "custom-link-value-1234", null, null)
                .withEnvironment("emulator"));
        assertThat(explicit.kind()).isEqualTo(TokenKind.LINK);
        assertThat(explicit.environment()).isEqualTo("emulator");
    }

    @Test
    void blankLookupsAreRefused() {
        assertThatThrownBy(() -> vault.tokens().find(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntryNeverShowsItsTokenInText() {
        TokenEntry entry = TokenEntry.of("access-sandbox-12345678-aaaa-bbbb-cccc-deadbeefcafe", null, null);
        assertThat(entry.toString()).doesNotContain("12345678-aaaa").contains("access-sandbox-").contains("cafe");
    }
}
