package dev.tartan.store;

import dev.tartan.model.HistoryEntry;
import dev.tartan.model.TokenEntry;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Child JVM for {@link CrashTest}: writes to the vault as fast as it can and prints the number of
 * each round once all of its writes are committed, until it is killed.
 */
public final class HeavyWriterProcess {

    private HeavyWriterProcess() {
    }

    public static void main(String[] args) {
        Vault vault = TestVaults.open(Path.of(args[0]));
        String padding = "x".repeat(2000);
        for (int round = 0; ; round++) {
            vault.tokens().save(TokenEntry.of(CrashTest.token(round), "crash", "item-" + round));
            vault.cache().put("crash", "/accounts/get", "{\"round\":" + round + "}", "{\"pad\":\"" + padding + "\"}", null);
            vault.history().record(HistoryEntry.of(Instant.now(), "crash", "/accounts/get", 200, Duration.ofMillis(1),
                    "req-" + round, "{}", padding));
            vault.audit().append("crash.write", List.of("item-" + round), "success", null);
            System.out.println(round);
            System.out.flush();
        }
    }
}
