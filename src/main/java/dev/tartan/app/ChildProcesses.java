package dev.tartan.app;

import dev.tartan.store.Passphrases;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The programs Tartan starts (the browser, the viewer of a PDF), started so that they do not
 * inherit the passphrase variables Tartan was given. Java cannot take a variable out of its own
 * environment, so each child gets an environment without them.
 */
final class ChildProcesses {

    /** Variables that hold a vault passphrase. */
    static final List<String> WITHHELD = List.of(Passphrases.VARIABLE, Passphrases.NEW_VARIABLE);

    private ChildProcesses() {
    }

    /** A process of {@code command}, its environment Tartan's without the passphrase variables. */
    static ProcessBuilder of(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeAll(WITHHELD);
        return builder;
    }

    /** Opens a web page or a file with the program the system chooses for it. */
    static void open(URI target) throws IOException {
        of(systemOpener(target.toString(), System.getProperty("os.name", ""))).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The command that opens {@code target} on the system called {@code osName}. */
    static List<String> systemOpener(String target, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", target);
        }
        if (os.startsWith("mac")) {
            return List.of("open", target);
        }
        return List.of("xdg-open", target);
    }
}
