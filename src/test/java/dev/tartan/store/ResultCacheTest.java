package dev.tartan.store;

import dev.tartan.model.CachedResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultCacheTest {

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
    void aReplyIsFoundByProfileOperationAndRequest() {
        vault.cache().put("p1", "/accounts/get", "{\"access_token\":\"x\"}", "{\"accounts\":[]}", "req-1");
        CachedResult hit = vault.cache().get("p1", "/accounts/get", "{\"access_token\":\"x\"}").orElseThrow();
        assertThat(hit.replyJson()).isEqualTo("{\"accounts\":[]}");
        assertThat(hit.requestId()).isEqualTo("req-1");
        assertThat(hit.fetchedAt()).isEqualTo(clock.instant());
        assertThat(hit.requestHash()).isEqualTo(ResultCache.requestHash("{\"access_token\":\"x\"}")).hasSize(64);

        assertThat(vault.cache().get("p2", "/accounts/get", "{\"access_token\":\"x\"}")).isEmpty();
        assertThat(vault.cache().get("p1", "/item/get", "{\"access_token\":\"x\"}")).isEmpty();
        assertThat(vault.cache().get("p1", "/accounts/get", "{\"access_token\":\"y\"}")).isEmpty();
    }

    @Test
    void aNewerReplyReplacesTheOlder() {
        vault.cache().put("p-new", "/item/get", "{}", "{\"v\":1}", "req-a");
        clock.advance(Duration.ofMinutes(1));
        vault.cache().put("p-new", "/item/get", "{}", "{\"v\":2}", "req-b");
        CachedResult hit = vault.cache().get("p-new", "/item/get", "{}").orElseThrow();
        assertThat(hit.replyJson()).isEqualTo("{\"v\":2}");
        assertThat(hit.requestId()).isEqualTo("req-b");
        List<CachedResult> all = new ArrayList<>();
        vault.cache().forEach("p-new", all::add);
        assertThat(all).hasSize(1);
    }

    @Test
    void forEachStreamsAProfilesRepliesInOrder() {
        for (int i = 0; i < 50; i++) {
            vault.cache().put("p-stream", "/op", "{\"i\":" + i + "}", "{\"reply\":" + i + "}", null);
        }
        List<String> replies = new ArrayList<>();
        vault.cache().forEach("p-stream", r -> replies.add(r.replyJson()));
        assertThat(replies).hasSize(50).startsWith("{\"reply\":0}").endsWith("{\"reply\":49}");
    }

    @Test
    void clearAndAgeOut() {
        vault.cache().put("p-clear", "/op", "{}", "{}", null);
        assertThat(vault.cache().clear("p-clear")).isEqualTo(1);
        assertThat(vault.cache().get("p-clear", "/op", "{}")).isEmpty();

        vault.cache().put("p-age", "/op", "{\"old\":1}", "{}", null);
        clock.advance(Duration.ofDays(10));
        vault.cache().put("p-age", "/op", "{\"new\":1}", "{}", null);
        assertThat(vault.cache().removeOlderThan(clock.instant().minus(Duration.ofDays(1)))).isGreaterThanOrEqualTo(1);
        assertThat(vault.cache().get("p-age", "/op", "{\"old\":1}")).isEmpty();
        assertThat(vault.cache().get("p-age", "/op", "{\"new\":1}")).isPresent();
    }

    @Test
    void aCachedResultNeverShowsItsReplyInText() {
        CachedResult r = vault.cache().put("p-text", "/item/public_token/exchange", "{}",
                "{\"access_token\":\"access-sandbox-secret-value\"}", null);
        assertThat(r.toString()).doesNotContain("access-sandbox-secret-value");
    }
}
