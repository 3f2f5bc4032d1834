package dev.tartan.app;

import dev.tartan.testing.ChildJvm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChildProcessesTest {

    @Test
    void theProgramsTartanStartsDoNotInheritThePassphraseVariables() throws Exception {
        try (ChildJvm tartan = ChildJvm.start(ChildEnvironmentProcess.class,
                Map.of("TARTAN_PASSPHRASE", "correct horse battery staple", "TARTAN_NEW_PASSPHRASE", "purple elephant lanterns"),
                List.of("start"))) {
            assertThat(tartan.readLine()).isEqualTo("given [TARTAN_PASSPHRASE, TARTAN_NEW_PASSPHRASE]");
            assertThat(tartan.readLine()).as("what the program Tartan started was given").isEqualTo("given []");
            assertThat(tartan.waitFor()).isZero();
        }
    }

    @Test
    void eachSystemHasItsOpener() {
        assertThat(ChildProcesses.systemOpener("https://plaid.com/docs/", "Linux")).containsExactly("xdg-open", "https://plaid.com/docs/");
        assertThat(ChildProcesses.systemOpener("https://plaid.com/docs/", "Mac OS X")).containsExactly("open", "https://plaid.com/docs/");
        assertThat(ChildProcesses.systemOpener("file:/C:/report.pdf", "Windows 11"))
                .containsExactly("rundll32", "url.dll,FileProtocolHandler", "file:/C:/report.pdf");
    }
}
