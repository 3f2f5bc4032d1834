package dev.tartan.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of Plaid token Tartan keeps, told apart by their shape:
 * {@code <prefix>-<environment>-<identifier>}, for example {@code access-sandbox-8ab976e6-...}.
 */
public enum TokenKind {
    ACCESS("access", "Access token"),
    PROCESSOR("processor", "Processor token"),
    PUBLIC("public", "Public token"),
    LINK("link", "Link token"),
    USER("user", "User token"),
    ASSET_REPORT("assets", "Asset report token"),
    AUDIT_COPY("a", "Audit copy token"),
    PAYMENT("payment-token", "Payment token"),
    RELAY("relay", "Relay token");

    /** Every token Plaid issues: a known prefix, an environment, and an identifier. */
    public static final Pattern TOKEN = Pattern.compile(
            "\\b(access|processor|public|link|user|assets|a|payment-token|relay)-(sandbox|production|development)-[A-Za-z0-9][A-Za-z0-9-]{3,}");

    /** The start of any token issued by Plaid Production, however short or malformed the rest. */
    private static final Pattern PRODUCTION_TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9])(access|processor|public|link|user|assets|a|payment-token|relay)-production-",
            Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;
    private final String displayName;

    TokenKind(String prefix, String displayName) {
        this.prefix = prefix;
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The kind of a token by its shape, or null when the text is not a Plaid token. */
    public static TokenKind of(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = TOKEN.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        String prefix = m.group(1).toLowerCase(Locale.ROOT);
        for (TokenKind kind : values()) {
            if (kind.prefix.equals(prefix)) {
                return kind;
            }
        }
        return null;
    }

    /** The environment a token was issued for ("sandbox", "production"), or null if not a token. */
    public static String environmentOf(String token) {
        Matcher m = TOKEN.matcher(token == null ? "" : token.trim());
        return m.matches() ? m.group(2) : null;
    }

    /**
     * Whether {@code text} holds a token issued by Plaid Production ({@code access-production-...},
     * {@code processor-production-...}, ...). JSON is read first, so that a token written with
     * escapes ({@code \u0061ccess-production-...}) is found too.
     */
    public static boolean containsProductionToken(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        if (PRODUCTION_TOKEN.matcher(text).find()) {
            return true;
        }
        try {
            return jsonContainsProductionToken(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            return false; // not JSON: the text itself was searched
        }
    }

    private static boolean jsonContainsProductionToken(JsonNode root) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        if (root != null) {
            pending.push(root);
        }
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isTextual() && PRODUCTION_TOKEN.matcher(node.asText()).find()) {
                return true;
            }
            var names = node.fieldNames();
            while (names.hasNext()) {
                if (PRODUCTION_TOKEN.matcher(names.next()).find()) {
                    return true;
                }
            }
            node.forEach(pending::push);
        }
        return false;
    }

    /** The public part of a token of this kind: {@code access-sandbox-}. */
    String prefixOf(String token) {
        String env = environmentOf(token);
        return env == null ? "" : prefix + "-" + env + "-";
    }
}
