package dev.tartan.emulator.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.spec.Conformer;
import dev.tartan.emulator.spec.Schema;
import dev.tartan.emulator.spec.SpecCatalog;

/**
 * Builds webhook bodies from the spec's webhook schemas and hands them to the {@link WebhookSender}.
 * A body starts from the fields the caller knows; anything else the schema requires is filled in, so
 * every body matches its documented shape.
 */
public final class Webhooks {
    public static final String ENVIRONMENT = "sandbox";

    private final SpecCatalog catalog;
    private final WebhookSender sender;

    public Webhooks(SpecCatalog catalog, WebhookSender sender) {
        this.catalog = catalog;
        this.sender = sender;
    }

    /**
     * The body of the webhook whose schema is {@code schemaName} (for example {@code DefaultUpdateWebhook}),
     * from {@code fields}; webhook_type, webhook_code and environment are set here.
     */
    public ObjectNode body(String schemaName, String type, String code, ObjectNode fields) {
        Schema schema = catalog.component(schemaName)
                .orElseThrow(() -> new IllegalArgumentException("the spec has no webhook schema " + schemaName));
        JsonNode conformed = Conformer.conform(undocumentedBody(type, code, fields), schema);
        return (ObjectNode) conformed;
    }

    /** The body of a webhook the spec documents no schema for: {@code fields} with webhook_type, webhook_code and environment. */
    public ObjectNode undocumentedBody(String type, String code, ObjectNode fields) {
        ObjectNode body = fields.deepCopy();
        body.put("webhook_type", type);
        body.put("webhook_code", code);
        body.put("environment", ENVIRONMENT);
        return body;
    }

    /** Sends {@code body} to {@code url} in the background (see {@link WebhookSender}). */
    public void send(String url, ObjectNode body) {
        sender.send(url, body);
    }
}
