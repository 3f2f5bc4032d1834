package dev.tartan.bench;

import dev.tartan.store.UnencryptedVaults;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The vault with its key against the very same code on an unencrypted file: insert 100,000 cached
 * replies of about 1 KB (one transaction each, as the services write them), read them all back,
 * 10,000 random lookups, and the time to open. Prints a table.
 *
 * <pre>mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tartan.bench.VaultBenchmark</pre>
 *
 * Optional: {@code -Dbench.replies=N} (default 100,000) and {@code -Dbench.dir=DIR}, the working
 * folder (default target/vault-bench, on a real disk: /tmp may be in memory elsewhere). System
 * properties, because {@code -Dexec.args} would also reach the build's own exec step.
 */
public final class VaultBenchmark {

    private static final String PROFILE = "bench";
    private static final String OPERATION = "/accounts/get";
    private static final int LOOKUPS = 10_000;
    private static final int OPENS = 5;
    private static final int CHUNK = 5_000;
    private static final double TARGET_RATIO = 2.5;
    private static final long TARGET_OPEN_MILLIS = 300;
    private static final char[] PASSPHRASE = "benchmark passphrase of reasonable length".toCharArray();

    private VaultBenchmark() {
    }

    /** One way of creating and opening a vault in a folder, and what it measured. */
    private static final class Mode {
        final String name;
        final Function<Path, Vault> create;
        final Function<Path, Vault> open;
        final Path dir;
        Vault vault;
        double insertSeconds;
        double readAllSeconds;
        double lookupSeconds;
        final List<Double> openMillis = new ArrayList<>();

        Mode(String name, Function<Path, Vault> create, Function<Path, Vault> open, Path dir) {
            this.name = name;
            this.create = create;
            this.open = open;
            this.dir = dir;
        }

        double medianOpenMillis() {
            return sortedOpenMillis().get(openMillis.size() / 2);
        }

        /** The least a busy machine added: what opening costs by itself. */
        double bestOpenMillis() {
            return sortedOpenMillis().get(0);
        }

        private List<Double> sortedOpenMillis() {
            List<Double> sorted = new ArrayList<>(openMillis);
            sorted.sort(Comparator.naturalOrder());
            return sorted;
        }

        long fileBytes() throws IOException {
            return Files.size(new VaultLocation(dir).file());
        }
    }

    public static void main(String[] args) throws IOException {
        int replies = Integer.getInteger("bench.replies", 100_000);
        Path work = Path.of(System.getProperty("bench.dir", "target/vault-bench")).toAbsolutePath();
        System.out.printf("Warming up (%s)...%n", work);
        run(modes(work.resolve("warm-up")), Math.max(CHUNK, replies / 20));

        Mode[] modes = modes(work);
        Mode without = modes[0];
        Mode with = modes[1];
        run(modes, replies);
        long plainBytes = without.fileBytes();
        long keyedBytes = with.fileBytes();
        deleteTree(work);

        System.out.println();
        System.out.printf("Vault benchmark: %,d cached replies of ~1 KB, %,d random lookups; %d cores, Java %s;"
                        + " the two modes run interleaved in chunks of %,d; load average %.1f%n",
                replies, LOOKUPS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), CHUNK,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String format = "%-36s %20s %20s %8s  %s%n";
        System.out.printf(format, "figure", "no key", "with key", "ratio", "target");
        row(format, String.format("insert %,d (1 transaction each)", replies), without.insertSeconds, with.insertSeconds, replies);
        row(format, "read all back", without.readAllSeconds, with.readAllSeconds, replies);
        row(format, String.format("%,d random lookups", LOOKUPS), without.lookupSeconds, with.lookupSeconds, LOOKUPS);
        System.out.printf(format, "open, median of " + OPENS + " (ms)", fmt(without.medianOpenMillis()),
                fmt(with.medianOpenMillis()), ratio(without.medianOpenMillis(), with.medianOpenMillis()),
                "< " + TARGET_OPEN_MILLIS + " ms: " + (with.medianOpenMillis() < TARGET_OPEN_MILLIS ? "met" : "MISSED"));
        System.out.printf(format, "open, best of " + OPENS + " (ms)", fmt(without.bestOpenMillis()),
                fmt(with.bestOpenMillis()), ratio(without.bestOpenMillis(), with.bestOpenMillis()),
                "< " + TARGET_OPEN_MILLIS + " ms: " + (with.bestOpenMillis() < TARGET_OPEN_MILLIS ? "met" : "MISSED"));
        System.out.printf(format, "file size (MB)", fmt(plainBytes / 1e6), fmt(keyedBytes / 1e6), ratio(plainBytes, keyedBytes), "");
    }

    private static Mode[] modes(Path work) throws IOException {
        Path plainDir = work.resolve("plain");
        Path keyedDir = work.resolve("keyed");
        deleteTree(plainDir);
        deleteTree(keyedDir);
        return new Mode[] {
            new Mode("no key", UnencryptedVaults::create, UnencryptedVaults::open, plainDir),
            new Mode("with key", dir -> Vault.create(new VaultLocation(dir), PASSPHRASE.clone()),
                    dir -> Vault.open(new VaultLocation(dir), PASSPHRASE.clone()), keyedDir),
        };
    }

    /** Every phase runs in chunks, the modes taking turns, so that both see the same machine load. */
    private static void run(Mode[] modes, int replies) {
        Random random = new Random(42);
        for (Mode mode : modes) {
            mode.vault = mode.create.apply(mode.dir);
        }
        for (int first = 0; first < replies; first += CHUNK) {
            List<String> chunk = new ArrayList<>(CHUNK);
            for (int i = first; i < Math.min(replies, first + CHUNK); i++) {
                chunk.add(reply(i, random));
            }
            for (Mode mode : modes) {
                long start = System.nanoTime();
                for (int i = 0; i < chunk.size(); i++) {
                    mode.vault.cache().put(PROFILE, OPERATION, request(first + i), chunk.get(i), "req-" + (first + i));
                }
                mode.insertSeconds += seconds(start);
            }
        }
        for (Mode mode : modes) {
            long start = System.nanoTime();
            LongAdder chars = new LongAdder();
            mode.vault.cache().forEach(PROFILE, result -> chars.add(result.replyJson().length()));
            mode.readAllSeconds += seconds(start);
            check(chars.sum() >= replies * 900L, mode.name + " read back only " + chars.sum() + " characters");
        }
        for (int done = 0; done < LOOKUPS; done += CHUNK) {
            int[] keys = random.ints(Math.min(CHUNK, LOOKUPS - done), 0, replies).toArray();
            for (Mode mode : modes) {
                long start = System.nanoTime();
                for (int key : keys) {
                    check(mode.vault.cache().get(PROFILE, OPERATION, request(key)).isPresent(), "reply " + key + " missing");
                }
                mode.lookupSeconds += seconds(start);
            }
        }
        for (Mode mode : modes) {
            mode.vault.close();
        }
        for (int i = 0; i < OPENS; i++) {
            for (Mode mode : modes) {
                long start = System.nanoTime();
                Vault vault = mode.open.apply(mode.dir);
                mode.openMillis.add((System.nanoTime() - start) / 1e6);
                vault.close();
            }
        }
        for (Mode mode : modes) {
            System.out.printf("  %-8s %,9d replies: insert %.2f s, read all %.2f s, lookups %.2f s, opens %s ms%n",
                    mode.name, replies, mode.insertSeconds, mode.readAllSeconds, mode.lookupSeconds,
                    Arrays.toString(mode.openMillis.stream().mapToLong(Math::round).toArray()));
        }
    }

    private static String request(int i) {
        return "{\"access_token\":\"access-sandbox-" + i + "\",\"options\":{\"account_ids\":[\"acc-" + i + "\"]}}";
    }

    /** A reply shaped like /accounts/get's, about 1 KB, with varied content (no easy patterns). */
    private static String reply(int i, Random random) {
        StringBuilder json = new StringBuilder(1100).append("{\"accounts\":[");
        for (int a = 0; a < 2; a++) {
            json.append(a == 0 ? "" : ",")
                    .append("{\"account_id\":\"").append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36))
                    .append("\",\"balances\":{\"available\":").append(random.nextInt(100_000))
                    .append(".").append(random.nextInt(100)).append(",\"current\":").append(random.nextInt(100_000))
                    .append(",\"iso_currency_code\":\"USD\",\"limit\":null},\"mask\":\"").append(1000 + random.nextInt(9000))
                    .append("\",\"name\":\"Plaid Checking ").append(i).append("\",\"official_name\":\"Plaid Gold Standard 0% Interest Checking\",")
                    .append("\"subtype\":\"checking\",\"type\":\"depository\"}");
        }
        json.append("],\"item\":{\"item_id\":\"").append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36))
                .append("\",\"institution_id\":\"ins_").append(random.nextInt(200_000))
                .append("\",\"webhook\":\"https://example.test/hook\",\"products\":[\"auth\",\"transactions\"]},\"request_id\":\"");
        while (json.length() < 1000) {
            json.append((char) ('a' + random.nextInt(26)));
        }
        return json.append("\"}").toString();
    }

    private static void row(String format, String figure, double plainSeconds, double keyedSeconds, int operations) {
        double ratio = keyedSeconds / plainSeconds;
        System.out.printf(format, figure, String.format("%.2f s (%,.0f/s)", plainSeconds, operations / plainSeconds),
                String.format("%.2f s (%,.0f/s)", keyedSeconds, operations / keyedSeconds),
                String.format("%.2fx", ratio), "<= " + TARGET_RATIO + "x: " + (ratio <= TARGET_RATIO ? "met" : "MISSED"));
    }

    private static String ratio(double plain, double keyed) {
        return String.format("%.2fx", keyed / plain);
    }

    private static String fmt(double value) {
        return String.format("%.1f", value);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
