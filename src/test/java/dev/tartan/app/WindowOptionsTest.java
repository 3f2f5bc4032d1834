package dev.tartan.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WindowOptionsTest {

    @Test
    void readsTheWindowsOwnOptionsInBothSpellings() {
        assertThat(WindowOptions.parse(new String[0])).contains(new WindowOptions(null, null));
        assertThat(WindowOptions.parse(new String[] {"--data-dir", "/d", "--passphrase-file=/p"}))
                .contains(new WindowOptions(Path.of("/d"), Path.of("/p")));
        assertThat(WindowOptions.parse(new String[] {"--data-dir=/d"})).contains(new WindowOptions(Path.of("/d"), null));
    }

    @Test
    void leavesCommandsHelpAndMistakesToTheCommandLine() {
        assertThat(WindowOptions.parse(new String[] {"ops"})).isEmpty();
        assertThat(WindowOptions.parse(new String[] {"--data-dir", "/d", "call", "/item/get"})).isEmpty();
        assertThat(WindowOptions.parse(new String[] {"--help"})).isEmpty();
        assertThat(WindowOptions.parse(new String[] {"-V"})).isEmpty();
        assertThat(WindowOptions.parse(new String[] {"--data-dir"})).isEmpty();
        assertThat(WindowOptions.parse(new String[] {"--dta-dir", "/d"})).isEmpty();
    }
}
