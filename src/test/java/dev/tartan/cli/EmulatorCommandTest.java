package dev.tartan.cli;

import dev.tartan.emulator.EmulatorClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tartan emulator} prints its one ready line, serves, and stops cleanly when interrupted. */
class EmulatorCommandTest {
    private static final Pattern READY = Pattern.compile("url=(http://127\\.0\\.0\\.1:\\d+) client_id=(\\w+) secret=(\\w+)");

    @TempDir
    Path dataDir;

    /** A running command: its thread, the lines it printed on standard output, its standard error and exit code. */
    private record Running(Thread thread, BlockingQueue<String> lines, StringWriter err, AtomicInteger exitCode) {
        String nextLine() throws InterruptedException {
            String line = lines.poll(30, TimeUnit.SECONDS);
            assertThat(line).as("a line on standard output; standard error: %s", err).isNotNull();
            return line;
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(thread.isAlive()).isFalse();
            return exitCode.get();
        }
    }

    private static Running start(Map<String, String> environment, String... args) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringWriter err = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        CommandLine cl = TartanCommand.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == EmulatorCommand.class ? type.cast(new EmulatorCommand(environment))
                        : CommandLine.defaultFactory().create(type);
            }
        });
        cl.setOut(new PrintWriter(new LineWriter(lines), true));
        cl.setErr(new PrintWriter(err, true));
        Thread thread = new Thread(() -> exitCode.set(cl.execute(args)), "emulator-command");
        thread.start();
        return new Running(thread, lines, err, exitCode);
    }

    @Test
    void printsOneReadyLineServesAndStopsOnInterrupt() throws Exception {
        Running running = start(Map.of(), "emulator", "--data-dir", dataDir.toString(), "--port", "0", "--seed", "7");
        Matcher ready = READY.matcher(running.nextLine());
        assertThat(ready.matches()).isTrue();
        EmulatorClient client = new EmulatorClient(ready.group(1), ready.group(2), ready.group(3));
        String accessToken = client.newItem("user_good", "pass_good");
        assertThat(client.ok("/accounts/get", EmulatorClient.body().put("access_token", accessToken)).path("accounts")).hasSize(9);

        assertThat(running.stop()).isEqualTo(ExitCodes.OK);
        assertThat(running.lines()).as("nothing else on standard output").isEmpty();
        assertThat(dataDir.resolve("emulator/state.json")).exists();

        // Same folder, same credentials, and yesterday's Item still answers.
        Running again = start(Map.of(), "emulator", "--data-dir", dataDir.toString());
        Matcher readyAgain = READY.matcher(again.nextLine());
        assertThat(readyAgain.matches()).isTrue();
        assertThat(readyAgain.group(2)).isEqualTo(ready.group(2));
        assertThat(readyAgain.group(3)).isEqualTo(ready.group(3));
        EmulatorClient sameClient = new EmulatorClient(readyAgain.group(1), readyAgain.group(2), readyAgain.group(3));
        assertThat(sameClient.ok("/item/get", EmulatorClient.body().put("access_token", accessToken)).path("item")
                .path("institution_id").asText()).isEqualTo("ins_109508");
        assertThat(again.stop()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void usesTartanHomeWhenThereIsNoDataDirOption() throws Exception {
        Running running = start(Map.of("TARTAN_HOME", dataDir.toString()), "emulator", "--reset", "--latency", "1-2",
                "--fail-rate", "429=0,500=0,drop=0", "--asset-report-delay", "0");
        assertThat(READY.matcher(running.nextLine()).matches()).isTrue();
        assertThat(running.stop()).isEqualTo(ExitCodes.OK);
        assertThat(dataDir.resolve("emulator/credentials.json")).exists();
    }

    @Test
    void badOptionsAreUsageErrorsWithTheReason() {
        CliRun run = CliRun.run(Map.of(), "emulator", "--data-dir", dataDir.toString(), "--fail-rate", "429=2");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("between 0 and 1");
        assertThat(run.out()).isEmpty();
        CliRun latency = CliRun.run(Map.of(), "emulator", "--data-dir", dataDir.toString(), "--latency", "soon");
        assertThat(latency.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(latency.err()).contains("MIN-MAX");
        CliRun delay = CliRun.run(Map.of(), "emulator", "--data-dir", dataDir.toString(), "--asset-report-delay", "-5");
        assertThat(delay.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(delay.err()).contains("--asset-report-delay");
        assertThat(delay.out()).isEmpty();
    }

    /** Splits what is written into lines, as they are completed. */
    private static final class LineWriter extends Writer {
        private final BlockingQueue<String> lines;
        private final StringBuilder current = new StringBuilder();

        LineWriter(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    lines.add(current.toString().stripTrailing());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
