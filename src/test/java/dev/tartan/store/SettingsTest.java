package dev.tartan.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

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

    @Test
    void valuesAreKeptReplacedAndRemoved() {
        vault.settings().put("ui.theme", "dark");
        assertThat(vault.settings().get("ui.theme")).contains("dark");
        vault.settings().put("ui.theme", "light");
        assertThat(vault.settings().get("ui.theme")).contains("light");
        assertThat(vault.settings().all()).containsEntry("ui.theme", "light");
        assertThat(vault.settings().remove("ui.theme")).isTrue();
        assertThat(vault.settings().get("ui.theme")).isEmpty();
        assertThat(vault.settings().remove("ui.theme")).isFalse();
    }

    @Test
    void wholeNumbersWithAFallback() {
        assertThat(vault.settings().getInt("ui.width", 1280)).isEqualTo(1280);
        vault.settings().putInt("ui.width", 1600);
        assertThat(vault.settings().getInt("ui.width", 1280)).isEqualTo(1600);
        vault.settings().put("ui.height", "tall");
        assertThatThrownBy(() -> vault.settings().getInt("ui.height", 800))
                .hasMessageContaining("ui.height").hasMessageContaining("whole number");
    }

    @Test
    void blankKeysAndNullValuesAreRefused() {
        assertThatThrownBy(() -> vault.settings().put(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> vault.settings().put("k", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
