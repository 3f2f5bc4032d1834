package dev.tartan.cli;

import dev.tartan.model.BuildInfo;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VersionTest {

    @Test
    void printsTheVersionTheBuildAndTheRuntime() {
        CliRun run = CliRun.run(Map.of(), "--version");
        BuildInfo build = BuildInfo.current();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly("Tartan " + build.version(), build.build(),
                "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + "), " + System.getProperty("java.home"));
        assertThat(build.version()).doesNotContain("${");
    }
}
