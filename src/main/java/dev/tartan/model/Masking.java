package dev.tartan.model;

/** How Tartan shows a secret or a token it must not reveal: enough to tell two apart, no more. */
public final class Masking {

    private static final String DOTS = "\u2022\u2022\u2022\u2022";

    /**
     * A token as {@link #maskToken(String)} shows it: its public prefix, four dots, its last four
     * characters (group 1 the kind, 2 the environment, 3 the tail).
     */
    public static final java.util.regex.Pattern MASKED_TOKEN = java.util.regex.Pattern.compile(
            "\\b(access|processor|public|link|user|assets|a|payment-token|relay)-(sandbox|production|development)-\u2022{4}([A-Za-z0-9-]{0,4})");

    private Masking() {
    }

    /** A secret shows nothing of itself but its last two characters. */
    public static String maskSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        return DOTS + (secret.length() > 8 ? secret.substring(secret.length() - 2) : "");
    }

    /** A bank account number keeps its last four characters when it has eight or more: {@code ••••6789}. */
    public static String maskAccountNumber(String number) {
        if (number == null || number.isEmpty()) {
            return "";
        }
        return DOTS + (number.length() >= 8 ? number.substring(number.length() - 4) : "");
    }

    /** The text with every Plaid token in it masked as {@link #maskToken(String)} does. */
    public static String maskTokensIn(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        java.util.regex.Matcher tokens = TokenKind.TOKEN.matcher(text);
        if (!tokens.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder();
        tokens.reset();
        while (tokens.find()) {
            tokens.appendReplacement(masked, java.util.regex.Matcher.quoteReplacement(maskToken(tokens.group())));
        }
        tokens.appendTail(masked);
        return masked.toString();
    }

    /**
     * A token keeps its public prefix (kind and environment, e.g. {@code access-sandbox-}) and its
     * last four characters: {@code access-sandbox-••••1f2e}.
     */
    public static String maskToken(String token) {
        if (token == null || token.isEmpty()) {
            return "";
        }
        TokenKind kind = TokenKind.of(token);
        String prefix = kind == null ? "" : kind.prefixOf(token);
        String rest = token.substring(prefix.length());
        String tail = rest.length() > 12 ? rest.substring(rest.length() - 4) : "";
        return prefix + DOTS + tail;
    }
}
