package dev.tartan.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tartan.model.AuditEntry;
import dev.tartan.model.AuditVerification;
import dev.tartan.model.Masking;
import dev.tartan.model.TokenKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * Every state-changing action a user takes, append-only and tamper-evident: each entry's hash
 * covers the previous entry's hash and all of its own fields, so changing, inserting or removing
 * an entry breaks the chain at that point, which {@link #verify()} reports. The last entry's number
 * and hash are also kept apart, as the chain's head (moved in the same transaction as each append,
 * and only ever forward), so that entries removed from or replaced at the end are caught too. The
 * head is copied beside the vault as well ({@link AuditHeadCopy}), so that a whole vault put back
 * from an older copy is caught. Tokens in any field are masked before they are written.
 */
public final class AuditLog {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final String COLUMNS = "seq, at, actor, action, targets, outcome, request_id, prev_hash, hash";
    private static final String HEAD = "SELECT seq, hash FROM audit_head";
    private static final byte[] HASH_DOMAIN = "tartan-audit-v1".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int SEAL_KEY_BYTES = 32;

    private final Database db;
    private final Clock clock;
    private final Supplier<String> actor;
    private final AuditHeadCopy copy;
    /** The key sealing the head's copy; it never changes once made, so it is read once. */
    private volatile byte[] sealKey;

    AuditLog(Database db, Clock clock, Supplier<String> actor, AuditHeadCopy copy) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
        this.copy = copy;
    }

    /**
     * Makes the key that seals the head's copy, and the copy, if the vault has none yet (a new
     * vault, or one from before there were copies). The copy is written before the key is
     * committed: a key in the vault always has had its copy.
     */
    void seal() {
        if (sealKey() != null) {
            return;
        }
        db.write(d -> {
            if (d.queryLong("SELECT count(*) FROM audit_head_seal") > 0) {
                return null;
            }
            Optional<Link> head = d.queryOne(HEAD, AuditLog::link);
            if (head.isEmpty()) {
                return null; // nothing to copy; verify-audit reports the missing head
            }
            byte[] key = new byte[SEAL_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            d.update("INSERT INTO audit_head_seal (id, mac_key) VALUES (1, ?)", key);
            copy.write(key, head.get().seq(), head.get().hash());
            return null;
        });
    }

    /**
     * How the vault compares with the head's copy beside it, when that is a problem: a vault older
     * than its log (put back from a copy), or a copy that is missing or was changed.
     */
    Optional<AuditVerification> compareWithCopy() {
        byte[] key = sealKey();
        Optional<Link> vaultHead = db.read(d -> d.queryOne(HEAD, AuditLog::link));
        if (key == null || vaultHead.isEmpty()) {
            return Optional.empty(); // a missing head is the chain's problem, reported as such
        }
        Link head = vaultHead.get();
        long last = head.seq();
        AuditHeadCopy.Reading reading = copy.read(key);
        if (reading instanceof AuditHeadCopy.Missing) {
            return Optional.of(AuditVerification.brokenAt(last, last + 1, "the copy of the log's head kept beside the vault ("
                    + copy.file().getFileName() + ") is missing, so a vault put back from an older copy would go unseen"));
        }
        if (reading instanceof AuditHeadCopy.Forged) {
            return Optional.of(AuditVerification.brokenAt(last, last + 1, "the copy of the log's head kept beside the vault ("
                    + copy.file().getFileName() + ") was changed around Tartan"));
        }
        AuditHeadCopy.Sealed sealed = (AuditHeadCopy.Sealed) reading;
        if (sealed.seq() > last) {
            return Optional.of(AuditVerification.brokenAt(last, last + 1, "the vault is older than its audit log: entries up to #"
                    + sealed.seq() + " were written, this vault ends at #" + last
                    + " (was vault.db put back from an older copy?)"));
        }
        if (sealed.seq() == last && !sealed.hash().equals(head.hash())) {
            return Optional.of(AuditVerification.brokenAt(last, last, "entry #" + last
                    + " is not the one written last (the vault was replaced by another one)"));
        }
        return Optional.empty();
    }

    private byte[] sealKey() {
        byte[] key = sealKey;
        if (key == null) {
            key = db.read(d -> d.queryOne("SELECT mac_key FROM audit_head_seal", row -> row.getBytes(1))).orElse(null);
            sealKey = key;
        }
        return key;
    }

    private static VaultException missingHead() {
        return new VaultException(
                "The audit log's head is missing: the vault was changed around Tartan (see tartan vault verify-audit).");
    }

    /**
     * Appends an entry.
     *
     * @param action    what was done, e.g. {@code item.remove}
     * @param targets   the ids it was done to
     * @param outcome   e.g. {@code success}, {@code failure: ITEM_LOGIN_REQUIRED}
     * @param requestId Plaid's request_id, or null
     */
    public AuditEntry append(String action, List<String> targets, String outcome, String requestId) {
        String who = actor.get();
        String what = masked(require(action, "action"));
        List<String> ids = targets == null ? List.of() : targets.stream().map(AuditLog::masked).toList();
        String how = masked(require(outcome, "outcome"));
        String request = requestId == null ? null : masked(requestId);
        AuditEntry entry = db.write(d -> {
            // Chained to the head, not to the last row: after a truncation the gap stays in the chain.
            Link head = d.queryOne(HEAD, AuditLog::link).orElseThrow(AuditLog::missingHead);
            long seq = head.seq() + 1;
            String previousHash = head.hash();
            // Stored to the millisecond, so hash what will be read back.
            Instant at = Instant.ofEpochMilli(clock.millis());
            String hash = hashOf(seq, at, who, what, ids, how, request, previousHash);
            d.update("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    seq, at, who, what, toJson(ids), how, request, previousHash, hash);
            d.update("UPDATE audit_head SET seq = ?, hash = ?", seq, hash);
            return new AuditEntry(seq, at, who, what, ids, how, request, previousHash, hash);
        });
        advanceCopy(entry);
        return entry;
    }

    /**
     * After the commit, so that the copy is never ahead of a vault that kept the entry. Should it
     * fail, the entry stands; the copy lags, which a later entry or verify-audit makes up for or shows.
     */
    private void advanceCopy(AuditEntry entry) {
        byte[] key = sealKey();
        if (key == null) {
            return;
        }
        try {
            copy.advance(key, entry.seq(), entry.hash());
        } catch (VaultException e) {
            LOG.warn("Audit entry #{} is written, but its copy of the head is not: {}", entry.seq(), e.getMessage());
        }
    }

    /** The newest entries, newest first. */
    public List<AuditEntry> recent(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Ask for at least one audit entry, not " + limit);
        }
        return db.read(d -> d.query("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT ?", AuditLog::entry, limit));
    }

    /**
     * The newest entries with {@code target} among their targets (exactly, e.g.
     * {@code watchlist_screening_id=scr_52xR9LKo77r1Np}), oldest first: what was done to one thing.
     */
    public List<AuditEntry> about(String target, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Ask for at least one audit entry, not " + limit);
        }
        String quoted = toJson(List.of(masked(require(target, "target"))));
        String element = quoted.substring(1, quoted.length() - 1); // "target", as the JSON array holds it
        String pattern = "%" + element.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<AuditEntry> newest = db.read(d -> d.query("SELECT " + COLUMNS + " FROM audit_log WHERE targets LIKE ? ESCAPE '\\' "
                + "ORDER BY seq DESC LIMIT ?", AuditLog::entry, pattern, limit));
        List<AuditEntry> oldestFirst = new ArrayList<>(newest);
        java.util.Collections.reverse(oldestFirst);
        // LIKE found the text; only an entry naming the target itself is about it.
        return oldestFirst.stream().filter(entry -> entry.targets().contains(masked(target.strip()))).toList();
    }

    public long count() {
        return db.read(d -> d.queryLong("SELECT count(*) FROM audit_log"));
    }

    /**
     * Walks the chain from the first entry and reports the first link that does not hold, or else
     * where the chain's end differs from its head.
     */
    public AuditVerification verify() {
        AuditVerification chain = db.read(d -> {
            List<AuditVerification> broken = new ArrayList<>(1);
            long[] checked = {0};
            String[] previousHash = {GENESIS_HASH};
            d.forEach("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq", row -> {
                if (!broken.isEmpty()) {
                    return;
                }
                checked[0]++;
                long expectedSeq = checked[0];
                String problem = problemWith(row, expectedSeq, previousHash[0]);
                if (problem != null) {
                    broken.add(AuditVerification.brokenAt(checked[0], Math.min(row.getLong("seq"), expectedSeq), problem));
                }
                previousHash[0] = row.getString("hash");
            });
            if (!broken.isEmpty()) {
                return broken.get(0);
            }
            return checkEnd(new Link(checked[0], previousHash[0]), d.queryOne(HEAD, AuditLog::link));
        });
        return chain.isIntact() ? compareWithCopy().orElse(chain) : chain;
    }

    /** {@code end} is where an unbroken chain ends (entry #n is its n-th entry); the head says where it should. */
    private static AuditVerification checkEnd(Link end, Optional<Link> head) {
        long last = end.seq();
        if (head.isEmpty()) {
            return AuditVerification.brokenAt(last, last + 1,
                    "the log's head was removed around Tartan, so entries after #" + last + " may be gone unseen");
        }
        long written = head.get().seq();
        if (written > last) {
            return AuditVerification.brokenAt(last, last + 1, "the log was truncated (it should end at entry #" + written
                    + "; the entries from #" + (last + 1) + " on are gone)");
        }
        if (written < last) {
            return AuditVerification.brokenAt(last, written + 1, "entry #" + (written + 1)
                    + " was added around Tartan (the last entry written is #" + written + ")");
        }
        if (!head.get().hash().equals(end.hash())) {
            return AuditVerification.brokenAt(last, last, "entry #" + last + " is not the one written last (it was replaced)");
        }
        return AuditVerification.intact(last);
    }

    private static String problemWith(ResultSet row, long expectedSeq, String expectedPreviousHash) throws SQLException {
        long seq = row.getLong("seq");
        if (seq != expectedSeq) {
            return "entry #" + expectedSeq + " is missing (the next entry is #" + seq + ")";
        }
        if (!expectedPreviousHash.equals(row.getString("prev_hash"))) {
            return "entry #" + seq + " does not follow entry #" + (seq - 1)
                    + " (an entry before it was changed, removed or replaced)";
        }
        AuditEntry entry;
        String recomputed;
        try {
            entry = entry(row);
            recomputed = hashOf(entry.seq(), entry.at(), entry.actor(), entry.action(), entry.targets(),
                    entry.outcome(), entry.requestId(), entry.previousHash());
        } catch (RuntimeException e) {
            return "entry #" + seq + " was changed after it was written (it cannot be read back: " + e.getMessage() + ")";
        }
        if (!recomputed.equals(entry.hash())) {
            return "entry #" + seq + " was changed after it was written (its hash does not match its content)";
        }
        return null;
    }

    /**
     * SHA-256 over every field, each length-prefixed so that no two different entries encode alike
     * (a null request_id differs from an empty one).
     */
    static String hashOf(long seq, Instant at, String actor, String action, List<String> targets, String outcome,
                         String requestId, String previousHash) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(HASH_DOMAIN);
        digest.update(ByteBuffer.allocate(16).putLong(seq).putLong(at.toEpochMilli()).array());
        field(digest, actor);
        field(digest, action);
        digest.update(ByteBuffer.allocate(4).putInt(targets.size()).array());
        for (String target : targets) {
            field(digest, target);
        }
        field(digest, outcome);
        field(digest, requestId);
        field(digest, previousHash);
        return Sha256.hex(digest);
    }

    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    /** Replaces every Plaid token in {@code text} by its masked form. */
    private static String masked(String text) {
        return TokenKind.TOKEN.matcher(text).replaceAll(match -> Matcher.quoteReplacement(Masking.maskToken(match.group())));
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An audit entry needs its " + what);
        }
        return value.strip();
    }

    private static String toJson(List<String> targets) {
        try {
            return JSON.writeValueAsString(targets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings always serializes", e);
        }
    }

    /** A chain position: an entry's number and hash (0 and the genesis hash before the first). */
    private record Link(long seq, String hash) {
    }

    private static Link link(ResultSet row) throws SQLException {
        return new Link(row.getLong("seq"), row.getString("hash"));
    }

    private static AuditEntry entry(ResultSet row) throws SQLException {
        List<String> targets;
        try {
            String json = row.getString("targets");
            targets = json == null ? null : JSON.readValue(json, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new VaultException("Audit entry #" + row.getLong("seq") + " has unreadable targets");
        }
        return new AuditEntry(row.getLong("seq"), Database.instant(row, "at"), row.getString("actor"),
                row.getString("action"), targets, row.getString("outcome"), row.getString("request_id"),
                row.getString("prev_hash"), row.getString("hash"));
    }
}
