package dev.tartan.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One webhook that reached Tartan's inbox, as the inbox keeps it.
 *
 * @param id          the inbox's id for it (ascending in the order received)
 * @param receivedAt  when it arrived
 * @param type        its {@code webhook_type} (ITEM, TRANSFER, SCREENING, ASSETS, ...), "" when it has none
 * @param code        its {@code webhook_code}, "" when it has none
 * @param subject     what it is about (an Item, a transfer, a screening, an asset report), or null
 * @param body        the body exactly as received
 * @param headers     the request headers (Plaid-Verification among them)
 * @param verdict     how its verification went
 */
public record ReceivedWebhook(long id, Instant receivedAt, String type, String code, WebhookSubject subject,
                              String body, Map<String, String> headers, WebhookVerdict verdict) {

    public ReceivedWebhook {
        Objects.requireNonNull(receivedAt, "receivedAt");
        type = type == null ? "" : type;
        code = code == null ? "" : code;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        Objects.requireNonNull(verdict, "verdict");
    }

    /** The value of the header {@code name}, whatever its case (HTTP header names are case-insensitive), or null. */
    public String header(String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** The same webhook with its verdict now known. */
    public ReceivedWebhook withVerdict(WebhookVerdict newVerdict) {
        return new ReceivedWebhook(id, receivedAt, type, code, subject, body, headers, newVerdict);
    }

    /**
     * What a webhook is about, so the inbox can open it in its pane. {@link Kind#OTHER} is an
     * account (a processor token's webhook names its account_id).
     */
    public record WebhookSubject(Kind kind, String id) {
        public enum Kind { ITEM, TRANSFER, SCREENING, ENTITY_SCREENING, ASSET_REPORT, OTHER }

        public WebhookSubject {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
        }
    }
}
