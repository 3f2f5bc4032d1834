import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds Tartan's app image and this OS's installers from what {@code mvn package} left in target/
 * (tartan.jar and lib/). Run by {@code mvn -Pinstaller package}; installers/README.md explains the
 * result. The steps, each in a folder of its own under target/installer/:
 * <ol>
 * <li>input/: the jars, sqlite-jdbc without the native libraries of other platforms (14 MB less);</li>
 * <li>runtime/: a Java runtime cut by jlink to the modules Tartan uses (jdeps finds them);</li>
 * <li>a training run records every class Tartan loads: the CLI making a vault, the window up to
 *     its first frame (headless, through Monocle) and {@code tartan ops}. The runtime's
 *     class-data-sharing archive is made from that list, so every start maps the JDK classes
 *     Tartan uses instead of loading them;</li>
 * <li>image/: the app image (jpackage): launcher, icon, runtime, jars;</li>
 * <li>the packages: .deb and .rpm on Linux, .msi on Windows, .dmg on macOS;</li>
 * <li>Linux: an archive of all the classes, Tartan's and JavaFX's too, for the app image. Java 17
 *     ties such an archive to the absolute paths of the jars, so a package makes its own when it
 *     is installed (lib/tartan-integration.sh), from the class list the training recorded.</li>
 * </ol>
 * Arguments: {@code --project DIR --version V [--types deb,rpm] --monocle JAR}.
 */
public final class Packager {

    private enum Os {
        LINUX, WINDOWS, MAC;

        static Os current() {
            String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            return name.startsWith("windows") ? WINDOWS : name.startsWith("mac") ? MAC : LINUX;
        }

        String folder() {
            return switch (this) {
                case LINUX -> "linux";
                case WINDOWS -> "windows";
                case MAC -> "macos";
            };
        }

        List<String> defaultTypes() {
            return switch (this) {
                case LINUX -> List.of("deb", "rpm");
                case WINDOWS -> List.of("msi");
                case MAC -> List.of("dmg");
            };
        }
    }

    private static final String TRAINING_PASSPHRASE = "class list training, not a secret: 7 plaid sheep";
    private static final long PROCESS_TIMEOUT_SECONDS = 180;

    private final Os os = Os.current();
    private final Path project;
    private final Path target;
    private final Path work;
    private final Path installers;
    private final String version;
    private final List<String> types;
    private final Path monocle;
    private final Properties product = new Properties();

    private Packager(Map<String, String> args) throws IOException {
        project = Path.of(required(args, "--project")).toAbsolutePath();
        target = project.resolve("target");
        work = target.resolve("installer");
        installers = project.resolve("installers");
        version = required(args, "--version");
        String typeList = args.getOrDefault("--types", "").strip();
        types = typeList.isEmpty() ? os.defaultTypes() : List.of(typeList.split("\\s*,\\s*"));
        monocle = Path.of(required(args, "--monocle"));
        try (InputStream in = Files.newInputStream(installers.resolve("installer.properties"))) {
            product.load(in);
        }
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i], argv[i + 1]);
        }
        new Packager(args).run();
    }

    private void run() throws Exception {
        long start = System.nanoTime();
        deleteTree(work);
        Path input = stageInput();
        Path runtime = linkRuntime(input);
        Path classList = train(runtime, input);
        dumpRuntimeArchive(runtime, classList);
        Path appImage = appImage(input, runtime);
        if (os == Os.LINUX) {
            addLinuxIntegration(appImage, classList);
        }
        for (String type : types) {
            if (!type.equals("app-image")) {
                buildPackage(type, appImage);
            }
        }
        if (os == Os.LINUX) {
            dumpAppArchive(appImage);
        }
        log("done in %d s: %s", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), target.relativize(work));
    }

    // --- 1. the jars ---------------------------------------------------------------------------

    private Path stageInput() throws IOException {
        Path input = Files.createDirectories(work.resolve("input"));
        Files.copy(target.resolve("tartan.jar"), input.resolve("tartan.jar"));
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            for (Path jar : jars.sorted().toList()) {
                Path copy = input.resolve(jar.getFileName());
                if (jar.getFileName().toString().startsWith("sqlite-jdbc-")) {
                    keepOwnNativeLibraries(jar, copy);
                } else {
                    Files.copy(jar, copy);
                }
            }
        }
        return input;
    }

    /**
     * Copies the sqlite-jdbc jar without the native libraries of other platforms: it carries the
     * SQLite library for 23 of them, 27 MB unpacked. The driver's own OSInfo names the one to keep.
     */
    private void keepOwnNativeLibraries(Path jar, Path copy) throws IOException {
        String own;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Method folder = loader.loadClass("org.sqlite.util.OSInfo").getMethod("getNativeLibFolderPathForCurrentOS");
            own = "org/sqlite/native/" + folder.invoke(null) + "/";
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("sqlite-jdbc no longer has OSInfo.getNativeLibFolderPathForCurrentOS()", e);
        }
        try (ZipFile zip = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                if (name.startsWith("org/sqlite/native/") && !entry.isDirectory() && !name.startsWith(own)
                        && !name.equals("org/sqlite/native/readme.txt")) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(name));
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        log("sqlite-jdbc: kept the native library of %s only (%s -> %s)", own.substring(18, own.length() - 1),
                megabytes(Files.size(jar)), megabytes(Files.size(copy)));
    }

    // --- 2. the runtime ------------------------------------------------------------------------

    private Path linkRuntime(Path input) throws IOException {
        String classPath = jars(input).stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        String found = tool("jdeps", "--print-module-deps", "--ignore-missing-deps", "--multi-release", "17",
                "--class-path", classPath, input.resolve("tartan.jar").toString()).strip();
        Set<String> modules = new TreeSet<>(Arrays.asList(found.split(",")));
        modules.addAll(Arrays.asList(product.getProperty("runtime.extra.modules").split("\\s*,\\s*")));
        Path runtime = work.resolve("runtime");
        // No --compress: compressed classes start slower, and the packages compress anyway.
        tool("jlink", "--add-modules", String.join(",", modules), "--output", runtime.toString(),
                "--strip-debug", "--no-header-files", "--no-man-pages");
        log("runtime: %s (%s)", String.join(",", modules), megabytes(size(runtime)));
        return runtime;
    }

    // --- 3. the class list and the runtime's archive -------------------------------------------

    /** Runs Tartan as users do, recording the classes it loads; returns the merged class list. */
    private Path train(Path runtime, Path input) throws IOException, InterruptedException {
        Path training = Files.createDirectories(work.resolve("training"));
        Path data = training.resolve("data");
        Path passphrase = training.resolve("passphrase.txt");
        Files.writeString(passphrase, TRAINING_PASSPHRASE + "\n");
        List<String> unlock = List.of("--data-dir", data.toString(), "--passphrase-file", passphrase.toString());

        List<Path> lists = new ArrayList<>();
        lists.add(recordClasses(runtime, input, training, "vault-init", List.of(), concat(List.of("vault", "init"), unlock)));
        lists.add(recordClasses(runtime, input, training, "profile-add", List.of(),
                concat(List.of("profile", "add", "Local emulator", "--env", "emulator", "--client-id", "training", "--secret", "training"), unlock)));
        // The window, headless: Monocle stands in for the desktop's windowing (its own few classes
        // are skipped when the archive is made), -Dtartan.startupProbe ends the run at the first frame.
        List<String> headless = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dheadless.geometry=1600x1000-32");
        lists.add(recordClasses(runtime, input, training, "window", concat(List.of("-Dtartan.startupProbe=true"), headless), unlock));
        // The unlock screen, as a start from the desktop's menu shows it first.
        lists.add(recordClasses(runtime, input, training, "unlock-screen", concat(List.of("-Dtartan.startupProbe=screen"), headless),
                List.of("--data-dir", data.toString())));
        lists.add(recordClasses(runtime, input, training, "ops", List.of(), List.of("ops")));

        Set<String> classes = new LinkedHashSet<>();
        for (Path list : lists) {
            classes.addAll(Files.readAllLines(list));
        }
        Path merged = training.resolve("tartan.classlist");
        Files.write(merged, classes);
        log("class list: %d classes from %d training runs", classes.stream().filter(c -> !c.startsWith("#") && !c.startsWith("@")).count(), lists.size());
        return merged;
    }

    private Path recordClasses(Path runtime, Path input, Path training, String name, List<String> jvmOptions, List<String> args)
            throws IOException, InterruptedException {
        Path list = training.resolve(name + ".classlist");
        List<String> command = new ArrayList<>(List.of(java(runtime).toString(), "-XX:DumpLoadedClassList=" + list));
        command.addAll(jvmOptions);
        String classPath = concat(jars(input), List.of(monocle)).stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        command.addAll(List.of("-cp", classPath, product.getProperty("main.class")));
        command.addAll(args);
        runProcess(command, training.resolve(name + ".log"));
        return list;
    }

    /**
     * Gives the runtime its default CDS archive, made of the JDK classes in the class list (the
     * others, not being in the runtime, are left out): it sits in the runtime, so it holds wherever
     * Tartan is installed.
     */
    private void dumpRuntimeArchive(Path runtime, Path classList) throws IOException, InterruptedException {
        runProcess(List.of(java(runtime).toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList),
                work.resolve("training").resolve("runtime-archive.log"));
        try (Stream<Path> files = Files.walk(runtime)) {
            Path archive = files.filter(p -> p.getFileName().toString().equals("classes.jsa")).findFirst().orElseThrow();
            log("runtime archive: %s (%s)", runtime.relativize(archive), megabytes(Files.size(archive)));
        }
    }

    // --- 4. the app image ----------------------------------------------------------------------

    private Path appImage(Path input, Path runtime) throws IOException {
        Path dest = work.resolve("image");
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--dest", dest.toString(),
                "--input", input.toString(), "--main-jar", "tartan.jar", "--main-class", product.getProperty("main.class"),
                "--runtime-image", runtime.toString(), "--icon", icon().toString()));
        args.addAll(describe());
        switch (os) {
            // Loaded only if it is there: the packages make it when installed (see the class comment).
            case LINUX -> args.addAll(List.of("--java-options", "-XX:SharedArchiveFile=$APPDIR/tartan.jsa"));
            // The window's launcher has no console; tartan-cli.exe is the command line's.
            case WINDOWS -> args.addAll(List.of("--add-launcher", "tartan-cli=" + installers.resolve("windows/tartan-cli.properties")));
            case MAC -> {
                args.addAll(List.of("--mac-package-identifier", product.getProperty("mac.identifier")));
                args.addAll(macSigning());
            }
        }
        tool("jpackage", args.toArray(String[]::new));
        Path image = dest.resolve(os == Os.MAC ? product.getProperty("name") + ".app" : product.getProperty("name"));
        log("app image: %s (%s)", target.relativize(image), megabytes(size(image)));
        return image;
    }

    private Path icon() {
        String file = switch (os) {
            case LINUX -> "Tartan.png";
            case WINDOWS -> "Tartan.ico";
            case MAC -> "Tartan.icns";
        };
        return installers.resolve(os.folder()).resolve(file);
    }

    /** The options every jpackage run shares: name, version, vendor, description, copyright. */
    private List<String> describe() {
        return List.of("--name", product.getProperty("name"), "--app-version", appVersion(),
                "--vendor", product.getProperty("vendor"), "--description", product.getProperty("description"),
                "--copyright", product.getProperty("copyright"));
    }

    /**
     * The version jpackage takes: numbers only (0.1.0-SNAPSHOT is 0.1.0). macOS bundles refuse a
     * version whose first number is 0, so there Tartan 0.x.y is bundle version 1.x.y until 1.0;
     * the About dialog and {@code tartan --version} show the real one.
     */
    private String appVersion() {
        String numeric = version.replaceAll("[^0-9.].*$", "");
        return os == Os.MAC && numeric.startsWith("0.") ? "1" + numeric.substring(1) : numeric;
    }

    /** Signs the macOS app when a signing identity is given (see installers/README.md); unsigned otherwise. */
    private List<String> macSigning() {
        String identity = System.getenv("TARTAN_MAC_SIGNING_IDENTITY");
        if (identity == null || identity.isBlank()) {
            log("macOS: not signed (set TARTAN_MAC_SIGNING_IDENTITY to sign)");
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of("--mac-sign", "--mac-signing-key-user-name", identity));
        String keychain = System.getenv("TARTAN_MAC_KEYCHAIN");
        if (keychain != null && !keychain.isBlank()) {
            args.addAll(List.of("--mac-signing-keychain", keychain));
        }
        return args;
    }

    /** The files the Linux packages install beside the app: the integration script, AppStream metadata, the class list. */
    private void addLinuxIntegration(Path appImage, Path classList) throws IOException {
        Path lib = appImage.resolve("lib");
        Path script = lib.resolve("tartan-integration.sh");
        Files.copy(installers.resolve("linux/tartan-integration.sh"), script);
        script.toFile().setExecutable(true, false);
        String metainfo = Files.readString(installers.resolve("linux/dev.tartan.Tartan.metainfo.xml"))
                .replace("@VERSION@", appVersion()).replace("@DATE@", LocalDate.now().toString());
        Files.writeString(lib.resolve("dev.tartan.Tartan.metainfo.xml"), metainfo);
        Files.copy(classList, lib.resolve("app").resolve("tartan.classlist"));
    }

    // --- 5. the packages -----------------------------------------------------------------------

    private void buildPackage(String type, Path appImage) throws IOException {
        List<String> args = new ArrayList<>(List.of("--type", type, "--app-image", appImage.toString(), "--dest", work.toString(),
                "--resource-dir", installers.resolve(os.folder()).toString()));
        args.addAll(describe());
        switch (type) {
            case "deb", "rpm" -> {
                args.addAll(List.of("--linux-package-name", product.getProperty("linux.package"), "--install-dir", "/opt",
                        "--linux-app-category", product.getProperty("linux.section"), "--linux-shortcut"));
                if (type.equals("deb")) {
                    args.addAll(List.of("--linux-deb-maintainer", product.getProperty("linux.maintainer"),
                            "--linux-package-deps", product.getProperty("linux.deb.depends")));
                } else {
                    args.addAll(List.of("--linux-package-deps", product.getProperty("linux.rpm.requires")));
                }
            }
            case "msi" -> args.addAll(List.of("--win-per-user-install", "--win-menu", "--win-menu-group", product.getProperty("name"),
                    "--win-upgrade-uuid", product.getProperty("windows.upgrade.uuid")));
            case "dmg", "pkg" -> {
                args.addAll(List.of("--mac-package-identifier", product.getProperty("mac.identifier")));
                args.addAll(macSigning());
            }
            default -> throw new IllegalArgumentException("No installer of type " + type + " on " + os.folder());
        }
        tool("jpackage", args.toArray(String[]::new));
        try (Stream<Path> files = Files.list(work)) {
            for (Path made : files.filter(p -> p.getFileName().toString().endsWith("." + type)).toList()) {
                log("%s: %s (%s)", type, target.relativize(made), megabytes(Files.size(made)));
            }
        }
    }

    // --- 6. Linux: the app image's own archive of every class ----------------------------------

    /** Makes lib/app/tartan.jsa for the app image in place, as tartan-integration.sh does on an installed one. */
    private void dumpAppArchive(Path appImage) throws IOException, InterruptedException {
        runProcess(List.of(appImage.resolve("lib/tartan-integration.sh").toString(), "archive"),
                work.resolve("training").resolve("app-archive.log"));
        log("app image archive: lib/app/tartan.jsa (%s)", megabytes(Files.size(appImage.resolve("lib/app/tartan.jsa"))));
    }

    // --- helpers -------------------------------------------------------------------------------

    private static String required(Map<String, String> args, String name) {
        String value = args.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Packager needs " + name);
        }
        return value;
    }

    private static <T> List<T> concat(List<? extends T> first, List<? extends T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** tartan.jar first, then the libraries, as the launcher orders them. */
    private static List<Path> jars(Path input) throws IOException {
        try (Stream<Path> files = Files.list(input)) {
            List<Path> jars = new ArrayList<>(List.of(input.resolve("tartan.jar")));
            jars.addAll(files.filter(p -> p.toString().endsWith(".jar") && !p.getFileName().toString().equals("tartan.jar")).sorted().toList());
            return jars;
        }
    }

    private Path java(Path runtime) {
        return runtime.resolve("bin").resolve(os == Os.WINDOWS ? "java.exe" : "java");
    }

    /** Runs a JDK tool in this JVM and returns what it printed; a failure stops the build with its output. */
    private static String tool(String name, String... args) {
        StringWriter out = new StringWriter();
        int code = ToolProvider.findFirst(name).orElseThrow(() -> new IllegalStateException("This JDK has no " + name))
                .run(new PrintWriter(out, true), new PrintWriter(out, true), args);
        if (code != 0) {
            throw new IllegalStateException(name + " failed (exit " + code + "):\n" + out + "\nArguments: " + String.join(" ", args));
        }
        return out.toString();
    }

    /** Runs a process with its output in {@code log}; a failure or a hang stops the build with the log's end. */
    private static void runProcess(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        if (!ended || process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            throw new IllegalStateException(String.join(" ", command) + (ended ? " failed (exit " + process.exitValue() + ")" : " did not end")
                    + "; the end of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        }
    }

    private static long size(Path tree) throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static void log(String format, Object... args) {
        System.out.println("[installer] " + String.format(format, args));
    }
}
