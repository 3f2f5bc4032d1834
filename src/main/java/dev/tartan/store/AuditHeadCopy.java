package dev.tartan.store;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit log's head (its last entry's number and hash), copied into a small file beside the
 * vault. The head inside the vault goes back with the vault when an older copy of vault.db is put
 * in its place; this copy does not, so such a vault shows as older than its log. The copy is sealed
 * with a MAC whose key lives inside the vault: who cannot open the vault cannot write a copy that
 * passes, and a changed or forged copy shows. It only moves forward.
 */
final class AuditHeadCopy {

    /** What the copy says, read with the vault's key. */
    sealed interface Reading permits Missing, Forged, Sealed {
    }

    record Missing() implements Reading {
    }

    record Forged() implements Reading {
    }

    record Sealed(long seq, String hash) implements Reading {
    }

    private static final String FORMAT = "tartan-audit-head 1";

    private final Path file;

    AuditHeadCopy(VaultLocation location) {
        this.file = location.headCopyFile();
    }

    Path file() {
        return file;
    }

    Reading read(byte[] key) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Missing();
        } catch (IOException e) {
            throw new VaultException("Cannot read the copy of the audit log's head " + file + ": " + e.getMessage(), e);
        }
        try {
            if (lines.size() != 4 || !lines.get(0).equals(FORMAT)) {
                return new Forged();
            }
            long seq = Long.parseLong(value(lines.get(1), "seq"));
            String hash = value(lines.get(2), "hash");
            byte[] mac = HexFormat.of().parseHex(value(lines.get(3), "mac"));
            return MessageDigest.isEqual(mac, mac(key, seq, hash)) ? new Sealed(seq, hash) : new Forged();
        } catch (IllegalArgumentException e) {
            return new Forged();
        }
    }

    /** Writes the head {@code seq}/{@code hash}, unless the copy is already at it or further. */
    synchronized void advance(byte[] key, long seq, String hash) {
        if (read(key) instanceof Sealed sealed && sealed.seq() >= seq) {
            return;
        }
        write(key, seq, hash);
    }

    /** Writes the head whatever the copy says (a new seal). */
    synchronized void write(byte[] key, long seq, String hash) {
        String text = FORMAT + "\nseq " + seq + "\nhash " + hash + "\nmac " + HexFormat.of().formatHex(mac(key, seq, hash)) + "\n";
        Path temporary = null;
        try {
            temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            VaultFiles.restrictToOwner(temporary);
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            VaultFiles.sync(temporary);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            VaultFiles.syncDirectory(file.getParent());
        } catch (IOException e) {
            throw new VaultException("Cannot write the copy of the audit log's head " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static String value(String line, String name) {
        if (!line.startsWith(name + " ")) {
            throw new IllegalArgumentException("expected " + name);
        }
        return line.substring(name.length() + 1);
    }

    private static byte[] mac(byte[] key, long seq, String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((FORMAT + "\n" + seq + "\n" + hash).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has HmacSHA256", e);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // A stray temporary file holds no secret; the next write makes another.
        }
    }
}
