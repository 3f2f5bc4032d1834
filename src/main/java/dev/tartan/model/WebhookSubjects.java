package dev.tartan.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** What a received webhook is about, to tell which simulation or scenario step caused it. */
public final class WebhookSubjects {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookSubjects() {
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
