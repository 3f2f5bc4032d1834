package dev.tartan.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Tartan keeps its data: the {@code --data-dir} option, else {@code TARTAN_HOME}, else the
 * operating system's usual per-user data folder.
 */
public final class DataDirectory {

    /** The environment variable that moves the data folder. */
    public static final String HOME_VARIABLE = "TARTAN_HOME";

    private DataDirectory() {
    }

    /** The data folder for this process: {@code override} if given, else from the environment and OS. */
    public static Path resolve(Path override) {
        return resolve(override, System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    /**
     * The data folder from explicit inputs (so every OS's rule can be tested anywhere):
     * Linux and other Unix {@code $XDG_DATA_HOME/tartan} or {@code ~/.local/share/tartan},
     * macOS {@code ~/Library/Application Support/Tartan}, Windows {@code %APPDATA%\Tartan}.
     */
    public static Path resolve(Path override, Map<String, String> env, String osName, Path userHome) {
        if (override != null) {
            return override.toAbsolutePath().normalize();
        }
        String home = env.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path roaming = appData != null && !appData.isBlank()
                    ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming");
            return roaming.resolve("Tartan");
        }
        if (os.startsWith("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Tartan");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("tartan");
        }
        return userHome.resolve(".local").resolve("share").resolve("tartan");
    }
}
