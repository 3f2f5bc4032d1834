package dev.tartan.ui.transfers;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

import java.util.List;

/** A transfer's, a refund's or a sweep's status as a small coloured chip. */
final class TransferChips {

    private static final List<String> STATUSES = List.of("pending", "posted", "settled", "funds_available", "failed", "returned",
            "cancelled");

    private TransferChips() {
    }

    static Label chip(String status) {
        Label chip = new Label();
        show(chip, status);
        return chip;
    }

    /** Shows {@code status} on {@code chip} ("" for none). */
    static void show(Label chip, String status) {
        chip.getStyleClass().removeIf(style -> style.startsWith("status-"));
        if (!chip.getStyleClass().contains("transfer-status")) {
            chip.getStyleClass().add("transfer-status");
        }
        chip.setText(status == null ? "" : status.replace('_', ' '));
        chip.setVisible(status != null && !status.isEmpty());
        if (status != null && STATUSES.contains(status)) {
            chip.getStyleClass().add("status-" + status);
        }
    }

    /** A table cell showing its value as a chip. */
    static <S> TableCell<S, String> cell() {
        return new TableCell<>() {
            private final Label chip = new Label();

            @Override
            protected void updateItem(String status, boolean empty) {
                super.updateItem(status, empty);
                setText(null);
                if (empty || status == null) {
                    setGraphic(null);
                } else {
                    show(chip, status);
                    setGraphic(chip);
                }
            }
        };
    }
}
