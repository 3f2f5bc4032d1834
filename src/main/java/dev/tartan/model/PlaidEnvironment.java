package dev.tartan.model;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a profile sends its calls. Sandbox and Production are Plaid's hosts; Custom is any base URL
 * (a proxy, a standalone emulator); Emulator is the built-in emulator, whose address is only known
 * once it runs, so its {@code baseUrl} is null until {@link #withBaseUrl(URI)} fills it in.
 */
public record PlaidEnvironment(Kind kind, URI baseUrl) {

    public enum Kind { SANDBOX, PRODUCTION, CUSTOM, EMULATOR }

    public static final PlaidEnvironment SANDBOX =
            new PlaidEnvironment(Kind.SANDBOX, URI.create("https://sandbox.plaid.com"));
    public static final PlaidEnvironment PRODUCTION =
            new PlaidEnvironment(Kind.PRODUCTION, URI.create("https://production.plaid.com"));
    public static final PlaidEnvironment EMULATOR = new PlaidEnvironment(Kind.EMULATOR, null);

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
    }

    public static PlaidEnvironment custom(URI baseUrl) {
        return new PlaidEnvironment(Kind.CUSTOM, baseUrl);
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
        return new PlaidEnvironment(kind, url);
    }

    public boolean isProduction() {
        return kind == Kind.PRODUCTION;
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
