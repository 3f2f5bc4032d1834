package dev.tartan.model;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a profile sends its calls. Sandbox and Production are Plaid's hosts; Custom is any base URL
 * (a proxy, a standalone emulator); Emulator is the built-in emulator, whose address is only known
 * once it runs, so its {@code baseUrl} is null until {@link #withBaseUrl(URI)} fills it in.
 *
 * <p>A custom URL carries two answers only its user can give: whether it reaches Plaid Production
 * ({@code markedProduction}: a proxy in front of it, say), and whether calls may go to it over
 * plain http although it is another machine ({@code plainHttpAllowed}).
 */
public record PlaidEnvironment(Kind kind, URI baseUrl, boolean markedProduction, boolean plainHttpAllowed) {

    public enum Kind { SANDBOX, PRODUCTION, CUSTOM, EMULATOR }

    public static final PlaidEnvironment SANDBOX =
            new PlaidEnvironment(Kind.SANDBOX, URI.create("https://sandbox.plaid.com"), false, false);
    public static final PlaidEnvironment PRODUCTION =
            new PlaidEnvironment(Kind.PRODUCTION, URI.create("https://production.plaid.com"), false, false);
    public static final PlaidEnvironment EMULATOR = new PlaidEnvironment(Kind.EMULATOR, null, false, false);

    public PlaidEnvironment {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.EMULATOR) {
            Objects.requireNonNull(baseUrl, "baseUrl");
        }
        if (baseUrl != null) {
            String scheme = baseUrl.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("A Plaid base URL must start with http:// or https://, not: " + baseUrl);
            }
            if (baseUrl.getHost() == null) {
                throw new IllegalArgumentException("A Plaid base URL needs a host: " + baseUrl);
            }
        }
        if (kind != Kind.CUSTOM && (markedProduction || plainHttpAllowed)) {
            throw new IllegalArgumentException("Only a custom base URL can be marked as Production or allowed plain http, not "
                    + kind.name().toLowerCase(Locale.ROOT));
        }
    }

    /** A custom base URL, not marked as Production, plain http allowed only to this machine. */
    public static PlaidEnvironment custom(URI baseUrl) {
        return new PlaidEnvironment(Kind.CUSTOM, baseUrl, false, false);
    }

    /**
     * Reads the form used on the command line and in settings: {@code sandbox}, {@code production},
     * {@code emulator}, or a base URL.
     */
    public static PlaidEnvironment parse(String text) {
        String value = Objects.requireNonNull(text, "environment").trim();
        switch (value.toLowerCase(Locale.ROOT)) {
            case "sandbox": return SANDBOX;
            case "production": return PRODUCTION;
            case "emulator": return EMULATOR;
            default:
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("Environment is empty: use sandbox, production, emulator or a URL");
                }
                try {
                    return custom(URI.create(value));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "Not an environment: '" + value + "'. Use sandbox, production, emulator or an http(s) URL", e);
                }
        }
    }

    /** The inverse of {@link #parse(String)}. */
    public String asText() {
        return switch (kind) {
            case SANDBOX -> "sandbox";
            case PRODUCTION -> "production";
            case EMULATOR -> "emulator";
            case CUSTOM -> baseUrl.toString();
        };
    }

    public PlaidEnvironment withBaseUrl(URI url) {
        return new PlaidEnvironment(kind, url, markedProduction, plainHttpAllowed);
    }

    /** This custom URL, marked (or not) by its user as reaching Plaid Production. */
    public PlaidEnvironment withProductionMark(boolean production) {
        return new PlaidEnvironment(kind, baseUrl, production, plainHttpAllowed);
    }

    /** This custom URL, with plain http to another machine allowed (or not) by its user. */
    public PlaidEnvironment withPlainHttpAllowed(boolean allowed) {
        return new PlaidEnvironment(kind, baseUrl, markedProduction, allowed);
    }

    /**
     * Whether calls here act on Plaid Production: the built-in Production, a URL on Plaid's hosts
     * other than Sandbox's, or a custom URL its user marked as Production.
     */
    public boolean isProduction() {
        return kind == Kind.PRODUCTION || markedProduction || BaseUrls.isPlaidProduction(baseUrl);
    }

    /**
     * Whether a call with this body acts on Production: the environment is Production, or the body
     * holds a token Production issued (whatever the URL, a proxy may forward it there).
     */
    public boolean isProductionCall(String requestBody) {
        return isProduction() || TokenKind.containsProductionToken(requestBody);
    }

    /**
     * Whether only the user can tell if this reaches Production, so Tartan must ask: a custom URL
     * that is neither this machine nor one of Plaid's own hosts.
     */
    public boolean needsProductionAnswer() {
        return kind == Kind.CUSTOM && !BaseUrls.isLoopback(baseUrl) && !BaseUrls.isPlaidSandbox(baseUrl)
                && !BaseUrls.isPlaidProduction(baseUrl);
    }

    /** Whether calls carry the secret and tokens unencrypted over the network (http:// to another machine). */
    public boolean sendsInClear() {
        return BaseUrls.isInClear(baseUrl);
    }

    /** Why calls may not go here (plain http to another machine, not allowed by the user), if they may not. */
    public Optional<String> plainHttpRefusal() {
        return sendsInClear() && !plainHttpAllowed ? Optional.of(plainHttpRefusal(baseUrl)) : Optional.empty();
    }

    /** What to tell a user whose base URL would send the credentials in clear. */
    public static String plainHttpRefusal(URI baseUrl) {
        return "http://" + BaseUrls.hostOf(baseUrl) + " would carry the secret and tokens unencrypted across the network. "
                + "Use https://, or allow plain http to it explicitly (the profile's \"Allow plain http\", or "
                + "--allow-insecure-http on the command line).";
    }

    /** A short name for the user: "Sandbox", "Production", "Local emulator" or the host. */
    public String displayName() {
        return switch (kind) {
            case SANDBOX -> "Sandbox";
            case PRODUCTION -> "Production";
            case EMULATOR -> "Local emulator";
            case CUSTOM -> baseUrl.getHost() + (baseUrl.getPort() > 0 ? ":" + baseUrl.getPort() : "");
        };
    }
}
