package dev.tartan.model;

import java.util.Objects;

/**
 * A named set of Plaid credentials and the environment they are for. {@link #toString()} masks the
 * secret (through {@link Credentials}).
 */
public record Profile(String name, PlaidEnvironment environment, Credentials credentials) {

    /** Longest profile name Tartan accepts; names show in menus and table cells. */
    public static final int MAX_NAME_LENGTH = 64;

    public Profile {
        name = checkName(name);
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(credentials, "credentials");
        if (credentials.clientId().isBlank()) {
            throw new IllegalArgumentException("Profile '" + name + "': the client_id is empty");
        }
        if (credentials.secret().isBlank()) {
            throw new IllegalArgumentException("Profile '" + name + "': the secret is empty");
        }
    }

    /** A trimmed, valid profile name, or an exception that says what is wrong with it. */
    public static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A profile needs a name");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Profile name is longer than " + MAX_NAME_LENGTH + " characters: " + trimmed);
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Profile name contains a control character");
        }
        return trimmed;
    }
}
