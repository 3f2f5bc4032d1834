package dev.tartan.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

import java.util.function.Function;

/**
 * A subject's status as a small coloured chip: an Item's health ("healthy" or its error code), an
 * asset report's (waiting, ready, error, removed), or not known yet.
 */
public final class StatusChip {

    /** The chip's colours: "status-ok" (green), "status-error" (red), "status-waiting" (amber), "status-unknown" (grey). */
    public static final String OK = "status-ok";
    public static final String ERROR = "status-error";
    public static final String WAITING = "status-waiting";
    public static final String UNKNOWN = "status-unknown";

    private StatusChip() {
    }

    /**
     * An Item's health: green when "healthy", red for an error code.
     *
     * @param status  "healthy", an error code, or null while not known
     * @param unknown what the chip says while the status is not known
     */
    public static Label of(ObservableStringValue status, String unknown) {
        return of(status, unknown, now -> "healthy".equals(now) ? OK : ERROR);
    }

    /**
     * A status in the colour {@code style} gives it ({@link #OK}, {@link #ERROR}, {@link #WAITING}, {@link #UNKNOWN}).
     *
     * @param style the colour of a known status
     */
    public static Label of(ObservableStringValue status, String unknown, Function<String, String> style) {
        Label chip = new Label();
        chip.getStyleClass().add("status-chip");
        chip.textProperty().bind(Bindings.createStringBinding(() -> status.get() == null ? unknown : status.get(), status));
        status.addListener((obs, old, now) -> style(chip, now, style));
        style(chip, status.get(), style);
        return chip;
    }

    private static void style(Label chip, String status, Function<String, String> style) {
        chip.getStyleClass().removeAll(OK, ERROR, WAITING, UNKNOWN);
        chip.getStyleClass().add(status == null ? UNKNOWN : style.apply(status));
    }
}
