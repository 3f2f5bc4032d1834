package dev.tartan.ui.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.TransferAmount;
import dev.tartan.service.FailureDescriber;
import dev.tartan.ui.common.FormViewModel;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The form that refunds part of a debit (/transfer/refund/create): an amount, at most what is left
 * (its amount less the refunds not cancelled, failed or returned). One idempotency key per form,
 * so a repeated click makes one refund. Used on the FX thread.
 */
public final class RefundFormViewModel extends FormViewModel<JsonNode> {

    private final long leftCents;
    private final BiFunction<Long, String, CompletableFuture<JsonNode>> refund;
    private final Consumer<JsonNode> onRefunded;
    private final String key = UUID.randomUUID().toString();
    private final StringProperty amount = new SimpleStringProperty("");
    private final String transferAmount;

    /**
     * @param refund     sends the refund of so many cents with an idempotency key
     * @param onRefunded told of the refund made
     */
    RefundFormViewModel(long leftCents, BiFunction<Long, String, CompletableFuture<JsonNode>> refund, Consumer<JsonNode> onRefunded,
                        String transferAmount) {
        super(FailureDescriber::describe);
        this.leftCents = leftCents;
        this.refund = refund;
        this.onRefunded = onRefunded;
        this.transferAmount = transferAmount;
        problemIs(() -> {
            if (leftCents <= 0) {
                return "Nothing is left to refund on this transfer.";
            }
            if (amount.get() == null || amount.get().isBlank()) {
                return "Type the amount to refund: at most $" + TransferAmount.format(leftCents) + ".";
            }
            try {
                long cents = TransferAmount.parse(amount.get(), "The refund");
                return cents > leftCents ? "The refund is more than the $" + TransferAmount.format(leftCents)
                        + " left to refund on this transfer." : "";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }, amount);
    }

    /** The amount to refund, as typed ("12.34"). */
    public StringProperty amountProperty() {
        return amount;
    }

    /** What is left to refund, in cents. */
    public long leftCents() {
        return leftCents;
    }

    /** The transfer's amount, as Plaid wrote it. */
    public String transferAmount() {
        return transferAmount;
    }

    @Override
    public void submit() {
        String typed = amount.get();
        submission().submit("Refunding\u2026", () -> refund.apply(TransferAmount.parse(typed, "The refund"), key), onRefunded);
    }
}
