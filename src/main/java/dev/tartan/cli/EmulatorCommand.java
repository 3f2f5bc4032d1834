package dev.tartan.cli;

import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.FailRates;
import dev.tartan.emulator.Latency;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.store.DataDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code tartan emulator}: runs the built-in Plaid Sandbox emulator in the foreground. When it is ready
 * it prints exactly one line on standard output, {@code url=... client_id=... secret=...}, for scripts
 * and test harnesses to read; it then serves until interrupted (Ctrl-C), saving its state on the way out.
 * The secret printed is the emulator's own fake credential, printed on purpose.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Run the built-in Plaid Sandbox emulator until interrupted.",
                "Prints one line when ready: url=http://127.0.0.1:PORT client_id=ID secret=SECRET.",
                "Its state is kept in <data dir>/emulator/ and survives restarts."})
public final class EmulatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "TCP port on 127.0.0.1 (default: any free port).")
    int port;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of all generated data (default: ${DEFAULT-VALUE}).")
    long seed = EmulatorConfig.DEFAULT_SEED;

    @Option(names = "--latency", paramLabel = "MS|MIN-MAX", converter = LatencyConverter.class,
            description = "Delay every answer by MS milliseconds, or by a random delay between MIN and MAX.")
    Latency latency = Latency.NONE;

    @Option(names = "--fail-rate", paramLabel = "429=R,500=R,drop=R", converter = FailRatesConverter.class,
            description = "Fail that share of requests on purpose: 429 rate limits, 500 errors, dropped connections.")
    FailRates failRates = FailRates.NONE;

    @Option(names = "--asset-report-delay", paramLabel = "MS",
            description = "How long an asset report takes to be generated, in milliseconds (default: 3000; 0: ready at once).")
    long assetReportDelayMillis = EmulatorConfig.DEFAULT_ASSET_REPORT_DELAY.toMillis();

    @Option(names = "--reset", description = "Forget all Items, tokens and other state first (the credentials stay).")
    boolean reset;

    private final Map<String, String> environment;

    public EmulatorCommand() {
        this(System.getenv());
    }

    /** With {@code environment} standing in for the process environment (tests). */
    EmulatorCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Path dataDir = DataDirectory.resolve(GlobalOptions.of(spec).dataDir(), environment,
                System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
        PrintWriter err = spec.commandLine().getErr();
        if (assetReportDelayMillis < 0) {
            err.println("--asset-report-delay must be 0 or more milliseconds (got " + assetReportDelayMillis + ")");
            err.flush();
            return ExitCodes.USAGE;
        }
        EmulatorConfig config = EmulatorConfig.builder().port(port).dataDirectory(dataDir).seed(seed)
                .latency(latency).failRates(failRates).reset(reset)
                .assetReportDelay(Duration.ofMillis(assetReportDelayMillis)).build();
        PlaidEmulator emulator;
        try {
            emulator = PlaidEmulator.start(config);
        } catch (RuntimeException e) {
            err.println("The emulator could not start: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        Thread onExit = new Thread(emulator::close, "tartan-emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            PrintWriter out = spec.commandLine().getOut();
            out.println("url=" + emulator.baseUrl() + " client_id=" + emulator.clientId() + " secret=" + emulator.secret());
            out.flush();
            err.println("Emulator state in " + dataDir.resolve(PlaidEmulator.FOLDER) + ". Press Ctrl-C to stop.");
            err.flush();
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            emulator.close();
            removeHook(onExit);
        }
        return ExitCodes.OK;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and runs the hook itself.
        }
    }

    static final class LatencyConverter implements CommandLine.ITypeConverter<Latency> {
        @Override
        public Latency convert(String value) {
            try {
                return Latency.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class FailRatesConverter implements CommandLine.ITypeConverter<FailRates> {
        @Override
        public FailRates convert(String value) {
            try {
                return FailRates.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
