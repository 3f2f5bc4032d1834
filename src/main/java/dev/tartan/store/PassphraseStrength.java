package dev.tartan.store;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import dev.tartan.model.PassphraseVerdict;
import dev.tartan.model.PassphraseVerdict.Level;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Judges a vault passphrase with zxcvbn, which estimates how many guesses an attacker needs
 * (dictionaries, names, keyboard walks, dates, repeats, l33t) and says why. The verdict quotes
 * the time for an offline attacker at 10,000 guesses a second, the order of magnitude a GPU gets
 * against SQLCipher's 256,000-round PBKDF2.
 */
public final class PassphraseStrength {

    /** zxcvbn's cost grows with length; past this the first part decides (and is long enough). */
    private static final int MEASURED_LENGTH = 100;

    private PassphraseStrength() {
    }

    /** The verdict on {@code passphrase}; the array is only read. */
    public static PassphraseVerdict assess(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0 || CharBuffer.wrap(passphrase).chars().allMatch(Character::isWhitespace)) {
            return new PassphraseVerdict(Level.EMPTY, "Empty: a passphrase is required; the vault cannot be left unencrypted.",
                    null, List.of("Use four or more random words, or a long sentence only you would write."));
        }
        if (Passphrases.isRawKeyForm(passphrase)) {
            return new PassphraseVerdict(Level.TOO_WEAK, "Not taken: " + Passphrases.RAW_KEY_REFUSAL, null,
                    List.of("Use four or more random words, or a long sentence only you would write."));
        }
        // zxcvbn wipes what it measured; measure a copy so that the caller's array stays as it was.
        char[] copy = Arrays.copyOf(passphrase, Math.min(passphrase.length, MEASURED_LENGTH));
        Strength strength = Estimator.INSTANCE.measure(CharBuffer.wrap(copy));
        try {
            Level level = levelOf(strength.getScore());
            String crackTime = strength.getCrackTimesDisplay().getOfflineSlowHashing1e4perSecond();
            String summary = level.label() + ": an offline attacker could guess it in " + crackTime + "."
                    + (level == Level.GOOD || level == Level.STRONG ? "" : " Choose a stronger one.");
            Feedback feedback = strength.getFeedback();
            String warning = feedback.getWarning();
            List<String> suggestions = new ArrayList<>(feedback.getSuggestions());
            if (suggestions.isEmpty() && (level == Level.TOO_WEAK || level == Level.WEAK)) {
                suggestions.add("Make it longer: add another word or two.");
            }
            return new PassphraseVerdict(level, summary, warning == null || warning.isBlank() ? null : warning, suggestions);
        } finally {
            strength.wipe();
            Passphrases.clear(copy);
        }
    }

    private static Level levelOf(int score) {
        return switch (score) {
            case 0, 1 -> Level.TOO_WEAK;
            case 2 -> Level.WEAK;
            case 3 -> Level.GOOD;
            default -> Level.STRONG;
        };
    }

    /** zxcvbn loads its dictionaries once; measuring is thread-safe after that. */
    private static final class Estimator {
        static final Zxcvbn INSTANCE = new Zxcvbn();
    }
}
