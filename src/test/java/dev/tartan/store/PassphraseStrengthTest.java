package dev.tartan.store;

import dev.tartan.model.PassphraseVerdict;
import dev.tartan.model.PassphraseVerdict.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PassphraseStrengthTest {

    private static PassphraseVerdict assess(String text) {
        return PassphraseStrength.assess(text.toCharArray());
    }

    @Test
    void emptyIsNeverAcceptable() {
        assertThat(assess("").level()).isEqualTo(Level.EMPTY);
        assertThat(assess("   ").level()).isEqualTo(Level.EMPTY);
        assertThat(PassphraseStrength.assess(null).acceptable()).isFalse();
    }

    @Test
    void aCommonPasswordIsTooWeakAndSaysWhy() {
        PassphraseVerdict verdict = assess("password1");
        assertThat(verdict.level()).isEqualTo(Level.TOO_WEAK);
        assertThat(verdict.acceptable()).isFalse();
        assertThat(verdict.warning()).isNotBlank();
        assertThat(verdict.explanation()).contains("Too weak").contains("Choose a stronger one");
    }

    @Test
    void keyboardWalksAndRepeatsAreCaught() {
        assertThat(assess("qwertyuiop").acceptable()).isFalse();
        assertThat(assess("abcabcabcabc").acceptable()).isFalse();
        assertThat(assess("aaaaaaaaaaaaaaaa").acceptable()).isFalse();
    }

    @Test
    void aLongRandomPassphraseIsStrong() {
        PassphraseVerdict verdict = assess(TestVaults.PASSPHRASE);
        assertThat(verdict.level()).isEqualTo(Level.STRONG);
        assertThat(verdict.acceptable()).isTrue();
        assertThat(verdict.summary()).startsWith("Strong").contains("offline attacker");
    }

    @Test
    void theArrayIsOnlyRead() {
        char[] passphrase = "some passphrase here".toCharArray();
        PassphraseStrength.assess(passphrase);
        assertThat(new String(passphrase)).isEqualTo("some passphrase here");
    }
}
