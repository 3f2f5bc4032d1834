package dev.tartan.store;

import dev.tartan.model.Credentials;
import dev.tartan.model.HistoryEntry;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing Tartan keeps reaches the disk in plaintext: not in the file, its WAL, index or journal. */
class SecretsOnDiskTest {

    private static final String SECRET = "MarkerSecret-9f8e7d6c5b4a";
    private static final String ACCESS_TOKEN = "access-sandbox-4d5e6f70-1a2b-4c3d-9e8f-markertoken01";
    private static final String ACCOUNT_NAME = "Marker Platinum Checking";
    private static final List<String> MARKERS = List.of(SECRET, ACCESS_TOKEN, ACCOUNT_NAME);

    @TempDir
    Path dir;

    @Test
    void markersAreNeverInTheVaultFilesWhileOpenAfterCloseOrAfterAPassphraseChange() throws Exception {
        VaultLocation location = new VaultLocation(dir);
        try (Vault vault = TestVaults.create(dir)) {
            writeMarkers(vault);
            assertThat(location.filesOnDisk().get(1)).as("the write-ahead log holds the new pages").exists();
            assertThat(Files.size(location.filesOnDisk().get(1))).isPositive();
            assertNoMarkers();

            vault.changePassphrase(TestVaults.passphrase(), TestVaults.otherPassphrase());
            writeMarkers(vault);
            assertNoMarkers();
        }
        assertNoMarkers();
    }

    @Test
    void theMarkersReallyAreInTheVault() {
        try (Vault vault = TestVaults.create(dir)) {
            writeMarkers(vault);
        }
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.profiles().require("marker").credentials().secret()).isEqualTo(SECRET);
            assertThat(vault.tokens().byToken(ACCESS_TOKEN)).isPresent();
            assertThat(vault.cache().get("marker", "/accounts/get", "{}").orElseThrow().replyJson()).contains(ACCOUNT_NAME);
        }
    }

    private static void writeMarkers(Vault vault) {
        vault.profiles().save(new Profile("marker", PlaidEnvironment.SANDBOX, new Credentials("client-marker", SECRET)));
        vault.tokens().save(TokenEntry.of(ACCESS_TOKEN, "marker", "item-marker").withLabel(ACCOUNT_NAME));
        String reply = "{\"accounts\":[{\"name\":\"" + ACCOUNT_NAME + "\"}],\"access_token\":\"" + ACCESS_TOKEN + "\"}";
        vault.cache().put("marker", "/accounts/get", "{}", reply, "req-marker");
        vault.history().record(HistoryEntry.of(Instant.now(), "marker", "/accounts/get", 200, Duration.ofMillis(5),
                "req-marker", "{\"secret\":\"" + SECRET + "\"}", reply));
        vault.audit().append("account.rename", List.of(ACCOUNT_NAME), "success", null);
        vault.settings().put("last.account", ACCOUNT_NAME);
    }

    private void assertNoMarkers() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                for (String marker : MARKERS) {
                    assertThat(TestVaults.contains(file, marker)).as("%s in %s", marker, file.getFileName()).isFalse();
                }
            }
        }
    }
}
