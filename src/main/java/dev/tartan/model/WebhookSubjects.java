package dev.tartan.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a webhook is about: read from its body (the Item, transfer, screening, asset report or account the
 * inbox links to), and every id it names (to tell which simulation or scenario step caused it).
 */
public final class WebhookSubjects {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** The ids of the Items, accounts, transfers, ... a webhook names (its subject, and the ids in its body). */
    public static Set<String> of(ReceivedWebhook webhook) {
        Set<String> about = new LinkedHashSet<>();
        if (webhook.subject() != null) {
            about.add(webhook.subject().id());
        }
        try {
            about.addAll(ReplyValues.subjectIds(JSON.readTree(webhook.body() == null ? "" : webhook.body())));
        } catch (JsonProcessingException e) {
            // a body that is not JSON names nothing
        }
        return about;
    }

    /** Whether the webhook names one of {@code ids}. */
    public static boolean concerns(ReceivedWebhook webhook, Set<String> ids) {
        return !Collections.disjoint(of(webhook), ids);
    }
}
