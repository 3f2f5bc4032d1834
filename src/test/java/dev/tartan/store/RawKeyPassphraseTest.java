package dev.tartan.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A passphrase SQLCipher would take as a raw key, x'<hex>', skips the key derivation: it is refused. */
class RawKeyPassphraseTest {

    private static final String RAW_KEY = "x'2DD29CA851E7B56E4697B0E1F08507293D761A05CE4D1B628663F411A8086D99'";

    @TempDir
    Path dir;

    @Test
    void aVaultIsNotCreatedWithARawKey() {
        assertThatThrownBy(() -> Vault.create(new VaultLocation(dir), RAW_KEY.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("raw key");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void thePassphraseIsNotChangedToARawKey() {
        try (Vault vault = TestVaults.create(dir)) {
            assertThatThrownBy(() -> vault.changePassphrase(TestVaults.passphrase(), ("X'" + "ab".repeat(32) + "'").toCharArray()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("raw key");
        }
        TestVaults.open(dir).close();
    }

    @ParameterizedTest
    @ValueSource(strings = {RAW_KEY, "x''", "X'00'"})
    void theStrengthCheckSaysWhy(String passphrase) {
        assertThat(PassphraseStrength.assess(passphrase.toCharArray()).acceptable()).isFalse();
        assertThat(PassphraseStrength.assess(passphrase.toCharArray()).summary()).contains("raw key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x'not hex at all, a sentence'", "my x'2DD2' in a sentence", "x'2DD2"})
    void aPassphraseThatOnlyLooksLikeItIsFine(String passphrase) {
        assertThat(Passphrases.isRawKeyForm(passphrase.toCharArray())).isFalse();
    }
}
