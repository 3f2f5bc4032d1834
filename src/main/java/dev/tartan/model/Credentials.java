package dev.tartan.model;

import java.util.Objects;
import java.util.Optional;

/** A Plaid client_id and secret. {@link #toString()} never shows the secret. */
public record Credentials(String clientId, String secret) {

    public Credentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
    }

    /** Why these credentials cannot be sent (see {@link #characterProblem}), the client_id's first; empty when they can. */
    public Optional<String> problem() {
        return characterProblem("client_id", clientId).or(() -> characterProblem("secret", secret));
    }

    /**
     * Why {@code value} cannot be sent as the credential {@code name} ("client_id", "secret"), in
     * words that show nothing of it; empty when it can. Plaid's credentials are letters and digits;
     * what else turns up came with a copy from a web page or a document (a no-break space, a
     * zero-width space, a byte-order mark) and cannot travel in an HTTP header.
     */
    public static Optional<String> characterProblem(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '!' || c > '~') {
                String where = i == 0 ? "at its start" : i == value.length() - 1 ? "at its end" : "inside it";
                return Optional.of("The " + name + " has a space, an invisible or a non-ASCII character " + where
                        + " (a no-break space, zero-width space or byte-order mark often comes along with a copy). "
                        + "Plaid's credentials are plain letters and digits: type or paste it again without it.");
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Credentials[clientId=" + clientId + ", secret=" + Masking.maskSecret(secret) + "]";
    }
}
