package dev.tartan.ui.processor;

import atlantafx.base.theme.Styles;
import dev.tartan.model.MatchLevel;
import dev.tartan.model.RiskLevel;

/** The colours of Signal's risk levels and of identity match verdicts. */
final class RiskStyles {

    private RiskStyles() {
    }

    /** The text colour for a risk level. */
    static String of(RiskLevel level) {
        return switch (level) {
            case LOW -> Styles.SUCCESS;
            case MODERATE -> Styles.ACCENT;
            case ELEVATED -> Styles.WARNING;
            case HIGH -> Styles.DANGER;
            case UNKNOWN -> Styles.TEXT_MUTED;
        };
    }

    /** The text colour for an identity match verdict. */
    static String of(MatchLevel level) {
        return switch (level) {
            case PERFECT, STRONG -> Styles.SUCCESS;
            case PARTIAL -> Styles.WARNING;
            case MISMATCH -> Styles.DANGER;
            case NOT_COMPARED -> Styles.TEXT_MUTED;
        };
    }
}
