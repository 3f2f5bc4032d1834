package dev.tartan.store;

import dev.tartan.model.VaultStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Tartan's encrypted store: one SQLCipher 4 file holding the profiles, the token book, the result
 * cache, the request history, the audit log, the settings, the transactions of Items and the
 * webhooks Tartan's inbox received.
 *
 * <p>Every method blocks (a key derivation, the disk) and is safe to call from any number of
 * threads at once; never call one on the FX thread. Passphrases are read, never kept; the caller
 * clears its array (see {@link Passphrases#clear}).
 */
public final class Vault implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Vault.class);

    private final VaultLocation location;
    private final Database db;
    private final String encryption;
    private final Settings settings;
    private final Profiles profiles;
    private final TokenBook tokens;
    private final ResultCache cache;
    private final RequestHistory history;
    private final ReceivedWebhooks webhooks;
    private final AuditLog audit;
    private final TransactionStore transactions;
    private final VaultLock.Lease lease;
    private final TransferStore transfers;

    private Vault(VaultLocation location, VaultLock.Lease lease, Database db, String encryption, Clock clock) {
        this.location = location;
        this.lease = lease;
        this.db = db;
        this.encryption = encryption;
        this.settings = new Settings(db);
        this.profiles = new Profiles(db, clock);
        this.tokens = new TokenBook(db, clock);
        this.cache = new ResultCache(db, clock);
        this.history = new RequestHistory(db, settings, clock);
        this.webhooks = new ReceivedWebhooks(db, settings, clock);
        this.audit = new AuditLog(db, clock, this::operator, new AuditHeadCopy(location));
        this.transactions = new TransactionStore(db, clock);
        this.transfers = new TransferStore(db, clock);
    }

    /** Whether a file is at the vault's place (it may still turn out not to be a vault). */
    public static boolean exists(VaultLocation location) {
        return Files.exists(location.file());
    }

    /**
     * Creates a new vault locked with {@code passphrase}, and opens it. Refused if a file is
     * already there. An interrupted creation leaves no vault behind.
     */
    public static Vault create(VaultLocation location, char[] passphrase) {
        return create(location, SqlCipherConnector.forNewPassphrase(passphrase), Clock.systemUTC());
    }

    /**
     * Opens the vault with {@code passphrase}.
     *
     * @throws VaultNotFoundException    no file there
     * @throws WrongPassphraseException  the passphrase does not unlock it (nothing changed)
     * @throws NotAVaultException        the file is not a Tartan vault (nothing changed)
     * @throws VaultTooNewException      a newer Tartan wrote it (nothing changed)
     * @throws IllegalArgumentException  the passphrase is empty
     */
    public static Vault open(VaultLocation location, char[] passphrase) {
        return open(location, new SqlCipherConnector(passphrase), Clock.systemUTC());
    }

    static Vault create(VaultLocation location, Connector connector, Clock clock) {
        Path file = location.file();
        if (Files.exists(file)) {
            throw new VaultExistsException(file);
        }
        Path fresh = location.creationFile();
        try {
            VaultFiles.preparePrivateDirectory(location.directory());
            VaultFiles.deleteWithCompanions(fresh);
            VaultFiles.createPrivateFile(fresh);
            VaultConnections.build(fresh, connector);
            VaultFiles.sync(fresh);
            Files.move(fresh, file);
            VaultFiles.syncDirectory(location.directory());
        } catch (FileAlreadyExistsException e) {
            deleteQuietly(fresh);
            throw new VaultExistsException(file);
        } catch (IOException e) {
            deleteQuietly(fresh);
            throw new VaultException("Cannot create the vault at " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(fresh);
            throw e;
        }
        LOG.info("Created a vault at {}", file);
        return open(location, connector, clock);
    }

    static Vault open(VaultLocation location, Connector connector, Clock clock) {
        return open(location, connector, clock, Database.BUSY_PATIENCE);
    }

    /** {@code patience}: how long to wait for another Tartan's passphrase change to end. */
    static Vault open(VaultLocation location, Connector connector, Clock clock, Duration patience) {
        Path file = location.file();
        // Before the lock file is made beside it: what is not a vault is left alone.
        connector.checkBeforeOpen(file);
        tightenFolder(location);
        VaultLock.Lease lease = VaultLock.share(location, patience);
        Connection connection;
        try {
            connection = VaultConnections.open(file, connector);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        Vault vault = new Vault(location, lease, new Database(file, connection), connector.encryption(), clock);
        // Left over by a creation or passphrase change that was cut short; the vault itself is whole.
        Stream.of(location.creationFile(), location.rekeyFile())
                .flatMap(temporary -> VaultLocation.withCompanions(temporary).stream())
                .forEach(Vault::deleteQuietly);
        try {
            vault.history.prune();
            vault.webhooks.prune();
            vault.audit.seal();
        } catch (RuntimeException e) {
            vault.close();
            throw e;
        }
        vault.audit.compareWithCopy().ifPresent(problem -> LOG.warn("The audit log of {} does not hold: {}. "
                + "Run tartan vault verify-audit.", file, problem.problem()));
        LOG.info("Opened the vault at {}", file);
        return vault;
    }

    public VaultLocation location() {
        return location;
    }

    public Settings settings() {
        return settings;
    }

    public Profiles profiles() {
        return profiles;
    }

    public TokenBook tokens() {
        return tokens;
    }

    public ResultCache cache() {
        return cache;
    }

    public RequestHistory history() {
        return history;
    }

    /** The webhooks Tartan's inbox received. */
    public ReceivedWebhooks webhooks() {
        return webhooks;
    }

    public AuditLog audit() {
        return audit;
    }

    public TransactionStore transactions() {
        return transactions;
    }

    /** Each profile's copy of its transfers and refunds, with the event cursor it is current to. */
    public TransferStore transfers() {
        return transfers;
    }

    /** What the vault holds, and how it is encrypted. */
    public VaultStatus status() {
        return db.read(d -> new VaultStatus(location.file(), sizeOf(location.file()),
                (int) d.queryLong("PRAGMA user_version"), encryption,
                d.queryLong("SELECT count(*) FROM profiles"),
                d.queryLong("SELECT count(*) FROM tokens"),
                d.queryLong("SELECT count(*) FROM cached_results"),
                d.queryLong("SELECT count(*) FROM request_history"),
                d.queryLong("SELECT count(*) FROM audit_log"),
                d.queryLong("SELECT count(*) FROM transactions")));
    }

    /**
     * Locks the vault with a new passphrase. Needs the current one, and no other Tartan process
     * using the vault. Atomic: whatever happens, the vault opens with exactly one of the two.
     *
     * @throws WrongPassphraseException {@code current} is not the passphrase (nothing changed)
     * @throws VaultBusyException       another process has the vault open (nothing changed)
     */
    public void changePassphrase(char[] current, char[] replacement) {
        changePassphrase(current, replacement, step -> { });
    }

    void changePassphrase(char[] current, char[] replacement, Consumer<PassphraseChange.Step> progress) {
        SqlCipherConnector currentKey = new SqlCipherConnector(current);
        SqlCipherConnector newKey = SqlCipherConnector.forNewPassphrase(replacement);
        db.exclusively(d -> lease.exclusively(Database.BUSY_PATIENCE, () -> {
            new PassphraseChange(location, progress).run(d, currentKey, newKey);
            return null;
        }));
        LOG.info("Changed the passphrase of the vault at {}", location.file());
    }

    public boolean isOpen() {
        return db.isOpen();
    }

    @Override
    public void close() {
        try {
            db.close();
        } finally {
            lease.close();
        }
    }

    /** Who the audit log names: the configured operator, else the OS user. */
    private String operator() {
        return settings.get(Settings.AUDIT_OPERATOR)
                .filter(name -> !name.isBlank())
                .orElseGet(() -> System.getProperty("user.name", "unknown"));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** A vault made in a folder that was open to others (before Tartan tightened it) has its folder tightened now. */
    private static void tightenFolder(VaultLocation location) {
        try {
            VaultFiles.preparePrivateDirectory(location.directory());
        } catch (IOException e) {
            LOG.warn("Could not make {} readable by its owner only: {}", location.directory(), e.getMessage());
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", path, e.getMessage());
        }
    }
}
