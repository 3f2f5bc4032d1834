package dev.tartan.app;

import dev.tartan.cli.GlobalOptions;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The options the window takes (the global {@code --data-dir} and {@code --passphrase-file}), read
 * without picocli: parsing the whole command line costs a fifth of a second the window's start-up
 * does not need to pay. Anything else means a command, help or a mistake, which the command line
 * handles.
 *
 * @param dataDir        the data folder, or null for the default
 * @param passphraseFile where the passphrase is, or null to ask
 */
record WindowOptions(Path dataDir, Path passphraseFile) {

    /** The window's options, or empty when {@code args} hold anything but them. */
    static Optional<WindowOptions> parse(String[] args) {
        Path dataDir = null;
        Path passphraseFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            switch (name) {
                case GlobalOptions.DATA_DIR -> dataDir = Path.of(value);
                case GlobalOptions.PASSPHRASE_FILE -> passphraseFile = Path.of(value);
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new WindowOptions(dataDir, passphraseFile));
    }
}
