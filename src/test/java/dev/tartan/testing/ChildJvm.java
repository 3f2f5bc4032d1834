package dev.tartan.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a separate JVM, to kill it, let it crash, or drive it. */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    public static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
        return start(mainClass, Map.of(), List.of(args));
    }

    /** Starts {@code mainClass} with extra environment variables; stderr is merged into stdout. */
    public static ChildJvm start(Class<?> mainClass, Map<String, String> environment, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(!environment.isEmpty());
        if (environment.isEmpty()) {
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        return new ChildJvm(builder.start());
    }

    /** The child's standard input. */
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    /** The child's next line of output, or null when it closed it. */
    public String readLine() throws IOException {
        return out.readLine();
    }

    /** Everything the child writes until it ends. */
    public String readAll() throws IOException {
        StringBuilder text = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /** kill -9: no shutdown hooks, no finally blocks, no flushing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public int waitFor() throws InterruptedException {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The child JVM did not finish in time");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            kill();
        }
        out.close();
    }
}
