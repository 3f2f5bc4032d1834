package dev.tartan.ui.items;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** An Item's health as a small coloured chip: "healthy", its error code, or not checked yet. */
final class StatusChip {

    private StatusChip() {
    }

    /**
     * @param status  "healthy", an error code, or null while not known
     * @param unknown what the chip says while the status is not known
     */
    static Label of(ObservableStringValue status, String unknown) {
        Label chip = new Label();
        chip.getStyleClass().add("status-chip");
        chip.textProperty().bind(Bindings.createStringBinding(() -> status.get() == null ? unknown : status.get(), status));
        status.addListener((obs, old, now) -> style(chip, now));
        style(chip, status.get());
        return chip;
    }

    private static void style(Label chip, String status) {
        chip.getStyleClass().removeAll("status-ok", "status-error", "status-unknown");
        chip.getStyleClass().add(status == null ? "status-unknown" : "healthy".equals(status) ? "status-ok" : "status-error");
    }
}
