package dev.tartan.ui;

import dev.tartan.model.Profile;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;

import java.nio.file.Path;

/** Prepares a vault on disk before Tartan starts, as a returning user would have it. */
public final class TestVaults {
    private TestVaults() {
    }

    /** Creates a vault locked with {@link TartanAppFixture#PASSPHRASE} holding {@code profiles}. */
    public static void create(Path home, Profile... profiles) {
        try (Vault vault = Vault.create(new VaultLocation(home), TartanAppFixture.PASSPHRASE.toCharArray())) {
            for (Profile profile : profiles) {
                vault.profiles().save(profile);
            }
        }
    }

    /** Opens the vault after Tartan has closed, to check what it wrote. */
    public static Vault open(Path home) {
        return Vault.open(new VaultLocation(home), TartanAppFixture.PASSPHRASE.toCharArray());
    }
}
