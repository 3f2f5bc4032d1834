package dev.tartan.model;

import java.util.Locale;

/**
 * Which webhooks of the inbox to list: by type, code, the object they are about (part of its id)
 * and verdict. A blank text or {@link Verdict#ANY} leaves that out.
 */
public record WebhookFilter(String type, String code, String object, Verdict verdict) {

    public enum Verdict {
        ANY("any verdict"), VERIFIED("verified"), FAILED("failed"), PENDING("not checked yet");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final WebhookFilter ALL = new WebhookFilter("", "", "", Verdict.ANY);

    public WebhookFilter {
        type = type == null ? "" : type.strip();
        code = code == null ? "" : code.strip();
        object = object == null ? "" : object.strip();
        verdict = verdict == null ? Verdict.ANY : verdict;
    }

    /** Whether {@code webhook} is one this filter lists. */
    public boolean matches(ReceivedWebhook webhook) {
        if (!type.isEmpty() && !type.equalsIgnoreCase(webhook.type())) {
            return false;
        }
        if (!code.isEmpty() && !code.equalsIgnoreCase(webhook.code())) {
            return false;
        }
        if (!object.isEmpty() && (webhook.subject() == null
                || !webhook.subject().id().toLowerCase(Locale.ROOT).contains(object.toLowerCase(Locale.ROOT)))) {
            return false;
        }
        return switch (verdict) {
            case ANY -> true;
            case VERIFIED -> webhook.verdict().verified();
            case FAILED -> !webhook.verdict().isPending() && !webhook.verdict().verified();
            case PENDING -> webhook.verdict().isPending();
        };
    }
}
