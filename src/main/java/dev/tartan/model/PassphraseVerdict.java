package dev.tartan.model;

import java.util.List;

/**
 * How strong a passphrase is, with the reasons, for the user to read.
 *
 * @param level       the verdict
 * @param summary     one sentence: the verdict and roughly how long an offline guesser would need
 * @param warning     the main weakness found, or null
 * @param suggestions how to do better; empty when there is nothing to add
 */
public record PassphraseVerdict(Level level, String summary, String warning, List<String> suggestions) {

    public enum Level {
        EMPTY("Empty"), TOO_WEAK("Too weak"), WEAK("Weak"), GOOD("Good"), STRONG("Strong");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public PassphraseVerdict {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    /** Whether Tartan lets a vault be locked with this passphrase. */
    public boolean acceptable() {
        return level == Level.GOOD || level == Level.STRONG;
    }

    /** The summary, the warning and the suggestions, one per line. */
    public String explanation() {
        StringBuilder text = new StringBuilder(summary);
        if (warning != null && !warning.isBlank()) {
            text.append(System.lineSeparator()).append(warning);
        }
        for (String suggestion : suggestions) {
            text.append(System.lineSeparator()).append("- ").append(suggestion);
        }
        return text.toString();
    }
}
