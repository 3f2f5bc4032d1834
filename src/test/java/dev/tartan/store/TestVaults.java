package dev.tartan.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Shared set-up for vault tests. */
final class TestVaults {

    static final String PASSPHRASE = "correct horse battery staple tartan";
    static final String OTHER_PASSPHRASE = "purple elephant juggles seven quiet lanterns";

    private TestVaults() {
    }

    static char[] passphrase() {
        return PASSPHRASE.toCharArray();
    }

    static char[] otherPassphrase() {
        return OTHER_PASSPHRASE.toCharArray();
    }

    static Vault create(Path directory) {
        return Vault.create(new VaultLocation(directory), passphrase());
    }

    static Vault create(Path directory, Clock clock) {
        return Vault.create(new VaultLocation(directory), new SqlCipherConnector(passphrase()), clock);
    }

    static Vault open(Path directory) {
        return Vault.open(new VaultLocation(directory), passphrase());
    }

    static Vault open(Path directory, String passphrase) {
        return Vault.open(new VaultLocation(directory), passphrase.toCharArray());
    }

    /** A connection to the vault file with the key, going around the vault's own code (to tamper with it). */
    static Connection rawConnection(Path directory, String passphrase) throws Exception {
        return new SqlCipherConnector(passphrase.toCharArray()).connect(new VaultLocation(directory).file(), false);
    }

    /** Every file in {@code directory}, name and content, to show that nothing changed. */
    static List<String> snapshot(Path directory) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.sorted().toList()) {
                files.add(file.getFileName() + " " + Sha256.hex(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    /** Whether {@code text} occurs, as UTF-8 or UTF-16 (either byte order), in the file's bytes. */
    static boolean contains(Path file, String text) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        byte[] content = Files.readAllBytes(file);
        for (byte[] needle : List.of(text.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_16LE),
                text.getBytes(StandardCharsets.UTF_16BE))) {
            if (indexOf(content, needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
