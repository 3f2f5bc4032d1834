package dev.tartan.model;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks a webhook URL a user typed: Plaid posts webhooks to absolute http or https URLs only. */
public final class WebhookUrl {

    private WebhookUrl() {
    }

    /**
     * The URL, trimmed; null when the text is blank (no webhook).
     *
     * @throws IllegalArgumentException with a message for the user when it is not an http(s) URL
     */
    public static String check(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String url = text.strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return url;
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw new IllegalArgumentException("A webhook URL must be an absolute http or https URL, such as "
                + "https://example.com/plaid/webhooks");
    }
}
