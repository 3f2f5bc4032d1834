package dev.tartan.cli;

import dev.tartan.app.Main;
import dev.tartan.model.Masking;
import dev.tartan.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real launcher in its own process: TARTAN_HOME and TARTAN_PASSPHRASE from the environment,
 * the secret piped on standard input, never echoed.
 */
class VaultCliProcessTest {

    private static final String SECRET = "piped-secret-0987654321";

    @TempDir
    Path home;

    private String tartan(String stdin, int expectedExit, String... args) throws Exception {
        Map<String, String> env = Map.of("TARTAN_HOME", home.toString(),
                "TARTAN_PASSPHRASE", "correct horse battery staple tartan");
        try (ChildJvm child = ChildJvm.start(Main.class, env, List.of(args))) {
            if (stdin != null) {
                child.stdin().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            child.stdin().close();
            String output = child.readAll();
            assertThat(child.waitFor()).as(output).isEqualTo(expectedExit);
            return output;
        }
    }

    @Test
    void theEnvironmentLocatesAndUnlocksTheVault() throws Exception {
        assertThat(tartan(null, 0, "vault", "init")).contains("Created the vault at " + home.resolve("vault.db"));
        String added = tartan(SECRET + "\n", 0, "profile", "add", "ops", "--env", "sandbox", "--client-id", "cid", "--secret", "-");
        String listed = tartan(null, 0, "profile", "list");
        assertThat(listed).contains("ops").contains("cid").contains(Masking.maskSecret(SECRET));
        assertThat(added + listed).doesNotContain(SECRET);
        assertThat(tartan(null, 0, "vault", "verify-audit")).contains("intact: 2 entries");
    }
}
