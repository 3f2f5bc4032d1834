package dev.tartan.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PassphrasesTest {

    @TempDir
    Path dir;

    @Test
    void theFileGivesItsFirstLineWithoutTheLineBreak() throws Exception {
        Path file = dir.resolve("pass");
        Files.writeString(file, "  spaces kept, ünïcode too  \r\nsecond line ignored\n");
        assertThat(Passphrases.fromFile(file)).containsExactly("  spaces kept, ünïcode too  ".toCharArray());
    }

    @Test
    void aByteOrderMarkIsDropped() throws Exception {
        Path file = dir.resolve("pass");
        Files.writeString(file, "\uFEFFwith bom", StandardCharsets.UTF_8);
        assertThat(Passphrases.fromFile(file)).containsExactly("with bom".toCharArray());
    }

    @Test
    void badFilesAreExplained() throws Exception {
        assertThatThrownBy(() -> Passphrases.fromFile(dir.resolve("missing")))
                .isInstanceOf(VaultException.class).hasMessageContaining("does not exist");
        Path empty = Files.writeString(dir.resolve("empty"), "\nsecond");
        assertThatThrownBy(() -> Passphrases.fromFile(empty)).hasMessageContaining("is empty");
        Path binary = Files.write(dir.resolve("binary"), new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3});
        assertThatThrownBy(() -> Passphrases.fromFile(binary)).hasMessageContaining("not UTF-8");
    }

    @Test
    void theFileWinsOverTheVariableWhichWinsOverNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("pass"), "from file");
        Map<String, String> env = Map.of(Passphrases.VARIABLE, "from env");
        assertThat(Passphrases.nonInteractive(file, env)).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("from file"));
        assertThat(Passphrases.nonInteractive(null, env)).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("from env"));
        assertThat(Passphrases.nonInteractive(null, Map.of(Passphrases.VARIABLE, ""))).isEmpty();
        assertThat(Passphrases.nonInteractive(null, Map.of())).isEmpty();
    }

    @Test
    void clearWipesArrays() {
        char[] a = "secret".toCharArray();
        Passphrases.clear(a, null);
        assertThat(a).containsOnly('\0');
    }
}
