package dev.tartan.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tartan.model.Masking;

import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks secrets and tokens in anything that leaves Tartan's memory as text: log lines, exception
 * messages, request history, "copy as curl". Tokens are recognised by their shape; secrets by
 * value, once registered (a secret has no recognisable shape), and by field name in JSON.
 */
public final class Redactor {

    private static final Redactor SHARED = new Redactor();

    /** JSON fields whose value is always masked, whatever it looks like. */
    private static final Set<String> SECRET_FIELDS = Set.of("secret", "client_secret", "auth_token");
    /** JSON fields holding a bank account's number: masked to their last four characters, as Plaid's own "mask". */
    private static final Set<String> ACCOUNT_NUMBER_FIELDS = Set.of("account", "account_number", "iban");

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** The process-wide redactor: every secret Tartan loads is registered here. */
    public static Redactor shared() {
        return SHARED;
    }

    /** Remembers a secret so it is masked wherever it appears. Short values are ignored: they would mask too much. */
    public void registerSecret(String secret) {
        if (secret != null && secret.length() >= 8) {
            secrets.add(secret);
        }
    }

    /** The text with every token masked ({@code access-sandbox-••••1f2e}) and every known secret hidden. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, Masking.maskSecret(secret));
            }
        }
        return Masking.maskTokensIn(result);
    }

    /**
     * A URL fit to show: its user info (a proxy URL may carry a password) and its query masked as
     * secrets are, the rest redacted as text.
     */
    public String redact(URI url) {
        StringBuilder text = new StringBuilder();
        if (url.getScheme() != null) {
            text.append(url.getScheme()).append(':');
        }
        if (url.getRawAuthority() != null) {
            text.append("//");
            if (url.getRawUserInfo() != null) {
                text.append(Masking.maskSecret(url.getRawUserInfo())).append('@');
            }
            text.append(url.getHost() != null ? url.getHost() : url.getRawAuthority().replaceFirst("^.*@", ""));
            if (url.getPort() >= 0) {
                text.append(':').append(url.getPort());
            }
        }
        text.append(Objects.requireNonNullElse(url.getRawPath(), ""));
        if (url.getRawQuery() != null) {
            text.append('?').append(Masking.maskSecret(url.getRawQuery()));
        }
        return redact(text.toString());
    }

    /**
     * JSON text as {@link #redact(JsonNode)} redacts it (so that its secret and account-number
     * fields are masked too), or, when it is not JSON, redacted as text.
     */
    public String redactJsonText(String json) {
        if (json == null) {
            return null;
        }
        try {
            return redact(PlaidJson.mapper().readTree(json)).toString();
        } catch (IOException e) {
            return redact(json);
        }
    }

    /** A copy of the JSON with secret and account-number fields masked and every string redacted as text. */
    public JsonNode redact(JsonNode json) {
        if (json == null) {
            return null;
        }
        JsonNode copy = json.deepCopy();
        redactInPlace(copy);
        return copy;
    }

    private void redactInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                String name = field.getKey().toLowerCase(Locale.ROOT);
                if (value.isTextual() && SECRET_FIELDS.contains(name)) {
                    field.setValue(TextNode.valueOf(Masking.maskSecret(value.asText())));
                } else if (value.isTextual() && ACCOUNT_NUMBER_FIELDS.contains(name)) {
                    field.setValue(TextNode.valueOf(Masking.maskAccountNumber(value.asText())));
                } else if (value.isTextual()) {
                    field.setValue(TextNode.valueOf(redact(value.asText())));
                } else {
                    redactInPlace(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isTextual()) {
                    array.set(i, TextNode.valueOf(redact(item.asText())));
                } else {
                    redactInPlace(item);
                }
            }
        }
    }
}
