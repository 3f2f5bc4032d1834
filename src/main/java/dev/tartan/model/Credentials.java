package dev.tartan.model;

import java.util.Objects;

/** A Plaid client_id and secret. {@link #toString()} never shows the secret. */
public record Credentials(String clientId, String secret) {

    public Credentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "Credentials[clientId=" + clientId + ", secret=" + Masking.maskSecret(secret) + "]";
    }
}
