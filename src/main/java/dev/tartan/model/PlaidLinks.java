package dev.tartan.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which links Tartan opens in the browser: Plaid's own pages on https://plaid.com and nothing else.
 * A documentation_url comes from whatever answered the call; from a hostile or intercepted endpoint
 * it could be a file:// or UNC path, or a page made to look like Plaid's.
 */
public final class PlaidLinks {

    private static final String HOST = "plaid.com";
    /** What Plaid's spec gives operations that have no page. */
    private static final String PLACEHOLDER_PATH = "/docs/none/";

    private PlaidLinks() {
    }

    /** The link as a URI when it is a page of https://plaid.com (and not the spec's placeholder); empty otherwise. */
    public static Optional<URI> plaidPage(String link) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(link.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        boolean plaids = "https".equalsIgnoreCase(uri.getScheme())
                && uri.getRawUserInfo() == null
                && HOST.equals(uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT))
                && (uri.getPort() == -1 || uri.getPort() == 443)
                && uri.getRawPath() != null && uri.getRawPath().startsWith("/")
                && !uri.getRawPath().equalsIgnoreCase(PLACEHOLDER_PATH);
        return plaids ? Optional.of(uri) : Optional.empty();
    }

    public static boolean isPlaidPage(String link) {
        return plaidPage(link).isPresent();
    }
}
