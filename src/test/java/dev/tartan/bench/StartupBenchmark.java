package dev.tartan.bench;

import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Start-up to the first frame of the main window, vault unlocked by --passphrase-file, as the
 * median of several cold runs (a new JVM each), beside an empty JavaFX window timed the same way.
 * Uses the real window system when DISPLAY is set (run it under xvfb-run), else Monocle headless.
 *
 * Run (after `mvn package -DskipTests`, to also time the packaged jar as target/tartan runs it):
 * xvfb-run -a mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tartan.bench.StartupBenchmark
 */
public final class StartupBenchmark {

    private static final int RUNS = 7;
    private static final String PASSPHRASE = "benchmark passphrase, long enough 2026";

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("tartan-startup-");
        Path passphraseFile = home.resolve("passphrase.txt");
        Files.writeString(passphraseFile, PASSPHRASE);
        prepareVault(home);

        List<String> unlock = List.of("--data-dir", home.toString(), "--passphrase-file", passphraseFile.toString());
        List<String> tartan = new ArrayList<>(List.of("-cp", classPath(), "dev.tartan.app.Main"));
        tartan.addAll(unlock);
        List<String> empty = List.of("-cp", classPath(), EmptyWindowProbe.Launcher.class.getName());
        // What target/tartan runs: the packaged jar, with the class-data archive its first start records.
        // It needs a real display: Monocle, the headless platform, is a test library and not in the jar.
        Path jar = Path.of("target", "tartan.jar");
        Path archive = home.resolve("classes.jsa");
        List<String> packaged = null;
        if (Files.isRegularFile(jar) && System.getenv("DISPLAY") != null) {
            List<String> record = new ArrayList<>(List.of("-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString()));
            record.addAll(unlock);
            run(record);
            packaged = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive, "-jar", jar.toString()));
            packaged.addAll(unlock);
        }
        run(tartan); // one warm-up each: the OS file cache, not the JVM, is what it warms
        run(empty);
        List<Long> tartanTimes = new ArrayList<>();
        List<Long> packagedTimes = new ArrayList<>();
        List<Long> emptyTimes = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            tartanTimes.add(run(tartan));
            if (packaged != null) {
                packagedTimes.add(run(packaged));
            }
            emptyTimes.add(run(empty));
        }
        long tartanMedian = median(tartanTimes);
        long emptyMedian = median(emptyTimes);
        System.out.println();
        System.out.println("Start-up to first frame (" + (System.getenv("DISPLAY") != null ? "real window, DISPLAY=" + System.getenv("DISPLAY") : "Monocle headless")
                + ", median of " + RUNS + " cold JVMs)");
        System.out.println("| window                               | median ms | runs (ms)                       |");
        System.out.println("|--------------------------------------|-----------|---------------------------------|");
        System.out.printf("| Tartan, class path (mvn javafx:run)  | %9d | %-31s |%n", tartanMedian, tartanTimes);
        if (!packagedTimes.isEmpty()) {
            System.out.printf("| Tartan, packaged jar + CDS archive   | %9d | %-31s |%n", median(packagedTimes), packagedTimes);
        }
        System.out.printf("| empty JavaFX window                  | %9d | %-31s |%n", emptyMedian, emptyTimes);
        System.out.printf("| ratio, class path / empty            | %9.2f |                                 |%n", (double) tartanMedian / emptyMedian);
        if (!packagedTimes.isEmpty()) {
            System.out.printf("| ratio, packaged / empty              | %9.2f |                                 |%n", (double) median(packagedTimes) / emptyMedian);
        }
        System.out.println("load average during the run: " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** A vault with the emulator's profile, as after a first run. */
    private static void prepareVault(Path home) {
        Credentials credentials;
        try (PlaidEmulator emulator = PlaidEmulator.start(EmulatorConfig.builder().dataDirectory(home).build())) {
            credentials = new Credentials(emulator.clientId(), emulator.secret());
        }
        try (Vault vault = Vault.create(new VaultLocation(home), PASSPHRASE.toCharArray())) {
            vault.profiles().save(new Profile("Local emulator", PlaidEnvironment.EMULATOR, credentials));
        }
    }

    /** Starts one JVM with {@code javaArgs} (class path or jar, main, arguments) and reads its first-frame time. */
    private static long run(List<String> javaArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dtartan.startupProbe=true");
        if (System.getenv("DISPLAY") == null) {
            command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dheadless.geometry=1600x1000-32"));
        }
        command.addAll(javaArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Long firstFrame = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("tartan-first-frame-ms=")) {
                    firstFrame = Long.parseLong(line.substring(line.indexOf('=') + 1).trim());
                }
            }
        }
        process.waitFor();
        if (firstFrame == null) {
            throw new IllegalStateException("The probe printed no first-frame time: " + javaArgs + "\n" + output);
        }
        return firstFrame;
    }

    /** The test class path, whether run by exec:java (a class loader of its own) or plain java. */
    private static String classPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(java.io.File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
