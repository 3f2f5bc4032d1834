package dev.tartan.ui.webhooks;

import dev.tartan.model.ReceivedWebhook;
import dev.tartan.service.FailureDescriber;
import dev.tartan.ui.common.FormViewModel;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * "Verify a webhook": a body and its Plaid-Verification header, pasted from someone's logs, and
 * the verdict the inbox would give it (its age measured to now). Nothing is kept.
 */
public final class VerifyWebhookFormViewModel extends FormViewModel<ReceivedWebhook> {

    private final BiFunction<String, String, CompletableFuture<ReceivedWebhook>> verify;
    private final Consumer<ReceivedWebhook> onVerified;
    private final StringProperty body = new SimpleStringProperty("");
    private final StringProperty header = new SimpleStringProperty("");

    VerifyWebhookFormViewModel(BiFunction<String, String, CompletableFuture<ReceivedWebhook>> verify, Consumer<ReceivedWebhook> onVerified) {
        super(FailureDescriber::describe);
        this.verify = verify;
        this.onVerified = onVerified;
        problemIs(this::whatIsMissing, body, header);
    }

    /** The body exactly as it was received (whitespace matters: Plaid signs the exact bytes). */
    public StringProperty bodyProperty() {
        return body;
    }

    /** The Plaid-Verification header's value (with or without its name). */
    public StringProperty headerProperty() {
        return header;
    }

    private String whatIsMissing() {
        if (body.get() == null || body.get().isBlank()) {
            return "Paste the webhook's body, exactly as it was received.";
        }
        if (header.get() == null || header.get().isBlank()) {
            return "Paste its Plaid-Verification header.";
        }
        return "";
    }

    @Override
    public void submit() {
        String text = body.get();
        String token = header.get();
        submission().submit("Verifying\u2026", () -> verify.apply(text, token), onVerified);
    }
}
