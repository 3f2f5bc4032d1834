package dev.tartan.model;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a base URL says about where calls go, from its text alone (no name is looked up): this
 * machine, Plaid's Sandbox, Plaid's other hosts, and whether the credentials would cross the
 * network unencrypted.
 */
public final class BaseUrls {

    private static final String PLAID_DOMAIN = "plaid.com";
    private static final String SANDBOX_HOST = "sandbox.plaid.com";
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private BaseUrls() {
    }

    /** The host in lower case, without a trailing dot (which names the same host); "" when there is none. */
    static String hostOf(URI url) {
        String host = url == null || url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** Whether the URL points at this machine: localhost, 127.0.0.0/8 or ::1. */
    public static boolean isLoopback(URI url) {
        String host = hostOf(url);
        return host.equals("localhost") || host.endsWith(".localhost")
                || IPV4_LOOPBACK.matcher(host).matches() || isIpv6Loopback(host);
    }

    /** An IPv6 literal ({@code [::1]}) is read as an address; a bracketed host is never looked up. */
    private static boolean isIpv6Loopback(String host) {
        if (!host.startsWith("[")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether the URL is on Plaid's Sandbox host. */
    public static boolean isPlaidSandbox(URI url) {
        return hostOf(url).equals(SANDBOX_HOST);
    }

    /**
     * Whether the URL is on one of Plaid's hosts other than Sandbox's: production.plaid.com, and
     * any other that would reach real data, so that the answer errs on the side of asking.
     */
    public static boolean isPlaidProduction(URI url) {
        String host = hostOf(url);
        return (host.equals(PLAID_DOMAIN) || host.endsWith("." + PLAID_DOMAIN)) && !host.equals(SANDBOX_HOST);
    }

    /** Whether calls would carry the secret and tokens unencrypted over the network: http:// to another machine. */
    public static boolean isInClear(URI url) {
        return url != null && "http".equalsIgnoreCase(url.getScheme()) && !isLoopback(url);
    }
}
