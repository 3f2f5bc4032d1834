package dev.tartan.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Child JVM for {@link ChildProcessesTest}. {@code start}: prints whether it was given the
 * passphrase variables, then starts a grandchild the way Tartan starts programs and prints what that
 * one says. {@code report}: prints whether it was given them.
 */
public final class ChildEnvironmentProcess {

    private ChildEnvironmentProcess() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        System.out.println("given " + ChildProcesses.WITHHELD.stream().filter(name -> System.getenv(name) != null).toList());
        if (args[0].equals("start")) {
            Process grandchild = ChildProcesses.of(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ChildEnvironmentProcess.class.getName(), "report")).start();
            System.out.print(new String(grandchild.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            grandchild.waitFor();
        }
    }
}
