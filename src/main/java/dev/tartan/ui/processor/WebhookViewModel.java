package dev.tartan.ui.processor;

import dev.tartan.model.KnownWebhook;
import dev.tartan.service.ProcessorWebhookService;
import dev.tartan.ui.common.InboxUrl;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The token's webhook: the URL Tartan last set, and the form that sets a new one. */
public final class WebhookViewModel {

    static final String UNKNOWN = "Tartan has not set a webhook for this token. Plaid has no call that reads a processor "
            + "token's webhook back, so Tartan shows the last URL it set itself.";

    private final ProcessorViewModel owner;
    private final ProcessorWebhookService service;
    private final ObjectProperty<Outcome<KnownWebhook>> known = new SimpleObjectProperty<>(Outcome.empty(UNKNOWN));
    private final StringProperty newUrl = new SimpleStringProperty("");
    private final ObjectProperty<Outcome<KnownWebhook>> update = new SimpleObjectProperty<>(Outcome.nothing());
    private final InboxUrl inbox;

    WebhookViewModel(ProcessorViewModel owner, ProcessorWebhookService service, InboxUrl inbox) {
        this.owner = owner;
        this.service = service;
        this.inbox = inbox;
    }

    /** Where Tartan's webhook inbox listens ("Use Tartan's inbox" beside the new URL). */
    public InboxUrl inbox() {
        return inbox;
    }

    /** A token was opened: look up the URL Tartan set for it. */
    void load() {
        ProcessorViewModel.OpenToken token = owner.openToken();
        update.set(Outcome.nothing());
        known.set(Outcome.loading("Looking up the webhook Tartan set\u2026"));
        owner.whenCurrent(service.knownWebhook(token.profile(), token.value()),
                found -> known.set(found.map(webhook -> Outcome.data(webhook, webhook.setAt(), false)).orElse(Outcome.empty(UNKNOWN))),
                failure -> known.set(Outcome.failed(failure)));
    }

    /** Sends /processor/token/webhook/update with the new URL (blank: no webhook). */
    public void update() {
        String url = newUrl.get();
        owner.run(update, "Updating the webhook",
                (token, log) -> service.updateWebhook(token.profile(), token.value(), url, log),
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
