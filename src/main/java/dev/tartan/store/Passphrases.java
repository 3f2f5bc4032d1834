package dev.tartan.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Passphrases for unattended use: a file given with {@code --passphrase-file} (its first line) or the
 * {@code TARTAN_PASSPHRASE} variable. Passphrases travel as {@code char[]} so that they can be wiped.
 */
public final class Passphrases {

    public static final String VARIABLE = "TARTAN_PASSPHRASE";
    /** The new passphrase for {@code tartan vault passwd}. */
    public static final String NEW_VARIABLE = "TARTAN_NEW_PASSPHRASE";

    /** Why a passphrase of the form {@code x'<hex>'} is not taken. */
    static final String RAW_KEY_REFUSAL = "A passphrase written x'...' (hex between quotes) is taken by SQLCipher as a raw key: "
            + "it would skip the key derivation that makes guessing slow. Choose another passphrase.";

    private Passphrases() {
    }

    /**
     * The passphrase from {@code file} if given, else from {@code VARIABLE} in {@code env}, else empty
     * (the caller then asks the user, or fails).
     */
    public static Optional<char[]> nonInteractive(Path file, Map<String, String> env) {
        if (file != null) {
            return Optional.of(fromFile(file));
        }
        return fromVariable(env, VARIABLE);
    }

    /** The passphrase in an environment variable, if it is set and not empty. */
    public static Optional<char[]> fromVariable(Map<String, String> env, String variable) {
        String value = env.get(variable);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(value.toCharArray());
    }

    /** The first line of {@code file}, without its line break. An empty first line is an error. */
    public static char[] fromFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new VaultException("The passphrase file " + file + " does not exist");
        } catch (IOException e) {
            throw new VaultException("Cannot read the passphrase file " + file + ": " + e.getMessage(), e);
        }
        CharBuffer decoded = null;
        try {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            decoded = decoder.decode(ByteBuffer.wrap(bytes));
            char[] line = firstLine(decoded);
            if (line.length == 0) {
                throw new VaultException("The passphrase file " + file + " is empty (the passphrase is its first line)");
            }
            return line;
        } catch (CharacterCodingException e) {
            throw new VaultException("The passphrase file " + file + " is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (decoded != null) {
                wipe(decoded);
            }
        }
    }

    /** The text up to the first line break, with a leading byte-order mark dropped. */
    static char[] firstLine(CharBuffer text) {
        int start = text.length() > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int end = start;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        char[] line = new char[end - start];
        for (int i = start; i < end; i++) {
            line[i - start] = text.charAt(i);
        }
        return line;
    }

    /** Whether SQLCipher would read {@code passphrase} as a raw key, {@code x'<hex>'}, and derive no key from it. */
    static boolean isRawKeyForm(char[] passphrase) {
        int last = passphrase == null ? -1 : passphrase.length - 1;
        if (last < 2 || (passphrase[0] != 'x' && passphrase[0] != 'X') || passphrase[1] != '\'' || passphrase[last] != '\'') {
            return false;
        }
        for (int i = 2; i < last; i++) {
            if (Character.digit(passphrase[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Overwrites each array with zeros; null arrays are skipped. */
    public static void clear(char[]... passphrases) {
        for (char[] passphrase : passphrases) {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    private static void wipe(CharBuffer buffer) {
        buffer.clear();
        while (buffer.hasRemaining()) {
            buffer.put('\0');
        }
    }
}
