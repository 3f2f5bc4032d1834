package dev.tartan.emulator;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a {@link PlaidEmulator}.
 *
 * @param port          TCP port on 127.0.0.1; 0 picks any free port
 * @param dataDirectory Tartan's data folder; the emulator keeps its files in {@code <dataDirectory>/emulator/}.
 *                      {@code null} keeps everything in memory and persists nothing.
 * @param seed          drives every piece of generated data (accounts, balances, transactions), so the
 *                      same seed and the same sequence of requests give the same data
 * @param latency       extra delay before each answer
 * @param failRates     share of requests failed on purpose
 * @param reset         forget all Items, tokens and other state at start (credentials are kept)
 * @param assetReportDelay how long an asset report takes to be generated after /asset_report/create (and
 *                      refresh, filter): until then it answers PRODUCT_NOT_READY; zero makes reports ready at once
 */
public record EmulatorConfig(int port, Path dataDirectory, long seed, Latency latency, FailRates failRates, boolean reset,
                             Duration assetReportDelay) {

    public static final long DEFAULT_SEED = 20_200_914L;
    /** Plaid's Sandbox takes a few seconds to generate a small asset report. */
    public static final Duration DEFAULT_ASSET_REPORT_DELAY = Duration.ofSeconds(3);

    public EmulatorConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535 (got " + port + ")");
        }
        latency = latency == null ? Latency.NONE : latency;
        failRates = failRates == null ? FailRates.NONE : failRates;
        assetReportDelay = assetReportDelay == null ? DEFAULT_ASSET_REPORT_DELAY : assetReportDelay;
        if (assetReportDelay.isNegative()) {
            throw new IllegalArgumentException("the asset report delay must not be negative (got " + assetReportDelay + ")");
        }
    }

    /** An emulator on any free port, in memory, with the default seed and no faults. */
    public static EmulatorConfig inMemory() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private int port;
        private Path dataDirectory;
        private long seed = DEFAULT_SEED;
        private Latency latency = Latency.NONE;
        private FailRates failRates = FailRates.NONE;
        private boolean reset;
        private Duration assetReportDelay = DEFAULT_ASSET_REPORT_DELAY;

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder latency(Latency latency) {
            this.latency = latency;
            return this;
        }

        public Builder failRates(FailRates failRates) {
            this.failRates = failRates;
            return this;
        }

        public Builder reset(boolean reset) {
            this.reset = reset;
            return this;
        }

        public Builder assetReportDelay(Duration assetReportDelay) {
            this.assetReportDelay = assetReportDelay;
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(port, dataDirectory, seed, latency, failRates, reset, assetReportDelay);
        }
    }
}
