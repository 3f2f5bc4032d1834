package dev.tartan.emulator.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps one emulator per folder: two emulators saving the same state file would overwrite each
 * other's changes. The operating system releases the lock if the process dies.
 */
final class FolderLock {
    private static final String FILE_NAME = "emulator.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static FolderLock acquire(Path directory) {
        try {
            StateFiles.preparePrivateFolder(directory);
            FileChannel channel = FileChannel.open(directory.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another emulator is already running on " + directory
                        + "; stop it, or give this one another --data-dir");
            }
            return new FolderLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the emulator folder " + directory, e);
        }
    }

    void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the emulator folder lock", e);
        }
    }
}
