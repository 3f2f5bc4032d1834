package dev.tartan.api;

import java.time.Duration;

/**
 * No complete reply arrived within the operation's time limit. Retried only for operations safe to
 * repeat: an unsafe write may still be running at Plaid.
 */
public final class PlaidTimeoutException extends PlaidClientException {

    private final Duration timeout;

    public PlaidTimeoutException(String method, String path, Duration timeout, Throwable cause) {
        super(method, path, "no reply within " + timeout.toSeconds() + " s", cause);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
