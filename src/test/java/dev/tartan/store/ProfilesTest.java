package dev.tartan.store;

import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfilesTest {

    @TempDir
    static Path dir;
    static Vault vault;

    @BeforeAll
    static void createVault() {
        vault = TestVaults.create(dir);
    }

    @AfterAll
    static void closeVault() {
        vault.close();
    }

    @BeforeEach
    void removeAll() {
        vault.profiles().names().forEach(vault.profiles()::remove);
    }

    private static Profile profile(String name, PlaidEnvironment environment) {
        return new Profile(name, environment, new Credentials("client-" + name, "secret-" + name + "-0123456789"));
    }

    @Test
    void profilesOfEveryKindOfEnvironmentRoundTrip() {
        Profile sandbox = profile("sandbox", PlaidEnvironment.SANDBOX);
        Profile production = profile("prod", PlaidEnvironment.PRODUCTION);
        Profile emulator = profile("local", PlaidEnvironment.EMULATOR);
        Profile custom = profile("proxy", PlaidEnvironment.custom(URI.create("https://plaid-proxy.example.test:8443")));
        for (Profile p : new Profile[] {sandbox, production, emulator, custom}) {
            vault.profiles().add(p);
        }
        assertThat(vault.profiles().list()).containsExactly(emulator, production, custom, sandbox);
        assertThat(vault.profiles().require("proxy").environment().baseUrl())
                .isEqualTo(URI.create("https://plaid-proxy.example.test:8443"));
    }

    @Test
    void whatTheUserSaidAboutACustomUrlIsKept() {
        PlaidEnvironment proxy = PlaidEnvironment.custom(URI.create("http://plaid-proxy.example.test/plaid"))
                .withProductionMark(true).withPlainHttpAllowed(true);
        vault.profiles().add(profile("prod-proxy", proxy));
        assertThat(vault.profiles().require("prod-proxy").environment()).isEqualTo(proxy);

        vault.profiles().save(profile("prod-proxy", proxy.withProductionMark(false)));
        PlaidEnvironment saved = vault.profiles().require("prod-proxy").environment();
        assertThat(saved.markedProduction()).isFalse();
        assertThat(saved.plainHttpAllowed()).isTrue();
    }

    @Test
    void namesIgnoreCaseAndAddingTheSameNameTwiceIsRefused() {
        vault.profiles().add(profile("Team", PlaidEnvironment.SANDBOX));
        assertThat(vault.profiles().get("team")).isPresent();
        assertThatThrownBy(() -> vault.profiles().add(profile("TEAM", PlaidEnvironment.PRODUCTION)))
                .isInstanceOf(ProfileExistsException.class)
                .hasMessageContaining("already exists");
        assertThat(vault.profiles().require("team").environment()).isEqualTo(PlaidEnvironment.SANDBOX);
    }

    @Test
    void saveReplacesAProfile() {
        vault.profiles().add(profile("ops", PlaidEnvironment.SANDBOX));
        Profile rotated = new Profile("ops", PlaidEnvironment.SANDBOX, new Credentials("client-ops", "a-new-secret-987654"));
        vault.profiles().save(rotated);
        assertThat(vault.profiles().require("ops")).isEqualTo(rotated);
        assertThat(vault.profiles().list()).hasSize(1);
    }

    @Test
    void requireNamesTheKnownProfilesWhenOneIsMissing() {
        vault.profiles().add(profile("alpha", PlaidEnvironment.SANDBOX));
        vault.profiles().add(profile("beta", PlaidEnvironment.SANDBOX));
        assertThatThrownBy(() -> vault.profiles().require("gamma"))
                .isInstanceOf(ProfileNotFoundException.class)
                .hasMessageContaining("No profile named 'gamma'")
                .hasMessageContaining("alpha, beta");
    }

    @Test
    void requireOnAnEmptyVaultSaysHowToAddOne() {
        assertThatThrownBy(() -> vault.profiles().require("any"))
                .hasMessageContaining("tartan profile add");
    }

    @Test
    void removeSaysWhetherThereWasOne() {
        vault.profiles().add(profile("temp", PlaidEnvironment.SANDBOX));
        assertThat(vault.profiles().remove("TEMP")).isTrue();
        assertThat(vault.profiles().remove("temp")).isFalse();
    }

    @Test
    void badProfilesAreRefusedWithAReason() {
        assertThatThrownBy(() -> profile(" ", PlaidEnvironment.SANDBOX)).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> profile("x".repeat(65), PlaidEnvironment.SANDBOX)).hasMessageContaining("longer than 64");
        assertThatThrownBy(() -> new Profile("p", PlaidEnvironment.SANDBOX, new Credentials("id", " ")))
                .hasMessageContaining("secret is empty");
        assertThatThrownBy(() -> new Profile("p", PlaidEnvironment.SANDBOX, new Credentials("", "secret")))
                .hasMessageContaining("client_id is empty");
    }

    @Test
    void aProfileNeverShowsItsSecretInText() {
        Profile p = new Profile("p", PlaidEnvironment.SANDBOX, new Credentials("id", "very-secret-value-42"));
        assertThat(p.toString()).doesNotContain("very-secret-value-42").contains("42");
    }
}
