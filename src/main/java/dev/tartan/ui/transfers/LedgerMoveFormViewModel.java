package dev.tartan.ui.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.TransferAmount;
import dev.tartan.service.FailureDescriber;
import dev.tartan.ui.common.FormViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A deposit into the Plaid Ledger from the funding account, or a withdrawal to it: an amount, the
 * network (ach or same-day-ach) and a description; one idempotency key per form.
 */
public final class LedgerMoveFormViewModel extends FormViewModel<JsonNode> {

    /** Sends the move: cents, network, description, idempotency key. */
    @FunctionalInterface
    interface Mover {
        CompletableFuture<JsonNode> move(long cents, String network, String description, String key);
    }

    public static final List<String> NETWORKS = List.of("ach", "same-day-ach");

    private final boolean deposit;
    private final Mover mover;
    private final Consumer<JsonNode> onMoved;
    private final String key = UUID.randomUUID().toString();
    private final StringProperty amount = new SimpleStringProperty("");
    private final ObjectProperty<String> network = new SimpleObjectProperty<>("ach");
    private final StringProperty description = new SimpleStringProperty("");

    LedgerMoveFormViewModel(boolean deposit, Mover mover, Consumer<JsonNode> onMoved) {
        super(FailureDescriber::describe);
        this.deposit = deposit;
        this.mover = mover;
        this.onMoved = onMoved;
        problemIs(() -> {
            try {
                TransferAmount.parse(amount.get(), "The amount");
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            return network.get() == null ? "Pick ach or same-day-ach." : "";
        }, amount, network);
    }

    public boolean isDeposit() {
        return deposit;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public ObjectProperty<String> networkProperty() {
        return network;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    @Override
    public void submit() {
        String typed = amount.get();
        submission().submit(deposit ? "Depositing\u2026" : "Withdrawing\u2026",
                () -> mover.move(TransferAmount.parse(typed, "The amount"), network.get(), description.get(), key), onMoved);
    }
}
