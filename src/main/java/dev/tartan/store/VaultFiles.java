package dev.tartan.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/** What can be told about a vault file from its bytes alone, and durable file operations. */
final class VaultFiles {

    /** The first 16 bytes of every unencrypted SQLite database. */
    static final byte[] PLAIN_SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** SQLCipher 4's page size; an encrypted vault is always a whole number of pages. */
    static final int PAGE_SIZE = 4096;

    /**
     * An encrypted page is indistinguishable from random bytes: 4096 random bytes show (nearly) all
     * 256 values, text or structured data far fewer.
     */
    private static final int MIN_DISTINCT_BYTES_OF_RANDOM_PAGE = 200;

    private VaultFiles() {
    }

    /**
     * Refuses a file that cannot be an encrypted vault, before any passphrase is tried, so that the
     * user is told "not a vault" rather than "wrong passphrase". A file of random bytes in whole
     * pages looks exactly like a vault until a key is tried; that case ends as a wrong passphrase.
     */
    static void requireLooksLikeVault(Path file) {
        if (!Files.exists(file)) {
            throw new VaultNotFoundException(file);
        }
        if (Files.isDirectory(file)) {
            throw new NotAVaultException(file, "it is a folder");
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new NotAVaultException(file, "the file is empty");
            }
            byte[] firstPage = readFirstBytes(file, PAGE_SIZE);
            if (startsWithPlainHeader(firstPage)) {
                throw new NotAVaultException(file, "it is a plain, unencrypted SQLite database");
            }
            if (size % PAGE_SIZE != 0) {
                throw new NotAVaultException(file, "its size (" + size + " bytes) is not a whole number of "
                        + PAGE_SIZE + "-byte pages");
            }
            if (distinctByteValues(firstPage) < MIN_DISTINCT_BYTES_OF_RANDOM_PAGE) {
                throw new NotAVaultException(file, "its content is not encrypted data");
            }
        } catch (IOException e) {
            throw new VaultException("Cannot read the vault file " + file + ": " + e.getMessage(), e);
        }
    }

    static boolean hasPlainSqliteHeader(Path file) {
        try {
            return startsWithPlainHeader(readFirstBytes(file, PLAIN_SQLITE_HEADER.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWithPlainHeader(byte[] bytes) {
        return bytes.length >= PLAIN_SQLITE_HEADER.length
                && Arrays.equals(bytes, 0, PLAIN_SQLITE_HEADER.length, PLAIN_SQLITE_HEADER, 0, PLAIN_SQLITE_HEADER.length);
    }

    private static byte[] readFirstBytes(Path file, int count) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(count);
        }
    }

    private static int distinctByteValues(byte[] bytes) {
        boolean[] seen = new boolean[256];
        int distinct = 0;
        for (byte b : bytes) {
            if (!seen[b & 0xff]) {
                seen[b & 0xff] = true;
                distinct++;
            }
        }
        return distinct;
    }

    /**
     * Creates the data folder if need be and makes it readable by its owner only where the file
     * system allows it, a folder that was there already included.
     */
    static void preparePrivateDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        restrictToOwner(directory, "rwx------");
    }

    /**
     * Creates an empty file readable and writable by its owner only (where the file system has
     * POSIX permissions), for SQLite to fill; SQLite gives the -wal and -shm files the same mode.
     */
    static void createPrivateFile(Path file) throws IOException {
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /** Makes a file readable and writable by its owner only (POSIX). */
    static void restrictToOwner(Path path) throws IOException {
        restrictToOwner(path, "rw-------");
    }

    private static void restrictToOwner(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    /**
     * Deletes {@code database} and SQLite's companions of it: a journal or WAL left by a killed
     * process would otherwise be replayed into the next file of that name.
     */
    static void deleteWithCompanions(Path database) throws IOException {
        for (Path file : VaultLocation.withCompanions(database)) {
            Files.deleteIfExists(file);
        }
    }

    /** Flushes a file's content to the disk. */
    static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Flushes a folder's entries (a rename) to the disk where the OS supports it (not on Windows). */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; its rename is durable once it returns.
        }
    }
}
