package dev.tartan.app;

import dev.tartan.testing.ChildJvm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UncaughtFailuresTest {

    private static final String TOKEN = "access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970";
    private static final String SECRET = "0123456789abcdef0123456789abcd";

    @Test
    void aFailureNobodyCaughtIsLoggedRedacted() throws Exception {
        String output;
        try (ChildJvm child = ChildJvm.start(UncaughtFailureProcess.class, Map.of("TARTAN_TEST", "merge-stderr"),
                List.of(TOKEN, SECRET))) {
            output = child.readAll();
            assertThat(child.waitFor()).isZero();
        }
        assertThat(output).contains("Uncaught failure on dying-thread", "IllegalStateException", "access-sandbox-\u2022\u2022\u2022\u20229970",
                "done").doesNotContain(TOKEN, SECRET);
    }
}
