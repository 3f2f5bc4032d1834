package dev.tartan.model;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads from a webhook's body what it is about: the Item, transfer, screening, asset report or account. */
public final class WebhookSubjects {

    private WebhookSubjects() {
    }

    /** The subject of a webhook body, or null when it names none (TRANSFER_EVENTS_UPDATE, for one). */
    public static ReceivedWebhook.WebhookSubject of(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        String type = body.path("webhook_type").asText("");
        String screening = text(body, "screening_id");
        if (screening != null && type.equals("SCREENING")) {
            return subject(ReceivedWebhook.WebhookSubject.Kind.SCREENING, screening);
        }
        if (screening != null && type.equals("ENTITY_SCREENING")) {
            return subject(ReceivedWebhook.WebhookSubject.Kind.ENTITY_SCREENING, screening);
        }
        String assetReport = text(body, "asset_report_id");
        if (assetReport != null) {
            return subject(ReceivedWebhook.WebhookSubject.Kind.ASSET_REPORT, assetReport);
        }
        String item = text(body, "item_id");
        if (item != null) {
            return subject(ReceivedWebhook.WebhookSubject.Kind.ITEM, item);
        }
        String transfer = text(body, "transfer_id");
        if (transfer != null) {
            return subject(ReceivedWebhook.WebhookSubject.Kind.TRANSFER, transfer);
        }
        String account = text(body, "account_id");
        if (account != null) {
            return subject(ReceivedWebhook.WebhookSubject.Kind.OTHER, account);
        }
        return null;
    }

    private static ReceivedWebhook.WebhookSubject subject(ReceivedWebhook.WebhookSubject.Kind kind, String id) {
        return new ReceivedWebhook.WebhookSubject(kind, id);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
