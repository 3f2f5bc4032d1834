package dev.tartan.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The vault file inside a data folder, and the files SQLite keeps beside it. */
public record VaultLocation(Path directory) {

    public static final String FILE_NAME = "vault.db";

    public VaultLocation {
        directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    }

    /** The vault in the data folder chosen by {@code --data-dir} (may be null), TARTAN_HOME or the OS. */
    public static VaultLocation resolve(Path dataDirOverride) {
        return new VaultLocation(DataDirectory.resolve(dataDirOverride));
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /** The file plus its write-ahead log, shared-memory index and rollback journal. */
    public List<Path> filesOnDisk() {
        return withCompanions(file());
    }

    /** {@code database} plus the write-ahead log, shared-memory index and rollback journal SQLite keeps beside it. */
    static List<Path> withCompanions(Path database) {
        return Stream.of("", "-wal", "-shm", "-journal")
                .map(suffix -> database.resolveSibling(database.getFileName() + suffix))
                .toList();
    }

    /** Where a new vault is built before it takes the vault's name. */
    Path creationFile() {
        return sibling(".new");
    }

    /** What Tartans lock to keep a vault from opening while its passphrase changes (see {@link VaultLock}). */
    Path lockFile() {
        return sibling(".lock");
    }

    /** The copy of the audit log's head kept beside the vault (see {@link AuditHeadCopy}). */
    Path headCopyFile() {
        return sibling(".head");
    }

    /** Where a re-keyed copy is built before it replaces the vault. */
    Path rekeyFile() {
        return sibling(".rekey");
    }

    private Path sibling(String suffix) {
        return directory.resolve(FILE_NAME + suffix);
    }
}
