package dev.tartan.model;

import java.time.Instant;

/** A processor token's webhook as Tartan last set it (Plaid offers no call to read it back). */
public record KnownWebhook(String url, Instant setAt, String requestId) {
}
