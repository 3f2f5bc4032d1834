package dev.tartan.ui.processor;

import dev.tartan.service.ProcessorService;
import dev.tartan.service.ProcessorService.KnownWebhook;
import dev.tartan.ui.common.FxAsync;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The token's webhook: the URL Tartan last set, and the form that sets a new one. */
public final class WebhookModel {

    static final String UNKNOWN = "Tartan has not set a webhook for this token. Plaid has no call that reads a processor "
            + "token's webhook back, so Tartan shows the last URL it set itself.";

    private final ProcessorViewModel owner;
    private final ProcessorService service;
    private final ObjectProperty<Outcome<KnownWebhook>> known = new SimpleObjectProperty<>(Outcome.empty(UNKNOWN));
    private final StringProperty newUrl = new SimpleStringProperty("");
    private final ObjectProperty<Outcome<KnownWebhook>> update = new SimpleObjectProperty<>(Outcome.empty(""));

    WebhookModel(ProcessorViewModel owner, ProcessorService service) {
        this.owner = owner;
        this.service = service;
    }

    /** A token was opened: look up the URL Tartan set for it. */
    void load(ProcessorViewModel.OpenToken token) {
        update.set(Outcome.empty(""));
        known.set(Outcome.loading("Looking up the webhook Tartan set\u2026"));
        FxAsync.whenDone(service.knownWebhook(token.profile(), token.value()), found -> {
            if (owner.isCurrent(token)) {
                known.set(found.map(webhook -> Outcome.data(webhook, webhook.setAt(), false)).orElse(Outcome.empty(UNKNOWN)));
            }
        }, error -> {
            if (owner.isCurrent(token)) {
                known.set(Outcome.failed(ProcessorService.describeFailure(error)));
            }
        });
    }

    /** Sends /processor/token/webhook/update with the new URL (blank: no webhook). */
    public void update() {
        String url = newUrl.get();
        owner.run(update, "Updating the webhook",
                token -> service.updateWebhook(token.profile(), token.value(), url, owner.logFor(token)),
                webhook -> known.set(Outcome.data(webhook, webhook.setAt(), false)));
    }

    public ReadOnlyObjectProperty<Outcome<KnownWebhook>> knownProperty() {
        return known;
    }

    public StringProperty newUrlProperty() {
        return newUrl;
    }

    public ReadOnlyObjectProperty<Outcome<KnownWebhook>> updateProperty() {
        return update;
    }
}
