package dev.tartan.service;

import dev.tartan.model.ReceivedWebhook;

import java.util.List;
import java.util.function.Consumer;

/**
 * The webhooks Tartan's inbox receives, for whoever wants to watch them arrive (the Webhooks pane,
 * the Sandbox pane showing what a simulation caused). Listeners are called on a background thread.
 */
public interface WebhookFeed {

    /** The URL a webhook must be sent to to reach the inbox (on this machine). */
    String inboxUrl();

    /** The newest webhooks received, newest first. */
    List<ReceivedWebhook> recent(int limit);

    /** Calls {@code listener} with each webhook received from now on; closing the result stops it. */
    AutoCloseable subscribe(Consumer<ReceivedWebhook> listener);
}
