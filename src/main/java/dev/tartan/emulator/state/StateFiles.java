package dev.tartan.emulator.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The emulator's folder and the files in it: both readable by their owner only (the folder holds
 * the emulator's secret), and each file replaced so that a crash or a power cut leaves the old
 * content or the new one, whole.
 */
public final class StateFiles {

    /** Flushes what was written to a file, or a folder's entries, to the disk. */
    @FunctionalInterface
    interface Flush {
        void flush(Path path) throws IOException;
    }

    static final Flush TO_DISK = StateFiles::force;

    private StateFiles() {
    }

    /** Creates the folder if need be and makes it its owner's only, where the file system has POSIX permissions. */
    static void preparePrivateFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * Makes a file of the emulator's (a journal it appends to) its owner's only, creating it if need be,
     * where the file system has POSIX permissions.
     */
    public static void preparePrivateFile(Path file) throws IOException {
        if (!Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, ownerOnly);
        } else {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
    }

    static void replace(Path file, byte[] bytes) throws IOException {
        replace(file, bytes, TO_DISK);
    }

    /**
     * Writes a temporary file beside {@code file} (its owner's only), flushes it, renames it over
     * {@code file} and flushes the rename.
     */
    static void replace(Path file, byte[] bytes, Flush flush) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(temporary, bytes);
        flush.flush(temporary);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        flush.flush(file.getParent());
    }

    private static void force(Path path) throws IOException {
        boolean folder = Files.isDirectory(path);
        try (FileChannel channel = FileChannel.open(path, folder ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            if (!folder) {
                throw e;
            }
            // Windows cannot open a folder as a channel; its rename is durable once it returns.
        }
    }
}
