package dev.tartan.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The data folder's {@code downloads/}: where a binary reply the user opens (a PDF, a zip) is
 * written for the system's viewer. Only the owner can read it, and it is emptied each time Tartan
 * starts, so a report does not linger the way it would in the system's temporary folder.
 */
public final class DownloadFolder {

    public static final String NAME = "downloads";

    private final Path folder;

    public DownloadFolder(Path dataDirectory) {
        this.folder = dataDirectory.resolve(NAME);
    }

    /** Deletes what earlier runs left. */
    public void clear() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not empty " + folder, e);
        }
    }

    /**
     * Where a file named after {@code name} (kept to letters, digits, dots and dashes) goes, for a
     * reply streamed straight into it; the folder is made, readable by its owner only, if need be.
     */
    public Path fileFor(String name) {
        try {
            VaultFiles.preparePrivateDirectory(folder);
            return folder.resolve(name.replaceAll("[^A-Za-z0-9.-]", "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + folder, e);
        }
    }

    /**
     * Writes {@code bytes} as a file named after {@code name} (kept to letters, digits, dots and
     * dashes), readable by its owner only, and returns where it is.
     */
    public Path write(String name, byte[] bytes) {
        try {
            VaultFiles.preparePrivateDirectory(folder);
            Path file = folder.resolve(name.replaceAll("[^A-Za-z0-9.-]", "-"));
            Files.deleteIfExists(file);
            VaultFiles.createPrivateFile(file);
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + name + " to " + folder, e);
        }
    }
}
